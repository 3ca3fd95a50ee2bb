// Builds main and preload with the real electron.config.ts into a temp folder and
// checks the output, because what matters is what Electron loads: a preload that is
// CommonJS needing nothing but require('electron') (all a sandboxed preload gets),
// and an ESM main at index.js.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { resolveConfig } from 'electron-vite';
import { build } from 'vite';
import type { InlineConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcChannels, ipcEventChannels } from '../../../shared/ipc/contract.ts';

const root = resolve(import.meta.dirname, '../../..');
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'custody-bundles-'));
  // resolveConfig sets NODE_ENV; keep it from leaking into other tests.
  const nodeEnv = process.env.NODE_ENV;
  const resolved = await resolveConfig(
    { configFile: join(root, 'electron.config.ts'), root, build: { outDir }, logLevel: 'silent' },
    'build',
    'production',
  );
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
  for (const target of ['main', 'preload'] as const) {
    const config = resolved.config?.[target];
    if (!config) throw new Error(`electron.config.ts has no ${target} section`);
    await build({ ...(config as InlineConfig), configFile: false, logLevel: 'silent' });
  }
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('built preload', () => {
  it('is CommonJS and requires only electron', async () => {
    const code = await readFile(join(outDir, 'preload', 'index.cjs'), 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    const requires = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
  });

  it('runs with nothing but require("electron") and exposes exactly the contract', async () => {
    const code = await readFile(join(outDir, 'preload', 'index.cjs'), 'utf8');
    const exposed: Record<string, Record<string, unknown>> = {};
    const calls: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => (exposed[key] = value) },
      ipcRenderer: { invoke: async (...args: unknown[]) => calls.push(args), on() {}, removeListener() {} },
    };
    const context = vm.createContext({
      require: (id: string) => {
        if (id !== 'electron') throw new Error(`sandboxed preload cannot require ${id}`);
        return electron;
      },
      module: { exports: {} },
      exports: {},
    });
    vm.runInContext(code, context, { filename: 'index.cjs' });
    expect(Object.keys(exposed)).toEqual(['custody']);
    expect(Object.keys(exposed.custody!).sort()).toEqual([...Object.keys(ipcChannels), ...Object.keys(ipcEventChannels)].sort());
    await (exposed.custody!.readDemoWorkspace as () => Promise<unknown>)();
    expect(calls).toEqual([[ipcChannels.readDemoWorkspace]]);
  });
});

describe('built main', () => {
  it('is an ES module at out/main/index.js importing only electron, zod and Node built-ins', async () => {
    const code = await readFile(join(outDir, 'main', 'index.js'), 'utf8');
    const imports = [...code.matchAll(/^import\s[^'"]*["']([^"']+)["']/gm)].map((m) => m[1]!);
    expect(imports).toContain('electron');
    for (const spec of imports) expect(spec, spec).toMatch(/^(electron|zod|node:.+)$/);
    expect(code).not.toMatch(/\brequire\(/);
  });
});
