// Loading the hand-written fixtures, and the byte-level variants the tests need.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { InputFile, ReadResult } from '../../../shared/formats/types.ts';

const ROOT = fileURLToPath(new URL('../../fixtures/formats/', import.meta.url));

export function fixture(path: string): InputFile {
  return { name: path.split('/').pop() ?? path, bytes: new Uint8Array(readFileSync(ROOT + path)) };
}

export function fixtureJson(path: string): unknown {
  return JSON.parse(readFileSync(ROOT + path, 'utf8'));
}

export function text(name: string, body: string): InputFile {
  return { name, bytes: strToU8(body) };
}

export function withBom(file: InputFile): InputFile {
  return { name: file.name, bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...file.bytes]) };
}

export function withCrlf(file: InputFile): InputFile {
  const body = new TextDecoder().decode(file.bytes).replace(/\r?\n/g, '\r\n');
  return { name: file.name, bytes: strToU8(body) };
}

/** Sums a result for quick assertions. */
export function tally(result: ReadResult): { transcripts: number; messages: number; toolCalls: number; rubrics: number; criteria: number; errors: number } {
  const messages = result.transcripts.flatMap((t) => t.messages);
  return {
    transcripts: result.transcripts.length,
    messages: messages.length,
    toolCalls: messages.reduce((n, m) => n + m.toolCalls.length, 0),
    rubrics: result.rubrics.length,
    criteria: result.rubrics.reduce((n, r) => n + r.criteria.length, 0),
    errors: result.errors.length,
  };
}

/** An Inspect .eval archive laid out as Inspect writes it, from a JSON EvalLog. */
export function evalArchive(log: Record<string, unknown>, extra: Zippable = {}): Uint8Array {
  const { samples = [], ...header } = log as { samples?: { id: string | number; epoch?: number }[]; [key: string]: unknown };
  const entries: Zippable = { '_journal/start.json': strToU8(JSON.stringify({ version: header.version, eval: header.eval, plan: header.plan })) };
  for (const sample of samples) entries[`samples/${sample.id}_epoch_${sample.epoch ?? 1}.json`] = strToU8(JSON.stringify(sample));
  entries['summaries.json'] = strToU8(JSON.stringify(samples.map((s) => ({ id: s.id, epoch: s.epoch ?? 1 }))));
  entries['header.json'] = strToU8(JSON.stringify(header));
  return zipSync({ ...entries, ...extra });
}

/** Deterministic pseudo-random numbers in [0, 1), so a failing mutation can be replayed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

/** Truncations and byte flips of a file: the damage that real transfers and editors do. */
export function damaged(file: InputFile, count: number, seed = 7): InputFile[] {
  const random = seeded(seed);
  const out: InputFile[] = [];
  for (let i = 0; i < count; i++) {
    const bytes = file.bytes.slice();
    let damagedBytes: Uint8Array = bytes;
    if (i % 3 !== 1) damagedBytes = bytes.subarray(0, Math.floor(random() * bytes.length));
    if (i % 3 !== 0) {
      const flips = 1 + Math.floor(random() * 8);
      for (let f = 0; f < flips && damagedBytes.length > 0; f++) damagedBytes[Math.floor(random() * damagedBytes.length)] = Math.floor(random() * 256);
    }
    out.push({ name: file.name, bytes: damagedBytes });
  }
  return out;
}
