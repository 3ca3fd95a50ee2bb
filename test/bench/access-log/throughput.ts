// Reader throughput on Node: split + JSON.parse + normalize of generated Okta JSON Lines,
// streamed from disk in 1 MB reads exactly as `custody normalize` and the import worker do.
// Prints one JSON object. The whole pipeline's target is 1M events in 20 s; the reader
// alone should leave most of that to the store.
//
//   tsx test/bench/access-log/throughput.ts --events 1000000 [--file /tmp/okta-1m.jsonl] [--unmapped]
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createAccessLogStream } from '../../../shared/formats/access-logs/pipeline.ts';
import { oktaReader } from '../../../shared/formats/access-logs/okta.ts';
import { createRecordStream } from '../../../shared/formats/stream/record-stream.ts';
import { writeOktaJsonl } from './generate-okta.ts';

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function* chunks(path: string): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    for (;;) {
      const buffer = new Uint8Array(1 << 20);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

async function timed(label: string, run: () => Promise<number>): Promise<{ label: string; seconds: number; events: number; perSecond: number }> {
  const started = performance.now();
  const events = await run();
  const seconds = (performance.now() - started) / 1000;
  return { label, seconds: Number(seconds.toFixed(2)), events, perSecond: Math.round(events / seconds) };
}

const events = Number(argument('--events', '1000000'));
const file = argument('--file', `/tmp/custody-okta-${events}.jsonl`);
if (!existsSync(file)) {
  const out = createWriteStream(file);
  await writeOktaJsonl(out, events, 7);
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

const splitOnly = await timed('split (lines, UTF-8 decode)', async () => {
  let n = 0;
  const stream = createRecordStream('jsonl', () => n++, () => undefined);
  for await (const chunk of chunks(file)) stream.push(chunk);
  stream.end();
  return n;
});

const parseOnly = await timed('split + JSON.parse', async () => {
  let n = 0;
  const stream = createRecordStream('jsonl', (r) => {
    JSON.parse(r.text);
    n++;
  }, () => undefined);
  for await (const chunk of chunks(file)) stream.push(chunk);
  stream.end();
  return n;
});

const full = await timed('split + JSON.parse + normalize (okta)', async () => {
  let problems = 0;
  const stream = createAccessLogStream({
    reader: oktaReader,
    framing: 'jsonl',
    sourceId: 'bench',
    unmapped: process.argv.includes('--unmapped'),
    onEvent: () => undefined,
    onProblem: () => problems++,
  });
  for await (const chunk of chunks(file)) stream.push(chunk);
  const stats = stream.end();
  if (problems > 0) throw new Error(`${problems} problems in generated data`);
  return stats.events;
});

process.stdout.write(`${JSON.stringify({ node: process.version, file, bytes: statSync(file).size, events, runs: [splitOnly, parseOnly, full] })}\n`);
