// `custody inspect FILE [--json]`: detect and read one file headlessly, for scripts and CI.
// `custody normalize FILE --out OUT.jsonl`: an access log's normalized events, one per line,
// or with `--to parquet` one row each (shared/formats/access-logs/parquet.ts).
// runCli takes its I/O as arguments so tests drive it without a process or a disk.
import { createWriteStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Detection, ReadResult } from '../../shared/formats/types.ts';
import { readAny } from '../../shared/formats/read.ts';
import { accessLogReaders } from '../../shared/formats/access-logs/index.ts';
import { chooseReader, type ReaderChoice, type ReaderRefusal } from '../../shared/formats/access-logs/choose-reader.ts';
import { parseFieldMapping, type FieldMapping } from '../../shared/formats/access-logs/mapping.ts';
import { readHead, streamAccessLog, type AccessLogSummary, type ChunkSource } from './access-log.ts';
import { eventOutput, OUTPUT_FORMATS, type OutputFormat, type Writer } from './event-output.ts';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** Streams a file in chunks; without it a file is read whole through readFile. */
  readChunks?(path: string): AsyncIterable<Uint8Array>;
  /** Opens a file for writing; without it `normalize` writes to stdout only. */
  openWrite?(path: string): Promise<Writer>;
}

/**
 * Exit codes: 0 something was read (problems are listed, not fatal), 1 unknown format,
 * 2 usage or file error, 3 the format was recognised but nothing at all was read.
 */
export const EXIT = { ok: 0, unknown: 1, usage: 2, nothingRead: 3 } as const;

const USAGE = `Usage:
  custody inspect FILE [--json]          detect FILE's format and read it
  custody normalize FILE [--out OUT.jsonl] [--format ID | --mapping MAPPING.json]
                         [--source-id ID] [--unmapped]
                                         write an access log's normalized events, one per line
  custody normalize FILE --to parquet --out OUT.parquet [options as above]
                                         the same events as Parquet, one row each
  custody --help                         show this help

inspect prints the format, what was read and every problem found.
--json prints one object: {file, format, kind, count, messages, toolCalls,
  rubrics?, criteria?, errors: [{line?, sample?, message}], detection: {confidence, reason, tried}}
count is the number of transcripts, of rubrics when kind is "rubric", or of events when
kind is "access-log" (which adds records, errorCount, firstTime, lastTime, classes and
decisions instead of messages and toolCalls); files that also hold rubrics (HealthBench)
add rubrics and criteria.
normalize streams FILE (gzip too) and writes to OUT, or to stdout without --out; --format
overrides detection (an access-log format id), --mapping applies a saved column mapping,
--unmapped lists each event's raw paths no field came from. A summary goes to stderr.
--to jsonl|parquet picks the output (default jsonl); parquet needs --out. Its columns
(nested fields flattened to snake_case, time as UTC microseconds, raw and raw_digest kept)
are listed in shared/formats/README.md, "Parquet export of access events".
Exit status:
  0  read: at least one transcript, rubric or event (problems are listed, not fatal)
  1  format not recognised (an empty file included), or not an access log (normalize)
  2  bad arguments, or a file that cannot be read or written
  3  format recognised but nothing at all read (a truncated archive, every record
     failed, no records); the reason goes to stderr
`;

export interface InspectReport {
  file: string;
  format: string | null;
  kind: Detection['kind'];
  count: number;
  messages?: number;
  toolCalls?: number;
  rubrics?: number;
  criteria?: number;
  errors: ReadResult['errors'];
  detection: Pick<Detection, 'confidence' | 'reason' | 'tried'>;
}

/** What inspect says about an access log: events instead of messages. */
export interface AccessLogReport extends InspectReport, Omit<AccessLogSummary, 'errors' | 'count'> {}

export function accessLogReport(file: string, detection: Detection, summary: AccessLogSummary): AccessLogReport {
  const { errors, count, ...rest } = summary;
  return {
    file,
    format: detection.format,
    kind: detection.kind,
    count,
    ...rest,
    errors,
    detection: { confidence: detection.confidence, reason: detection.reason, tried: detection.tried },
  };
}

export function inspectReport(file: string, detection: Detection, result: ReadResult): InspectReport {
  const messages = result.transcripts.flatMap((t) => t.messages);
  const criteria = result.rubrics.reduce((n, r) => n + r.criteria.length, 0);
  return {
    file,
    format: detection.format,
    kind: detection.kind,
    count: detection.kind === 'rubric' ? result.rubrics.length : result.transcripts.length,
    messages: messages.length,
    toolCalls: messages.reduce((n, m) => n + m.toolCalls.length, 0),
    ...(result.rubrics.length > 0 ? { rubrics: result.rubrics.length, criteria } : {}),
    errors: result.errors,
    detection: { confidence: detection.confidence, reason: detection.reason, tried: detection.tried },
  };
}

const SHOWN_PROBLEMS = 20;

function aligned(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
}

function problemLines(errors: ReadResult['errors'], total = errors.length): string[] {
  const lines: string[] = [];
  for (const e of errors.slice(0, SHOWN_PROBLEMS)) {
    const where = e.line !== undefined ? `line ${e.line}: ` : e.sample !== undefined ? `${e.sample}: ` : '';
    lines.push(`  - ${where}${e.message}`);
  }
  if (total > SHOWN_PROBLEMS) lines.push(`  … and ${total - SHOWN_PROBLEMS} more (use --json for ${errors.length < total ? 'the first 1000' : 'all'})`);
  return lines;
}

function counts(record: Record<string, number>): string {
  return Object.entries(record).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
}

function accessLogTable(report: AccessLogReport): string {
  const rows: [string, string][] = [
    ['file', report.file],
    ['format', `${report.format} (access-log, confidence ${report.detection.confidence})`],
    ['reason', report.detection.reason],
    ['events', `${report.count} from ${report.records} records`],
    ['time', report.firstTime ? `${report.firstTime} … ${report.lastTime}` : 'no timestamps'],
    ['classes', counts(report.classes) || '-'],
    ['decisions', counts(report.decisions) || '-'],
    ['problems', String(report.errorCount)],
  ];
  return `${[...aligned(rows), ...problemLines(report.errors, report.errorCount)].join('\n')}\n`;
}

function table(report: InspectReport): string {
  if (!report.format) {
    // The one problem of an unknown file is the detector's reason; list it per format instead
    // (an empty file was judged by no reader: its reason says so).
    const tried = report.detection.tried.map((t, i): [string, string] => [i === 0 ? 'tried' : '', `${t.format}: ${t.reason}`]);
    const why: [string, string][] = tried.length > 0 ? tried : [['reason', report.detection.reason]];
    return `${aligned([['file', report.file], ['format', 'unknown'], ...why]).join('\n')}\n`;
  }
  const rows: [string, string][] = [
    ['file', report.file],
    ['format', `${report.format} (${report.kind}, confidence ${report.detection.confidence})`],
    ['reason', report.detection.reason],
    [report.kind === 'rubric' ? 'rubrics' : 'transcripts', String(report.count)],
  ];
  if (report.kind !== 'rubric') {
    rows.push(['messages', String(report.messages)], ['tool calls', String(report.toolCalls)]);
    if (report.rubrics !== undefined) rows.push(['rubrics', String(report.rubrics)]);
  }
  if (report.criteria !== undefined) rows.push(['criteria', String(report.criteria)]);
  rows.push(['problems', String(report.errors.length)]);
  return `${[...aligned(rows), ...problemLines(report.errors)].join('\n')}\n`;
}

function fileError(path: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const why =
    code === 'ENOENT' ? 'no such file'
    : code === 'EISDIR' ? 'it is a directory, not a file'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : error instanceof Error ? error.message : String(error);
  return `custody: cannot read ${path}: ${why}\n`;
}

/** The file as chunks: streamed when the I/O can, else read whole once and sliced. */
function chunkSource(io: CliIo, path: string): ChunkSource {
  if (io.readChunks) return { chunks: () => io.readChunks!(path) };
  let whole: Promise<Uint8Array> | null = null;
  return {
    async *chunks() {
      whole ??= io.readFile(path);
      const bytes = await whole;
      for (let i = 0; i < bytes.length; i += 1 << 20) yield bytes.subarray(i, i + (1 << 20));
    },
  };
}

/** A recognised file that yielded nothing: say why on stderr, so the exit code can be trusted. */
function nothingRead(io: CliIo, path: string, errors: ReadResult['errors'], what: string): number {
  const first = errors[0];
  const why = first ? `${first.line !== undefined ? `line ${first.line}: ` : first.sample !== undefined ? `${first.sample}: ` : ''}${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more problems)` : ''}` : 'it holds no records';
  io.stderr(`custody: nothing read from ${path}: no ${what}; ${why}\n`);
  return EXIT.nothingRead;
}

async function inspect(args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const unknownFlag = args.find((a) => a.startsWith('-') && a !== '--json');
  const paths = args.filter((a) => !a.startsWith('-'));
  if (unknownFlag || paths.length !== 1) {
    io.stderr(`custody inspect: ${unknownFlag ? `unknown option ${unknownFlag}` : 'expects exactly one FILE'}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const path = paths[0]!;
  const name = basename(path);
  const source = chunkSource(io, path);
  try {
    const head = await readHead(source);
    const choice = chooseReader({ name, head, readers: accessLogReaders });
    if (choice.ok && choice.detection) {
      // Access logs stream: counted event by event, never held whole.
      const report = accessLogReport(path, choice.detection, await streamAccessLog(name, source, choice));
      io.stdout(json ? `${JSON.stringify(report)}\n` : accessLogTable(report));
      return report.count === 0 ? nothingRead(io, path, report.errors, 'events') : EXIT.ok;
    }
    const { detection: full, result } = readAny({ name, bytes: await io.readFile(path) });
    const report = inspectReport(path, full, result);
    io.stdout(json ? `${JSON.stringify(report)}\n` : table(report));
    if (full.kind === 'unknown') return EXIT.unknown;
    return report.count === 0 && (report.rubrics ?? 0) === 0 ? nothingRead(io, path, result.errors, full.kind === 'rubric' ? 'rubrics' : 'transcripts') : EXIT.ok;
  } catch (error) {
    io.stderr(fileError(path, error));
    return EXIT.usage;
  }
}

interface NormalizeArgs {
  path: string;
  out?: string;
  to: OutputFormat;
  format?: string;
  mapping?: string;
  sourceId?: string;
  unmapped: boolean;
}

const VALUE_FLAGS = new Set(['--out', '--format', '--mapping', '--source-id', '--to']);

function parseNormalizeArgs(args: string[]): NormalizeArgs | string {
  const values: Record<string, string> = {};
  const paths: string[] = [];
  let unmapped = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (VALUE_FLAGS.has(a)) {
      const v = args[++i];
      if (v === undefined) return `${a} needs a value`;
      values[a] = v;
    } else if (a === '--unmapped') {
      unmapped = true;
    } else if (a.startsWith('-')) {
      return `unknown option ${a}`;
    } else {
      paths.push(a);
    }
  }
  if (paths.length !== 1) return 'expects exactly one FILE';
  if (values['--format'] && values['--mapping']) return '--format and --mapping exclude each other';
  const to = values['--to'] ?? 'jsonl';
  if (!isOutputFormat(to)) return `--to takes ${OUTPUT_FORMATS.join(' or ')}, not ${to}`;
  const out = values['--out'];
  if (to === 'parquet' && out === undefined) return '--to parquet needs --out FILE (Parquet is not written to a terminal)';
  // JSON Lines in a file named .parquet would only fail later, in whatever opens it.
  if (to === 'jsonl' && out?.toLowerCase().endsWith('.parquet')) return `${out} names a Parquet file: add --to parquet (the default output is jsonl)`;
  return { path: paths[0]!, out, to, format: values['--format'], mapping: values['--mapping'], sourceId: values['--source-id'], unmapped };
}

function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

type Chosen = Extract<ReaderChoice, { ok: true }>;
interface Refused {
  exit: number;
  message: string;
}

/** The reader normalize uses: the mapping file is read here, the choice is chooseReader's. */
async function pickReader(parsed: NormalizeArgs, name: string, head: Uint8Array, io: CliIo): Promise<Chosen | Refused> {
  let mapping: FieldMapping | undefined;
  if (parsed.mapping) {
    const text = new TextDecoder().decode(await io.readFile(parsed.mapping));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { exit: EXIT.usage, message: `custody normalize: ${parsed.mapping} is not JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
    const result = parseFieldMapping(json);
    if (!result.ok) return { exit: EXIT.usage, message: `custody normalize: ${parsed.mapping} is not a column mapping: ${result.message}` };
    mapping = result.mapping;
  }
  const choice = chooseReader({ name, head, readers: accessLogReaders, format: parsed.format, mapping });
  return choice.ok ? choice : refusal(name, choice);
}

/** chooseReader's refusals in the CLI's terms: an unknown --format is a usage error. */
function refusal(name: string, refused: ReaderRefusal): Refused {
  switch (refused.kind) {
    case 'unknown-format':
      return { exit: EXIT.usage, message: `custody normalize: ${refused.message}` };
    case 'empty':
      return { exit: EXIT.unknown, message: `custody: ${name}: ${refused.message}` };
    case 'not-access-log':
      return { exit: EXIT.unknown, message: `custody: ${refused.message}` };
  }
}

async function normalize(args: string[], io: CliIo): Promise<number> {
  const parsed = parseNormalizeArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`custody normalize: ${parsed}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const name = basename(parsed.path);
  const source = chunkSource(io, parsed.path);
  let head: Uint8Array;
  try {
    head = await readHead(source);
  } catch (error) {
    io.stderr(fileError(parsed.path, error));
    return EXIT.usage;
  }
  let chosen: Chosen | Refused;
  try {
    chosen = await pickReader(parsed, name, head, io);
  } catch (error) {
    io.stderr(fileError(parsed.mapping ?? parsed.path, error));
    return EXIT.usage;
  }
  if ('exit' in chosen) {
    io.stderr(`${chosen.message}\n`);
    return chosen.exit;
  }
  let writer: Writer;
  try {
    writer = parsed.out ? await openOut(io, parsed.out) : stdoutWriter(io);
  } catch (error) {
    io.stderr(fileError(parsed.out!, error).replace('cannot read', 'cannot write'));
    return EXIT.usage;
  }
  let summary: AccessLogSummary;
  try {
    summary = await streamAccessLog(name, source, chosen, { sourceId: parsed.sourceId, unmapped: parsed.unmapped, output: await eventOutput(parsed.to, writer) });
  } catch (error) {
    io.stderr(fileError(parsed.path, error));
    return EXIT.usage;
  }
  const to = parsed.out ? ` to ${parsed.out}${parsed.to === 'parquet' ? ' as Parquet' : ''}` : '';
  const lines = [`custody normalize: ${summary.count} events from ${summary.records} records of ${parsed.path} (${chosen.reader.format})${to}; ${summary.errorCount} problems`];
  lines.push(...problemLines(summary.errors, summary.errorCount));
  io.stderr(`${lines.join('\n')}\n`);
  return summary.count === 0 ? nothingRead(io, parsed.path, summary.errors, 'events') : EXIT.ok;
}

/** Text only: parsing refuses --to parquet without --out, so bytes never reach a terminal. */
function stdoutWriter(io: CliIo): Writer {
  return {
    write(data) {
      if (typeof data !== 'string') throw new Error('binary output needs --out');
      io.stdout(data);
    },
    close: () => undefined,
  };
}

async function openOut(io: CliIo, path: string): Promise<Writer> {
  if (!io.openWrite) throw Object.assign(new Error('writing files is not available here'), { code: 'EPERM' });
  return io.openWrite(path);
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help' || ((command === 'inspect' || command === 'normalize') && rest.some((a) => a === '--help' || a === '-h'))) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (command === 'inspect') return inspect(rest, io);
  if (command === 'normalize') return normalize(rest, io);
  io.stderr(`${command === undefined ? 'custody: no command given' : `custody: unknown command ${command}`}\n\n${USAGE}`);
  return EXIT.usage;
}

/** The process's I/O: real stdout, stderr and files (streamed both ways). */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    readChunks: fileChunks,
    openWrite: openFileWriter,
  };
}

/** The process entry. */
export function main(argv: readonly string[]): Promise<number> {
  return runCli(argv, nodeIo());
}

const READ_CHUNK = 1 << 20;

/** A file in 1 MB reads; a fresh buffer each time, since readers may keep what they are given. */
async function* fileChunks(path: string): AsyncIterable<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    for (;;) {
      const buffer = new Uint8Array(READ_CHUNK);
      const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, null);
      if (bytesRead === 0) return;
      yield bytesRead === READ_CHUNK ? buffer : buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** A file writer (text or bytes) that waits for the stream to drain, so output never piles up in memory. */
async function openFileWriter(path: string): Promise<Writer> {
  const stream = createWriteStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  let failure: Error | null = null;
  stream.on('error', (error) => {
    failure = error;
  });
  return {
    async write(data) {
      if (failure) throw failure;
      if (!stream.write(data)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        stream.end((error?: Error | null) => (error ?? failure ? reject(error ?? failure) : resolve()));
      }),
  };
}
