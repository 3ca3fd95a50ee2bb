// Full-text search over the chunks' text indexes (see text-extract.ts) plus the
// normalized columns. The query's terms (search-terms.ts) must all match (AND); a term
// matches a row when one of the row's searched values contains it, ignoring case:
//   - repeated values: the distinct lower-cased vocabulary is scanned once per term
//     (includes), then the matching values' rows are marked;
//   - one-off values: each chunk's lower-cased rare text is searched with indexOf (only in
//     blocks of rows whose trigrams allow the term), a hit marks the row whose span holds it
//     (NUL ends every value, so no hit spans two);
//   - normalized columns: their lower-cased dictionaries, then a column scan.
// Every hit is an exact substring of a value: no token approximation, no verification pass.
import type { TextChunkRow } from '../../db/rows.ts';
import { andInto, newBitset, setBit, type Bitset } from './bitset.ts';
import { searchCase, searchTerms } from './search-terms.ts';
import type { EventStore, StoreColumn } from './store.ts';
import type { Dictionary } from './dictionary.ts';

interface TextChunk {
  id: string;
  base: number;
  /** Global value ids of the chunk's vocabulary, ascending, and each one's local index. */
  gids: Uint32Array;
  locals: Uint32Array;
  valueOffsets: Uint32Array;
  valueRows: Uint16Array | Uint32Array;
  rare: string;
  rareEnds: Uint32Array;
  /** Per block of BLOCK_ROWS rows, a GRAM_BITS-bit set of the trigrams in its rare text. */
  grams: Uint32Array;
}

/**
 * The rare text is long (every id of every row), so it is not scanned whole: a term of 3+
 * characters is looked for only in blocks whose trigram set holds all of its trigrams (a
 * block lacking one cannot contain the term; a false "maybe" costs one indexOf over the block).
 * 32 rows × ~120 characters set about a third of 8,192 bits: 32 bytes a row.
 */
const BLOCK_ROWS = 32;
const GRAM_BITS = 8192;
const GRAM_WORDS = GRAM_BITS / 32;

const gramOf = (a: number, b: number, c: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)) >>> 19;

function blockGrams(rare: string, ends: Uint32Array): Uint32Array {
  const blocks = Math.ceil(ends.length / BLOCK_ROWS);
  const grams = new Uint32Array(blocks * GRAM_WORDS);
  for (let b = 0; b < blocks; b++) {
    const from = b === 0 ? 0 : ends[b * BLOCK_ROWS - 1]!;
    const to = ends[Math.min(ends.length, (b + 1) * BLOCK_ROWS) - 1]!;
    const at = b * GRAM_WORDS;
    for (let i = from; i + 2 < to; i++) {
      const g = gramOf(rare.charCodeAt(i), rare.charCodeAt(i + 1), rare.charCodeAt(i + 2));
      grams[at + (g >>> 5)]! |= 1 << (g & 31);
    }
  }
  return grams;
}

/** Normalized columns searched besides the raw text (derived values like "deny", "token_exchange"). */
export const searchedColumns: readonly StoreColumn[] = ['agent', 'subjectUser', 'tenant', 'client', 'mcpServer', 'tool', 'targetService', 'actionClass', 'decision', 'actionNative', 'operation', 'scopes', 'outcome'];

const rowsFrom = (buffer: ArrayBuffer, length: number): Uint16Array | Uint32Array =>
  length > 0 && buffer.byteLength / length === 4 ? new Uint32Array(buffer) : new Uint16Array(buffer);

/** A stored text row written before the rare text existed (token hashes instead): rebuild it. */
export const isCurrentTextRow = (row: TextChunkRow): boolean => typeof row.rare === 'string' && row.rareEnds instanceof ArrayBuffer;

export class TextIndex {
  /** Lower-cased distinct repeated values → global id (values differing only in case share one). */
  private readonly vocab = new Map<string, number>();
  private readonly values: string[] = [];
  private readonly chunks = new Map<string, TextChunk>();
  version = 0;

  has(chunkId: string): boolean {
    return this.chunks.has(chunkId);
  }

  get size(): number {
    return this.chunks.size;
  }

  add(row: TextChunkRow, base: number): void {
    const n = row.values.length;
    const pairs = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = searchCase(row.values[i]!);
      let gid = this.vocab.get(v);
      if (gid === undefined) {
        gid = this.values.length;
        this.values.push(v);
        this.vocab.set(v, gid);
      }
      pairs[i] = gid * 0x200000 + i;
    }
    pairs.sort();
    const gids = new Uint32Array(n);
    const locals = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      gids[i] = Math.floor(pairs[i]! / 0x200000);
      locals[i] = pairs[i]! - gids[i]! * 0x200000;
    }
    const valueOffsets = new Uint32Array(row.valueOffsets);
    const rareEnds = new Uint32Array(row.rareEnds);
    this.chunks.set(row.id, {
      id: row.id,
      base,
      gids,
      locals,
      valueOffsets,
      valueRows: rowsFrom(row.valueRows, valueOffsets[n] ?? 0),
      rare: row.rare,
      rareEnds,
      grams: blockGrams(row.rare, rareEnds),
    });
    this.version++;
  }

  /** Re-bases chunks after rows were renumbered (a source removed). */
  rebase(bases: Map<string, number>): void {
    for (const [id, chunk] of this.chunks) {
      const base = bases.get(id);
      if (base === undefined) this.chunks.delete(id);
      else chunk.base = base;
    }
    this.version++;
  }

  /** Rows matching every term of `query`; null when the query has no term (no filter). */
  search(query: string, store: EventStore): Bitset | null {
    const terms = searchTerms(query);
    if (terms.length === 0) return null;
    let result: Bitset | null = null;
    for (const term of terms) {
      const bits = newBitset(store.rows);
      this.markVocabulary(term, bits);
      this.markRare(term, bits);
      markColumns(store, term, bits);
      result = result ? andInto(result, bits) : bits;
    }
    return result;
  }

  private markVocabulary(term: string, bits: Bitset): void {
    const values = this.values;
    let marked: Uint8Array | null = null;
    for (let g = 0; g < values.length; g++) {
      if (!values[g]!.includes(term)) continue;
      marked ??= new Uint8Array(values.length);
      marked[g] = 1;
    }
    if (!marked) return;
    for (const c of this.chunks.values()) {
      const { gids, locals, valueOffsets, valueRows, base } = c;
      for (let i = 0; i < gids.length; i++) {
        if (marked[gids[i]!] !== 1) continue;
        const local = locals[i]!;
        for (let k = valueOffsets[local]!; k < valueOffsets[local + 1]!; k++) setBit(bits, base + valueRows[k]!);
      }
    }
  }

  private markRare(term: string, bits: Bitset): void {
    // The term's trigrams as (word, mask) pairs; none for a term under 3 characters.
    const words: number[] = [];
    const masks: number[] = [];
    for (let i = 0; i + 2 < term.length; i++) {
      const g = gramOf(term.charCodeAt(i), term.charCodeAt(i + 1), term.charCodeAt(i + 2));
      words.push(g >>> 5);
      masks.push(1 << (g & 31));
    }
    for (const c of this.chunks.values()) {
      const { rare, rareEnds, grams, base } = c;
      const rows = rareEnds.length;
      if (words.length === 0) {
        markSpan(rare, rareEnds, 0, rare.length, term, bits, base);
        continue;
      }
      for (let b = 0, at = 0; b * BLOCK_ROWS < rows; b++, at += GRAM_WORDS) {
        let maybe = true;
        for (let k = 0; k < words.length && maybe; k++) maybe = (grams[at + words[k]!]! & masks[k]!) !== 0;
        if (!maybe) continue;
        const from = b === 0 ? 0 : rareEnds[b * BLOCK_ROWS - 1]!;
        const to = rareEnds[Math.min(rows, (b + 1) * BLOCK_ROWS) - 1]!;
        markSpan(rare, rareEnds, from, to, term, bits, base);
      }
    }
  }
}

/** Marks the rows whose one-off values in rare[from, to) contain `term` (from, to: row bounds). */
function markSpan(rare: string, rareEnds: Uint32Array, from: number, to: number, term: string, bits: Bitset, base: number): void {
  const span = from === 0 && to === rare.length ? rare : rare.slice(from, to);
  let at = span.indexOf(term);
  while (at >= 0) {
    // The row whose span [end of the previous row, its end) holds the hit.
    const hit = from + at;
    let lo = 0;
    let hi = rareEnds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rareEnds[mid]! <= hit) lo = mid + 1;
      else hi = mid;
    }
    setBit(bits, base + lo);
    at = span.indexOf(term, rareEnds[lo]! - from);
  }
}

/** Lower-cased dictionary values, extended as dictionaries grow (they only grow). */
const lowered = new WeakMap<Dictionary, string[]>();

function lowerValues(dict: Dictionary): string[] {
  let list = lowered.get(dict);
  if (!list) lowered.set(dict, (list = []));
  for (let code = list.length; code < dict.size; code++) list.push(searchCase(dict.value(code)));
  return list;
}

function markColumns(store: EventStore, term: string, bits: Bitset): void {
  for (const column of searchedColumns) {
    const dict = store.dicts[column];
    const lower = lowerValues(dict);
    let allowed: Uint8Array | null = null;
    for (let code = 1; code < dict.size; code++) {
      if (!lower[code]!.includes(term)) continue;
      allowed ??= new Uint8Array(dict.size);
      allowed[code] = 1;
    }
    if (!allowed) continue;
    const col = store.cols[column];
    for (let r = 0; r < store.rows; r++) if (allowed[col[r]!] === 1) setBit(bits, r);
  }
}
