// Accessibility: axe-core on every screen and dialog of the app (Review queue, Review desk
// with a transcript open, the keyboard sheet, Library with a confirm dialog, Rubrics list
// and editor, Logs with the event drawer, the staged-import list and the mapping dialog),
// in Chromium with the demo workspace. Any serious or critical violation fails the test,
// and every one found is printed with its rule, impact, help link and the elements hit.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test, expect } from './fixtures.ts';

const root = resolve(import.meta.dirname, '../..');
const screens = '/tmp/custody-a11y';
mkdirSync(screens, { recursive: true });
const gatewayCsv = join(root, 'test/fixtures/e2e/logs/gateway-e2e.csv');

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

const BLOCKING = new Set(['serious', 'critical']);

/** One readable block per violation: rule, impact, what to do, and each element hit. */
export function describeViolations(screen: string, violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
        .join('\n');
      const more = v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : '';
      return `[${screen}] ${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n\n');
}

class Audit {
  readonly blocking: { screen: string; violations: Violation[] }[] = [];
  readonly screensChecked: string[] = [];
  constructor(private readonly page: Page) {}

  /** Runs axe on the whole page as it is now (dialogs included) and keeps what blocks. */
  async check(screen: string) {
    await this.page.screenshot({ path: join(screens, `a11y-${screen}.png`) });
    const started = Date.now();
    const results = await new AxeBuilder({ page: this.page }).analyze();
    console.log(`a11y ${screen}: ${results.passes.length} rules passed, ${results.violations.length} violated (${Date.now() - started} ms)`);
    const violations = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
    this.screensChecked.push(screen);
    if (violations.length) {
      this.blocking.push({ screen, violations });
      console.log(describeViolations(screen, violations));
    }
    // The rest (moderate, minor) is printed for information, never hidden.
    const minor = results.violations.filter((v) => !BLOCKING.has(v.impact ?? ''));
    if (minor.length) console.log(`a11y ${screen}: not blocking: ${minor.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ')}`);
    expect(results.passes.length, `axe ran no checks on ${screen}`).toBeGreaterThan(10);
  }

  assertClean() {
    const report = this.blocking.map((b) => describeViolations(b.screen, b.violations)).join('\n\n');
    if (report) console.log(`\n${report}\n`);
    expect(this.blocking.map((b) => `${b.screen}: ${b.violations.map((v) => v.id).join(', ')}`), `serious/critical axe violations:\n\n${report}`).toEqual([]);
  }
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name });

async function openQueue(page: Page) {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('.rv-qrow').first()).toBeVisible({ timeout: 90_000 });
}

// axe takes up to a minute a screen on a busy 2-core machine: one test per area.
test.describe.configure({ timeout: 600_000 });

test('review: queue, desk with a transcript open, keyboard sheet', async ({ page, pageErrors }) => {
  const audit = new Audit(page);
  await openQueue(page);
  await audit.check('review-queue');

  // Review desk with a transcript open, a criterion marked.
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page.locator('.rv-msg').first()).toBeVisible();
  await page.keyboard.press('m');
  await audit.check('review-desk');

  // The keyboard sheet.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard' })).toBeVisible();
  await audit.check('review-key-sheet');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  expect(audit.screensChecked).toHaveLength(3);
  audit.assertClean();
  expect(pageErrors).toEqual([]);
});

test('library with its confirm dialog; rubrics list, editor and validation', async ({ page, pageErrors }) => {
  const audit = new Audit(page);
  await openQueue(page);

  // Library, then its confirm dialog (remove a source), cancelled.
  await nav(page, 'Library').click();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Sources' }).getByRole('row').nth(1)).toBeVisible();
  await audit.check('library');
  await page.getByRole('table', { name: 'Sources' }).getByRole('button', { name: /^Remove/ }).first().click();
  await expect(page.getByRole('dialog').or(page.getByRole('alertdialog'))).toBeVisible();
  await audit.check('library-remove-dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog').or(page.getByRole('alertdialog'))).toHaveCount(0);

  // Rubrics: list + detail, then the editor.
  await nav(page, 'Rubrics').click();
  await expect(page.getByRole('heading', { name: 'Rubrics', level: 1 })).toBeVisible();
  await expect(page.getByRole('article').first()).toBeVisible();
  await audit.check('rubrics-list');
  await page.getByRole('article').first().getByRole('button', { name: 'Edit as new version' }).click();
  await expect(page.getByRole('form', { name: /^Edit / })).toBeVisible();
  await audit.check('rubrics-editor');
  await page.getByRole('form', { name: /^Edit / }).getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'New rubric' }).click();
  const create = page.getByRole('form', { name: 'New rubric' });
  await create.getByRole('button', { name: 'Create rubric' }).click(); // validation messages shown
  await expect(create.getByText('Give the rubric a title.')).toBeVisible();
  await audit.check('rubrics-new-invalid');

  expect(audit.screensChecked).toHaveLength(5);
  audit.assertClean();
  expect(pageErrors).toEqual([]);
});

test('logs: events and facets, drawer, sources, problems, staged import, mapping dialog', async ({ page, pageErrors }) => {
  const audit = new Audit(page);
  await page.goto('./');
  await nav(page, 'Logs').click();
  await expect(page.getByRole('heading', { name: 'Logs', level: 1 })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('tab', { name: /Sources \(3\)/ })).toBeVisible({ timeout: 240_000 });
  await expect(page.getByRole('region', { name: 'Import progress' })).toHaveCount(0, { timeout: 240_000 });
  const timeline = page.getByRole('grid', { name: 'Events' });
  await expect(timeline.getByRole('row').nth(1)).toBeVisible();
  await audit.check('logs');
  await timeline.getByRole('row').nth(1).click();
  await expect(page.getByRole('complementary', { name: 'Event details' })).toBeVisible();
  await audit.check('logs-drawer');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: /Sources/ }).click();
  await audit.check('logs-sources');
  await page.getByRole('tab', { name: /Problems/ }).click();
  await audit.check('logs-problems');
  await page.getByRole('tab', { name: 'Events' }).click();

  // A staged import and the column-mapping dialog.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import logs…' }).click();
  await (await chooser).setFiles(gatewayCsv);
  const staged = page.getByRole('region', { name: 'Files to import' });
  await expect(staged.getByText('generic-csv', { exact: true })).toBeVisible();
  await audit.check('logs-staged');
  await staged.getByRole('button', { name: 'New mapping…' }).click();
  await expect(page.getByRole('dialog', { name: /Map columns/ })).toBeVisible();
  await audit.check('logs-mapping-dialog');

  expect(audit.screensChecked).toHaveLength(6);
  audit.assertClean();
  expect(pageErrors).toEqual([]);
});
