// Decoding and JSON helpers shared by every text reader.
import type { ReadProblem } from '../../model/import-report.ts';

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
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${errorMessage(error)}` };
  }
}

/** The whole file as one JSON document, or the one problem that stops it. */
export function parseJsonFile(bytes: Uint8Array): JsonParse {
  const text = decodeText(bytes);
  return text.trim() === '' ? { ok: false, message: 'file is empty' } : parseJson(text);
}

export interface JsonLine {
  line: number;
  value: unknown;
}

export type JsonDocument =
  | { shape: 'empty' }
  | { shape: 'json'; value: unknown }
  | { shape: 'lines'; rows: JsonLine[]; errors: ReadProblem[] }
  | { shape: 'invalid'; message: string };

const PROBE_LINES = 5;

/**
 * One JSON document, or JSON Lines when the whole text is not one document but its
 * lines are objects/arrays. Only the first few lines decide, so a single bad line
 * (even the first) still yields JSONL, while a pretty-printed file with a syntax
 * error is reported once rather than as hundreds of bad lines.
 */
export function parseJsonDocument(text: string): JsonDocument {
  if (text.trim() === '') return { shape: 'empty' };
  const whole = parseJson(text);
  if (whole.ok) return { shape: 'json', value: whole.value };
  const lines = text.split(/\r?\n/);
  const probe = lines.filter((l) => l.trim() !== '').slice(0, PROBE_LINES);
  if (!probe.some((l) => isContainer(parseJson(l)))) return { shape: 'invalid', message: whole.message };
  const rows: JsonLine[] = [];
  const errors: ReadProblem[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = parseJson(line);
    if (isContainer(parsed)) rows.push({ line: i + 1, value: parsed.value });
    else errors.push({ line: i + 1, message: parsed.ok ? 'line is not a JSON object or array' : parsed.message });
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
