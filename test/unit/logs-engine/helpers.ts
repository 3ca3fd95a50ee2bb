// A log engine over a private fake IndexedDB and in-memory chunk files, chunks built
// inline: the worker's logic, without a Worker.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CustodyDb } from '../../../renderer/src/db/database.ts';
import { MemoryFileStore } from '../../../renderer/src/logs/engine/storage/files.ts';
import { LogEngineCore, type CoreOptions } from '../../../renderer/src/logs/engine/core.ts';
import { inputFromBlob, type IngestInput } from '../../../renderer/src/logs/engine/digest.ts';
import type { IngestOptions, IngestResult } from '../../../renderer/src/logs/engine/contract.ts';

export const demoDir = resolve(import.meta.dirname, '../../../resources/demo/access-logs');

export function demoFile(name: string): IngestInput {
  const bytes = readFileSync(resolve(demoDir, name));
  return fileOf(name, bytes);
}

export function fileOf(name: string, content: string | Uint8Array, chunk?: number): IngestInput {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const input = inputFromBlob(new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  if (!chunk) return input;
  // Small stream chunks exercise records split across reads.
  return {
    ...input,
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(c) {
          for (let i = 0; i < bytes.length; i += chunk) c.enqueue(bytes.slice(i, i + chunk));
          c.close();
        },
      }),
  };
}

export interface TestEngine {
  engine: LogEngineCore;
  db: CustodyDb;
  files: MemoryFileStore;
  /** A second engine on the same database: "the app was restarted". */
  reopen(options?: Partial<CoreOptions>): TestEngine;
}

export function testEngine(options: Partial<CoreOptions> = {}, shared?: { indexedDB: IDBFactory; name: string; files: MemoryFileStore }): TestEngine {
  const where = shared ?? { indexedDB: new IDBFactory(), name: `logs-${Math.random().toString(36).slice(2)}`, files: new MemoryFileStore() };
  const db = new CustodyDb(where.name, { indexedDB: where.indexedDB, IDBKeyRange });
  const engine = new LogEngineCore({ db, files: where.files, now: () => new Date('2026-11-10T12:00:00Z'), ...options });
  return { engine, db, files: where.files, reopen: (more = {}) => testEngine({ ...options, ...more }, where) };
}

export function run(engine: LogEngineCore, input: IngestInput, options: IngestOptions = {}, control = { cancelled: false }): Promise<IngestResult> {
  return engine.ingest(input, options, control);
}

import { oktaJsonlChunks } from '../../bench/access-log/generate-okta.ts';

/** Deterministic Okta JSON Lines (the benchmark's generator), as bytes. */
export function oktaBytes(events: number, seed = 7): Uint8Array {
  return new TextEncoder().encode([...oktaJsonlChunks(events, seed)].join(''));
}

/** Every stored row count of the log tables, to compare store states. */
export async function tableCounts(db: CustodyDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['logSources', 'ingestJobs', 'logChunks', 'lineProblems'] as const) out[t] = await db.table(t).count();
  return out;
}

/** A seeded xorshift32 in [0, 1): random test data that is the same on every run. */
export function prng(seed: number) {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}
