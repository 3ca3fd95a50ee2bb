// A chunk worker: parses, normalizes, builds columns, joins the raw records, extracts the
// text index and encodes it all as the chunk's bytes (chunk-build.ts), for one batch at a
// time. The bytes are transferred to the engine, which appends them to the source's file
// in order: a file has one writer.
import '../../runtime/strict-csp.ts';
import { buildChunk, type BuiltChunk, type RecordBatch } from './chunk-build.ts';
import { readerFor } from './readers.ts';
import { encodedBuffers } from './storage/chunk-codec.ts';

export type ChunkTask = { id: number; batch: RecordBatch };

export type ChunkReply = { id: number; ok: true; built: BuiltChunk } | { id: number; ok: false; error: string };

interface Scope {
  onmessage: ((e: MessageEvent<ChunkTask>) => void) | null;
  postMessage(message: ChunkReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as Scope;

scope.onmessage = (e) => {
  const { id, batch } = e.data;
  try {
    const reader = readerFor(batch.format, batch.mapping);
    if (!reader) throw new Error(`no access-log reader for format ${batch.format}`);
    const built = buildChunk(batch, reader);
    scope.postMessage({ id, ok: true, built }, built.encoded ? encodedBuffers(built.encoded) : []);
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
