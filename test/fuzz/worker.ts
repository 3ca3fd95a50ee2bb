// A worker thread that runs cases [from, to) of one target. Before each case it writes the
// case index and its start time into shared memory, so the main thread's watchdog can see a
// case that never returns (a synchronous infinite loop cannot be interrupted in-thread) and
// terminate this worker.
import { parentPort, workerData } from 'node:worker_threads';
import { openSession, saveFailure, type SessionConfig } from './session.ts';

export interface WorkerInput extends SessionConfig {
  from: number;
  to: number;
  failureDir: string;
  /** Int32 [current index], Float64 [start time of the current case, ms since epoch]. */
  current: SharedArrayBuffer;
  started: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; slowest: { index: number; ms: number; op: string; detail: string } | null; totalMs: number; seedsCount: number; notes: string[] }
  | { type: 'failure'; index: number; kind: 'crash' | 'lost' | 'mismatch'; op: string; detail: string; messages: string[]; saved: string }
  | { type: 'done' };

const input = workerData as WorkerInput;
const current = new Int32Array(input.current);
const started = new Float64Array(input.started);
const session = openSession(input);
const post = (m: WorkerMessage): void => parentPort!.postMessage(m);

let slowest: { index: number; ms: number; op: string; detail: string } | null = null;
let totalMs = 0;
let done = 0;
let notesSent = 0;
const flush = (): void => {
  post({ type: 'progress', done, slowest, totalMs, seedsCount: session.seeds.length, notes: session.baselines.notes.slice(notesSent) });
  notesSent = session.baselines.notes.length;
  done = 0;
  totalMs = 0;
};

for (let index = input.from; index < input.to; index++) {
  let c;
  try {
    c = session.generate(index);
  } catch (e) {
    post({ type: 'failure', index, kind: 'crash', op: '?', detail: 'generating the case', messages: [`harness could not generate the case: ${e instanceof Error ? e.stack : String(e)}`], saved: '' });
    continue;
  }
  // Baselines are computed outside the timed window (once per seed).
  if (c.keep.length) session.baselines.of(session.seeds[c.seed]!);
  Atomics.store(current, 0, index);
  started[0] = Date.now();
  const verdict = session.check(c);
  started[0] = 0;
  done++;
  totalMs += verdict.ms;
  if (!slowest || verdict.ms > slowest.ms) slowest = { index, ms: verdict.ms, op: c.op, detail: c.detail.slice(0, 120) };
  for (const [kind, messages] of [['crash', verdict.crashes], ['lost', verdict.lost], ['mismatch', verdict.mismatches]] as const) {
    if (messages.length === 0) continue;
    const saved = saveFailure(input.failureDir, input, c, kind, messages);
    post({ type: 'failure', index, kind, op: c.op, detail: c.detail.slice(0, 200), messages: messages.slice(0, 3), saved });
  }
  if (done >= 20) flush();
}
flush();
post({ type: 'done' });
