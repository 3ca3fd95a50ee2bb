// `npm start`: the Electron binary check never downloads, honours
// ELECTRON_OVERRIDE_DIST_PATH, and a missing binary ends in one clear paragraph and exit 1.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  defaultExecutable,
  electronPackageDir,
  findElectronBinary,
  missingElectronMessage,
} from '../../../electron/tools/electron-binary.mjs';
import { start } from '../../../electron/tools/start.mjs';

const electronDir = '/project/node_modules/electron';

function fakeFs(files: Record<string, string>) {
  return { exists: (p: string) => p in files, readText: (p: string) => files[p] ?? '' };
}

describe('findElectronBinary', () => {
  it('finds dist/<path.txt> when both exist', () => {
    const fs = fakeFs({ [join(electronDir, 'path.txt')]: 'electron', [join(electronDir, 'dist', 'electron')]: '' });
    expect(findElectronBinary({ electronDir, env: {}, ...fs })).toEqual({ found: true, path: join(electronDir, 'dist', 'electron') });
  });

  it('reports a missing path.txt (the download never ran)', () => {
    const result = findElectronBinary({ electronDir, env: {}, ...fakeFs({}) });
    expect(result.found).toBe(false);
    expect(!result.found && result.reason).toMatch(/path\.txt is missing/);
  });

  it('reports path.txt without the dist it names', () => {
    const result = findElectronBinary({ electronDir, env: {}, ...fakeFs({ [join(electronDir, 'path.txt')]: 'electron' }) });
    expect(!result.found && result.reason).toMatch(/dist[\\/]electron is missing/);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, with or without path.txt', () => {
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron-45' };
    expect(findElectronBinary({ electronDir, env, platform: 'linux', ...fakeFs({ '/opt/electron-45/electron': '' }) })).toEqual({
      found: true,
      path: '/opt/electron-45/electron',
    });
    const missing = findElectronBinary({ electronDir, env, platform: 'linux', ...fakeFs({}) });
    expect(!missing.found && missing.reason).toMatch(/ELECTRON_OVERRIDE_DIST_PATH is set, but \/opt\/electron-45\/electron/);
  });

  it('knows each platform executable name', () => {
    expect(defaultExecutable('linux')).toBe('electron');
    expect(defaultExecutable('win32')).toBe('electron.exe');
    expect(defaultExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });

  it('locates the electron package without loading it (loading would download)', () => {
    expect(electronPackageDir()).toMatch(/node_modules[\\/]electron$/);
  });

  it('on this machine, reports the binary as absent rather than throwing', () => {
    const result = findElectronBinary({ electronDir: electronPackageDir(), env: {} });
    expect(typeof result.found).toBe('boolean');
  });
});

describe('missingElectronMessage', () => {
  const text = missingElectronMessage('path.txt is missing.', 5317);
  it('says what is wrong, how to fix it, and the web alternative', () => {
    expect(text).toMatch(/Electron 45 binary is\s+not\s+installed/);
    expect(text).toMatch(/could not be downloaded \(no network\)/);
    expect(text).toContain('`npx install-electron`');
    expect(text).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(text).toContain('`npm run web`');
    expect(text).toContain('http://127.0.0.1:5317/');
    expect(text).not.toMatch(/\n\s*\n/); // one paragraph
    expect(text).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  });
});

describe('start', () => {
  const deps = () => ({
    build: vi.fn(() => 0),
    findBinary: vi.fn(() => ({ found: true as const, path: '/x/electron' })),
    launch: vi.fn(async () => 0),
    printError: vi.fn(),
    webPort: 5317,
  });

  it('builds, then launches the binary it found', async () => {
    const d = deps();
    await expect(start(d)).resolves.toBe(0);
    expect(d.build).toHaveBeenCalledBefore(d.findBinary);
    expect(d.launch).toHaveBeenCalledWith('/x/electron');
  });

  it('without a binary: prints the paragraph and exits 1, launching nothing', async () => {
    const d = { ...deps(), findBinary: vi.fn(() => ({ found: false as const, reason: 'path.txt is missing.' })) };
    await expect(start(d)).resolves.toBe(1);
    expect(d.launch).not.toHaveBeenCalled();
    expect(d.printError).toHaveBeenCalledWith(missingElectronMessage('path.txt is missing.', 5317));
  });

  it('tries the download once, then launches what it fetched', async () => {
    const findBinary = vi
      .fn()
      .mockReturnValueOnce({ found: false as const, reason: 'path.txt is missing.' })
      .mockReturnValueOnce({ found: true as const, path: '/x/electron' });
    const d = { ...deps(), findBinary, download: vi.fn(() => true) };
    await expect(start(d)).resolves.toBe(0);
    expect(d.download).toHaveBeenCalledTimes(1);
    expect(d.launch).toHaveBeenCalledWith('/x/electron');
  });

  it('explains when the download fails too', async () => {
    const d = { ...deps(), findBinary: vi.fn(() => ({ found: false as const, reason: 'path.txt is missing.' })), download: vi.fn(() => false) };
    await expect(start(d)).resolves.toBe(1);
    expect(d.download).toHaveBeenCalledTimes(1);
    expect(d.printError).toHaveBeenCalledWith(missingElectronMessage('path.txt is missing.', 5317));
  });

  it('stops with the build exit code when the build fails', async () => {
    const d = { ...deps(), build: vi.fn(() => 2) };
    await expect(start(d)).resolves.toBe(2);
    expect(d.findBinary).not.toHaveBeenCalled();
  });

  it("passes on Electron's own exit code", async () => {
    const d = { ...deps(), launch: vi.fn(async () => 3) };
    await expect(start(d)).resolves.toBe(3);
  });
});
