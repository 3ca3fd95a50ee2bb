// One target's cases, run in-thread: shared by the worker (full run), the vitest subset
// and replays. Failing inputs are saved (bytes + a JSON description) so they replay.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Baselines, generateCase, judge, type Case, type Scale, type Verdict } from './harness.ts';
import { targetByName, type Target } from './targets.ts';
import type { Seed } from './seeds.ts';

export interface SessionConfig {
  target: string;
  runSeed: number;
  scale: Scale;
  withCorpus: boolean;
}

export interface Session {
  target: Target;
  seeds: Seed[];
  baselines: Baselines;
  generate(index: number): Case;
  check(c: Case): Verdict;
}

export function openSession(config: SessionConfig): Session {
  const target = targetByName(config.target);
  const seeds = target.seeds(config.withCorpus);
  if (seeds.length === 0) throw new Error(`${target.name}: no seeds`);
  const baselines = new Baselines(target);
  return {
    target,
    seeds,
    baselines,
    generate: (index) => generateCase(target, seeds, config.runSeed, index, config.scale),
    check: (c) => {
      try {
        return judge(target, seeds, baselines, c);
      } catch (e) {
        // The harness must not hide a failure as its own: a throw here is a crash of the case.
        return { crashes: [`harness threw ${e instanceof Error ? e.stack : String(e)}`], lost: [], mismatches: [], ms: 0 };
      }
    },
  };
}

export function replayCommand(config: SessionConfig, index: number): string {
  return `npm run fuzz -- --target ${config.target} --seed ${config.runSeed} --scale ${config.scale}${config.withCorpus ? '' : ' --no-corpus'} --case ${index}`;
}

/** Writes the input and what went wrong; returns the path of the bytes. */
export function saveFailure(dir: string, config: SessionConfig, c: Case, kind: string, messages: string[]): string {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `${config.target.replace(/[^a-z0-9-]/gi, '_')}-${c.index}`);
  writeFileSync(`${base}.bin`, c.file.bytes);
  writeFileSync(
    `${base}.json`,
    JSON.stringify(
      {
        kind,
        target: c.target,
        index: c.index,
        runSeed: config.runSeed,
        scale: config.scale,
        withCorpus: config.withCorpus,
        fileName: c.file.name,
        seed: c.seedOrigin,
        op: c.op,
        detail: c.detail,
        chunks: c.chunks,
        options: c.options,
        keep: c.keep,
        messages: messages.slice(0, 20),
        replay: replayCommand(config, c.index),
      },
      null,
      2,
    ),
  );
  return `${base}.bin`;
}
