// Builds one chunk's text index from its raw records (one text), without creating a JS
// string per repeated value: string values are found by a scan (JSON string literals that
// are not keys; for non-JSON records, delimiter-separated fields) and identified by a
// 32-bit hash (a match is confirmed by comparing the text). Values seen in ≥ 2 rows of the
// chunk become vocabulary (stored once, with their rows). Values seen once — ids — are kept
// as text too: each row's one-off values, decoded and lower-cased, NUL after each, back to
// back ("rare" text), so search finds any substring of any value, never a near miss.
// Timestamps are not indexed (the time filter finds them).
// (Measured: indexOf jumps between quotes beat a charCodeAt-per-character state machine.)
import type { TextChunkRow } from '../../db/rows.ts';
import { searchCase } from './search-terms.ts';
import { ownCopy } from './dictionary.ts';

export interface TextChunkParts {
  values: string[];
  valueOffsets: Uint32Array;
  /** Chunk-local rows: Uint16Array, or Uint32Array for chunks over 65,536 rows. */
  valueRows: Uint16Array | Uint32Array;
  /** The one-off values of every row, lower-cased, each followed by NUL. */
  rare: string;
  /** End of row i's one-off values in `rare` (row 0 starts at 0). */
  rareEnds: Uint32Array;
}

/** Rows per chunk at most (chunk-local rows are packed with value ids elsewhere). */
const ROW_SPACE = 1 << 21;

export const rowArray = (rows: number, length: number): Uint16Array | Uint32Array => (rows <= 0x10000 ? new Uint16Array(length) : new Uint32Array(length));

const QUOTE = 34;
const BACKSLASH = 92;
class ValueTable {
  private cap = 1 << 16;
  private keys = new Int32Array(this.cap);
  private slot = new Int32Array(this.cap).fill(-1);
  size = 0;
  start = new Int32Array(1024);
  length = new Int32Array(1024);
  rows = new Int32Array(1024);
  lastRow = new Int32Array(1024);
  /** 1 when the value is a JSON string literal (escapes decoded), 0 for a delimited field. */
  json = new Uint8Array(1024);
  occValue = new Int32Array(1 << 16);
  occRow = new Int32Array(1 << 16);
  occ = 0;

  constructor(private readonly text: string) {}

  /** Same characters as the value first seen at `id`? (A hash match is only a candidate.) */
  private same(id: number, from: number, to: number): boolean {
    const len = to - from;
    if (this.length[id] !== len) return false;
    const text = this.text;
    const other = this.start[id]!;
    for (let i = 0; i < len; i++) if (text.charCodeAt(from + i) !== text.charCodeAt(other + i)) return false;
    return true;
  }

  add(from: number, to: number, row: number, json: boolean): void {
    const text = this.text;
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const mask = this.cap - 1;
    let p = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const id = this.slot[p]!;
      if (id < 0) break;
      if (this.keys[p] === h && this.same(id, from, to)) {
        if (this.lastRow[id] !== row) this.occur(id, row);
        return;
      }
      p = (p + 1) & mask;
    }
    const id = this.size++;
    if (id >= this.start.length) this.growValues();
    this.slot[p] = id;
    this.keys[p] = h;
    this.start[id] = from;
    this.length[id] = to - from;
    this.rows[id] = 0;
    this.lastRow[id] = -1;
    this.json[id] = json ? 1 : 0;
    this.occur(id, row);
    if (this.size * 2 > this.cap) this.rehash();
  }

  private occur(id: number, row: number): void {
    this.lastRow[id] = row;
    this.rows[id]!++;
    if (this.occ >= this.occValue.length) {
      this.occValue = growInt(this.occValue);
      this.occRow = growInt(this.occRow);
    }
    this.occValue[this.occ] = id;
    this.occRow[this.occ++] = row;
  }

  private growValues(): void {
    this.start = growInt(this.start);
    this.length = growInt(this.length);
    this.rows = growInt(this.rows);
    this.lastRow = growInt(this.lastRow);
    const json = new Uint8Array(this.json.length * 2);
    json.set(this.json);
    this.json = json;
  }

  private rehash(): void {
    const { keys, slot } = this;
    this.cap *= 2;
    this.keys = new Int32Array(this.cap);
    this.slot = new Int32Array(this.cap).fill(-1);
    const mask = this.cap - 1;
    for (let q = 0; q < slot.length; q++) {
      const id = slot[q]!;
      if (id < 0) continue;
      const h = keys[q]!;
      let p = (h ^ (h >>> 15)) & mask;
      while (this.slot[p]! >= 0) p = (p + 1) & mask;
      this.slot[p] = id;
      this.keys[p] = h;
    }
  }
}

function growInt(a: Int32Array): Int32Array<ArrayBuffer> {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}

/** Index of the closing quote of the string literal opened at `open`, or -1. */
function closingQuote(text: string, open: number, end: number): number {
  let q = open;
  for (;;) {
    q = text.indexOf('"', q + 1);
    if (q < 0 || q >= end) return -1;
    let backslashes = 0;
    for (let b = q - 1; b > open && text.charCodeAt(b) === BACKSLASH; b--) backslashes++;
    if ((backslashes & 1) === 0) return q;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function scanJson(text: string, from: number, to: number, row: number, table: ValueTable): void {
  let i = from;
  for (;;) {
    const open = text.indexOf('"', i);
    if (open < 0 || open >= to) return;
    const close = closingQuote(text, open, to);
    if (close < 0) return;
    let n = close + 1;
    while (n < to && isSpace(text.charCodeAt(n))) n++;
    // A literal followed by ':' is a key; only values are indexed.
    if (text.charCodeAt(n) !== 58 && close > open + 1 && !isTimestamp(text, open + 1, close - open - 1)) table.add(open + 1, close, row, true);
    i = close + 1;
  }
}

function scanDelimited(text: string, from: number, to: number, row: number, table: ValueTable): void {
  let start = from;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 44;
    if (c === 44 || c === 9 || c === 59 || c === 124) {
      let a = start;
      let b = i;
      if (b - a >= 2 && text.charCodeAt(a) === QUOTE && text.charCodeAt(b - 1) === QUOTE) {
        a++;
        b--;
      }
      if (b > a && !isTimestamp(text, a, b - a)) table.add(a, b, row, false);
      start = i + 1;
    }
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** "2026-01-31T…" / "2026-01-31 …": a timestamp, searchable by the time filter instead. */
function isTimestamp(text: string, from: number, length: number): boolean {
  if (length < 11) return false;
  const sep = text.charCodeAt(from + 10);
  for (const k of [0, 1, 2, 3, 5, 6, 8, 9]) if (!isDigit(text.charCodeAt(from + k))) return false;
  return text.charCodeAt(from + 4) === 45 && text.charCodeAt(from + 7) === 45 && (sep === 84 || sep === 32);
}

/** A value's text: a JSON literal is decoded when it holds escapes (\n, \", \u00e9 …). */
function decoded(text: string, from: number, length: number, json: boolean): string {
  const literal = text.slice(from, from + length);
  if (!json || !literal.includes('\\')) return literal;
  try {
    return JSON.parse(`"${literal}"`) as string;
  } catch {
    return literal;
  }
}

/** A value as its own string (not a slice that would keep the chunk's text alive). */
function valueOf(text: string, from: number, length: number, json: boolean): string {
  return ownCopy(decoded(text, from, length, json));
}

/** `ends[i]` is the end offset of row i's raw record in `text` (row 0 starts at 0). */
export function buildTextChunk(text: string, ends: Uint32Array): TextChunkParts {
  const table = new ValueTable(text);
  const rows = ends.length;
  if (rows > ROW_SPACE) throw new Error(`a chunk holds at most ${ROW_SPACE} rows`);
  let from = 0;
  for (let r = 0; r < rows; r++) {
    const to = ends[r]!;
    let s = from;
    while (s < to && isSpace(text.charCodeAt(s))) s++;
    const c = text.charCodeAt(s);
    if (c === 123 || c === 91) scanJson(text, s, to, r, table);
    else scanDelimited(text, s, to, r, table);
    from = to;
  }

  // Repeated values → vocabulary with their rows (occurrences are in row order already).
  const vocabOf = new Int32Array(table.size).fill(-1);
  const values: string[] = [];
  const counts: number[] = [];
  for (let id = 0; id < table.size; id++) {
    if (table.rows[id]! < 2) continue;
    vocabOf[id] = values.length;
    values.push(valueOf(text, table.start[id]!, table.length[id]!, table.json[id] === 1));
    counts.push(table.rows[id]!);
  }
  const valueOffsets = new Uint32Array(values.length + 1);
  for (let v = 0; v < values.length; v++) valueOffsets[v + 1] = valueOffsets[v]! + counts[v]!;
  const valueRows = rowArray(rows, valueOffsets[values.length]!);
  const fill = valueOffsets.slice(0, values.length);

  // One-off values → the rows' rare text, in row order (occurrences are in row order).
  const parts: string[] = [];
  const rareEnds = new Uint32Array(rows);
  let length = 0;
  let row = 0;
  for (let k = 0; k < table.occ; k++) {
    const id = table.occValue[k]!;
    const r = table.occRow[k]!;
    const v = vocabOf[id]!;
    if (v >= 0) {
      valueRows[fill[v]!++] = r;
      continue;
    }
    while (row < r) rareEnds[row++] = length;
    const value = decoded(text, table.start[id]!, table.length[id]!, table.json[id] === 1);
    parts.push(value, '\0');
    length += value.length + 1;
  }
  while (row < rows) rareEnds[row++] = length;
  return { values, valueOffsets, valueRows, ...lowerRare(parts.join(''), rareEnds) };
}

/** Lower-cases the rare text; per row when that changes lengths (rare: "İ" → "i̇"). */
function lowerRare(text: string, ends: Uint32Array): { rare: string; rareEnds: Uint32Array } {
  const rare = searchCase(text);
  if (rare.length === text.length) return { rare, rareEnds: ends };
  const rows: string[] = [];
  const rareEnds = new Uint32Array(ends.length);
  let length = 0;
  for (let r = 0; r < ends.length; r++) {
    const part = searchCase(text.slice(r === 0 ? 0 : ends[r - 1]!, ends[r]!));
    rows.push(part);
    rareEnds[r] = length += part.length;
  }
  return { rare: rows.join(''), rareEnds };
}

/** The stored row of a chunk's text index. */
export function textChunkRow(id: string, sourceId: string, t: TextChunkParts): TextChunkRow {
  return {
    id,
    sourceId,
    values: t.values,
    valueOffsets: t.valueOffsets.buffer as ArrayBuffer,
    valueRows: t.valueRows.buffer as ArrayBuffer,
    rare: t.rare,
    rareEnds: t.rareEnds.buffer as ArrayBuffer,
  };
}
