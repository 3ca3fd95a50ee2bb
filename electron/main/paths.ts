// Where the built pieces live relative to the bundled main script (out/main/index.js),
// and where the demo workspace is in development and in a packaged app.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppPaths {
  rendererDir: string;
  preloadPath: string;
  demoWorkspaceDir: string;
}

export interface AppLocation {
  /** Directory of the running main bundle. */
  mainDir: string;
  isPackaged: boolean;
  /** app.getAppPath(): the project root in development. */
  appPath: string;
  /** process.resourcesPath: where extraResources land in a packaged app. */
  resourcesPath: string;
}

export function appPaths({ mainDir, isPackaged, appPath, resourcesPath }: AppLocation): AppPaths {
  return {
    rendererDir: join(mainDir, '..', 'renderer'),
    preloadPath: join(mainDir, '..', 'preload', 'index.cjs'),
    // Packaging must copy resources/demo to <resources>/demo (extraResources).
    demoWorkspaceDir: isPackaged ? join(resourcesPath, 'demo') : join(appPath, 'resources', 'demo'),
  };
}

export function mainBundleDir(moduleUrl: string): string {
  return dirname(fileURLToPath(moduleUrl));
}
