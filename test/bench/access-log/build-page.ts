// Builds the bench page into dist-web/bench-logs/, next to the web app, so the web
// server serves both from one origin (one IndexedDB).
import { build } from 'vite';
import { resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../../..');

export async function buildBenchPage(): Promise<void> {
  await build({
    root: resolve(import.meta.dirname, 'page'),
    base: './',
    logLevel: 'error',
    configFile: false,
    build: { outDir: resolve(repo, 'dist-web/bench-logs'), emptyOutDir: true, sourcemap: false },
    worker: { format: 'es' },
  });
}
