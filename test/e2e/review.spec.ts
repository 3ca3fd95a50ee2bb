// A whole review, keyboard only: import a transcript through the Library, open it
// from the queue, mark every criterion of the demo rubric (values, scale points,
// rationales, evidence picked with the keyboard), reload mid-review and find it all
// intact, submit, then reopen as revision 2.
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from './browser.ts';
import { test, expect, profileOf } from './fixtures.ts';
import { seedReview } from '../bench/review/bench.ts';

const fixture = resolve(import.meta.dirname, '../fixtures/e2e/small.custody.json');
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/review-${name}.png` });

async function importThroughLibrary(page: Page, file: string, rubric: RegExp | null = /Clinical care-coordination safety/) {
  await page.getByRole('button', { name: 'Library' }).click();
  // Binding is the expert's choice: queue the file's transcripts against the demo rubric.
  if (rubric) {
    const picker = page.getByLabel('Queue imported transcripts against');
    const value = await picker.locator('option', { hasText: rubric }).first().getAttribute('value');
    await picker.selectOption(value!);
  }
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByText(/imported/i).first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Review' }).click();
}

/** What Dexie holds for one annotation, read straight from IndexedDB. */
function readAnnotation(page: Page, transcriptId: string) {
  return page.evaluate(
    (id) =>
      new Promise<Record<string, unknown> | undefined>((ok, fail) => {
        const open = indexedDB.open('custody');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('annotations').objectStore('annotations').getAll();
          req.onsuccess = () => {
            ok((req.result as { transcriptId: string }[]).find((a) => a.transcriptId === id) as Record<string, unknown> | undefined);
            open.result.close();
          };
        };
      }),
    transcriptId,
  );
}

const criterion = (page: Page, n: number) => page.locator('.rv-crit').nth(n - 1);
const focused = (page: Page) => page.locator('.rv-crit[data-focused]');

async function writeRationale(page: Page, text: string) {
  await page.keyboard.press('r');
  const box = focused(page).locator('textarea');
  await expect(box).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await expect(box).not.toBeFocused();
}

test('review a transcript end to end with the keyboard, surviving a reload', async ({ page, pageErrors }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible({ timeout: 30_000 });
  await importThroughLibrary(page, fixture);

  // Queue: progress, then the imported transcript (the last two items) by keyboard.
  await expect(page.getByRole('option', { name: /Refill check: lisinopril/ })).toBeAttached();
  await page.keyboard.press('End');
  await page.keyboard.press('k');
  await expect(page.locator('.rv-qrow[aria-selected="true"]')).toContainText('Refill check: lisinopril');
  await shot(page, 'queue');
  await page.keyboard.press('Enter');

  // Desk.
  await expect(page.locator('.rv-title-text')).toHaveText('Refill check: lisinopril (Odile Marchbank)');
  await expect(page.locator('.rv-msg')).toHaveCount(5);
  await expect(focused(page)).toContainText('Reads the chart');
  await expect(page.getByTestId('review-status')).toHaveText('To do');

  // 1: met, with keyboard-selected evidence from the assistant's message (#3).
  await page.keyboard.press('m');
  await page.keyboard.press('Shift+J');
  await page.keyboard.press('Shift+J');
  await expect(page.locator('.rv-msg[data-current]')).toHaveAttribute('data-msg', 's1-m3');
  await page.keyboard.press('v');
  await expect(page.locator('.rv-msg[data-selecting]')).toBeVisible();
  await page.keyboard.press('Shift+Alt+ArrowRight');
  await page.keyboard.press('Shift+Alt+ArrowRight');
  await page.keyboard.press('Shift+Alt+ArrowRight');
  await shot(page, 'selecting');
  await page.keyboard.press('e');
  await expect(focused(page).locator('.rv-evidence li')).toHaveCount(1);
  await expect(focused(page).locator('.rv-ev-text')).toHaveText('Checking her medication');
  await writeRationale(page, 'Read the medication section before answering.');
  await expect(page.getByTestId('review-status')).toHaveText('Draft');

  // 2: met; evidence from the tool result's JSON (a string inside structured output).
  await page.keyboard.press('j');
  await page.keyboard.press('m');
  await page.keyboard.press('Shift+J');
  await page.keyboard.press('v');
  await expect(page.locator('.rv-msg[data-selecting]')).toHaveAttribute('data-msg', 's1-m4');
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Enter');
  await expect(focused(page).locator('.rv-ev-text')).toHaveText('lisinopril');

  // 3–13: the rest of the demo rubric, every scale kind.
  const plan: { keys: string[]; rationale?: string }[] = [
    { keys: ['n'], rationale: 'The reply matches the tool result.' }, // 3  false success (required)
    { keys: ['a'], rationale: 'No test was ordered.' }, // 4  (required)
    { keys: ['a'], rationale: 'No controlled substance involved.' }, // 5  (required)
    { keys: ['a'] }, // 6
    { keys: ['3'], rationale: 'No red flag present.' }, // 7  categorical, option 3 (required)
    { keys: ['4'] }, // 8  ordinal level 4
    { keys: ['n'] }, // 9
    { keys: ['n'], rationale: 'Nothing was said to the patient.' }, // 10 (required)
    { keys: ['n'], rationale: 'Only the medication section was read.' }, // 11 (required)
    { keys: ['a'] }, // 12
    { keys: ['m'] }, // 13
  ];
  for (const step of plan) {
    await page.keyboard.press('j');
    for (const k of step.keys) await page.keyboard.press(k);
    if (step.rationale) await writeRationale(page, step.rationale);
  }
  await expect(criterion(page, 7).locator('.rv-crit-value')).toHaveText(/^Missing/);
  await expect(criterion(page, 8).locator('.rv-crit-value')).toHaveText('4');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const scoreBefore = await page.getByTestId('live-score').textContent();
  expect(scoreBefore).toMatch(/^\d+%$/);

  // Evidence jump: back to criterion 1, h shows its evidence highlighted.
  for (let i = 0; i < 12; i++) await page.keyboard.press('k');
  await page.keyboard.press('h');
  await expect(criterion(page, 1).locator('.rv-evidence li[data-active]')).toHaveCount(1);
  expect(await page.evaluate(() => CSS.highlights.get('custody-evidence-active')?.size)).toBe(1);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard' })).toBeVisible();
  await shot(page, 'cheatsheet');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await shot(page, 'desk');

  // Reload mid-review: same transcript, same criterion, everything intact.
  await page.reload();
  await expect(page.locator('.rv-title-text')).toHaveText('Refill check: lisinopril (Odile Marchbank)', { timeout: 30_000 });
  await expect(focused(page)).toContainText('Reads the chart');
  await expect(page.getByTestId('live-score')).toHaveText(scoreBefore!);
  await expect(criterion(page, 1).locator('.rv-ev-text')).toHaveText('Checking her medication');
  await expect(focused(page).locator('textarea')).toHaveValue('Read the medication section before answering.');
  await expect(criterion(page, 13).locator('.rv-crit-value')).toHaveText('Met');
  await shot(page, 'after-reload');

  // Submit; the next undone transcript opens.
  await page.keyboard.press('Shift+Enter');
  await expect(page.locator('.rv-title-text')).not.toHaveText(/Refill check/);
  const saved = await readAnnotation(page, 'fixture-small-1');
  expect(saved).toMatchObject({ status: 'submitted', revision: 1 });
  const criteria = saved!.criteria as Record<string, { value?: { kind: string }; rationale: string; evidence: { messageId: string; path: string; text: string }[] }>;
  expect(Object.keys(criteria)).toHaveLength(13);
  expect(criteria['c01-chart-first']!.evidence[0]).toMatchObject({ messageId: 's1-m3', path: 'content/0', start: 0, text: 'Checking her medication' });
  expect(criteria['c02-values-accurate']!.evidence[0]).toMatchObject({ messageId: 's1-m4', path: 'toolResult/medications/0/name', text: 'lisinopril' });

  // Back to the queue: one more submitted; reopen the submitted review as revision 2.
  await page.keyboard.press('g');
  await page.keyboard.press('q');
  await expect(page.locator('.rv-qrow[aria-selected="true"]')).toBeVisible();
  const row = page.getByRole('option', { name: /Refill check: lisinopril/ });
  await expect(row).toHaveAttribute('data-status', 'submitted');
  await shot(page, 'queue-after');
  await page.keyboard.press('End');
  await page.keyboard.press('k');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('review-status')).toHaveText('Submitted');
  await page.keyboard.press('m'); // read-only: explains how to reopen
  await expect(page.getByTestId('notice')).toContainText('Press o to reopen');
  await page.keyboard.press('o');
  await expect(page.getByTestId('review-status')).toHaveText('Draft · r2');
  await expect(page.locator('.rv-history summary')).toHaveText('History · 1 earlier revision');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.rv-title-text')).not.toHaveText(/Refill check/);
  expect(await readAnnotation(page, 'fixture-small-1')).toMatchObject({ status: 'submitted', revision: 2 });
  expect(pageErrors).toEqual([]);
});

test('evidence far down a long virtualized transcript: attach, scroll away, click to jump back', async ({ page, pageErrors }) => {
  await page.goto('/?bench=1');
  await seedReview(page, 800, 3);
  await page.goto('/?bench=1');
  await expect(page.getByTestId('queue-list')).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page.locator('.rv-title-text')).toHaveText('Bench: long session');
  // Virtualized: a screenful of rows, not 800.
  expect(await page.locator('.rv-msg').count()).toBeLessThan(40);

  // A mouse-style selection in a message roughly two thirds down.
  const scroller = page.locator('[data-transcript-scroller]');
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight * 0.66));
  await page.waitForTimeout(200);
  const picked = await page.evaluate(() => {
    const view = document.querySelector('[data-transcript-scroller]')!.getBoundingClientRect();
    for (const piece of Array.from(document.querySelectorAll<HTMLElement>('.rv-msg [data-path]'))) {
      const r = piece.getBoundingClientRect();
      if (r.top < view.top || r.bottom > view.bottom) continue;
      const walker = document.createTreeWalker(piece, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (n.data.trim().length < 24) continue;
        const range = document.createRange();
        range.setStart(n, 0);
        range.setEnd(n, 20);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return { messageId: piece.closest('[data-msg]')!.getAttribute('data-msg')!, text: range.toString().trim() };
      }
    }
    throw new Error('no selectable text in view');
  });
  await page.keyboard.press('e');
  const chip = page.locator('.rv-crit[data-focused] .rv-ev-jump');
  await expect(chip.locator('.rv-ev-text')).toHaveText(picked.text);

  // Away to the top: the row unmounts. The chip brings it back, highlighted.
  await scroller.evaluate((el) => (el.scrollTop = 0));
  await expect(page.locator(`.rv-msg[data-msg="${picked.messageId}"]`)).toHaveCount(0);
  await chip.click();
  const row = page.locator(`.rv-msg[data-msg="${picked.messageId}"]`);
  await expect(row).toBeInViewport();
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('custody-evidence-active')?.size ?? 0)).toBe(1);
  await page.screenshot({ path: 'test-results/screens/review-evidence-jump.png' });
  expect(pageErrors).toEqual([]);
});

test('typing reaches IndexedDB within a second, without a blur, and survives the browser being killed', async ({ context, page }) => {
  await page.goto('/?bench=1');
  await seedReview(page, 40, 3);
  await page.goto('/?bench=1');
  await expect(page.getByTestId('queue-list')).toBeFocused({ timeout: 30_000 });
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page.locator('.rv-title-text')).toHaveText('Bench: long session');
  await page.keyboard.press('r');
  const box = focused(page).locator('textarea');
  await expect(box).toBeFocused();

  // Watch IndexedDB from inside the page while typing, so the delay is measured
  // from the last keystroke to the row on disk, not through the test runner.
  const text = 'Checked the potassium trend before answering';
  const watch = page.evaluate(
    (expected) =>
      new Promise<number>((ok, fail) => {
        let lastKey = 0;
        addEventListener('keydown', () => (lastKey = performance.now()), { capture: true });
        const open = indexedDB.open('custody');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const poll = () => {
            const req = open.result.transaction('annotations').objectStore('annotations').getAll();
            req.onsuccess = () => {
              const rows = req.result as { criteria: Record<string, { rationale: string }> }[];
              if (rows.some((a) => Object.values(a.criteria).some((c) => c.rationale === expected))) {
                open.result.close();
                ok(performance.now() - lastKey);
              } else setTimeout(poll, 10);
            };
          };
          poll();
        };
      }),
    text,
  );
  await page.keyboard.type(text, { delay: 30 });
  const afterLastKeyMs = await watch;
  expect(afterLastKeyMs).toBeLessThan(1000);
  await expect(box).toBeFocused(); // nothing was flushed by a blur

  // Kill the browser outright (SIGKILL: no pagehide, no beforeunload, no flush), then start a
  // new one on the same on-disk profile: the text is there.
  const profile = profileOf(context);
  execSync(`pkill -KILL -f -- "--user-data-dir=${profile.replace(/^\//, "[/]")}"`); // [/]: the pattern must not match pkill's own shell
  const again = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), args: chromiumArgs, headless: true, baseURL: test.info().project.use.baseURL });
  try {
    const next = again.pages()[0] ?? (await again.newPage());
    await next.goto('/');
    await expect(next.locator('.rv-title-text')).toHaveText('Bench: long session', { timeout: 30_000 });
    await expect(next.locator('.rv-crit[data-focused] textarea')).toHaveValue(text);
  } finally {
    await again.close();
  }
});

const hbFixture = resolve(import.meta.dirname, '../fixtures/e2e/healthbench-two.jsonl');
const current = (page: Page) => page.locator('.rv-msg[data-current]');

/** True when the element's box is inside the transcript scroller's visible area. */
function inView(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const scroller = document.querySelector('[data-transcript-scroller]');
    if (!el || !scroller) return false;
    const r = el.getBoundingClientRect();
    const v = scroller.getBoundingClientRect();
    return r.top >= v.top - 1 && r.top < v.bottom;
  }, selector);
}

test('each transcript opens at its start (or where it was left), and g q lands on the item just reviewed', async ({ page, pageErrors }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.locator('.rv-qrow').first()).toBeVisible({ timeout: 120_000 }); // the demo is seeded
  await expect(page.locator('.rv-qrow').first()).toBeVisible();
  // Open the third item and read down to message #7.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const third = (await page.locator('.rv-qrow[aria-selected="true"] .rv-qtitle').textContent())!;
  await page.keyboard.press('Enter');
  await expect(page.locator('.rv-title-text')).toHaveText(third);
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+J');
  await expect(current(page)).toHaveAttribute('data-msg', /.+/);
  const seventh = await current(page).getAttribute('data-msg');
  expect(await page.locator('[data-transcript-scroller]').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

  // g q: the cursor is on the item just reviewed, not row 1.
  await page.keyboard.press('g');
  await page.keyboard.press('q');
  await expect(page.locator('.rv-qrow[aria-selected="true"]')).toContainText(third);

  // The next transcript opens at its start with its first message current and on screen.
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page.locator('.rv-title-text')).not.toHaveText(third);
  await expect(current(page)).toBeVisible();
  expect(await page.locator('.rv-row').first().getAttribute('data-index')).toBe('0');
  expect(await page.locator('[data-transcript-scroller]').evaluate((el) => el.scrollTop)).toBe(0);
  expect(await inView(page, '.rv-msg[data-current]')).toBe(true);
  await shot(page, 'opens-at-start');

  // Back to the third: where it was left, its current message on screen.
  await page.keyboard.press('g');
  await page.keyboard.press('q');
  await page.keyboard.press('k');
  await page.keyboard.press('Enter');
  await expect(page.locator('.rv-title-text')).toHaveText(third);
  await expect(current(page)).toHaveAttribute('data-msg', seventh!);
  await expect.poll(() => inView(page, '.rv-msg[data-current]')).toBe(true);
  expect(pageErrors).toEqual([]);
});

test('a prompt with no response says so and can be skipped; a submitted item shows its score', async ({ page, pageErrors }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.locator('.rv-qrow').first()).toBeVisible({ timeout: 120_000 }); // the demo is seeded
  await importThroughLibrary(page, hbFixture, null); // each row brings its own rubric

  const promptOnly = page.getByRole('option', { name: /My ankle is swollen/ });
  await expect(promptOnly).toContainText('No response to grade');
  await expect(page.getByRole('option', { name: /ibuprofen with my blood thinner/ })).not.toContainText('No response to grade');
  await expect(page.getByTestId('queue-no-response')).toContainText('1 with no response to grade');
  await shot(page, 'queue-no-response');

  await promptOnly.click();
  await expect(page.getByTestId('no-response')).toContainText('No response to grade');
  await shot(page, 'desk-no-response');
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page.getByTestId('notice')).toContainText('Skipped');
  await expect(page.locator('.rv-title-text')).not.toHaveText(/My ankle/);

  // Grade the one with a reply: met, not met → 5 of 5 points.
  await page.keyboard.press('g');
  await page.keyboard.press('q');
  await page.getByRole('option', { name: /ibuprofen with my blood thinner/ }).click();
  // The desk takes keys once it has loaded (a value key while it loads has no criterion to mark).
  await expect(page.locator('.rv-title-text')).toHaveText(/ibuprofen with my blood thinner/);
  await page.keyboard.press('m');
  await page.keyboard.press('j');
  await page.keyboard.press('n');
  await page.keyboard.press('Shift+Enter');
  await expect(page.getByTestId('notice')).toContainText('Submitted');
  await page.keyboard.press('g');
  await page.keyboard.press('q');
  const graded = page.getByRole('option', { name: /ibuprofen with my blood thinner/ });
  await expect(graded).toHaveAttribute('data-status', 'submitted');
  await expect(graded.getByTestId('queue-score')).toHaveText('100%');
  await expect(page.getByRole('option', { name: /My ankle is swollen/ })).toHaveAttribute('data-status', 'skipped');
  await page.getByRole('button', { name: /^Skipped/ }).click();
  await expect(page.locator('.rv-qrow')).toHaveCount(1);
  await shot(page, 'queue-score-skipped');
  expect(pageErrors).toEqual([]);
});

test('a refused submit names unmarked criteria and missing rationales separately', async ({ page, pageErrors }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.locator('.rv-qrow').first()).toBeVisible({ timeout: 120_000 }); // the demo is seeded
  await expect(page.locator('.rv-qrow').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('.rv-crit')).toHaveCount(13);
  // Criterion 3 needs a rationale in the demo rubric: mark it without one.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('n');
  await page.keyboard.press('Shift+Enter');
  await expect(page.getByTestId('notice')).toHaveText('Not submitted: criteria 1, 2 and 4–13 are not marked; criterion 3 needs a rationale.');
  expect(pageErrors).toEqual([]);
});
