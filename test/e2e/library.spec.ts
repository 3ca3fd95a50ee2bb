// The Library end to end in Chromium with the web platform adapter and an on-disk
// IndexedDB profile: first run, imports through the file chooser, problems, dedupe, reload.
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const demo = JSON.parse(readFileSync(join(root, 'resources/demo/workspace.json'), 'utf8')) as {
  title: string;
  annotator: { name: string };
  files: { path: string; kind: string }[];
};
const smallFixture = join(root, 'test/fixtures/e2e/small.custody.json');
const screens = join(root, 'test-results/screens');
mkdirSync(screens, { recursive: true });

async function openLibrary(page: Page) {
  await page.goto('./');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
}

/** The first run seeds the demo; on a loaded machine that takes a while. */
async function openLibraryWhenReady(page: Page) {
  test.setTimeout(180_000);
  await page.goto('./');
  await expect(page.locator('.rv-qrow').first()).toBeVisible({ timeout: 120_000 });
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
}

async function importThroughChooser(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles(path);
}

/** A JSONL of OpenAI chat conversations with one broken line (line 3). */
function malformedJsonl(): { path: string; name: string } {
  const dir = mkdtempSync(join(tmpdir(), 'custody-e2e-files-'));
  const name = 'mixed-chats.jsonl';
  const chat = (q: string, a: string) => JSON.stringify({ messages: [{ role: 'user', content: q }, { role: 'assistant', content: a }] });
  const lines = [
    chat('I have had a headache for three days, what should I do?', 'See a doctor if it persists or worsens.'),
    chat('Can I take ibuprofen with my blood thinner?', 'Ask your pharmacist first; the combination raises bleeding risk.'),
    '{"messages": [{"role": "user", "content": "this line is cut off',
    chat('My child has a fever of 39.5 °C.', 'Give fluids, consider paracetamol, and call if it lasts over 48 hours.'),
  ];
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, name };
}

test('first run opens the demo workspace: sources listed and a non-empty queue', async ({ page, pageErrors }) => {
  await openLibrary(page);
  const header = page.locator('header');
  await expect(header.getByTestId('workspace-title')).toHaveText(demo.title);
  await expect(header.getByTestId('annotator')).toHaveText(demo.annotator.name);

  const sources = page.getByRole('table', { name: 'Sources' });
  for (const f of demo.files.filter((f) => f.kind === 'transcripts' || f.kind === 'rubric')) {
    await expect(sources.getByRole('cell', { name: f.path, exact: true })).toBeVisible();
  }
  const results = page.getByRole('region', { name: 'Import results' });
  const logs = demo.files.filter((f) => f.kind === 'access-log');
  await expect(results.locator('[data-status="forwarded"]')).toHaveCount(logs.length);
  await expect(page.getByText(/\d+ in queue/)).toBeVisible();
  const queued = Number((await page.getByText(/\d+ in queue/).textContent())?.match(/(\d+) in queue/)?.[1]);
  expect(queued).toBeGreaterThan(0);
  await page.screenshot({ path: join(screens, 'library-first-run.png') });
  expect(pageErrors).toEqual([]);
});

test('imports through the button, reports problems by line, skips re-imports and keeps it all after reload', async ({ page, pageErrors }) => {
  await openLibrary(page);
  const sources = page.getByRole('table', { name: 'Sources' });
  const results = page.getByRole('region', { name: 'Import results' });

  // A native Custody transcripts file.
  await importThroughChooser(page, smallFixture);
  await expect(results.getByText('small.custody.json')).toBeVisible();
  await expect(results.locator('[data-status="imported"]')).toHaveCount(1);
  await expect(sources.getByRole('cell', { name: 'small.custody.json', exact: true })).toBeVisible();

  // A JSONL with one broken line: the good lines land, the bad one is a problem with its line number.
  const mixed = malformedJsonl();
  await importThroughChooser(page, mixed.path);
  const row = results.locator('[data-status="imported"]', { hasText: mixed.name });
  await expect(row).toContainText('3 transcripts');
  await expect(row).toContainText('1 problem');
  const problems = page.getByRole('table', { name: 'Import problems' });
  const problem = problems.getByRole('row').filter({ hasText: mixed.name });
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText('line 3');
  await expect(sources.getByRole('row').filter({ hasText: mixed.name })).toContainText('openai-chat');
  await page.screenshot({ path: join(screens, 'library-after-imports.png'), fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv).toMatch(/^\uFEFFfile,line,sample,message\r\n/);
  expect(csv).toContain(`${mixed.name},3,,`);

  // The same bytes again: recognized and skipped.
  await importThroughChooser(page, mixed.path);
  await expect(results.locator('[data-status="duplicate"]')).toContainText(/Already imported on \d{4}-\d\d-\d\d \d\d:\d\d/);
  await expect(sources.getByRole('row').filter({ hasText: mixed.name })).toHaveCount(1);
  await page.screenshot({ path: join(screens, 'library-duplicate.png') });

  const queueText = await page.getByText(/\d+ in queue/).textContent();

  // Everything is on disk: a reload shows the same library.
  await page.reload();
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Library' }).click();
  await expect(sources.getByRole('cell', { name: 'small.custody.json', exact: true })).toBeVisible();
  await expect(sources.getByRole('cell', { name: mixed.name, exact: true })).toBeVisible();
  await expect(problems.getByRole('row').filter({ hasText: mixed.name })).toContainText('line 3');
  await expect(page.getByText(/\d+ in queue/)).toHaveText(queueText!);
  expect(pageErrors).toEqual([]);
});

test('rejects an unknown format naming the formats tried, and removes a source keeping annotations', async ({ page, pageErrors }) => {
  await openLibrary(page);
  const dir = mkdtempSync(join(tmpdir(), 'custody-e2e-files-'));
  const notes = join(dir, 'notes.json');
  writeFileSync(notes, JSON.stringify({ hello: 'world' }));
  await importThroughChooser(page, notes);
  const rejected = page.getByRole('region', { name: 'Import results' }).locator('[data-status="rejected"]');
  await expect(rejected).toContainText('Not a format Custody reads');
  await expect(rejected).toContainText('openai-chat');
  await expect(page.getByRole('table', { name: 'Sources' }).getByRole('cell', { name: 'notes.json', exact: true })).toHaveCount(0);
  await page.screenshot({ path: join(screens, 'library-rejected.png') });

  await importThroughChooser(page, smallFixture);
  const sources = page.getByRole('table', { name: 'Sources' });
  await expect(sources.getByRole('cell', { name: 'small.custody.json', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Remove small.custody.json' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Annotations are kept');
  await page.screenshot({ path: join(screens, 'library-remove-dialog.png') });
  await dialog.getByRole('button', { name: 'Remove source' }).click();
  await expect(page.getByText(/^Removed small\.custody\.json: \d+ transcript/)).toBeVisible();
  await expect(sources.getByRole('cell', { name: 'small.custody.json', exact: true })).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('imports files dropped onto the screen', async ({ page, pageErrors }) => {
  await openLibrary(page);
  const conversation = JSON.stringify([
    { role: 'user', content: 'Is it safe to drive after starting gabapentin?' },
    { role: 'assistant', content: 'Wait until you know how it affects you; it can cause drowsiness.' },
  ]);
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped-chat.json', { type: 'application/json' }));
    return dt;
  }, conversation);
  const screen = page.locator('.library');
  await screen.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(page.getByText('Drop to import')).toBeVisible();
  await page.screenshot({ path: join(screens, 'library-drop.png') });
  await screen.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByRole('region', { name: 'Import results' }).locator('[data-status="imported"]')).toContainText('dropped-chat.json');
  await expect(page.getByRole('table', { name: 'Sources' }).getByRole('cell', { name: 'dropped-chat.json', exact: true })).toBeVisible();
  await expect(page.getByText('Drop to import')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('reads comfortably in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openLibrary(page);
  await expect(page.getByRole('table', { name: 'Sources' })).toBeVisible();
  await page.screenshot({ path: join(screens, 'library-dark.png') });
});

test("imports are bound as the expert chooses: none by default, then a whole source queued from the Library", async ({ page, pageErrors }) => {
  await openLibraryWhenReady(page);
  const picker = page.getByLabel('Queue imported transcripts against');
  // The demo's rubric is not silently made the default for what comes next.
  await expect(picker.locator('option:checked')).toHaveText('No rubric yet (choose later)');
  const queueLine = page.getByText(/\d+ in queue/);
  const before = Number((await queueLine.textContent())?.match(/(\d+) in queue/)?.[1]);

  await importThroughChooser(page, smallFixture);
  // Its own row: the demo's first-run import may still be listing its files when this one lands.
  const result = page.getByRole('region', { name: 'Import results' }).locator('[data-status="imported"]').filter({ hasText: 'small.custody.json' });
  await expect(result).toContainText('2 transcripts not queued yet', { timeout: 30_000 });
  const row = page.getByRole('table', { name: 'Sources' }).getByRole('row', { name: /small\.custody\.json/ });
  await expect(row.getByTestId('source-contents')).toContainText('2 transcripts');
  await expect(row.getByTestId('source-unqueued')).toHaveText('2 not queued');
  await expect(page.getByText('2 waiting for a rubric')).toBeVisible();
  // The agent is named from the file, not "unknown agent".
  await page.screenshot({ path: join(screens, 'library-unbound.png') });

  await row.getByRole('button', { name: 'Queue against a rubric: small.custody.json' }).click();
  const dialog = page.getByRole('dialog', { name: /Queue small\.custody\.json against/ });
  await expect(dialog).toBeVisible();
  const choice = dialog.getByLabel('Rubric');
  await choice.selectOption((await choice.locator('option', { hasText: 'Clinical care-coordination safety' }).getAttribute('value'))!);
  await page.screenshot({ path: join(screens, 'library-bind-dialog.png') });
  await dialog.getByRole('button', { name: 'Queue against this rubric' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(/small\.custody\.json: Clinical care-coordination safety v1: 2 queued\./)).toBeVisible();
  await expect(row.getByTestId('source-unqueued')).toHaveCount(0);
  await expect(queueLine).toContainText(`${before + 2} in queue`);

  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Review' }).click();
  await expect(page.getByRole('option', { name: /Refill check: lisinopril/ })).toContainText('CareCoord 2.3.1');
  expect(pageErrors).toEqual([]);
});

test('a file with nothing new keeps no source and says nothing was imported', async ({ page, pageErrors }) => {
  await openLibraryWhenReady(page);
  await importThroughChooser(page, smallFixture);
  await expect(page.getByRole('region', { name: 'Import results' }).locator('[data-status="imported"]')).toBeVisible({ timeout: 30_000 });
  const sources = page.getByRole('table', { name: 'Sources' }).getByRole('row');
  const count = await sources.count();
  // Same transcripts, different bytes (a re-saved copy).
  const dir = mkdtempSync(join(tmpdir(), 'custody-e2e-files-'));
  const copy = join(dir, 'small-resaved.custody.json');
  writeFileSync(copy, JSON.stringify(JSON.parse(readFileSync(smallFixture, 'utf8')), null, 1));
  await importThroughChooser(page, copy);
  const result = page.getByRole('region', { name: 'Import results' }).locator('.result');
  await expect(result).toHaveAttribute('data-status', 'skipped', { timeout: 30_000 });
  await expect(result).toContainText('Nothing imported: its 2 transcripts are already in the library.');
  await expect(sources).toHaveCount(count);
  await expect(page.getByRole('table', { name: 'Sources' }).getByRole('cell', { name: 'small-resaved.custody.json' })).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('name yourself, start an empty workspace, and come back to the demo', async ({ page, pageErrors }) => {
  await openLibraryWhenReady(page);
  const header = page.locator('header');
  await header.getByRole('button', { name: /^Workspace and annotator/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Workspace' });
  await expect(dialog).toBeVisible();
  const name = dialog.getByLabel('Your name (recorded with your reviews)');
  await expect(name).toHaveValue(demo.annotator.name);
  await name.fill('Dr Ada Okafor');
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(header.getByTestId('annotator')).toHaveText('Dr Ada Okafor');
  await page.screenshot({ path: join(screens, 'workspace-dialog.png') });

  await dialog.getByLabel('New empty workspace').fill('Cardiology pilot');
  await dialog.getByRole('button', { name: 'Create and open' }).click();
  await expect(header.getByTestId('workspace-title')).toHaveText('Cardiology pilot', { timeout: 30_000 });
  await expect(header.getByTestId('annotator')).toHaveText('Dr Ada Okafor');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Library' }).click();
  await expect(page.getByText('No files imported yet.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText('Nothing to review yet.', { exact: false })).toBeVisible();
  await page.screenshot({ path: join(screens, 'workspace-empty.png') });

  // It stays the open workspace across a reload; the demo is one click away, untouched.
  await page.reload();
  await expect(header.getByTestId('workspace-title')).toHaveText('Cardiology pilot', { timeout: 30_000 });
  await header.getByRole('button', { name: /^Workspace and annotator/ }).click();
  await page.getByRole('dialog', { name: 'Workspace' }).getByRole('button', { name: 'Open Demo workspace' }).click();
  await expect(header.getByTestId('workspace-title')).toHaveText(demo.title, { timeout: 30_000 });
  await expect(header.getByTestId('annotator')).toHaveText('Dr Ada Okafor');
  await expect(page.locator('.rv-qrow').first()).toBeVisible();
  expect(pageErrors).toEqual([]);
});
