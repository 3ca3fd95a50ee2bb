// Records → normalized events, streaming: the import worker pushes file chunks and
// receives events and problems as they come; the CLI does the same with fs reads.
// JSON.parse per record is the validation, so a bad record costs only itself.
import type { AccessEvent } from '../../model/access-event.ts';
import type { ReadProblem } from '../../model/import-report.ts';
import type { InputFile } from '../types.ts';
import { createRecordStream, type Framing, type RawRecord } from '../stream/record-stream.ts';
import { sniffInput } from '../stream/sniff-input.ts';
import { isProblem, type AccessLogReader, type RecordContext } from './reader.ts';
import { errorMessage, jsonProblem, lineLocator } from '../util/text.ts';
import { MAX_DEPTH, tooDeepAt } from '../util/partial-json.ts';

export interface AccessLogStreamOptions {
  reader: AccessLogReader;
  framing: Framing;
  /** Goes into every event id: the store's source id, or the file name. */
  sourceId: string;
  onEvent(event: AccessEvent): void;
  onProblem(problem: ReadProblem): void;
  /** Also list each event's unmapped raw paths (costs a walk of every record). */
  unmapped?: boolean;
  maxRecordChars?: number;
}

export interface AccessLogStreamStats {
  bytes: number;
  records: number;
  events: number;
  problems: number;
}

export interface AccessLogStream {
  push(chunk: Uint8Array): void;
  end(): AccessLogStreamStats;
  stats(): AccessLogStreamStats;
}

export function createAccessLogStream(options: AccessLogStreamOptions): AccessLogStream {
  const { reader, framing, sourceId } = options;
  let records = 0;
  let events = 0;
  let problems = 0;
  const problem = (p: ReadProblem): void => {
    problems++;
    options.onProblem(p);
  };
  const at = (record: RawRecord, message: string): ReadProblem =>
    framing === 'json' ? { line: record.line, sample: `#${record.ordinal}`, message } : { line: record.line, message };

  const emit = (event: AccessEvent, basis: () => unknown): void => {
    if (options.unmapped) event.unmapped = reader.unmapped?.(basis()) ?? [];
    events++;
    options.onEvent(event);
  };

  const onRecord = (record: RawRecord): void => {
    records++;
    let value: unknown = record.fields;
    if (value === undefined) {
      const deep = tooDeepAt(record.text);
      if (deep >= 0) {
        problem({ ...at(record, `nested deeper than ${MAX_DEPTH} levels; skipped`), line: record.line + lineLocator(record.text)(deep) - 1 });
        return;
      }
      try {
        value = JSON.parse(record.text);
      } catch {
        // At the line of the damage, which may lie well below the line the record starts on.
        const where = jsonProblem(record.text, record.line);
        problem({ ...at(record, where.message), line: where.line });
        return;
      }
    }
    const ctx: RecordContext = { sourceId, format: reader.format, line: record.line, ordinal: record.ordinal, raw: record.text };
    let result;
    try {
      result = reader.normalize(value, ctx);
    } catch (error) {
      problem(at(record, `reader failed on this record: ${errorMessage(error)}`));
      return;
    }
    if (isProblem(result)) {
      problem(at(record, result.problem));
    } else if (Array.isArray(result)) {
      // Several events from one record (OTLP spans): each event's raw is its own part.
      for (const event of result) emit(event, () => JSON.parse(event.raw));
    } else {
      emit(result, () => value);
    }
  };

  const stream = createRecordStream(framing, onRecord, (p) => problem(p), { maxRecordChars: options.maxRecordChars });
  const stats = (): AccessLogStreamStats => ({ bytes: stream.bytesIn, records, events, problems });
  return {
    push: (chunk) => stream.push(chunk),
    end() {
      stream.end();
      return stats();
    },
    stats,
  };
}

/** Keeps the first `max` problems and counts the rest, so a file of garbage stays small. */
export class ProblemList {
  readonly items: ReadProblem[] = [];
  count = 0;
  constructor(private readonly max = 1000) {}
  add(problem: ReadProblem): void {
    this.count++;
    if (this.items.length < this.max) this.items.push(problem);
  }
  /** The kept problems, plus one line saying how many more there were. */
  list(): ReadProblem[] {
    const more = this.count - this.items.length;
    return more > 0 ? [...this.items, { message: `… and ${more} more problems not listed` }] : this.items;
  }
}

export interface ReadWithOptions {
  sourceId?: string;
  unmapped?: boolean;
  maxProblems?: number;
  maxRecordChars?: number;
  chunkSize?: number;
}

export interface AccessLogRead {
  format: string;
  framing: Framing;
  events: AccessEvent[];
  errors: ReadProblem[];
  /** All problems, also those beyond the listed ones. */
  errorCount: number;
  stats: AccessLogStreamStats;
}

/** Reads a whole in-memory file with one reader, through the same stream as big files. */
export function readWith(reader: AccessLogReader, file: InputFile, options: ReadWithOptions = {}): AccessLogRead {
  const framing = reader.framing(sniffInput(file));
  const events: AccessEvent[] = [];
  const problems = new ProblemList(options.maxProblems);
  const stream = createAccessLogStream({
    reader,
    framing,
    sourceId: options.sourceId ?? file.name,
    unmapped: options.unmapped,
    maxRecordChars: options.maxRecordChars,
    onEvent: (e) => events.push(e),
    onProblem: (p) => problems.add(p),
  });
  const step = options.chunkSize ?? 1024 * 1024;
  for (let i = 0; i < file.bytes.length; i += step) stream.push(file.bytes.subarray(i, i + step));
  const stats = stream.end();
  return { format: reader.format, framing, events, errors: problems.list(), errorCount: problems.count, stats };
}
