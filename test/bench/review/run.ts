// Standalone: `npx tsx test/bench/review/run.ts` builds the web renderer, serves it
// and prints the review benchmark as JSON (the lead's `npm run bench` calls
// runReviewBench directly).
import { findChromium } from '../../e2e/browser.ts';
import { describeMachine } from '../machine.ts';
import { buildWeb, serveWeb } from '../web-server.ts';
import { runReviewBench } from './bench.ts';

const executablePath = findChromium();
if (!process.argv.includes('--no-build')) buildWeb();
const server = await serveWeb(Number(process.env.BENCH_PORT ?? 5391));
try {
  const result = await runReviewBench(server.url, executablePath);
  console.log(JSON.stringify({ machine: describeMachine(executablePath), review: result }, null, 2));
} finally {
  server.stop();
}
