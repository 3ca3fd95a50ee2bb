// The benchmark's input: generated Okta JSON Lines, cached under .bench/ (gitignored) so
// a rerun does not pay the generation again. Same events + seed → same bytes.
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeOktaJsonl } from './generate-okta.ts';

export const benchDir = resolve(import.meta.dirname, '../../../.bench/access-log');

export interface BenchData {
  path: string;
  bytes: number;
  /** Seconds spent generating it now, or null when it was cached. */
  generatedSeconds: number | null;
}

export async function ensureOktaFile(events: number, seed = 7): Promise<BenchData> {
  mkdirSync(benchDir, { recursive: true });
  const path = resolve(benchDir, `okta-${events}${seed === 7 ? '' : `-s${seed}`}.jsonl`);
  if (existsSync(path)) return { path, bytes: statSync(path).size, generatedSeconds: null };
  const started = performance.now();
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  await writeOktaJsonl(out, events, seed);
  await new Promise<void>((ok, fail) => out.end((error?: Error | null) => (error ? fail(error) : ok())));
  renameSync(partial, path);
  return { path, bytes: statSync(path).size, generatedSeconds: (performance.now() - started) / 1000 };
}
