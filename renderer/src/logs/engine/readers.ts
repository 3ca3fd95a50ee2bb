// Which access-log reader reads a file: the shared detector over the access-log readers,
// judged from the file's first 64 KB (inflated when gzip); or the user's choice — a reader
// id, or a saved column mapping for generic JSONL / JSON / CSV.
import { detectFormat } from '../../../../shared/formats/detect.ts';
import { sniffInput } from '../../../../shared/formats/stream/sniff-input.ts';
import { SNIFF_BYTES } from '../../../../shared/formats/sniff.ts';
import { accessLogReaders, mappingReader, parseFieldMapping, type AccessLogReader } from '../../../../shared/formats/access-logs/index.ts';
import type { FieldMapping } from '../../../../shared/formats/access-logs/mapping.ts';
import type { Framing } from '../../../../shared/formats/stream/record-stream.ts';

export const HEAD_BYTES = SNIFF_BYTES + 1;

export const defaultReaders = accessLogReaders;

export type Detected = { ok: true; reader: AccessLogReader; framing: Framing; reason: string } | { ok: false; message: string };

export function detectReader(name: string, head: Uint8Array, readers: readonly AccessLogReader[], forced?: string, mapping?: FieldMapping): Detected {
  const file = { name, bytes: head };
  if (mapping) {
    const reader = mappingReader(mapping);
    return { ok: true, reader, framing: reader.framing(sniffInput(file)), reason: `saved mapping "${mapping.name}"` };
  }
  if (forced) {
    const reader = readers.find((r) => r.format === forced);
    if (!reader) return { ok: false, message: `no access-log reader "${forced}" (known: ${readers.map((r) => r.format).join(', ')})` };
    return { ok: true, reader, framing: reader.framing(sniffInput(file)), reason: 'chosen by the user' };
  }
  if (head.length === 0) return { ok: false, message: 'the file is empty' };
  const detection = detectFormat(file, readers);
  const reader = readers.find((r) => r.format === detection.format);
  if (detection.kind !== 'access-log' || !reader) return { ok: false, message: `not an access log Custody reads: ${detection.reason}` };
  return { ok: true, reader, framing: reader.framing(sniffInput(file)), reason: detection.reason };
}

const mapped = new Map<string, AccessLogReader>();

/** The reader a chunk worker (or the event drawer) uses for a stored format. */
export function readerFor(format: string, mapping?: unknown, readers: readonly AccessLogReader[] = defaultReaders): AccessLogReader | null {
  if (mapping !== undefined) {
    const key = JSON.stringify(mapping);
    let reader = mapped.get(key);
    if (!reader) {
      const parsed = parseFieldMapping(mapping);
      if (!parsed.ok) return null;
      reader = mappingReader(parsed.mapping);
      mapped.set(key, reader);
    }
    return reader;
  }
  return readers.find((r) => r.format === format) ?? null;
}
