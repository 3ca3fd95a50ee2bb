// What an access-log reader is: a FormatReader (sniff, read) that can also normalize one
// record at a time, so the same code serves the streaming import worker, the CLI and tests.
import type { AccessEvent } from '../../model/access-event.ts';
import type { FormatReader } from '../types.ts';
import type { Sniff } from '../sniff.ts';
import type { Framing } from '../stream/record-stream.ts';

/** Where a record came from; readers copy it into each event they make. */
export interface RecordContext {
  sourceId: string;
  format: string;
  line: number;
  ordinal: number;
  /** The record's verbatim text. */
  raw: string;
}

/** A record the reader cannot use, with the reason (the line is added by the caller). */
export interface NormalizeProblem {
  problem: string;
}

export type NormalizeResult = AccessEvent | AccessEvent[] | NormalizeProblem;

export interface AccessLogReader extends FormatReader {
  kind: 'access-log';
  /** How this file is cut into records, from its sniff (a reader may take several shapes). */
  framing(sniff: Sniff): Framing;
  /** One parsed record (a CSV row arrives as an object keyed by column) → events. Never throws. */
  normalize(record: unknown, ctx: RecordContext): NormalizeResult;
  /** Raw leaf paths of a record that no field was taken from (for the raw view and `unmapped`). */
  unmapped?(record: unknown): string[];
}

export function isAccessLogReader(reader: FormatReader): reader is AccessLogReader {
  return reader.kind === 'access-log' && typeof (reader as Partial<AccessLogReader>).normalize === 'function';
}

export function isProblem(result: NormalizeResult): result is NormalizeProblem {
  return !Array.isArray(result) && typeof (result as NormalizeProblem).problem === 'string';
}
