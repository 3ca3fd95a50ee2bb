// File identity. The SHA-256 of the whole file is computed incrementally while it streams
// (shared/crypto's streaming SHA-256), usually in a hash worker reading the same Blob. The fingerprint — size + SHA-256 of the first and last MiB —
// is cheap, so a re-picked file is recognised (duplicate? resume?) before any parsing.
import { Sha256, sha256Hex } from '../../../../shared/crypto/index.ts';

export const MIB = 1 << 20;

/** What the engine needs of a file: a Blob, or anything that can stream its bytes. */
export interface IngestInput {
  name: string;
  size: number;
  stream(): ReadableStream<Uint8Array>;
  /** Random access (Blob.slice); without it the fingerprint is taken from the stream's start. */
  slice?(start: number, end: number): Promise<Uint8Array>;
  /** The Blob itself, when there is one: a hash worker can then read it in parallel. */
  blob?: Blob;
}

export function inputFromBlob(blob: Blob, name: string): IngestInput {
  return {
    name,
    size: blob.size,
    stream: () => blob.stream() as ReadableStream<Uint8Array>,
    slice: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
    blob,
  };
}

export async function fingerprintOf(input: IngestInput, head?: Uint8Array): Promise<string> {
  const size = input.size;
  const first = input.slice ? await input.slice(0, Math.min(size, MIB)) : (head ?? new Uint8Array(0)).subarray(0, MIB);
  const last = input.slice && size > MIB ? await input.slice(Math.max(0, size - MIB), size) : new Uint8Array(0);
  return `${size}:${await sha256Hex(first)}:${last.length ? await sha256Hex(last) : '-'}`;
}

/** Hashes a whole stream (the hash worker's job, also used to confirm a duplicate). */
export async function hashStream(stream: ReadableStream<Uint8Array>, onBytes?: (n: number) => void, signal?: { cancelled: boolean }): Promise<string | null> {
  const hash = await Sha256.create();
  const reader = stream.getReader();
  let n = 0;
  for (;;) {
    if (signal?.cancelled) {
      await reader.cancel();
      return null;
    }
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
    n += value.length;
    onBytes?.(n);
  }
  return hash.hex();
}
