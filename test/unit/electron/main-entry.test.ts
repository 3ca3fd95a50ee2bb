// The main entry wires everything in the right order: scheme before 'ready', the
// rest after, dev server only when not packaged, one instance only.
import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels, ipcEventChannels } from '../../../shared/ipc/contract.ts';

const electron = vi.hoisted(() => {
  const state = {
    isPackaged: false,
    lock: true,
    resolveReady: (() => undefined) as () => void,
    windows: [] as { options: Record<string, unknown>; url?: string; sent: unknown[][] }[],
    template: [] as { label?: string; submenu?: { label?: string; click?: () => void }[] }[],
  };
  return { state };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { state } = electron;
  const app = Object.assign(new Emitter(), {
    getAppPath: vi.fn(() => '/project'),
    getVersion: vi.fn(() => '0.1.0'),
    getPath: vi.fn(() => '/home/user/Documents'),
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => state.lock),
    whenReady: vi.fn(() => new Promise<void>((resolve) => (state.resolveReady = resolve))),
    quit: vi.fn(),
    showAboutPanel: vi.fn(),
  });
  // A live getter (Object.assign would copy a getter's value once).
  Object.defineProperty(app, 'isPackaged', { get: () => state.isPackaged });
  class BrowserWindow extends Emitter {
    static getFocusedWindow = vi.fn(() => null);
    static getAllWindows = vi.fn(() => []);
    static fromWebContents = vi.fn(() => null);
    record: (typeof state.windows)[number];
    webContents: { send: (...args: unknown[]) => void };
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, sent: [] };
      this.webContents = { send: (...args) => void this.record.sent.push(args) };
      state.windows.push(this.record);
    }
    async loadURL(url: string) {
      this.record.url = url;
    }
    show() {}
  }
  return {
    app,
    BrowserWindow,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        setDisplayMediaRequestHandler: vi.fn(),
      },
    },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    Menu: {
      buildFromTemplate: vi.fn((t: typeof state.template) => t),
      setApplicationMenu: vi.fn((t: typeof state.template) => void (state.template = t)),
    },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
  };
});

type ElectronMock = {
  app: EventEmitter & Record<string, ReturnType<typeof vi.fn>>;
  protocol: Record<string, ReturnType<typeof vi.fn>>;
  ipcMain: Record<string, ReturnType<typeof vi.fn>>;
  session: { defaultSession: Record<string, ReturnType<typeof vi.fn>> };
};

async function boot(env: { isPackaged?: boolean; devUrl?: string; lock?: boolean } = {}) {
  vi.resetModules();
  electron.state.isPackaged = env.isPackaged ?? false;
  electron.state.lock = env.lock ?? true;
  electron.state.windows = [];
  // Electron sets this in the main process; plain Node does not have it.
  Object.defineProperty(process, 'resourcesPath', { value: '/opt/Custody/resources', configurable: true });
  if (env.devUrl) process.env.ELECTRON_RENDERER_URL = env.devUrl;
  else delete process.env.ELECTRON_RENDERER_URL;
  const mock = (await import('electron')) as unknown as ElectronMock;
  for (const group of [mock.protocol, mock.ipcMain, mock.session.defaultSession]) {
    for (const fn of Object.values(group)) fn.mockClear();
  }
  mock.app.removeAllListeners();
  mock.app.enableSandbox!.mockClear();
  mock.app.quit!.mockClear();
  await import('../../../electron/main/index.ts');
  const ready = async () => {
    electron.state.resolveReady();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { mock, ready };
}

beforeEach(() => {
  delete process.env.ELECTRON_RENDERER_URL;
});

describe('main entry', () => {
  it('registers the app scheme and the sandbox before ready, everything else after', async () => {
    const { mock, ready } = await boot();
    expect(mock.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(mock.app.enableSandbox).toHaveBeenCalled();
    expect(mock.app.listenerCount('web-contents-created')).toBe(1);
    expect(mock.protocol.handle).not.toHaveBeenCalled();
    expect(electron.state.windows).toHaveLength(0);

    await ready();
    expect(mock.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(mock.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(mock.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(mock.ipcMain.handle!.mock.calls.map((c) => c[0]).sort()).toEqual(Object.values(ipcChannels).sort());
    expect(electron.state.windows).toHaveLength(1);
  });

  it('loads app://custody/index.html with the secure preferences and the CJS preload', async () => {
    const { ready } = await boot({ isPackaged: true, devUrl: 'http://localhost:5173' });
    await ready();
    const [win] = electron.state.windows;
    // Packaged: the dev-server variable is ignored.
    expect(win!.url).toBe('app://custody/index.html');
    const prefs = win!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('loads the dev server in development', async () => {
    const { ready } = await boot({ devUrl: 'http://localhost:5173/' });
    await ready();
    expect(electron.state.windows[0]!.url).toBe('http://localhost:5173/');
    expect((electron.state.windows[0]!.options.webPreferences as Record<string, unknown>).devTools).toBe(true);
  });

  it('sends File › Import… to the page as a menu command', async () => {
    const { ready } = await boot();
    await ready();
    const file = electron.state.template.find((m) => m.label === 'File')!;
    file.submenu!.find((i) => i.label === 'Import…')!.click!();
    expect(electron.state.windows[0]!.sent).toEqual([[ipcEventChannels.onMenuCommand, 'import']]);
  });

  it('quits when another instance already runs', async () => {
    const { mock } = await boot({ lock: false });
    expect(mock.app.quit).toHaveBeenCalled();
    expect(mock.app.listenerCount('window-all-closed')).toBe(0);
  });
});
