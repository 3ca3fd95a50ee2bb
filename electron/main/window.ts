// The main window. Everything the page can reach goes through the preload bridge.
import { BrowserWindow } from 'electron';
import type { WebPreferences } from 'electron';

/** The renderer runs as a plain, sandboxed web page; devTools only outside packaged builds. */
export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  startUrl: string;
  devTools: boolean;
}

export function createMainWindow({ preloadPath, startUrl, devTools }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Custody',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath, devTools),
  });
  // Shown when painted, so the user never sees a blank white frame first.
  win.once('ready-to-show', () => win.show());
  void win.loadURL(startUrl);
  return win;
}
