// A chunk worker: parses, normalizes, builds columns, joins the raw records and extracts
// the text index for one batch at a time (chunk-build.ts), then — when the engine says it
// is the chunk's turn — stores it, raw records included, in one transaction of its own.
// The raw text (the bulk of the bytes) so never travels to the engine thread.
import '../../runtime/strict-csp.ts';
import { CustodyDb } from '../../db/database.ts';
import { buildChunk, type BuiltChunk, type CommitRows, type RecordBatch } from './chunk-build.ts';
import { commitChunk } from './chunk-store.ts';
import { readerFor } from './readers.ts';

export type ChunkTask = { kind: 'build'; id: number; batch: RecordBatch } | { kind: 'commit'; id: number; rows: CommitRows } | { kind: 'discard'; id: number };

export type ChunkReply =
  | { kind: 'built'; id: number; ok: true; built: Omit<BuiltChunk, 'raw'> }
  | { kind: 'committed'; id: number; ok: true }
  | { kind: 'built' | 'committed'; id: number; ok: false; error: string };

interface Scope {
  onmessage: ((e: MessageEvent<ChunkTask>) => void) | null;
  postMessage(message: ChunkReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as Scope;
const held = new Map<number, BuiltChunk>();
let db: CustodyDb | null = null;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

scope.onmessage = async (e) => {
  const task = e.data;
  if (task.kind === 'discard') {
    held.delete(task.id);
    return;
  }
  if (task.kind === 'build') {
    try {
      const reader = readerFor(task.batch.format, task.batch.mapping);
      if (!reader) throw new Error(`no access-log reader for format ${task.batch.format}`);
      const built = buildChunk(task.batch, reader);
      held.set(task.id, built);
      const { raw: _raw, ...rest } = built;
      // Columns and text index are copied to the engine (it keeps them in memory); this
      // worker keeps its own for the commit.
      scope.postMessage({ kind: 'built', id: task.id, ok: true, built: rest });
    } catch (error) {
      scope.postMessage({ kind: 'built', id: task.id, ok: false, error: message(error) });
    }
    return;
  }
  const built = held.get(task.id);
  held.delete(task.id);
  try {
    if (!built) throw new Error(`chunk task ${task.id} is not held here`);
    db ??= new CustodyDb();
    await commitChunk(db, { chunk: built.chunk, raw: built.raw, text: built.text, ...task.rows });
    scope.postMessage({ kind: 'committed', id: task.id, ok: true });
  } catch (error) {
    scope.postMessage({ kind: 'committed', id: task.id, ok: false, error: message(error) });
  }
};
