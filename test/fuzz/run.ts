// The full fuzz run: `npm run fuzz` (10,000 inputs per reader by default).
//
//   npm run fuzz -- [--count N] [--seed S] [--target a,b] [--scale fast|full] [--no-corpus]
//                   [--limit-ms 10000] [--jobs 1] [--out .fuzz]
//   npm run fuzz -- --target okta-system-log --case 123      replay one case in-thread
//   npm run fuzz -- --target okta-system-log --file x.bin    run saved bytes through the target
//
// Each target runs in a worker thread; a watchdog terminates a worker whose current case has
// run longer than --limit-ms (a hang), saves that input and carries on with the next case.
// Prints per reader: inputs, crashes, hangs, lost records, mismatches, slowest input, time.
// Exits 1 when anything failed. Failing inputs are written to --out (bytes + .json with the
// replay command).
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { targets } from './targets.ts';
import { CORPUS } from './seeds.ts';
import { existsSync } from 'node:fs';
import { openSession, replayCommand, saveFailure, type SessionConfig } from './session.ts';
import type { WorkerInput, WorkerMessage } from './worker.ts';
import type { Scale } from './harness.ts';

interface Args {
  count: number;
  seed: number;
  targets: string[];
  scale: Scale;
  corpus: boolean;
  limitMs: number;
  jobs: number;
  out: string;
  caseIndex?: number;
  file?: string;
  chunks?: number[];
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { count: 10_000, seed: 1, targets: targets.map((t) => t.name), scale: 'full', corpus: true, limitMs: 10_000, jobs: 1, out: '.fuzz', json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--count') args.count = Number(next());
    else if (a === '--seed') args.seed = Number(next());
    else if (a === '--target') args.targets = next().split(',');
    else if (a === '--scale') args.scale = next() as Scale;
    else if (a === '--no-corpus') args.corpus = false;
    else if (a === '--limit-ms') args.limitMs = Number(next());
    else if (a === '--jobs') args.jobs = Math.max(1, Number(next()));
    else if (a === '--out') args.out = next();
    else if (a === '--case') args.caseIndex = Number(next());
    else if (a === '--file') args.file = next();
    else if (a === '--chunks') args.chunks = next().split(',').map(Number);
    else if (a === '--json') args.json = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

interface Tally {
  target: string;
  seeds: number;
  inputs: number;
  crashes: number;
  hangs: number;
  lost: number;
  mismatches: number;
  slowest: { index: number; ms: number; op: string; detail: string } | null;
  runMs: number;
  wallMs: number;
  notes: string[];
  examples: string[];
}

function runTarget(name: string, args: Args): Promise<Tally> {
  const config: SessionConfig = { target: name, runSeed: args.seed, scale: args.scale, withCorpus: args.corpus };
  const tally: Tally = { target: name, seeds: 0, inputs: 0, crashes: 0, hangs: 0, lost: 0, mismatches: 0, slowest: null, runMs: 0, wallMs: 0, notes: [], examples: [] };
  const began = Date.now();
  const current = new SharedArrayBuffer(4);
  const started = new SharedArrayBuffer(8);
  const index = new Int32Array(current);
  const start = new Float64Array(started);
  const failed = new Map<number, Set<string>>();

  return new Promise((resolveTally, reject) => {
    const launch = (from: number): void => {
      if (from >= args.count) {
        tally.wallMs = Date.now() - began;
        resolveTally(tally);
        return;
      }
      start[0] = 0;
      // Inputs this worker has reported; a hang adds the ones it finished but had not reported.
      let reported = 0;
      const input: WorkerInput = { ...config, from, to: args.count, failureDir: resolve(args.out), current, started };
      const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: input });
      let finished = false;
      const watchdog = setInterval(() => {
        const t = start[0]!;
        if (t > 0 && Date.now() - t > args.limitMs) {
          finished = true;
          clearInterval(watchdog);
          const hung = Atomics.load(index, 0);
          void worker.terminate();
          tally.hangs++;
          tally.inputs += hung - from - reported + 1;
          const session = openSession(config);
          const c = session.generate(hung);
          const saved = saveFailure(resolve(args.out), config, c, 'hang', [`still running after ${args.limitMs} ms`]);
          const line = `${name} #${hung} hang (${c.op}: ${c.detail.slice(0, 120)}) → ${saved}\n    replay: ${replayCommand(config, hung)}`;
          tally.examples.push(line);
          console.log(line);
          launch(hung + 1);
        }
      }, 100);
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          const before = tally.inputs;
          tally.inputs += m.done;
          reported += m.done;
          if (Math.floor(tally.inputs / 2500) > Math.floor(before / 2500)) console.log(`  ${name}: ${tally.inputs}/${args.count} (${((Date.now() - began) / 1000).toFixed(0)} s)`);
          tally.runMs += m.totalMs;
          tally.seeds = m.seedsCount;
          tally.notes.push(...m.notes);
          if (m.slowest && (!tally.slowest || m.slowest.ms > tally.slowest.ms)) tally.slowest = m.slowest;
        } else if (m.type === 'failure') {
          const kinds = failed.get(m.index) ?? new Set();
          failed.set(m.index, kinds);
          if (!kinds.has(m.kind)) {
            kinds.add(m.kind);
            if (m.kind === 'crash') tally.crashes++;
            else if (m.kind === 'lost') tally.lost++;
            else tally.mismatches++;
          }
          const line = `${name} #${m.index} ${m.kind} (${m.op}: ${m.detail.slice(0, 120)})\n    ${m.messages.join('\n    ')}\n    saved ${m.saved}; replay: ${replayCommand(config, m.index)}`;
          if (tally.examples.length < 5) console.log(line);
          tally.examples.push(line);
        } else if (m.type === 'done') {
          finished = true;
          clearInterval(watchdog);
          void worker.terminate();
          tally.wallMs = Date.now() - began;
          resolveTally(tally);
        }
      });
      worker.on('error', (e) => {
        clearInterval(watchdog);
        if (!finished) reject(e);
      });
    };
    launch(0);
  });
}

function replayCase(args: Args): void {
  const name = args.targets[0]!;
  const config: SessionConfig = { target: name, runSeed: args.seed, scale: args.scale, withCorpus: args.corpus };
  const session = openSession(config);
  const c = session.generate(args.caseIndex!);
  if (c.keep.length) session.baselines.of(session.seeds[c.seed]!);
  console.log(`${name} #${c.index}: seed ${c.seedOrigin}, ${c.op}: ${c.detail}`);
  console.log(`  ${c.file.bytes.length} bytes as ${c.file.name}; chunks ${JSON.stringify(c.chunks)}; options ${JSON.stringify(c.options)}; keep records ${JSON.stringify(c.keep)}`);
  const v = session.check(c);
  console.log(JSON.stringify(v, null, 2));
  const saved = saveFailure(resolve(args.out), config, c, 'replay', [...v.crashes, ...v.lost, ...v.mismatches]);
  console.log(`input saved to ${saved}`);
}

function replayFile(args: Args): void {
  const session = openSession({ target: args.targets[0]!, runSeed: args.seed, scale: args.scale, withCorpus: false });
  const bytes = new Uint8Array(readFileSync(args.file!));
  const meta = existsSync(args.file!.replace(/\.bin$/, '.json')) ? (JSON.parse(readFileSync(args.file!.replace(/\.bin$/, '.json'), 'utf8')) as { fileName?: string; chunks?: number[]; options?: object }) : {};
  const file = { name: meta.fileName ?? args.file!.split('/').pop()!, bytes };
  const t0 = performance.now();
  const whole = session.target.run(file, meta.options ?? {});
  console.log(`whole: ${whole.items.length} records, ${whole.problems.length} problems, crashes ${JSON.stringify(whole.crashes)} (${(performance.now() - t0).toFixed(1)} ms)`);
  const chunks = args.chunks ?? meta.chunks;
  if (session.target.stream && chunks) {
    const streamed = session.target.stream(file, chunks, meta.options ?? {});
    console.log(`streamed: ${streamed.items.length} records, crashes ${JSON.stringify(streamed.crashes)}, same as whole: ${streamed.exact === whole.exact}`);
  }
}

function pad(s: string | number, n: number, right = false): string {
  const t = String(s);
  return right ? t.padEnd(n) : t.padStart(n);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.caseIndex !== undefined) return replayCase(args);
  if (args.file) return replayFile(args);
  const corpusNote = !args.corpus ? 'corpus not used (--no-corpus)' : existsSync(CORPUS) ? `corpus seeds from ${CORPUS}` : `corpus absent (${CORPUS}): fixtures only`;
  console.log(`fuzz: ${args.count} inputs per reader, seed ${args.seed}, scale ${args.scale}, limit ${args.limitMs} ms per input, ${args.jobs} job(s); ${corpusNote}`);
  const began = Date.now();
  const results: Tally[] = [];
  const queue = [...args.targets];
  await Promise.all(
    Array.from({ length: args.jobs }, async () => {
      for (let name = queue.shift(); name; name = queue.shift()) {
        const t = await runTarget(name, args);
        results.push(t);
        console.log(`${name}: ${t.inputs} inputs from ${t.seeds} seeds, ${t.crashes} crashes, ${t.hangs} hangs, ${t.lost} lost, ${t.mismatches} mismatches, slowest ${t.slowest?.ms.toFixed(1) ?? '-'} ms, ${(t.wallMs / 1000).toFixed(1)} s`);
      }
    }),
  );
  results.sort((a, b) => args.targets.indexOf(a.target) - args.targets.indexOf(b.target));
  const notes = [...new Set(results.flatMap((r) => r.notes))];
  console.log('');
  console.log(`${pad('reader', 20, true)} ${pad('seeds', 5)} ${pad('inputs', 7)} ${pad('crash', 5)} ${pad('hang', 4)} ${pad('lost', 4)} ${pad('mism', 4)} ${pad('slowest ms', 10)}  ${pad('slowest input', 44, true)} ${pad('time s', 7)}`);
  for (const r of results) {
    const slow = r.slowest ? `#${r.slowest.index} ${r.slowest.op}: ${r.slowest.detail}`.slice(0, 44) : '';
    console.log(`${pad(r.target, 20, true)} ${pad(r.seeds, 5)} ${pad(r.inputs, 7)} ${pad(r.crashes, 5)} ${pad(r.hangs, 4)} ${pad(r.lost, 4)} ${pad(r.mismatches, 4)} ${pad(r.slowest?.ms.toFixed(1) ?? '-', 10)}  ${pad(slow, 44, true)} ${pad((r.wallMs / 1000).toFixed(1), 7)}`);
  }
  const sum = (k: 'inputs' | 'crashes' | 'hangs' | 'lost' | 'mismatches') => results.reduce((n, r) => n + r[k], 0);
  console.log(`${pad('total', 20, true)} ${pad('', 5)} ${pad(sum('inputs'), 7)} ${pad(sum('crashes'), 5)} ${pad(sum('hangs'), 4)} ${pad(sum('lost'), 4)} ${pad(sum('mismatches'), 4)} ${pad('', 10)}  ${pad('', 44)} ${pad(((Date.now() - began) / 1000).toFixed(1), 7)}`);
  for (const n of notes) console.log(`note: ${n}`);
  if (args.json) console.log(JSON.stringify({ args, results: results.map(({ examples: _e, ...r }) => r) }));
  const bad = sum('crashes') + sum('hangs') + sum('lost') + sum('mismatches');
  if (bad > 0) {
    console.log(`\n${bad} failing inputs saved under ${resolve(args.out)}`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 2;
});
