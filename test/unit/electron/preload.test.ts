// The preload exposes one object, window.custody, holding exactly the contract's
// methods; each invokes its own channel; nothing IPC-shaped leaks to the page.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels, ipcEventChannels } from '../../../shared/ipc/contract.ts';

const { exposeInMainWorld, ipcRenderer } = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  ipcRenderer: {
    invoke: vi.fn(async (..._args: unknown[]) => 'result'),
    on: vi.fn(),
    removeListener: vi.fn(),
    send: vi.fn(),
    sendSync: vi.fn(),
  },
}));

vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer }));

type Exposed = Record<string, (...args: unknown[]) => unknown>;
let exposed: Exposed;

beforeAll(async () => {
  await import('../../../electron/preload/index.ts');
  exposed = exposeInMainWorld.mock.calls[0]![1] as Exposed;
});

const contractMethods = [...Object.keys(ipcChannels), ...Object.keys(ipcEventChannels)].sort();

describe('preload bridge', () => {
  it('exposes a single "custody" object and nothing else', () => {
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(exposeInMainWorld.mock.calls[0]![0]).toBe('custody');
  });

  it('has exactly the contract method names, all functions', () => {
    expect(Object.keys(exposed).sort()).toEqual(contractMethods);
    for (const name of contractMethods) expect(typeof exposed[name], name).toBe('function');
    for (const leak of ['invoke', 'send', 'sendSync', 'on', 'ipcRenderer', 'require', 'process']) {
      expect(exposed).not.toHaveProperty(leak);
    }
  });

  it.each(Object.entries(ipcChannels))('%s invokes %s with its arguments unchanged', async (method, channel) => {
    ipcRenderer.invoke.mockClear();
    const arg = { probe: method };
    await expect(exposed[method]!(arg)).resolves.toBe('result');
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(channel, arg);
    ipcRenderer.invoke.mockClear();
    await exposed[method]!();
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(channel);
  });

  it('relays menu commands without the IPC event, drops unknown ones, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = exposed.onMenuCommand!(listener) as () => void;
    expect(ipcRenderer.on).toHaveBeenCalledWith(ipcEventChannels.onMenuCommand, expect.any(Function));
    const relay = ipcRenderer.on.mock.calls[0]![1] as (event: unknown, ...args: unknown[]) => void;
    relay({ sender: ipcRenderer }, 'import');
    relay({ sender: ipcRenderer }, 'rm -rf');
    relay({ sender: ipcRenderer }, { command: 'import' });
    expect(listener.mock.calls).toEqual([['import']]);
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(ipcEventChannels.onMenuCommand, relay);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => exposed.onMenuCommand!('alert(1)')).toThrow(TypeError);
  });
});
