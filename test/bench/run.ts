// `npm run bench [-- --only review|access-log] [--events N] [--runs N]`: builds and serves
// the web app, runs the benchmarks in headless Chromium and prints human lines, then ONE
// JSON object as the last line (machine, and one entry per benchmark run).
import { findChromium } from '../e2e/browser.ts';
import { describeMachine } from './machine.ts';
import { buildWeb, serveWeb } from './web-server.ts';
import { runReviewBench } from './review/bench.ts';
import { prepareAccessLogBench, runAccessLogBench } from './access-log/bench.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const only = arg('--only');
if (only !== undefined && only !== 'review' && only !== 'access-log') {
  console.error('usage: npm run bench -- [--only review|access-log] [--events N] [--runs N] [--chunk-workers N] [--batch N] [--no-baselines] [--no-build]');
  process.exit(2);
}
const events = Number(arg('--events') ?? 1_000_000);
const runs = Number(arg('--runs') ?? 20);
if (!Number.isInteger(events) || events <= 0 || !Number.isInteger(runs) || runs < 1) {
  console.error('--events and --runs take positive integers');
  process.exit(2);
}

const executablePath = findChromium();
const out: Record<string, unknown> = { machine: describeMachine(executablePath) };
const log = (line: string) => console.log(line);

if (!process.argv.includes('--no-build')) {
  log('building the web app…');
  buildWeb();
}
if (only !== 'review') await prepareAccessLogBench();
const server = await serveWeb(Number(process.env.BENCH_PORT ?? 5391));
let failed = false;
try {
  if (only !== 'access-log') {
    log('review desk benchmark…');
    try {
      const review = await runReviewBench(server.url, executablePath);
      out.review = review;
      log(`keystroke → saved p95 ${review.keystrokeSaveP95Ms} ms, → reported on the UI thread ${review.keystrokeReportedP95Ms} ms (raw IndexedDB put p95 ${review.rawPutP95Ms} ms, same page); scroll frame p95 ${review.scrollFrameP95Ms} ms, ${review.scrollFramesOnTimePct}% on time (idle page ${review.idleFrameP95Ms} ms, same run), UI work per frame p95 ${review.scrollWorkP95Ms} ms, ${review.scrollFramesMissed}/${review.scrollFrames} frames late (idle ${review.idleFramesMissed}/240); at 300 px a frame: frame p95 ${review.briskFrameP95Ms} ms, work p95 ${review.briskWorkP95Ms} ms`);
      for (const [stage, v] of Object.entries(review.keystrokeStages)) log(`  ${stage.padEnd(20)} p50 ${v.p50} ms  p95 ${v.p95} ms`);
    } catch (error) {
      failed = true;
      out.review = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  if (only !== 'review') {
    try {
      const result = await runAccessLogBench({
        events,
        runs,
        baseURL: server.url,
        executablePath,
        log,
        skipBaselines: process.argv.includes('--no-baselines'),
        ...(arg('--chunk-workers') ? { chunkWorkers: Number(arg('--chunk-workers')) } : {}),
        ...(arg('--batch') ? { batchRecords: Number(arg('--batch')) } : {}),
      });
      log(`ingest ${result.ingestSeconds} s (${result.eventsPerSecond} events/s; DuckDB load ${result.duckdbLoadSeconds ?? '–'} s; jq ${result.jqSeconds ?? '–'} s)`);
      log(`peak renderer ${result.peakRendererMemoryMB} MB, store ${result.storeSizeMB} MB on disk, reopen ${result.reopenSeconds} s`);
      for (const q of result.queries) log(`  ${q.name.padEnd(18)} p50 ${q.p50Ms} ms  p95 ${q.p95Ms} ms  (DuckDB ${q.duckdbMs ?? '–'} ms)  total ${q.total}${q.duckdbTotal !== null ? ` / DuckDB ${q.duckdbTotal}` : ''}`);
      // The access-log fields sit at the top level (events, ingestSeconds, queries …).
      Object.assign(out, result);
    } catch (error) {
      failed = true;
      out.accessLogError = error instanceof Error ? error.message : String(error);
    }
  }
} finally {
  server.stop();
}
console.log(JSON.stringify(out));
if (failed) process.exitCode = 1;
