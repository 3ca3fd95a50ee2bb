// Main-process entry: wires the small modules together. Order matters only for the
// scheme registration, which Electron accepts solely before 'ready'.
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { ipcEventChannels } from '../../shared/ipc/contract.ts';
import type { MenuCommand } from '../../shared/ipc/contract.ts';
import { APP_START_URL, createOriginPolicy } from './app-origin.ts';
import { registerAppScheme, serveAppProtocol } from './app-protocol.ts';
import { chooseFilesToOpen, chooseSavePath } from './dialogs.ts';
import { createCustodyHandlers } from './ipc/custody-handlers.ts';
import { registerIpcHandlers } from './ipc/register-handlers.ts';
import { installAppMenu } from './menu.ts';
import { installWebContentsGuard } from './navigation-guard.ts';
import { appPaths, mainBundleDir } from './paths.ts';
import { denyAllPermissions } from './permissions.ts';
import { createMainWindow } from './window.ts';

registerAppScheme(protocol);
// Sandbox every renderer, including any the window code does not create itself.
app.enableSandbox();

// The dev server is trusted only in development; a packaged app ignores the variable.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const origins = createOriginPolicy(devServerUrl);
const paths = appPaths({
  mainDir: mainBundleDir(import.meta.url),
  isPackaged: app.isPackaged,
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
});
installWebContentsGuard(app, origins.isAppUrl);

let mainWindow: BrowserWindow | null = null;

function openMainWindow(): BrowserWindow {
  const win = createMainWindow({
    preloadPath: paths.preloadPath,
    startUrl: devServerUrl ?? APP_START_URL,
    devTools: !app.isPackaged,
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  return win;
}

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  target?.webContents.send(ipcEventChannels.onMenuCommand, command);
}

function start(): void {
  serveAppProtocol(protocol, paths.rendererDir);
  denyAllPermissions(session.defaultSession);
  registerIpcHandlers(
    ipcMain,
    createCustodyHandlers({
      appInfo: () => ({ version: app.getVersion(), platform: process.platform, shell: 'electron' }),
      chooseFilesToOpen,
      chooseSavePath,
      defaultSaveDir: () => app.getPath('documents'),
      demoWorkspaceDir: () => paths.demoWorkspaceDir,
    }),
    origins.isAppUrl,
  );
  installAppMenu({
    isPackaged: app.isPackaged,
    platform: process.platform,
    onImport: () => sendMenuCommand('import'),
    onAbout: () => app.showAboutPanel(),
  });
  mainWindow = openMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = openMainWindow();
  });
}

// One instance per profile: two would contend for the same IndexedDB files.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(start);
}
