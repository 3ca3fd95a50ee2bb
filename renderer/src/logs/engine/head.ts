// The first bytes of a file: read once for format detection (and a CSV's header line),
// then replayed into the record stream so nothing is read twice.
import { sniffInput } from '../../../../shared/formats/stream/sniff-input.ts';
import { HEAD_BYTES } from './readers.ts';

/** Reads the first bytes for detection, keeping them to replay into the record stream. */
export async function readHead(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<{ head: Uint8Array; chunks: Uint8Array[]; done: boolean }> {
  const chunks: Uint8Array[] = [];
  let have = 0;
  let done = false;
  while (have < HEAD_BYTES) {
    const r = await reader.read();
    if (r.done) {
      done = true;
      break;
    }
    chunks.push(r.value);
    have += r.value.length;
  }
  const head = new Uint8Array(Math.min(have, HEAD_BYTES));
  let at = 0;
  for (const c of chunks) {
    if (at >= head.length) break;
    const take = c.subarray(0, head.length - at);
    head.set(take, at);
    at += take.length;
  }
  return { head, chunks, done };
}

/** The header line of a CSV (inflated when gzip), to re-read single stored rows later. */
export function csvHeaderOf(name: string, head: Uint8Array): string {
  const text = sniffInput({ name, bytes: head }).text.replace(/^\uFEFF/, '');
  const end = text.indexOf('\n');
  return (end < 0 ? text : text.slice(0, end)).replace(/\r$/, '');
}

