// The parallel unit of ingest: a batch of records (cut by the engine's splitter) becomes
// one finished chunk — parsed, normalized, columns built, raw records joined, the text
// index extracted, all encoded as the bytes the store writes (storage/chunk-parts.ts).
// Runs in a chunk worker (chunk.worker.ts) or inline in tests.
import type { AccessLogReader, RecordContext } from '../../../../shared/formats/access-logs/reader.ts';
import { isProblem } from '../../../../shared/formats/access-logs/reader.ts';
import type { Framing } from '../../../../shared/formats/stream/record-stream.ts';
import { errorMessage } from '../../../../shared/formats/util/text.ts';
import { ChunkBuilder } from './columns.ts';
import { eventFields } from './event-fields.ts';
import { joinRaw } from './raw-chunk.ts';
import { buildTextChunk } from './text-extract.ts';
import type { EncodedChunk } from './storage/chunk-codec.ts';
import { encodeChunk } from './storage/chunk-parts.ts';

export interface RecordBatch {
  sourceId: string;
  format: string;
  framing: Framing;
  seq: number;
  /** The records' texts back to back; lengths[i] is record i's length in UTF-16 units. */
  text: string;
  lengths: Uint32Array;
  lines: Uint32Array;
  ordinals: Uint32Array;
  /** CSV rows keyed by column name (absent for JSON framings). */
  fields?: Record<string, string>[];
  /** A saved FieldMapping when the source is read through one (format "mapping:<name>"). */
  mapping?: unknown;
}

export interface BatchProblem {
  line: number;
  sample?: string;
  message: string;
}

/** What the catalog row of a chunk says besides where its bytes are. */
export interface ChunkSummary {
  count: number;
  minTime: number;
  maxTime: number;
  firstId: string;
  lastId: string;
}

export interface BuiltChunk {
  /** Null when no record of the batch made an event (all malformed). */
  encoded: EncodedChunk | null;
  summary: ChunkSummary | null;
  problems: BatchProblem[];
  events: number;
  records: number;
  /** Milliseconds spent per phase (for the benchmark's breakdown). */
  timings?: Record<string, number>;
}

export function buildChunk(batch: RecordBatch, reader: AccessLogReader): BuiltChunk {
  const { sourceId, framing } = batch;
  const n = batch.lengths.length;
  const builder = new ChunkBuilder(n);
  const raws: string[] = [];
  let firstId = '';
  let lastId = '';
  // While every record gives one event whose raw is the record's own text, the raw text
  // of the chunk is the batch text itself: no copy.
  let contiguous = true;
  const problems: BatchProblem[] = [];
  const problem = (line: number, ordinal: number, message: string) =>
    problems.push(framing === 'json' ? { line, sample: `#${ordinal}`, message } : { line, message });
  const t0 = performance.now();
  let parseMs = 0;
  let at = 0;
  for (let i = 0; i < n; i++) {
    const text = batch.text.slice(at, at + batch.lengths[i]!);
    at += batch.lengths[i]!;
    const line = batch.lines[i]!;
    const ordinal = batch.ordinals[i]!;
    let value: unknown = batch.fields?.[i];
    if (value === undefined) {
      const tp = performance.now();
      try {
        value = JSON.parse(text);
      } catch (error) {
        problem(line, ordinal, `not valid JSON: ${errorMessage(error)}`);
        contiguous = false;
        continue;
      } finally {
        parseMs += performance.now() - tp;
      }
    }
    const ctx: RecordContext = { sourceId, format: batch.format, line, ordinal, raw: text };
    let result;
    try {
      result = reader.normalize(value, ctx);
    } catch (error) {
      problem(line, ordinal, `reader failed on this record: ${errorMessage(error)}`);
      contiguous = false;
      continue;
    }
    if (isProblem(result)) {
      problem(line, ordinal, result.problem);
      contiguous = false;
      continue;
    }
    const events = Array.isArray(result) ? result : [result];
    if (events.length !== 1 || events[0]!.raw !== text) contiguous = false;
    for (const event of events) {
      const fields = eventFields(event, sourceId);
      if (builder.count === 0) firstId = fields.packed.eventId;
      lastId = fields.packed.eventId;
      builder.add(fields);
      raws.push(event.raw);
    }
  }
  if (builder.count === 0) return { encoded: null, summary: null, problems, events: 0, records: n };
  const t1 = performance.now();
  const columns = builder.seal();
  const raw = joinRaw(raws, batch.text, contiguous);
  const t2 = performance.now();
  const text = buildTextChunk(raw.text, raw.ends);
  const t3 = performance.now();
  const encoded = encodeChunk({ columns, raw, text });
  const t4 = performance.now();
  const summary = { count: columns.count, minTime: columns.minTime, maxTime: columns.maxTime, firstId, lastId };
  const timings = { parse: parseMs, normalize: t1 - t0 - parseMs, seal: t2 - t1, text: t3 - t2, encode: t4 - t3 };
  return { encoded, summary, problems, events: builder.count, records: n, timings };
}
