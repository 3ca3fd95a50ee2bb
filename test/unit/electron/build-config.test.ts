// The build config produces what main.ts expects: ESM main at out/main/index.js,
// a CommonJS preload with every dependency bundled in, the renderer from renderer/.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../electron.config.ts';

const root = resolve(import.meta.dirname, '../../..');
type Lib = { entry: string; formats: string[]; fileName: () => string };

describe('electron.config.ts', () => {
  const { main, preload, renderer } = config as Required<typeof config> & object;

  it('main: electron/main/index.ts → out/main/index.js as ESM', () => {
    const lib = main.build!.lib as Lib;
    expect(lib.entry).toBe(resolve(root, 'electron/main/index.ts'));
    expect(lib.formats).toEqual(['es']);
    expect(lib.fileName()).toBe('index.js');
    expect(main.build!.outDir).toBe(resolve(root, 'out/main'));
  });

  it('preload: CommonJS index.cjs with dependencies bundled (sandbox has no require)', () => {
    const lib = preload.build!.lib as Lib;
    expect(lib.entry).toBe(resolve(root, 'electron/preload/index.ts'));
    expect(lib.formats).toEqual(['cjs']);
    expect(lib.fileName()).toBe('index.cjs');
    expect(preload.build!.externalizeDeps).toBe(false);
    expect(preload.build!.outDir).toBe(resolve(root, 'out/preload'));
  });

  it('renderer: renderer/index.html → out/renderer with React', () => {
    expect(renderer.root).toBe(resolve(root, 'renderer'));
    expect(renderer.build!.outDir).toBe(resolve(root, 'out/renderer'));
    expect((renderer.build!.rolldownOptions as { input: string }).input).toBe(resolve(root, 'renderer/index.html'));
    expect(renderer.plugins!.flat().some((p) => p && typeof p === 'object' && 'name' in p && String(p.name).includes('react'))).toBe(true);
  });
});
