// Review-desk benchmarks in a real Chromium (persistent profile, IndexedDB on disk):
//   queue10kMs          mount of the queue view → first rows painted, 10,000 items
//   firstPaintMs        open a 2,000-message transcript → first rows painted
//   scrollFrameP95Ms    95th percentile frame time while scrolling that transcript
//   keystrokeSaveP95Ms  value key (m/n) → its Dexie write resolved, p95
//   typingSaveP95Ms     typed character → its batched Dexie write resolved, p95 (≤ ~250 ms by design)
// Data is seeded through the ?bench=1 hook (renderer/src/features/review/bench-hook.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { sealRubric } from '../../../shared/rubric/version.ts';
import { chromiumArgs } from '../../e2e/browser.ts';
import { benchRubric, generateQueue, generateTranscript } from './generate.ts';

export interface ReviewBenchResult {
  messages: number;
  queueItems: number;
  queue10kMs: number;
  /** Navigation start → queue painted: app boot, workspace check, 10k rows. */
  queue10kFromNavMs: number;
  firstPaintMs: number;
  scrollFrameP95Ms: number;
  keystrokeSaveP95Ms: number;
  typingSaveP95Ms: number;
  keystrokeSamples: number;
  typingSamples: number;
}

export interface ReviewBenchOptions {
  messages?: number;
  queueItems?: number;
  headless?: boolean;
}

const annotator = { id: 'bench-annotator', name: 'Bench Annotator' };

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Milliseconds between two marks (latest of each), waiting for the second. */
async function between(page: Page, from: string, to: string): Promise<number> {
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, to, { timeout: 60_000 });
  return page.evaluate(
    ([a, b]) => {
      const start = performance.getEntriesByName(a!).at(-1)!.startTime;
      return performance.getEntriesByName(b!).at(-1)!.startTime - start;
    },
    [from, to],
  );
}

const durations = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);

/** Seeds rubric, the long transcript and the queue into the page's Dexie. */
export async function seedReview(page: Page, messages: number, queueItems: number): Promise<void> {
  const rubric = await sealRubric(benchRubric, '2026-01-01T00:00:00.000Z');
  const transcript = generateTranscript(messages);
  const queue = generateQueue(queueItems, annotator.id, rubric.hash, transcript.id);
  // Wait for first-run seeding to finish: it sets the annotator and would race our own.
  await page.getByRole('heading', { name: 'Review queue' }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !!window.__custodyBench, undefined, { timeout: 30_000 });
  await page.evaluate(
    async ({ rubric, transcript, annotator }) => {
      const hook = window.__custodyBench!;
      await hook.put('rubrics', [rubric]);
      await hook.put('transcriptBodies', [{ id: transcript.id, transcript }]);
      await hook.useAnnotator(annotator.id, annotator.name);
    },
    { rubric, transcript, annotator },
  );
  for (let i = 0; i < queue.length; i += 2500) {
    await page.evaluate((rows) => window.__custodyBench!.put('queue', rows), queue.slice(i, i + 2500));
  }
}

async function measureQueue(page: Page, baseURL: string, count: number): Promise<{ ms: number; fromNav: number }> {
  await page.goto(new URL('?bench=1', baseURL).href);
  const ms = await between(page, 'custody:queue-open', 'custody:queue-painted');
  const fromNav = await page.evaluate(() => performance.getEntriesByName('custody:queue-painted').at(-1)!.startTime);
  await page.locator('.rv-qrow').first().waitFor();
  await page.getByText(`${count.toLocaleString('en')} shown`).waitFor(); // every item made it into the list
  return { ms, fromNav };
}

async function measureOpen(page: Page): Promise<number> {
  await page.evaluate(() => performance.clearMarks('custody:review-painted'));
  await page.locator('[data-testid="queue-list"]').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  const ms = await between(page, 'custody:review-open', 'custody:review-painted');
  await page.locator('.rv-msg').first().waitFor();
  return ms;
}

async function measureScroll(page: Page): Promise<number> {
  const frames = await page.evaluate(async () => {
    const el = document.querySelector<HTMLElement>('[data-transcript-scroller]')!;
    const out: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 240; i++) {
      el.scrollTop += 600;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      out.push(now - last);
      last = now;
    }
    el.scrollTop = 0;
    return out;
  });
  return percentile(frames, 95);
}

async function measureKeystrokes(page: Page): Promise<{ keys: number[]; typing: number[] }> {
  await page.evaluate(() => {
    performance.clearMeasures('custody:keystroke-saved');
    performance.clearMeasures('custody:typing-saved');
  });
  await page.locator('.rv-title-text').click(); // keyboard focus on the desk, not in a field
  // Four passes over the ten binary criteria, at a brisk but human pace.
  for (let pass = 0; pass < 4; pass++) {
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press(pass % 2 ? 'n' : 'm');
      await page.keyboard.press(i < 9 ? 'j' : 'k');
      await page.waitForTimeout(40);
    }
    for (let i = 0; i < 8; i++) await page.keyboard.press('k');
  }
  await page.keyboard.press('r');
  await page.keyboard.type('Reads the medication list before answering, as expected here.', { delay: 25 });
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="save-state"]', { hasText: 'Saved' }).waitFor();
  return { keys: await durations(page, 'custody:keystroke-saved'), typing: await durations(page, 'custody:typing-saved') };
}

export async function runReviewBench(baseURL: string, executablePath: string, options: ReviewBenchOptions = {}): Promise<ReviewBenchResult> {
  const messages = options.messages ?? 2000;
  const queueItems = options.queueItems ?? 10_000;
  const profile = mkdtempSync(join(tmpdir(), 'custody-bench-review-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: chromiumArgs,
    headless: options.headless ?? true,
    viewport: { width: 1440, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(new URL('?bench=1', baseURL).href);
    await seedReview(page, messages, queueItems);
    const queue = await measureQueue(page, baseURL, queueItems);
    const firstPaintMs = await measureOpen(page);
    const scrollFrameP95Ms = await measureScroll(page);
    const { keys, typing } = await measureKeystrokes(page);
    return {
      messages,
      queueItems,
      queue10kMs: round(queue.ms),
      queue10kFromNavMs: round(queue.fromNav),
      firstPaintMs: round(firstPaintMs),
      scrollFrameP95Ms: round(scrollFrameP95Ms),
      keystrokeSaveP95Ms: round(percentile(keys, 95)),
      typingSaveP95Ms: round(percentile(typing, 95)),
      keystrokeSamples: keys.length,
      typingSamples: typing.length,
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
