// A persistent browser profile per test, so IndexedDB is on disk and survives
// a reload exactly as it does for a user (an incognito context keeps it in memory).
import { test as base, chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, findChromium } from './browser.ts';

interface Fixtures {
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors seen during the test. */
  pageErrors: string[];
}

const profiles = new WeakMap<BrowserContext, string>();

/** The on-disk profile of a test's context: a test that kills the browser relaunches on it. */
export function profileOf(context: BrowserContext): string {
  const profile = profiles.get(context);
  if (!profile) throw new Error('not a context made by the e2e fixture');
  return profile;
}

export const test = base.extend<Fixtures>({
  // `test.use({ bypassCSP: true })` is honoured, so a spec can check that content is inert
  // by how it is rendered rather than because the CSP blocked it.
  context: async ({ bypassCSP }, use, testInfo) => {
    const profile = mkdtempSync(join(tmpdir(), 'custody-e2e-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: findChromium(),
      args: chromiumArgs,
      headless: true,
      baseURL: testInfo.project.use.baseURL,
      viewport: { width: 1440, height: 900 },
      bypassCSP,
    });
    profiles.set(context, profile);
    await use(context);
    await context.close().catch(() => undefined); // a test may have killed the browser on purpose
    rmSync(profile, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern
  pageErrors: async ({}, use) => {
    await use([]);
  },
  page: async ({ context, pageErrors }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await use(page);
  },
});

export { expect } from '@playwright/test';
