// Bytes in, records out: the one entry point of the streaming layer. Chunks of any size
// (a File slice, an fs read, a fetch body) go in; gzip is recognised by its magic bytes and
// inflated on the fly; UTF-8 is decoded incrementally (a BOM is dropped, CRLF is handled);
// the framing cuts records, each with the 1-based line it starts on. Nothing here holds
// more than one record, so files far beyond the JavaScript string limit stream through.
import { gunzipInto, isGzip, type ByteSink } from './gunzip.ts';
import { createLineSplitter, type TextSink } from './lines.ts';
import { createJsonSplitter } from './json-splitter.ts';
import { createCsvSplitter } from './csv.ts';
import { concatBytes, createLineBatcher, type LineBatch } from './byte-lines.ts';

/** How a file is cut into records. `json` also takes `{"Records": […]}` envelopes and lone objects. */
export type Framing = 'jsonl' | 'json' | 'csv';

export interface RawRecord {
  /** The record's text as in the file (a JSONL line without its line break, an array element, a CSV row). */
  text: string;
  /** 1-based line the record starts on. */
  line: number;
  /** 1-based position among the file's records. */
  ordinal: number;
  /** CSV only: the row keyed by column name. */
  fields?: Record<string, string>;
}

export interface StreamProblem {
  line?: number;
  /** "#<ordinal>" for records of a JSON array. */
  sample?: string;
  message: string;
}

export interface RecordStreamOptions {
  /** Longest record kept, in characters; longer ones are reported and skipped. */
  maxRecordChars?: number;
  /** Physical lines one quoted CSV row may span. */
  csvMaxRowLines?: number;
}

export interface RecordStream {
  push(chunk: Uint8Array): void;
  end(): void;
  /** Bytes pushed so far (compressed bytes for gzip): for progress. */
  readonly bytesIn: number;
  readonly compressed: boolean;
}

export const DEFAULT_MAX_RECORD_CHARS = 64 * 1024 * 1024;
const DEFAULT_CSV_ROW_LINES = 1000;

function framer(framing: Framing, onRecord: (r: RawRecord) => void, onProblem: (p: StreamProblem) => void, maxChars: number, csvRowLines: number): TextSink {
  if (framing === 'json') {
    return createJsonSplitter((text, line, ordinal) => onRecord({ text, line, ordinal }), onProblem, maxChars);
  }
  if (framing === 'csv') {
    return createCsvSplitter(onRecord, onProblem, { maxChars, maxRowLines: csvRowLines });
  }
  let ordinal = 0;
  return createLineSplitter(
    (text, line) => {
      // Blank lines separate nothing in JSON Lines; they are not records.
      const c = text.charCodeAt(0);
      if (c !== 123 && c !== 91 && text.trim() === '') return;
      ordinal++;
      onRecord({ text, line, ordinal });
    },
    (line, chars) => {
      ordinal++;
      onProblem({ line, message: `line is longer than ${maxChars} characters (${chars}); skipped` });
    },
    maxChars,
  );
}

export function createRecordStream(
  framing: Framing,
  onRecord: (record: RawRecord) => void,
  onProblem: (problem: StreamProblem) => void,
  options: RecordStreamOptions = {},
): RecordStream {
  const text = framer(framing, onRecord, onProblem, options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS, options.csvMaxRowLines ?? DEFAULT_CSV_ROW_LINES);
  // fatal: false turns invalid bytes into U+FFFD, so a byte flip damages one record, not the file.
  const decoder = new TextDecoder('utf-8');
  const plain: ByteSink = {
    push(chunk) {
      const decoded = decoder.decode(chunk, { stream: true });
      if (decoded.length > 0) text.push(decoded);
    },
    end() {
      const rest = decoder.decode();
      if (rest.length > 0) text.push(rest);
      text.end();
    },
  };
  return byteInput(plain, onProblem);
}

/**
 * JSON Lines as batches of whole lines, never decoded (byte-lines.ts): the bulk import's
 * reader; a worker cuts each batch into records with splitLines. The line cap is in bytes.
 */
export function createJsonlBatchStream(
  options: { records: number; bytes: number; maxLineBytes?: number },
  onBatch: (batch: LineBatch) => void,
  onProblem: (problem: StreamProblem) => void,
): RecordStream {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_RECORD_CHARS;
  const lines = createLineBatcher({ records: options.records, bytes: options.bytes, maxLineBytes }, onBatch, (line, bytes) =>
    onProblem({ line, message: `line is longer than ${maxLineBytes} bytes (${bytes}); skipped` }),
  );
  return byteInput(lines, onProblem);
}

/** Bytes in (gzip recognised by its magic bytes and inflated on the fly) → `plain`. */
function byteInput(plain: ByteSink, onProblem: (problem: StreamProblem) => void): RecordStream {
  let sink: ByteSink | null = null;
  let bytesIn = 0;
  let compressed = false;
  let head: Uint8Array | null = null;

  // Gzip is recognised from the first two bytes, which may arrive one at a time.
  const choose = (first: Uint8Array): ByteSink => {
    compressed = isGzip(first);
    return compressed ? gunzipInto(plain, (message) => onProblem({ message })) : plain;
  };

  return {
    push(chunk) {
      bytesIn += chunk.length;
      if (sink) {
        sink.push(chunk);
        return;
      }
      const joined = head ? concatBytes([head, chunk]) : chunk;
      if (joined.length < 2) {
        head = joined.slice();
        return;
      }
      head = null;
      sink = choose(joined);
      sink.push(joined);
    },
    end() {
      if (!sink) sink = choose(head ?? new Uint8Array(0));
      if (head) sink.push(head);
      head = null;
      sink.end();
    },
    get bytesIn() {
      return bytesIn;
    },
    get compressed() {
      return compressed;
    },
  };
}
