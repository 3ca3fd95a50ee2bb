// Builds one chunk's text index from its raw records (one text), without creating a JS
// string per value: string values are found by a scan (JSON string literals that are not
// keys; for non-JSON records, delimiter-separated fields) and identified by a 32-bit
// hash (a match is confirmed by comparing the text). Values seen in ≥ 2 rows of the
// chunk become vocabulary (stored once, with their rows; substring search runs over their
// tokens). Values seen once — ids — are indexed only as token hashes (whole-token search),
// which keeps the index small. Timestamps are not indexed (the time filter finds them).
// (Measured: indexOf jumps between quotes beat a charCodeAt-per-character state machine.)
import { hashTokens } from './tokens.ts';

export interface TextChunkParts {
  values: string[];
  valueOffsets: Uint32Array;
  /** Chunk-local rows: Uint16Array, or Uint32Array for chunks over 65,536 rows. */
  valueRows: Uint16Array | Uint32Array;
  /** One entry per distinct (token hash, row), sorted; hashRows holds the rows. */
  hashKeys: Uint32Array;
  hashRows: Uint16Array | Uint32Array;
}

/** Rows are packed below the hash in one double: 2^32 · 2^21 < 2^53. */
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

  add(from: number, to: number, row: number): void {
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
    if (text.charCodeAt(n) !== 58 && close > open + 1 && !isTimestamp(text, open + 1, close - open - 1)) table.add(open + 1, close, row);
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
      if (b > a && !isTimestamp(text, a, b - a)) table.add(a, b, row);
      start = i + 1;
    }
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** "2026-01-31T…" / "2026-01-31 …": a timestamp, searchable by the time filter instead. */
function isTimestamp(text: string, from: number, length: number): boolean {
  if (length < 11) return false;
  const sep = text.charCodeAt(from + 10);
  return (
    isDigit(text.charCodeAt(from)) &&
    isDigit(text.charCodeAt(from + 3)) &&
    text.charCodeAt(from + 4) === 45 &&
    isDigit(text.charCodeAt(from + 5)) &&
    text.charCodeAt(from + 7) === 45 &&
    isDigit(text.charCodeAt(from + 9)) &&
    (sep === 84 || sep === 32)
  );
}

/** A value as its own string (not a slice that would keep the chunk's text alive). */
function valueOf(text: string, from: number, length: number): string {
  const literal = text.slice(from, from + length);
  if (!literal.includes('\\')) return (' ' + literal).slice(1);
  try {
    return JSON.parse(`"${literal}"`) as string;
  } catch {
    return (' ' + literal).slice(1);
  }
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
    values.push(valueOf(text, table.start[id]!, table.length[id]!));
    counts.push(table.rows[id]!);
  }
  const valueOffsets = new Uint32Array(values.length + 1);
  for (let v = 0; v < values.length; v++) valueOffsets[v + 1] = valueOffsets[v]! + counts[v]!;
  const valueRows = rowArray(rows, valueOffsets[values.length]!);
  const fill = valueOffsets.slice(0, values.length);

  // One-off values → (token hash, row) pairs, packed in a double for a native sort.
  let pairs = new Float64Array(1 << 14);
  let np = 0;
  for (let k = 0; k < table.occ; k++) {
    const id = table.occValue[k]!;
    const row = table.occRow[k]!;
    const v = vocabOf[id]!;
    if (v >= 0) {
      valueRows[fill[v]!++] = row;
      continue;
    }
    hashTokens(text, table.start[id]!, table.start[id]! + table.length[id]!, (h) => {
      if (np >= pairs.length) {
        const grown = new Float64Array(pairs.length * 2);
        grown.set(pairs);
        pairs = grown;
      }
      pairs[np++] = h * ROW_SPACE + row;
    });
  }
  const sorted = pairs.subarray(0, np).sort();
  const hashKeys = new Uint32Array(np);
  const hashRows = rowArray(rows, np);
  let nr = 0;
  let prev = -1;
  for (let k = 0; k < np; k++) {
    const p = sorted[k]!;
    if (p === prev) continue;
    const hash = Math.floor(p / ROW_SPACE);
    hashKeys[nr] = hash;
    hashRows[nr++] = p - hash * ROW_SPACE;
    prev = p;
  }
  return {
    values,
    valueOffsets,
    valueRows,
    hashKeys: hashKeys.slice(0, nr),
    hashRows: hashRows.slice(0, nr),
  };
}
