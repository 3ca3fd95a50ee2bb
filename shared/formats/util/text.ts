// Decoding and JSON helpers shared by every text reader.
import type { ReadProblem } from '../../model/import-report.ts';
import { jsonSyntaxError, lineColumn, MAX_DEPTH, parsePartialJson, tooDeepAt, type PartialJson } from './partial-json.ts';

// Non-fatal: invalid bytes become U+FFFD instead of failing the file; the BOM is dropped.
const utf8 = new TextDecoder('utf-8');

export function decodeText(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** Lower-case extension of the last path segment, without the dot ("" when none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Source ids arrive as strings or numbers; anything else is no id. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string };

export function parseJson(text: string): JsonParse {
  if (tooDeepAt(text) >= 0) return { ok: false, message: `nested deeper than ${MAX_DEPTH} levels` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${errorMessage(error)}` };
  }
}

/** A whole JSON file: its value with what was skipped or repaired, or the one problem that stops it. */
export type JsonFile = { ok: true; value: unknown; problems: ReadProblem[] } | { ok: false; problem: ReadProblem };

/**
 * The whole file as one JSON document. A damaged element of an array (or member of an
 * object) is skipped and reported at the line of the damage, and the rest is read: see
 * util/partial-json.ts. A skipped array element leaves a hole, so the elements after it
 * keep their positions (and `#<n>` names stay true); a document cut off at the end loses
 * only the element it was cut in.
 */
export function parseJsonFile(bytes: Uint8Array): JsonFile {
  const text = decodeText(bytes);
  if (text.trim() === '') return { ok: false, problem: { message: 'file is empty' } };
  const whole = parseJson(text);
  return whole.ok ? { ok: true, value: whole.value, problems: [] } : parseDamagedJson(text).file;
}

/** The damaged document read around its damage, and whether the value read sits on one line. */
function parseDamagedJson(text: string): { file: JsonFile; oneLine: boolean } {
  const parsed = parsePartialJson(text, 0, { recover: true, holes: true, dropCut: true });
  if (!parsed) return { file: { ok: false, problem: jsonProblem(text) }, oneLine: false };
  return { file: damagedFile(text, parsed), oneLine: parsed.complete && onOneLine(text, parsed.end) };
}

function damagedFile(text: string, parsed: PartialJson): JsonFile {
  const lineAt = lineLocator(text);
  const column = (index: number): number => index - text.lastIndexOf('\n', index - 1);
  const problems: ReadProblem[] = parsed.damage.map((d) => ({
    line: lineAt(d.index),
    message: d.kind === 'syntax' ? d.message.replace(/^not valid JSON: /, `not valid JSON (column ${column(d.index)}): `) : d.message,
  }));
  const rest = text.slice(parsed.end).search(/\S/);
  if (rest >= 0) problems.push({ line: lineAt(parsed.end + rest), message: 'text after the end of the JSON document (ignored)' });
  return { ok: true, value: parsed.value, problems };
}

/** Whether the value that starts at the text's first non-space character and ends at `end` sits on one line. */
export function onOneLine(text: string, end: number): boolean {
  const start = text.search(/\S/);
  return start >= 0 && !text.slice(start, end).includes('\n');
}

/**
 * Why a record's text is not JSON, at the line of the file where the damage is
 * (`firstLine` is the line the text starts on), with the column in the message.
 */
export function jsonProblem(text: string, firstLine = 1): { line: number; message: string } {
  const error = jsonSyntaxError(text) ?? { index: 0, message: 'not a JSON value' };
  const { line, column } = lineColumn(text, error.index);
  return { line: firstLine + line - 1, message: `not valid JSON (column ${column}): ${error.message}` };
}

/** index → 1-based line, for many lookups in one text. */
export function lineLocator(text: string): (index: number) => number {
  let starts: number[] | null = null;
  return (index) => {
    if (!starts) {
      starts = [0];
      for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) starts.push(k + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

export interface JsonLine {
  line: number;
  value: unknown;
}

export type JsonDocument =
  | { shape: 'empty' }
  | { shape: 'json'; value: unknown; problems: ReadProblem[] }
  | { shape: 'lines'; rows: JsonLine[]; errors: ReadProblem[] }
  | { shape: 'invalid'; problem: ReadProblem };

const PROBE_LINES = 5;

/**
 * A line that is a whole JSON object or array on its own, starting the line: JSON Lines
 * are not indented, while the compact elements of a pretty-printed document are.
 */
function standalone(line: string): boolean {
  return (line.startsWith('{') || line.startsWith('[')) && isContainer(parseJson(line));
}

/**
 * Whether text that is not one JSON document is JSON Lines: its first line stands alone
 * as an object or array, or two of its first few lines do. (A pretty-printed document
 * has at most the odd compact last element standing alone.) `lines` are the text's lines.
 */
export function looksLikeJsonLines(lines: readonly string[]): boolean {
  const probe = lines.filter((l) => l.trim() !== '').slice(0, PROBE_LINES);
  if (probe.length === 0) return false;
  if (standalone(probe[0]!)) return true;
  return probe.filter(standalone).length >= 2;
}

/**
 * The one rule, for the detector and the readers alike, by which text that is not one
 * valid JSON value is read: JSON Lines when its lines say so; else a damaged document
 * when the recovering parse got a value (`parsed`), unless that value was cut off at the
 * end, or sits on one line (`oneLine`: then other lines follow it), while some line stands
 * alone (JSON Lines with a broken first line: with only one intact line after it, there
 * are too few for looksLikeJsonLines); else JSON Lines when any line stands alone.
 */
export function chooseJsonShape(lines: readonly string[], recovered: { parsed: boolean; cut: boolean; oneLine: boolean }): 'lines' | 'json' | 'neither' {
  if (looksLikeJsonLines(lines)) return 'lines';
  const someStandalone = lines.some(standalone);
  if (recovered.parsed && !((recovered.cut || recovered.oneLine) && someStandalone)) return 'json';
  return someStandalone ? 'lines' : 'neither';
}

/**
 * One JSON document, or JSON Lines. A text that is not one valid document is JSON Lines
 * when its lines say so (looksLikeJsonLines), so a bad line (even the first) still yields
 * JSONL; otherwise it is read as a damaged document, its broken elements skipped and
 * reported at their lines (parseJsonFile), rather than as hundreds of bad lines.
 */
export function parseJsonDocument(text: string): JsonDocument {
  if (text.trim() === '') return { shape: 'empty' };
  const whole = parseJson(text);
  if (whole.ok) return { shape: 'json', value: whole.value, problems: [] };
  const lines = text.split(/\r?\n/);
  const recovered = looksLikeJsonLines(lines) ? null : parseDamagedJson(text);
  const damaged = recovered?.file;
  const cut = damaged?.ok === true && damaged.problems.some((p) => /truncated\?/.test(p.message));
  const shape = chooseJsonShape(lines, { parsed: damaged?.ok === true, cut, oneLine: recovered?.oneLine === true });
  if (shape === 'json' && damaged?.ok) return { shape: 'json', value: damaged.value, problems: damaged.problems };
  if (shape === 'neither') return { shape: 'invalid', problem: damaged && !damaged.ok ? damaged.problem : jsonProblem(text) };
  const rows: JsonLine[] = [];
  const errors: ReadProblem[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = parseJson(line);
    if (isContainer(parsed)) rows.push({ line: i + 1, value: parsed.value });
    else if (parsed.ok) errors.push({ line: i + 1, message: 'line is not a JSON object or array' });
    else errors.push(jsonProblem(line, i + 1));
  });
  return { shape: 'lines', rows, errors };
}

function isContainer(parsed: JsonParse): parsed is { ok: true; value: object } {
  return parsed.ok && typeof parsed.value === 'object' && parsed.value !== null;
}

/** One line of text, cut to `max` characters, for titles. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
