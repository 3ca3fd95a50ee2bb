// The engine in headless Chromium with a persistent profile (IndexedDB and OPFS on disk): ingest
// of the picked file, peak renderer memory, store size on disk, reopen-to-timeline, and
// the audit questions — all timed inside the page through the ?bench=1 hook.
import { mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs } from '../../e2e/browser.ts';
import { percentile, round, type AuditQuestion } from './audit.ts';
import { cpuByRole, sampleRendererMemory } from './proc.ts';

export interface ChromiumOptions {
  baseURL: string;
  executablePath: string;
  file: string;
  questions: AuditQuestion[];
  runs: number;
  chunkWorkers?: number;
  batchRecords?: number;
  log?: (line: string) => void;
}

export interface ChromiumResult {
  status: string;
  events: number;
  problems: number;
  ingestSeconds: number;
  /** Engine-side breakdown (ms summed over chunks; chunk work runs in parallel workers). */
  ingestStats: Record<string, number>;
  /** CPU seconds used during ingest by each Chromium process role (renderer = all JS threads). */
  ingestCpuSeconds: Record<string, number>;
  progress: { ms: number; events: number; bytesRead: number; rate: number }[];
  peakRendererMemoryMB: number;
  peakRendererMemoryIngestMB: number;
  peakMainThreadHeapMB: number;
  storeSizeMB: number;
  reopenSeconds: number;
  reopenEngineSeconds: number;
  textIndexReadySeconds: number;
  queries: { name: string; p50Ms: number; p95Ms: number; maxMs: number; runs: number; firstTotal: number }[];
}

async function open(profile: string, o: ChromiumOptions): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, { executablePath: o.executablePath, args: chromiumArgs, headless: true });
  const page = context.pages()[0] ?? (await context.newPage());
  const query = new URLSearchParams({ bench: '1' });
  if (o.chunkWorkers) query.set('chunkWorkers', String(o.chunkWorkers));
  if (o.batchRecords) query.set('batchRecords', String(o.batchRecords));
  await page.goto(new URL(`bench-logs/index.html?${query}`, o.baseURL).href);
  await page.waitForFunction(() => Boolean(window.__custodyLogBench), undefined, { timeout: 60_000, polling: 10 });
  return { context, page };
}

/** Main-thread JS heap (CDP), sampled; the renderer RSS covers workers too. */
async function heapSampler(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        peak = Math.max(peak, used / 2 ** 20);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return peak;
    },
  };
}

function duMB(dir: string): number {
  try {
    return Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]) / 1024;
  } catch {
    return NaN;
  }
}

export async function runInChromium(o: ChromiumOptions): Promise<ChromiumResult> {
  const log = o.log ?? (() => {});
  const profile = mkdtempSync(join(tmpdir(), 'custody-bench-logs-'));
  try {
    // 1. Ingest.
    let { context, page } = await open(profile, o);
    await page.locator('#file').setInputFiles(o.file);
    const memory = sampleRendererMemory(profile);
    const heap = await heapSampler(page);
    const cpu = cpuByRole(profile);
    log('ingesting in Chromium…');
    const ingest = await page.evaluate(() =>
      window.__custodyLogBench!.engine.open().then(() => window.__custodyLogBench!.ingest(document.querySelector('#file') as HTMLInputElement)),
    );
    const peakIngest = memory.peak();
    const ingestCpuSeconds = cpu.stop();
    let peakHeap = await heap.stop();
    const source = ingest.result.source;
    log(`ingest: ${ingest.result.status}, ${source?.eventCount ?? 0} events in ${(ingest.ms / 1000).toFixed(1)} s`);
    await context.close();
    // The catalog in IndexedDB, the chunk files in the origin private file system.
    const storeSizeMB = duMB(join(profile, 'Default', 'IndexedDB')) + duMB(join(profile, 'Default', 'File System'));

    // 2. Reopen: a new browser on the same profile, timed from navigation to the first page of rows.
    ({ context, page } = await open(profile, o));
    const reopened = await page.evaluate(() => window.__custodyLogBench!.reopen());
    const textMs = await page.evaluate(() => window.__custodyLogBench!.textReady());
    log(`reopen: ${(reopened.sinceNavigationMs / 1000).toFixed(2)} s to the first page (${reopened.events} events); text index +${(textMs / 1000).toFixed(2)} s`);

    // 3. The audit questions.
    const heap2 = await heapSampler(page);
    const groups = o.questions.map((q) => ({ name: q.name, variants: q.engine }));
    const timed = await page.evaluate(([g, runs]) => window.__custodyLogBench!.time(g, runs), [groups, o.runs] as const);
    peakHeap = Math.max(peakHeap, await heap2.stop());
    const peakAll = memory.stop();
    await context.close();
    return {
      status: ingest.result.status,
      events: source?.eventCount ?? 0,
      problems: source?.errorCount ?? 0,
      ingestSeconds: round(ingest.ms / 1000, 2),
      ingestStats: ingest.result.stats ?? {},
      ingestCpuSeconds,
      progress: ingest.timeline.map((p) => ({ ms: p.ms, events: p.events, bytesRead: p.bytesRead, rate: p.rate })),
      peakRendererMemoryMB: Math.round(peakAll),
      peakRendererMemoryIngestMB: Math.round(peakIngest),
      peakMainThreadHeapMB: Math.round(peakHeap),
      storeSizeMB: Math.round(storeSizeMB),
      reopenSeconds: round(reopened.sinceNavigationMs / 1000, 2),
      reopenEngineSeconds: round(reopened.firstPageMs / 1000, 2),
      textIndexReadySeconds: round((reopened.firstPageMs + textMs) / 1000, 2),
      queries: timed.map((t) => ({
        name: t.name,
        p50Ms: round(percentile(t.ms, 50)),
        p95Ms: round(percentile(t.ms, 95)),
        maxMs: round(Math.max(...t.ms)),
        runs: t.ms.length,
        firstTotal: t.first,
      })),
    };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
