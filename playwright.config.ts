import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './test/e2e/browser.ts';

const port = Number(process.env.E2E_PORT ?? 5318);

// Fail fast with one line when there is no browser at all.
const executablePath = findChromium();

export default defineConfig({
  testDir: 'test',
  projects: [
    // The renderer in Chromium through the web platform adapter.
    { name: 'web', testMatch: 'e2e/**/*.spec.ts' },
    // The packaged shell; reports itself skipped where no Electron binary exists.
    { name: 'electron', testMatch: 'e2e-electron/**/*.spec.ts' },
  ],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: { executablePath, args: chromiumArgs },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: {
    // Serves the already-built web renderer (npm run test:e2e builds it first).
    command: `node renderer/web/serve.mjs`,
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
