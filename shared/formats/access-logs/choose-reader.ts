// Which access-log reader reads a file, and how its bytes are cut into records: the one
// answer for the import engine, the CLI and readAccessLog. In order: a saved column
// mapping, then a format the user forced, then detection from the file's first bytes.
import type { Detection } from '../types.ts';
import type { Framing } from '../stream/record-stream.ts';
import type { Sniff } from '../sniff.ts';
import { detectSniffed } from '../detect.ts';
import { readers as registry } from '../registry.ts';
import { sniffInput } from '../stream/sniff-input.ts';
import type { FieldMapping } from './mapping.ts';
import type { AccessLogReader } from './reader.ts';
import { mappingReader } from './generic.ts';

// Detection weighs the access-log readers against every other format, so a transcript is
// named as one instead of being claimed by a generic reader that happens to fit it.
const otherFormats = registry.filter((r) => r.kind !== 'access-log');

export interface ReaderChoiceInput {
  /** The file's name (".gz" included): extensions and messages use it. */
  name: string;
  /** The file's first bytes, gzip as stored: at least SNIFF_BYTES + 1 when the file is longer. */
  head: Uint8Array;
  /** The access-log readers that may be chosen, in tie-breaking order. */
  readers: readonly AccessLogReader[];
  /** A reader id the user chose instead of detection. */
  format?: string;
  /** A saved column mapping, already parsed; wins over everything else. */
  mapping?: FieldMapping;
}

export type ReaderChoice =
  | { ok: true; reader: AccessLogReader; framing: Framing; reason: string; detection: Detection | null }
  | { ok: false; kind: 'unknown-format'; message: string; detection: null }
  | { ok: false; kind: 'empty' | 'not-access-log'; message: string; detection: Detection };

export type ReaderRefusal = Extract<ReaderChoice, { ok: false }>;

export function chooseReader({ name, head, readers, format, mapping }: ReaderChoiceInput): ReaderChoice {
  const sniff = sniffInput({ name, bytes: head });
  if (mapping) return chosen(mappingReader(mapping), sniff, `saved mapping "${mapping.name}"`, null);
  if (format) {
    const reader = readers.find((r) => r.format === format);
    if (reader) return chosen(reader, sniff, 'chosen by the user', null);
    const known = readers.map((r) => r.format).join(', ');
    return { ok: false, kind: 'unknown-format', message: `${format} is not an access-log format (known: ${known})`, detection: null };
  }
  const detection = detectSniffed(name, sniff, [...otherFormats, ...readers]);
  // Whitespace, or a gzip stream that inflates to nothing, is as empty as zero bytes.
  if (sniff.shape === 'empty') return { ok: false, kind: 'empty', message: detection.reason, detection };
  const reader = detection.kind === 'access-log' ? readers.find((r) => r.format === detection.format) : undefined;
  if (reader) return chosen(reader, sniff, detection.reason, detection);
  const message = detection.kind === 'unknown'
    ? `not an access log Custody reads: ${detection.reason}`
    : `${name} is ${detection.kind} (${detection.format}), not an access log`;
  return { ok: false, kind: 'not-access-log', message, detection };
}

function chosen(reader: AccessLogReader, sniff: Sniff, reason: string, detection: Detection | null): ReaderChoice {
  return { ok: true, reader, framing: reader.framing(sniff), reason, detection };
}
