// `custody inspect FILE [--json]`: detect and read one file headlessly, for scripts and CI.
// runCli takes its I/O as arguments so tests drive it without a process or a disk.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Detection, ReadResult } from '../../shared/formats/types.ts';
import { readAny } from '../../shared/formats/read.ts';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
}

/** Exit codes: 0 read (problems are listed, not fatal), 1 unknown format, 2 usage or file error. */
export const EXIT = { ok: 0, unknown: 1, usage: 2 } as const;

const USAGE = `Usage:
  custody inspect FILE [--json]   detect FILE's format and read it
  custody --help                  show this help

inspect prints the format, what was read and every problem found.
--json prints one object: {file, format, kind, count, messages, toolCalls,
  rubrics?, criteria?, errors: [{line?, sample?, message}], detection: {confidence, reason, tried}}
count is the number of transcripts, or of rubrics when kind is "rubric";
files that also hold rubrics (HealthBench) add rubrics and criteria.
Exit status: 0 read, 1 format not recognised, 2 bad arguments or unreadable file.
`;

export interface InspectReport {
  file: string;
  format: string | null;
  kind: Detection['kind'];
  count: number;
  messages: number;
  toolCalls: number;
  rubrics?: number;
  criteria?: number;
  errors: ReadResult['errors'];
  detection: Pick<Detection, 'confidence' | 'reason' | 'tried'>;
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

function table(report: InspectReport): string {
  if (!report.format) {
    // The one problem of an unknown file is the detector's reason; list it per format instead.
    const tried = report.detection.tried.map((t, i): [string, string] => [i === 0 ? 'tried' : '', `${t.format}: ${t.reason}`]);
    return `${aligned([['file', report.file], ['format', 'unknown'], ...tried]).join('\n')}\n`;
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
  const lines = aligned(rows);
  for (const e of report.errors.slice(0, SHOWN_PROBLEMS)) {
    const where = e.line !== undefined ? `line ${e.line}: ` : e.sample !== undefined ? `${e.sample}: ` : '';
    lines.push(`  - ${where}${e.message}`);
  }
  if (report.errors.length > SHOWN_PROBLEMS) lines.push(`  … and ${report.errors.length - SHOWN_PROBLEMS} more (use --json for all)`);
  return `${lines.join('\n')}\n`;
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

async function inspect(args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const unknownFlag = args.find((a) => a.startsWith('-') && a !== '--json');
  const paths = args.filter((a) => !a.startsWith('-'));
  if (unknownFlag || paths.length !== 1) {
    io.stderr(`custody inspect: ${unknownFlag ? `unknown option ${unknownFlag}` : 'expects exactly one FILE'}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const path = paths[0]!;
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    io.stderr(fileError(path, error));
    return EXIT.usage;
  }
  const { detection, result } = readAny({ name: basename(path), bytes });
  const report = inspectReport(path, detection, result);
  io.stdout(json ? `${JSON.stringify(report)}\n` : table(report));
  return detection.kind === 'unknown' ? EXIT.unknown : EXIT.ok;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help' || (command === 'inspect' && rest.some((a) => a === '--help' || a === '-h'))) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (command === 'inspect') return inspect(rest, io);
  io.stderr(`${command === undefined ? 'custody: no command given' : `custody: unknown command ${command}`}\n\n${USAGE}`);
  return EXIT.usage;
}

/** The process entry: real stdout, stderr and files. */
export function main(argv: readonly string[]): Promise<number> {
  return runCli(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: async (path) => new Uint8Array(await readFile(path)),
  });
}
