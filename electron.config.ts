// electron-vite build of the desktop app: main (ESM, the package is "type": "module"),
// preload (CommonJS with everything bundled in, as a sandboxed preload can only
// require('electron')), and the renderer from renderer/index.html.
// Run with `electron-vite build -c electron.config.ts`; without -c it builds silent defaults.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      sourcemap: true,
      lib: { entry: resolve(root, 'electron/main/index.ts'), formats: ['es'], fileName: () => 'index.js' },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // Bundle zod and the contract in: the sandbox offers no require() for them.
      externalizeDeps: false,
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // The web build copies resources/ in; the desktop app reads the demo over IPC instead.
    publicDir: false,
    plugins: [react()],
    define: { __APP_VERSION__: JSON.stringify(version) },
    worker: { format: 'es' },
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      sourcemap: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
