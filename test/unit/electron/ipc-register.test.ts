// The IPC surface: one handler per contract method, each refusing foreign or vanished
// frames and anything but exactly the contract's arguments.
import { describe, expect, it, vi } from 'vitest';
import { createOriginPolicy } from '../../../electron/main/app-origin.ts';
import { registerIpcHandlers } from '../../../electron/main/ipc/register-handlers.ts';
import type { CustodyHandlers, InvokeEventLike } from '../../../electron/main/ipc/register-handlers.ts';
import { ipcChannels } from '../../../shared/ipc/contract.ts';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

function setup(devServerUrl?: string) {
  const listeners = new Map<string, Listener>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Listener) => void listeners.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => void listeners.delete(channel)),
  };
  const handlers = {
    getAppInfo: vi.fn(async () => ({ version: '0.1.0', platform: 'linux', shell: 'electron' as const })),
    openFiles: vi.fn(async () => []),
    saveFile: vi.fn(async () => 'out.zip'),
    readDemoWorkspace: vi.fn(async () => []),
  } satisfies CustodyHandlers<InvokeEventLike>;
  const unregister = registerIpcHandlers(ipcMain, handlers, createOriginPolicy(devServerUrl).isAppUrl);
  const call = async (method: keyof typeof ipcChannels, event: InvokeEventLike, ...args: unknown[]) =>
    listeners.get(ipcChannels[method])!(event, ...args);
  return { listeners, ipcMain, handlers, unregister, call };
}

const fromApp: InvokeEventLike = { senderFrame: { url: 'app://custody/index.html' } };
const validOpen = { title: 'Import logs', extensions: ['jsonl', 'csv'], multiple: true };
const validSave = { suggestedName: 'audit.custody.zip', bytes: new Uint8Array([1, 2, 3]) };

describe('registerIpcHandlers', () => {
  it('registers exactly the contract channels and can remove them', () => {
    const { listeners, unregister, ipcMain } = setup();
    expect([...listeners.keys()].sort()).toEqual(Object.values(ipcChannels).sort());
    unregister();
    expect(listeners.size).toBe(0);
    expect(ipcMain.removeHandler).toHaveBeenCalledTimes(Object.keys(ipcChannels).length);
  });

  it('passes a valid call from the app through to its handler', async () => {
    const { call, handlers } = setup();
    await expect(call('getAppInfo', fromApp)).resolves.toMatchObject({ shell: 'electron' });
    await expect(call('saveFile', fromApp, validSave)).resolves.toBe('out.zip');
    expect(handlers.saveFile).toHaveBeenCalledWith(validSave, fromApp);
    await call('openFiles', fromApp, validOpen);
    expect(handlers.openFiles).toHaveBeenCalledWith(validOpen, fromApp);
  });

  describe('sender checks', () => {
    const foreignFrames = [
      'https://evil.example/',
      'http://localhost:5173/',
      'file:///tmp/index.html',
      'app://evil/index.html',
      'about:blank',
      '',
    ];
    for (const method of Object.keys(ipcChannels) as (keyof typeof ipcChannels)[]) {
      it(`${method}: refuses frames from other origins`, async () => {
        const { call, handlers } = setup();
        const arg = method === 'openFiles' ? [validOpen] : method === 'saveFile' ? [validSave] : [];
        for (const url of foreignFrames) {
          await expect(call(method, { senderFrame: { url } }, ...arg), url).rejects.toThrow(/outside the app/);
        }
        expect(handlers[method]).not.toHaveBeenCalled();
      });

      it(`${method}: refuses a missing senderFrame`, async () => {
        const { call, handlers } = setup();
        await expect(call(method, { senderFrame: null })).rejects.toThrow(/frame is gone/);
        await expect(call(method, { senderFrame: undefined })).rejects.toThrow(/frame is gone/);
        expect(handlers[method]).not.toHaveBeenCalled();
      });
    }

    it('accepts the dev server only when it is configured', async () => {
      const devEvent = { senderFrame: { url: 'http://localhost:5173/' } };
      await expect(setup('http://localhost:5173').call('getAppInfo', devEvent)).resolves.toBeDefined();
      await expect(setup().call('getAppInfo', devEvent)).rejects.toThrow(/outside the app/);
    });
  });

  describe('argument validation', () => {
    it.each([
      ['missing argument', []],
      ['two arguments', [validOpen, validOpen]],
      ['null', [null]],
      ['a string', ['/etc/passwd']],
      ['wrong types', [{ title: 1, extensions: 'json', multiple: 'yes' }]],
      ['extra property', [{ ...validOpen, defaultPath: '/etc' }]],
      ['path-like extension', [{ ...validOpen, extensions: ['../x'] }]],
      ['too many extensions', [{ ...validOpen, extensions: Array.from({ length: 33 }, () => 'json') }]],
      ['huge title', [{ ...validOpen, title: 'x'.repeat(201) }]],
    ])('openFiles rejects %s', async (_label, args) => {
      const { call, handlers } = setup();
      await expect(call('openFiles', fromApp, ...args)).rejects.toThrow(/openFiles/);
      expect(handlers.openFiles).not.toHaveBeenCalled();
    });

    it.each([
      ['a path with /', { ...validSave, suggestedName: '../../.bashrc' }],
      ['an absolute path', { ...validSave, suggestedName: '/etc/passwd' }],
      ['a Windows path', { ...validSave, suggestedName: 'C:\\Users\\x\\evil.exe' }],
      ['an empty name', { ...validSave, suggestedName: '' }],
      ['a 256-char name', { ...validSave, suggestedName: 'a'.repeat(256) }],
      ['bytes as an array', { ...validSave, bytes: [1, 2, 3] }],
      ['bytes as a string', { ...validSave, bytes: 'AQID' }],
      ['an extra property', { ...validSave, directory: '/tmp' }],
      ['a missing property', { suggestedName: 'x.zip' }],
    ])('saveFile rejects %s', async (_label, arg) => {
      const { call, handlers } = setup();
      await expect(call('saveFile', fromApp, arg)).rejects.toThrow(/Invalid argument for saveFile|saveFile/);
      expect(handlers.saveFile).not.toHaveBeenCalled();
    });

    it('says why a path is refused', async () => {
      const { call } = setup();
      await expect(call('saveFile', fromApp, { ...validSave, suggestedName: 'a/b.zip' })).rejects.toThrow(
        'Invalid argument for saveFile: suggestedName: a file name, not a path',
      );
    });

    it('refuses any argument to methods that take none', async () => {
      const { call, handlers } = setup();
      await expect(call('getAppInfo', fromApp, {})).rejects.toThrow('getAppInfo takes no arguments');
      await expect(call('readDemoWorkspace', fromApp, '../')).rejects.toThrow('readDemoWorkspace takes no arguments');
      await expect(call('readDemoWorkspace', fromApp, undefined)).rejects.toThrow(/takes no arguments/);
      expect(handlers.getAppInfo).not.toHaveBeenCalled();
      expect(handlers.readDemoWorkspace).not.toHaveBeenCalled();
    });
  });
});
