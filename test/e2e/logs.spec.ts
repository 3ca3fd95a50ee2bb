// The auditor's workbench end to end, in Chromium with the web platform adapter, the
// real log engine (worker + on-disk IndexedDB) and a persistent profile: import two
// vendors' logs through the UI, facet, zoom the histogram, open, star and comment an
// event, reload and find it all again; and a generic CSV read through a saved mapping.
import { test, expect } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(root, 'test/fixtures/e2e/logs');
const okta = join(fixtures, 'okta-e2e.jsonl');
const descope = join(fixtures, 'descope-e2e.json');
const gateway = join(fixtures, 'gateway-e2e.csv');
const screens = join(root, 'test-results/screens');
mkdirSync(screens, { recursive: true });

async function openLogs(page: Page) {
  await page.goto('./');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Logs' }).click();
  await expect(page.getByRole('heading', { name: 'Logs', level: 1 })).toBeVisible({ timeout: 90_000 }); // first run seeds the demo workspace
  // First run forwards the demo workspace's access logs to the engine; let them land so
  // the counts below are stable.
  await expect(page.getByRole('tab', { name: /Sources \(3\)/ })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('region', { name: 'Import progress' })).toHaveCount(0, { timeout: 90_000 });
}

async function pickFiles(page: Page, paths: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import logs…' }).click();
  await (await chooser).setFiles(paths);
}

function eventCount(page: Page): Promise<number> {
  return page
    .getByTestId('event-count')
    .textContent()
    .then((t) => Number((t ?? '').match(/^([\d,]+) of/)?.[1]?.replace(/,/g, '') ?? Number.NaN));
}

function facet(page: Page, title: string): Locator {
  return page.getByRole('complementary', { name: 'Facets' }).getByRole('region', { name: title });
}

test('imports two vendors, filters, zooms, annotates, and keeps it all across a reload', async ({ page, pageErrors }) => {
  await openLogs(page);

  // Import: both files are staged with what the detector saw, then imported.
  await pickFiles(page, [okta, descope]);
  const staged = page.getByRole('region', { name: 'Files to import' });
  await expect(staged.getByText('okta-system-log', { exact: true })).toBeVisible();
  await expect(staged.getByText('descope-audit', { exact: true })).toBeVisible();
  await page.screenshot({ path: join(screens, 'logs-staged.png') });
  await staged.getByRole('button', { name: /Import 2 files/ }).click();
  const results = page.getByRole('region', { name: 'Import results' });
  await expect(results.locator('[data-status="imported"]')).toHaveCount(2, { timeout: 30_000 });
  await expect(results.locator('[data-status="imported"]').filter({ hasText: 'okta-e2e.jsonl' })).toContainText('60 events');

  // The malformed Okta line is listed by line number; the other 60 were imported.
  await page.getByRole('tab', { name: /Sources/ }).click();
  const sources = page.getByRole('table', { name: 'Log sources' });
  await expect(sources.getByRole('row').filter({ hasText: 'okta-e2e.jsonl' })).toContainText('okta-system-log');
  await expect(sources.getByRole('row').filter({ hasText: 'descope-e2e.json' })).toContainText('descope-audit');
  await page.getByRole('tab', { name: /Problems/ }).click();
  const problem = page.getByRole('table', { name: 'Import problems' }).getByRole('row').filter({ hasText: 'okta-e2e.jsonl' });
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText('line 4');
  await page.screenshot({ path: join(screens, 'logs-problems.png') });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await download;
  expect(csv.suggestedFilename()).toBe('access-log-problems.csv');
  const csvText = readFileSync((await csv.path())!, 'utf8');
  expect(csvText).toContain('file,line,sample,message');
  expect(csvText).toMatch(/okta-e2e\.jsonl,4,/);
  await page.getByRole('tab', { name: 'Events' }).click();

  // Facets: both new sources (OR within a facet) …
  const all = await eventCount(page);
  const sourceFacet = facet(page, 'Source file');
  await sourceFacet.getByRole('button', { name: /okta-e2e\.jsonl/ }).click();
  await sourceFacet.getByRole('button', { name: /descope-e2e\.json/ }).click();
  await expect(page.getByRole('list', { name: 'Active filters' }).getByRole('listitem')).toHaveCount(3); // two chips + "Clear all"
  await expect.poll(() => eventCount(page)).toBeLessThan(all);
  const bothSources = await eventCount(page);
  expect(bothSources).toBeGreaterThanOrEqual(60 + 59);

  // … AND one agent: counts recompute, the other facets follow.
  const agentFacet = facet(page, 'Agent');
  const agentValue = agentFacet.getByRole('button', { name: /agent-carecoord/i }).first();
  const agentCount = Number((await agentValue.locator('.lg-fv-count').textContent())?.replace(/,/g, ''));
  await agentValue.click();
  await expect.poll(() => eventCount(page)).toBe(agentCount);
  const decisions = facet(page, 'Decision');
  await expect(decisions.getByRole('button', { name: /deny/ })).toBeVisible();

  // Histogram: drag across the middle of the chart; the time window becomes a filter.
  const chart = page.getByTestId('histogram');
  await expect(chart).not.toHaveAttribute('aria-busy', 'true'); // bars of the current filter, not the last one
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  const y = box.y + box.height * 0.5;
  await page.mouse.move(box.x + box.width * 0.08, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, y, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.75, y, { steps: 8 });
  await page.mouse.up();
  const chips = page.getByRole('list', { name: 'Active filters' });
  await expect(chips.getByText(/^Time: /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reset zoom' })).toBeEnabled();
  await expect.poll(() => eventCount(page)).toBeLessThanOrEqual(agentCount);
  const zoomed = await eventCount(page);
  expect(zoomed).toBeGreaterThan(0);
  const timeChip = await chips.getByText(/^Time: /).textContent();
  await page.screenshot({ path: join(screens, 'logs-filtered.png') });

  // Open the first event (keyboard: the timeline is focused, Enter opens), then star,
  // tag and comment it.
  const timeline = page.getByRole('grid', { name: 'Events' });
  await timeline.getByRole('row').nth(1).click();
  const drawer = page.getByRole('complementary', { name: 'Event details' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('delegation-sentence')).toContainText(/acting|no on-behalf-of|themself/);
  await expect(drawer.getByTestId('raw-tree')).toBeVisible();
  const action = (await drawer.getByRole('heading', { level: 2 }).textContent()) ?? '';
  await drawer.getByRole('button', { name: 'Star', exact: true }).click();
  await expect(drawer.getByRole('button', { name: 'Starred' })).toHaveAttribute('aria-pressed', 'true');
  await drawer.getByLabel('Add tag').fill('needs-review');
  await drawer.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(drawer.getByRole('list', { name: 'Tags' })).toContainText('needs-review');
  await drawer.getByLabel('Comment').fill('Token exchange on behalf of the nurse — check consent record.');
  await drawer.getByRole('button', { name: 'Save comment' }).click();
  await expect(drawer.getByText('saved', { exact: true })).toBeVisible();
  await expect(timeline.getByRole('row').nth(1).getByLabel('starred')).toBeVisible();
  await page.screenshot({ path: join(screens, 'logs-drawer.png') });

  // Surrounding events of the same agent, ± 1 h: another event opens, the filter stays.
  const around = drawer.getByRole('region', { name: 'Surrounding events' });
  await around.getByLabel('Window').selectOption({ label: '± 1 h' });
  await expect(around.getByRole('listitem').nth(1)).toBeVisible();
  await around.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screens, 'logs-drawer-context.png') });
  const chipsBefore = await page.getByRole('list', { name: 'Active filters' }).textContent();
  await around.locator('button.lg-around-row:not([aria-current])').last().click();
  await expect(drawer.getByRole('heading', { level: 2 })).not.toHaveText(action);
  expect(await page.getByRole('list', { name: 'Active filters' }).textContent()).toBe(chipsBefore);

  // Keyboard: Escape closes, j moves, Enter reopens on the next row.
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
  await timeline.focus();
  await page.keyboard.press('j');
  await expect(timeline.getByRole('row').nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('button', { name: 'Star', exact: true })).toBeVisible(); // a different, unstarred event
  await page.keyboard.press('k');
  await expect(drawer.getByRole('button', { name: 'Starred' })).toBeVisible(); // the drawer follows the cursor
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search events')).toBeFocused();
  await page.keyboard.press('Escape');

  // Reload: the filter (facets + zoom) and the annotations are still there.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Logs', level: 1 })).toBeVisible();
  await expect(chips.getByText('Source file: okta-e2e.jsonl')).toBeVisible();
  await expect(chips.getByText('Source file: descope-e2e.json')).toBeVisible();
  await expect(chips.getByText(/^Agent: /)).toBeVisible();
  await expect(chips.getByText(/^Time: /)).toHaveText(timeChip!);
  await expect.poll(() => eventCount(page)).toBe(zoomed);

  await page.getByRole('group', { name: 'Auditor notes filter' }).getByRole('button', { name: /Starred/ }).click();
  await expect.poll(() => eventCount(page)).toBe(1);
  await page.getByRole('grid', { name: 'Events' }).getByRole('row').nth(1).click();
  await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(action);
  await expect(drawer.getByRole('button', { name: 'Starred' })).toHaveAttribute('aria-pressed', 'true');
  await expect(drawer.getByRole('list', { name: 'Tags' })).toContainText('needs-review');
  await expect(drawer.getByLabel('Comment')).toHaveValue('Token exchange on behalf of the nurse — check consent record.');

  // The tag and comment filters find it too.
  await page.getByRole('group', { name: 'Auditor notes filter' }).getByRole('button', { name: /Starred/ }).click();
  await page.getByLabel('Filter by tag').fill('needs-review');
  await page.getByLabel('Filter by tag').press('Enter');
  await expect.poll(() => eventCount(page)).toBe(1);
  await page.getByRole('group', { name: 'Auditor notes filter' }).getByRole('button', { name: /Commented/ }).click();
  await expect.poll(() => eventCount(page)).toBe(1);
  await page.screenshot({ path: join(screens, 'logs-after-reload.png') });

  // Reset zoom removes only the time window.
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(chips.getByText(/^Time: /)).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('from the Logs tab the keyboard works at once: j, Enter, and ? lists every key', async ({ page, pageErrors }) => {
  await openLogs(page); // clicked the Logs tab: focus was on that tab
  const timeline = page.getByRole('grid', { name: 'Events' });
  await expect(timeline).toBeFocused();
  await page.keyboard.press('j');
  await expect(timeline.getByRole('row').nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('complementary', { name: 'Event details' });
  await expect(drawer).toBeVisible();

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Logs keyboard' });
  await expect(sheet).toBeVisible();
  for (const k of ['j', 'k', '↓', '↑', 'Enter', 'Esc', 's', '/', '?']) await expect(sheet.locator('kbd').getByText(k, { exact: true }).first()).toBeVisible();
  await page.screenshot({ path: join(screens, 'logs-keys.png') });
  await page.keyboard.press('Escape'); // closes the sheet only
  await expect(sheet).toHaveCount(0);
  await expect(drawer).toBeVisible();
  await page.getByRole('button', { name: /^Keys/ }).click();
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  expect(pageErrors).toEqual([]);
});

test('same-named sources are told apart; a duplicate (of a source or of another staged file) is said at staging; a removed source takes its banner', async ({ page, pageErrors }) => {
  await openLogs(page);
  // Another file with the same name: the first 20 lines of the fixture.
  const twinDir = mkdtempSync(join(tmpdir(), 'custody-e2e-twin-'));
  const twin = join(twinDir, 'okta-e2e.jsonl');
  writeFileSync(twin, `${readFileSync(okta, 'utf8').split('\n').slice(0, 20).join('\n')}\n`);
  const copy = join(twinDir, 'okta-copy.jsonl');
  writeFileSync(copy, readFileSync(okta));
  // The same bytes twice in one batch: the later file names the earlier one.
  await pickFiles(page, [okta, copy]);
  const staged = page.getByRole('region', { name: 'Files to import' });
  await expect(staged.getByTestId('staged-twin')).toHaveCount(1);
  await expect(staged.getByTestId('staged-twin')).toContainText(/Same file twice.*Same bytes as “okta-e2e\.jsonl”/);
  await staged.getByRole('button', { name: 'Remove okta-copy.jsonl: do not import it' }).click();
  await expect(staged.getByTestId('staged-twin')).toHaveCount(0);
  await expect(staged.getByText('okta-system-log', { exact: true })).toBeVisible();
  await expect(staged.getByTestId('staged-duplicate')).toHaveCount(0); // new bytes: nothing to say
  await staged.getByRole('button', { name: /Import 1 file/ }).click();
  const results = page.getByRole('region', { name: 'Import results' });
  await expect(results.locator('[data-status="imported"]')).toContainText('60 events', { timeout: 30_000 });

  // The same bytes again: reported while staged, before any import.
  await pickFiles(page, [okta, twin]);
  await expect(staged.getByTestId('staged-duplicate')).toHaveCount(1);
  await expect(staged.getByTestId('staged-duplicate')).toContainText(/Already imported.*Same SHA-256 as “okta-e2e\.jsonl”/);
  await page.screenshot({ path: join(screens, 'logs-staged-duplicate.png') });
  await staged.getByRole('button', { name: 'Remove okta-e2e.jsonl: do not import it' }).first().click();
  await staged.getByRole('button', { name: /Import 1 file/ }).click();
  await expect(results.locator('[data-status="imported"]').filter({ hasText: '19 events' })).toBeVisible({ timeout: 30_000 });

  // Two "okta-e2e.jsonl" in the Source facet, each with what tells it apart.
  const values = facet(page, 'Source file').getByRole('button', { name: /^okta-e2e\.jsonl/ });
  await expect(values).toHaveCount(2);
  const labels = await values.locator('.lg-fv-label').allTextContents();
  for (const l of labels) expect(l).toMatch(/^okta-e2e\.jsonl \(imported \d{4}-\d\d-\d\d \d\d:\d\d UTC, sha256 [0-9a-f]{8}\)$/);
  expect(new Set(labels).size).toBe(2);
  await page.screenshot({ path: join(screens, 'logs-same-name-sources.png') });

  // Removing the small one takes its "Imported" banner (the last batch's) with it.
  await expect(results.locator('[data-status="imported"]')).toHaveCount(1);
  await expect(results.locator('[data-status="imported"]')).toContainText('19 events');
  await page.getByRole('tab', { name: /Sources/ }).click();
  const small = page.getByRole('table', { name: 'Log sources' }).getByRole('row').filter({ hasText: 'okta-e2e.jsonl' }).filter({ has: page.getByRole('cell', { name: '19', exact: true }) });
  await small.getByRole('button', { name: /^Remove okta-e2e\.jsonl \(imported/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove source' }).click();
  await expect(results.locator('[data-status="imported"]')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Log sources' }).getByRole('row').filter({ hasText: 'okta-e2e.jsonl' })).toHaveCount(1);
  expect(pageErrors).toEqual([]);
});

test('the timeline fits its pane, beside the drawer too; notes read in words; (not set) says why', async ({ page, pageErrors }) => {
  await openLogs(page);
  const grid = page.getByRole('grid', { name: 'Events' });
  const overflows = () => grid.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  expect(await overflows()).toBe(false);

  // With the drawer open the key columns stay in view, left of the drawer; the rest are named as hidden.
  await grid.getByRole('row').nth(1).click();
  const drawer = page.getByRole('complementary', { name: 'Event details' });
  await expect(drawer).toBeVisible();
  await expect(page.getByTestId('hidden-columns')).toContainText('Source');
  expect(await overflows()).toBe(false);
  const drawerLeft = (await drawer.boundingBox())!.x;
  for (const name of ['Decision', 'Action', 'Agent', 'On behalf of']) {
    const header = grid.getByRole('columnheader', { name, exact: true });
    await expect(header).toBeVisible();
    const box = (await header.boundingBox())!;
    expect(box.x + box.width, name).toBeLessThanOrEqual(drawerLeft + 1);
  }

  // Notes in words: a star (named), "1 tag" (the tag in its tooltip), a comment.
  await drawer.getByRole('button', { name: 'Star', exact: true }).click();
  await drawer.getByLabel('Add tag').fill('check-consent');
  await drawer.getByRole('button', { name: 'Add', exact: true }).click();
  const notes = grid.getByRole('row').nth(1).locator('.lg-notes');
  await expect(notes.getByRole('img', { name: 'starred' })).toBeVisible();
  await expect(notes).toContainText('1 tag');
  await expect(notes).toHaveAttribute('title', 'Starred; tags: check-consent');
  await expect(grid.getByRole('columnheader', { name: 'Notes' })).toHaveAttribute('title', /stars, tags and comments/);

  // "(not set)" says why, in words, in its name and its tooltip.
  const notSet = facet(page, 'Tenant').getByRole('button', { name: /^\(not set\), / });
  await expect(notSet).toHaveAccessibleName(/^\(not set\), (not in format|empty in record|not in format \/ empty), [\d,]+ events?$/);
  await expect(notSet).toHaveAttribute('title', /^Tenant not set\. (Not in the format|Empty in the record): /);
  await page.screenshot({ path: join(screens, 'logs-fit-drawer.png') });
  expect(pageErrors).toEqual([]);
});

test('a generic CSV is read through a column mapping saved in the dialog', async ({ page, pageErrors }) => {
  await openLogs(page);
  await pickFiles(page, [gateway]);
  const staged = page.getByRole('region', { name: 'Files to import' });
  await expect(staged.getByText('generic-csv', { exact: true })).toBeVisible();

  await staged.getByRole('button', { name: 'New mapping…' }).click();
  const dialog = page.getByRole('dialog', { name: /Map columns/ });
  await expect(dialog.getByRole('table', { name: 'First records' })).toContainText('agent-billing');
  // Saving with the required fields missing says what is missing.
  await dialog.getByLabel('Mapping name').fill('Gateway CSV');
  await dialog.getByLabel('Time', { exact: true }).selectOption('');
  await dialog.getByRole('button', { name: 'Save mapping' }).click();
  await expect(dialog.getByText('Choose the column for time.')).toBeVisible();
  await dialog.getByLabel('Time', { exact: true }).selectOption('when');
  await dialog.getByLabel('Time format').selectOption('iso');
  await dialog.getByLabel('Action', { exact: true }).selectOption('op');
  await dialog.getByLabel('Decision', { exact: true }).selectOption('verdict');
  await dialog.getByLabel('Scopes granted').selectOption('perms');
  await dialog.getByLabel('Trace id').selectOption('trace');
  await expect(dialog.getByText(/first row reads as 2026-11-12 09:00:00/)).toBeVisible();
  await page.screenshot({ path: join(screens, 'logs-mapping.png') });
  await dialog.getByRole('button', { name: 'Save mapping' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(staged.getByLabel(/Column mapping for gateway-e2e\.csv/)).toHaveValue(/.+/);

  await staged.getByRole('button', { name: /Import 1 file/ }).click();
  const results = page.getByRole('region', { name: 'Import results' });
  await expect(results.locator('[data-status="imported"]')).toContainText('10 events', { timeout: 30_000 });

  await facet(page, 'Source file').getByRole('button', { name: /gateway-e2e\.csv/ }).click();
  await expect.poll(() => eventCount(page)).toBe(10);
  const decisions = facet(page, 'Decision');
  await expect(decisions.getByRole('button', { name: /deny, 3 events/ })).toBeVisible();
  await expect(decisions.getByRole('button', { name: /challenge, 1 event$/ })).toBeVisible();
  await expect(facet(page, 'On behalf of').getByRole('button', { name: /rn\.grace\.obi, 5 events/ })).toBeVisible();

  // The saved mapping is offered again for the next file, dropped onto the screen this time.
  const csvText = readFileSync(gateway, 'utf8');
  const drop = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'gateway-e2e.csv', { type: 'text/csv' }));
    return dt;
  }, csvText);
  await page.locator('.lg-screen').dispatchEvent('dragover', { dataTransfer: drop });
  await page.locator('.lg-screen').dispatchEvent('drop', { dataTransfer: drop });
  await expect(staged.getByLabel(/Column mapping for gateway-e2e\.csv/).locator('option', { hasText: 'Gateway CSV' })).toHaveCount(1);
  expect(pageErrors).toEqual([]);
});

test('saved views, columns, time zone and view links', async ({ page, pageErrors }) => {
  await openLogs(page);
  const chips = page.getByRole('list', { name: 'Active filters' });
  await facet(page, 'Decision').getByRole('button', { name: /^allow,/ }).click();
  await expect(chips.getByText('Decision: allow')).toBeVisible();
  const allowed = await eventCount(page);

  // Columns: add the trace id; time stays first and cannot be hidden.
  await page.getByRole('button', { name: 'Columns' }).click();
  const picker = page.getByRole('dialog', { name: 'Timeline columns' });
  await expect(picker.getByLabel('Time')).toBeDisabled();
  await picker.getByLabel('Trace id').check();
  await page.screenshot({ path: join(screens, 'logs-columns.png') });
  await page.keyboard.press('Escape');
  const grid = page.getByRole('grid', { name: 'Events' });
  await expect(grid.getByRole('columnheader', { name: 'Trace id' })).toBeVisible();

  // UTC by default, local on request, said in the header.
  await expect(grid.getByRole('columnheader', { name: /Time \(UTC\)/ })).toBeVisible();
  await page.getByRole('group', { name: 'Time zone' }).getByRole('button', { name: 'Local' }).click();
  await expect(grid.getByRole('columnheader', { name: /Time \(UTC[+-]\d\d:\d\d\)/ })).toBeVisible();
  await page.getByRole('group', { name: 'Time zone' }).getByRole('button', { name: 'UTC' }).click();

  // Save the view, clear the filter, apply the view again.
  await page.getByRole('button', { name: /^Views/ }).click();
  const views = page.getByRole('dialog', { name: 'Saved views' });
  await views.getByLabel('View name').fill('Allowed only');
  await views.getByRole('button', { name: 'Save' }).click();
  await expect(views.getByRole('list', { name: 'Saved views' })).toContainText('Allowed only');
  await page.keyboard.press('Escape');
  await chips.getByRole('button', { name: 'Remove filter Decision: allow' }).click();
  await expect(chips.getByText('Decision: allow')).toHaveCount(0);
  await page.getByRole('button', { name: /^Views/ }).click();
  await views.getByRole('button', { name: /^Allowed only/ }).click();
  await expect(chips.getByText('Decision: allow')).toBeVisible();
  await expect.poll(() => eventCount(page)).toBe(allowed);

  // A view link is a full link, copied with a confirmation in the (aria-live) status line.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy view link' }).click();
  const link = await page.getByTestId('view-link').inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#logs\?view=[A-Za-z0-9_-]+$/);
  await expect(page.getByRole('status').filter({ hasText: 'View link copied' })).toBeVisible();
  await expect(page.getByTestId('view-link-state')).toContainText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await page.screenshot({ path: join(screens, 'logs-share.png') });
  await page.keyboard.press('Escape');
  await chips.getByRole('button', { name: 'Remove filter Decision: allow' }).click();
  await page.getByRole('button', { name: 'Columns' }).click();
  await picker.getByRole('button', { name: 'Reset to defaults' }).click();
  await page.keyboard.press('Escape');
  await expect(grid.getByRole('columnheader', { name: 'Trace id' })).toHaveCount(0);

  // It reproduces filter and columns on load, in a fresh page …
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { name: 'Logs', level: 1 })).toBeVisible();
  await expect(other.getByRole('list', { name: 'Active filters' }).getByText('Decision: allow')).toBeVisible();
  await expect(other.getByRole('grid', { name: 'Events' }).getByRole('columnheader', { name: 'Trace id' })).toBeVisible();
  expect(other.url()).not.toContain('view='); // consumed, so a reload shows the latest state
  await other.close();

  // … and in a running app, pasted into the address bar on another screen (hashchange) …
  const fragment = link.slice(link.indexOf('#'));
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Review' }).click();
  await expect(page.getByRole('heading', { name: 'Logs', level: 1 })).toHaveCount(0);
  await page.evaluate((h) => (location.hash = h), fragment);
  await expect(page.getByRole('heading', { name: 'Logs', level: 1 })).toBeVisible();
  await expect(chips.getByText('Decision: allow')).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Trace id' })).toBeVisible();
  // … or on Logs itself.
  await chips.getByRole('button', { name: 'Remove filter Decision: allow' }).click();
  await expect(chips.getByText('Decision: allow')).toHaveCount(0);
  await page.evaluate((h) => (location.hash = h), fragment);
  await expect(chips.getByText('Decision: allow')).toBeVisible();

  // The same workbench in the dark theme (long sessions, dim rooms).
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('grid', { name: 'Events' }).getByRole('row').nth(3).click();
  await expect(page.getByRole('complementary', { name: 'Event details' })).toBeVisible();
  await page.screenshot({ path: join(screens, 'logs-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // A damaged link is refused with a reason and changes nothing.
  await page.goto('./#logs?view=not-a-view');
  await expect(page.getByRole('status').filter({ hasText: 'View link not applied' })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

/** An Okta-shaped JSONL big enough that its import can be watched and cancelled. */
function bigOktaLog(lines: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'custody-e2e-logs-'));
  const path = join(dir, 'okta-big.jsonl');
  const start = Date.UTC(2026, 10, 20);
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const published = new Date(start + i * 1000).toISOString();
    out.push(
      JSON.stringify({
        uuid: `big-${i}`,
        published,
        eventType: i % 50 === 0 ? 'policy.evaluate_sign_on' : 'app.oauth2.as.token.grant',
        actor: { id: `agent-${i % 7}`, type: 'PublicClientApp', displayName: `Load agent ${i % 7}` },
        outcome: { result: i % 50 === 0 ? 'DENY' : 'SUCCESS' },
        debugContext: { debugData: { grantedScopes: 'chart.read chart.write', requestId: `req-${i}` } },
      }),
    );
  }
  writeFileSync(path, `${out.join('\n')}\n`);
  return path;
}

test('a long import shows progress; cancel asks, keeps a partial source or discards it', async ({ page, pageErrors }) => {
  test.setTimeout(180_000);
  const big = bigOktaLog(800_000);
  await openLogs(page);

  const startImport = async () => {
    await pickFiles(page, [big]);
    const staged = page.getByRole('region', { name: 'Files to import' });
    await expect(staged.getByText('okta-system-log', { exact: true })).toBeVisible();
    await staged.getByRole('button', { name: /Import 1 file/ }).click();
  };
  const progress = page.getByRole('region', { name: 'Import progress' });

  // Watch it run, then cancel and keep what was committed.
  await startImport();
  await expect(progress).toBeVisible();
  // Past the first committed chunks (the engine commits whole chunks only).
  await expect.poll(async () => Number((await progress.getByTestId('progress-events').textContent())?.replace(/,/g, '')), { timeout: 30_000, intervals: [50] }).toBeGreaterThan(200_000);
  await expect(progress.getByText(/events\/s/)).toBeVisible();
  await page.screenshot({ path: join(screens, 'logs-progress.png') });
  await progress.getByRole('button', { name: 'Cancel' }).click();
  const ask = page.getByRole('alertdialog', { name: /Stop importing okta-big\.jsonl/ });
  await expect(ask).toBeVisible();
  await page.screenshot({ path: join(screens, 'logs-cancel.png') });
  await ask.getByRole('button', { name: 'Keep partial' }).click();
  const results = page.getByRole('region', { name: 'Import results' });
  await expect(results.locator('[data-status="cancelled"]')).toContainText(/kept [\d,]+ events as a partial source/, { timeout: 30_000 });
  await page.getByRole('tab', { name: /Sources/ }).click();
  const row = page.getByRole('table', { name: 'Log sources' }).getByRole('row').filter({ hasText: 'okta-big.jsonl' });
  await expect(row).toContainText('partial');
  await expect(page.getByRole('region', { name: 'Unfinished imports' })).toContainText('okta-big.jsonl');
  await page.screenshot({ path: join(screens, 'logs-sources.png') });

  // Remove the partial source cleanly.
  await row.getByRole('button', { name: 'Remove okta-big.jsonl' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove source' }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByRole('tab', { name: /Sources \(3\)/ })).toBeVisible();

  // Again, and this time discard: the store is as it was.
  await page.getByRole('tab', { name: 'Events' }).click();
  const before = await eventCount(page);
  await startImport();
  await expect.poll(async () => Number((await progress.getByTestId('progress-events').textContent())?.replace(/,/g, '')), { timeout: 30_000 }).toBeGreaterThan(0);
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await ask.getByRole('button', { name: 'Discard events' }).click();
  await expect(results.locator('[data-status="cancelled"]').last()).toContainText('discarded', { timeout: 30_000 });
  await expect(page.getByRole('tab', { name: /Sources \(3\)/ })).toBeVisible();
  await expect.poll(() => eventCount(page)).toBe(before);
  expect(pageErrors).toEqual([]);
});

test('an access log picked in the Library goes to the Logs workbench', async ({ page, pageErrors }) => {
  await openLogs(page);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Library' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles(descope);
  const results = page.getByRole('region', { name: 'Import results' });
  await expect(results.locator('[data-status="forwarded"]')).toContainText('descope-audit');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Logs' }).click();
  await page.getByRole('tab', { name: /Sources/ }).click();
  await expect(page.getByRole('table', { name: 'Log sources' }).getByRole('row').filter({ hasText: 'descope-e2e.json' })).toContainText('59', { timeout: 30_000 });
  expect(pageErrors).toEqual([]);
});

test('Export Parquet saves the events of the current filter, and DuckDB reads them back', async ({ page, pageErrors }) => {
  await openLogs(page);
  await facet(page, 'Decision').getByRole('button', { name: /deny/ }).first().click();
  await expect(page.getByRole('list', { name: 'Active filters' }).getByText(/deny/)).toBeVisible();
  const shown = await eventCount(page);
  expect(shown).toBeGreaterThan(0);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Parquet' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^custody-events-\d{8}-\d{6}\.parquet$/);
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`Saved ${shown} events? as Parquet`) })).toBeVisible();
  await page.screenshot({ path: join(screens, 'logs-export.png') });
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const duck = await DuckDBInstance.create(':memory:');
  const c = await duck.connect();
  const path = (await file.path())!.replaceAll("'", "''");
  const [row] = (await c.runAndReadAll(`SELECT count(*) AS n, count(*) FILTER (decision = 'deny') AS denied, count(*) FILTER (raw_digest LIKE 'sha256:%') AS digests FROM read_parquet('${path}')`)).getRowObjectsJS();
  c.closeSync();
  duck.closeSync();
  expect(row).toEqual({ n: BigInt(shown), denied: BigInt(shown), digests: BigInt(shown) });
  expect(pageErrors).toEqual([]);
});
