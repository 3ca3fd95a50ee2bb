// The parallel unit of ingest: a batch of records (cut by the engine's splitter, as UTF-8
// bytes) becomes one finished chunk — decoded, parsed, normalized, columns built, the text
// index extracted, all encoded as the bytes the store writes (storage/chunk-parts.ts).
// The batch's bytes are the chunk's raw part as they are whenever each record made one
// event whose raw is the record itself (the usual case); otherwise raw records are joined.
// Runs in a chunk worker (chunk.worker.ts) or inline in tests.
import type { AccessLogReader, RecordContext } from '../../../../shared/formats/access-logs/reader.ts';
import { isProblem } from '../../../../shared/formats/access-logs/reader.ts';
import type { Framing } from '../../../../shared/formats/stream/record-stream.ts';
import { errorMessage } from '../../../../shared/formats/util/text.ts';
import { splitLines, type LineBatch } from '../../../../shared/formats/stream/byte-lines.ts';
import { ChunkBuilder } from './columns.ts';
import { eventFields } from './event-fields.ts';
import { decodeRecords, utf8Joined } from './raw-chunk.ts';
import { buildTextChunk } from './text-extract.ts';
import type { EncodedChunk } from './storage/chunk-codec.ts';
import { encodeChunk } from './storage/chunk-parts.ts';

/** Records as UTF-8 back to back: `ends[i]` is record i's byte end. */
export interface RecordsPayload {
  kind: 'records';
  bytes: Uint8Array;
  ends: Uint32Array;
  lines: Uint32Array;
  ordinals: Uint32Array;
  /** CSV rows keyed by column name (absent for JSON framings). */
  fields?: Record<string, string>[];
}

/** Whole JSON Lines, cut into records here (splitLines), leaving out ordinals ≤ skipThrough. */
export interface LinesPayload {
  kind: 'lines';
  lines: LineBatch;
  skipThrough: number;
}

export type RecordBatch = {
  sourceId: string;
  format: string;
  framing: Framing;
  seq: number;
  /** A saved FieldMapping when the source is read through one (format "mapping:<name>"). */
  mapping?: unknown;
} & (RecordsPayload | LinesPayload);

/** The bytes a batch hands to its worker (transferred, not copied). */
export function batchTransfer(batch: RecordBatch): ArrayBuffer[] {
  const views = batch.kind === 'lines' ? [batch.lines.bytes] : [batch.bytes, batch.ends, batch.lines, batch.ordinals];
  return views.map((v) => v.buffer as ArrayBuffer);
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
  const t0 = performance.now();
  const input = batch.kind === 'lines' ? splitLines(batch.lines, batch.skipThrough) : batch;
  const n = input.ends.length;
  const builder = new ChunkBuilder(n);
  const raws: string[] = [];
  const records = decodeRecords(input);
  let firstId = '';
  let lastId = '';
  // While every record gives one event whose raw is the record's own text, the raw text
  // of the chunk is the batch text itself: no copy.
  let contiguous = true;
  const problems: BatchProblem[] = [];
  const problem = (line: number, ordinal: number, message: string) =>
    problems.push(framing === 'json' ? { line, sample: `#${ordinal}`, message } : { line, message });
  const tDecoded = performance.now();
  let parseMs = 0;
  let at = 0;
  for (let i = 0; i < n; i++) {
    const text = records.text.slice(at, records.ends[i]!);
    at = records.ends[i]!;
    const line = input.lines[i]!;
    const ordinal = input.ordinals[i]!;
    let value: unknown = batch.kind === 'records' ? batch.fields?.[i] : undefined;
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
  contiguous &&= raws.length === n;
  const raw = contiguous ? input : utf8Joined(raws);
  const rawText = contiguous ? records : decodeRecords(raw);
  const t2 = performance.now();
  const text = buildTextChunk(rawText.text, rawText.ends);
  const t3 = performance.now();
  const encoded = encodeChunk({ columns, raw, text });
  const t4 = performance.now();
  const summary = { count: columns.count, minTime: columns.minTime, maxTime: columns.maxTime, firstId, lastId };
  const timings = { decode: tDecoded - t0, parse: parseMs, normalize: t1 - tDecoded - parseMs, seal: t2 - t1, text: t3 - t2, encode: t4 - t3 };
  return { encoded, summary, problems, events: builder.count, records: n, timings };
}
