// Electron end to end: launches the built app (`npm run build` first) and checks what
// the page can and cannot reach. Where no Electron binary exists it reports itself
// skipped instead of trying to download one.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { electronPackageDir, findElectronBinary } from '../../electron/tools/electron-binary.mjs';
import { ipcChannels, ipcEventChannels } from '../../shared/ipc/contract.ts';

const root = resolve(import.meta.dirname, '../..');
const binary = findElectronBinary({ electronDir: electronPackageDir(import.meta.url) });
const hasElectronBinary = binary.found;

test.skip(!hasElectronBinary, 'Electron binary not installed here (no network to download it); skipped');

let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  if (!binary.found) return;
  if (!existsSync(resolve(root, 'out/main/index.js'))) {
    throw new Error('out/main/index.js is missing: run `npm run build` (electron-vite build -c electron.config.ts) first.');
  }
  // Load the built renderer over app://, never a dev server; and run as Electron, not Node.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && entry[0] !== 'ELECTRON_RENDERER_URL' && entry[0] !== 'ELECTRON_RUN_AS_NODE',
    ),
  );
  app = await electron.launch({ executablePath: binary.path, args: [root], cwd: root, env });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
});

test('opens the app from app://custody with its title', async () => {
  expect(page.url()).toBe('app://custody/index.html');
  await expect(page).toHaveTitle('Custody');
});

test('window.custody has exactly the contract methods', async () => {
  const expected = [...Object.keys(ipcChannels), ...Object.keys(ipcEventChannels)].sort();
  const exposed = await page.evaluate(() => {
    const api = (window as unknown as { custody?: Record<string, unknown> }).custody;
    return api ? Object.keys(api).map((k) => [k, typeof api[k]]) : null;
  });
  expect(exposed?.map(([k]) => k).sort()).toEqual(expected);
  expect(exposed?.every(([, type]) => type === 'function')).toBe(true);
  const info = await page.evaluate(() =>
    (window as unknown as { custody: { getAppInfo(): Promise<{ shell: string }> } }).custody.getAppInfo(),
  );
  expect(info.shell).toBe('electron');
});

test('the page has no Node: require and process are undefined', async () => {
  const globals = await page.evaluate(() => ({
    require: typeof (globalThis as Record<string, unknown>).require,
    process: typeof (globalThis as Record<string, unknown>).process,
    module: typeof (globalThis as Record<string, unknown>).module,
    Buffer: typeof (globalThis as Record<string, unknown>).Buffer,
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });
});

test('the CSP forbids eval and foreign connections', async () => {
  const evalBlocked = await page.evaluate(() => {
    try {
      return (0, eval)('1') !== 1;
    } catch {
      return true;
    }
  });
  expect(evalBlocked).toBe(true);
  const fetchBlocked = await page.evaluate(() =>
    fetch('https://example.com/').then(
      () => false,
      () => true,
    ),
  );
  expect(fetchBlocked).toBe(true);
});

test('window.open is denied and navigation away is refused', async () => {
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(300);
  expect(page.url()).toBe('app://custody/index.html');
});
