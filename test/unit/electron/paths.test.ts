import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../../electron/main/paths.ts';

describe('appPaths', () => {
  const base = { mainDir: '/app/out/main', appPath: '/project', resourcesPath: '/opt/Custody/resources' };

  it('finds preload and renderer beside the main bundle', () => {
    const paths = appPaths({ ...base, isPackaged: false });
    expect(paths.preloadPath).toBe(join('/app/out/preload/index.cjs'));
    expect(paths.rendererDir).toBe(join('/app/out/renderer'));
  });

  it('reads the demo from resources/demo in development and <resourcesPath>/demo when packaged', () => {
    expect(appPaths({ ...base, isPackaged: false }).demoWorkspaceDir).toBe(join('/project/resources/demo'));
    expect(appPaths({ ...base, isPackaged: true }).demoWorkspaceDir).toBe(join('/opt/Custody/resources/demo'));
  });
});
