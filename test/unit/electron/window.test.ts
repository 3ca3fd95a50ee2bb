// The main window's webPreferences: every security setting, checked on the options
// actually handed to BrowserWindow.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: { options: Electron.BrowserWindowConstructorOptions; loadURL: ReturnType<typeof vi.fn> }[] = [];

vi.mock('electron', () => ({
  BrowserWindow: class {
    loadURL = vi.fn(async () => undefined);
    once = vi.fn();
    show = vi.fn();
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      created.push({ options, loadURL: this.loadURL });
    }
  },
}));

const { createMainWindow, secureWebPreferences } = await import('../../../electron/main/window.ts');

beforeEach(() => {
  created.length = 0;
});

describe('main window', () => {
  it('runs the page isolated, sandboxed, without Node and with web security', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', startUrl: 'app://custody/index.html', devTools: false });
    const prefs = created[0]!.options.webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.devTools).toBe(false);
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('loads the start URL it is given and is titled Custody', () => {
    createMainWindow({ preloadPath: '/p.cjs', startUrl: 'app://custody/index.html', devTools: true });
    expect(created[0]!.loadURL).toHaveBeenCalledWith('app://custody/index.html');
    expect(created[0]!.options.title).toBe('Custody');
    expect(created[0]!.options.webPreferences!.devTools).toBe(true);
  });

  it('never turns on anything that weakens isolation', () => {
    const prefs = secureWebPreferences('/p.cjs', true) as Record<string, unknown>;
    for (const risky of ['nodeIntegration', 'webviewTag', 'allowRunningInsecureContent', 'experimentalFeatures']) {
      expect(prefs[risky], risky).toBe(false);
    }
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });
});
