// The renderer alone, built for any Chromium (web platform adapter). The demo
// workspace is copied in so the web build opens it on first run too.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';

const root = resolve(import.meta.dirname);
const { version } = JSON.parse(readFileSync(resolve(root, '../package.json'), 'utf8')) as { version: string };

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  publicDir: resolve(root, '../resources'),
  build: {
    outDir: resolve(root, '../dist-web'),
    emptyOutDir: true,
    sourcemap: true,
  },
  worker: { format: 'es' },
});
