// The app menu, and the rule that nothing in the main process opens external URLs.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) } }));

const { buildMenuTemplate } = await import('../../../electron/main/menu.ts');

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const roles = (items: MenuItemConstructorOptions[]) => flatten(items).map((i) => i.role).filter(Boolean);

function template(isPackaged: boolean, platform: NodeJS.Platform = 'linux') {
  const onImport = vi.fn();
  const onAbout = vi.fn();
  return { onImport, onAbout, items: buildMenuTemplate({ isPackaged, platform, onImport, onAbout }) };
}

describe('app menu', () => {
  it('has File, Edit, View and Help', () => {
    expect(template(true).items.map((i) => i.label ?? i.role)).toEqual(['File', 'Edit', 'View', 'help']);
    expect(template(true, 'darwin').items[0]!.role).toBe('appMenu');
  });

  it('File › Import… asks the page to import; File › Quit quits', () => {
    const { items, onImport } = template(true);
    const file = items[0]!.submenu as MenuItemConstructorOptions[];
    const importItem = file.find((i) => i.label === 'Import…')!;
    importItem.click!({} as never, undefined, {} as never);
    expect(onImport).toHaveBeenCalledTimes(1);
    expect(file.some((i) => i.role === 'quit')).toBe(true);
  });

  it('offers the edit roles', () => {
    expect(roles(template(true).items)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('has reload and devtools only when not packaged', () => {
    expect(roles(template(false).items)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
    const packaged = roles(template(true).items);
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(packaged).not.toContain(role);
  });

  it('Help › About stays inside the app', () => {
    const { items, onAbout } = template(true);
    const help = items[3]!.submenu as MenuItemConstructorOptions[];
    help[0]!.click!({} as never, undefined, {} as never);
    expect(onAbout).toHaveBeenCalled();
  });
});

describe('no external URLs', () => {
  it('the main process and preload never call shell.openExternal', async () => {
    const roots = ['electron/main', 'electron/preload'];
    for (const root of roots) {
      for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
        const source = await readFile(join(entry.parentPath, entry.name), 'utf8');
        // Comments may mention it; code may neither import shell nor call openExternal.
        expect(source, entry.name).not.toMatch(/\.openExternal\s*\(/);
        expect(source, entry.name).not.toMatch(/import\s*(type\s*)?\{[^}]*\bshell\b[^}]*\}\s*from\s*'electron'/);
      }
    }
  });
});
