// Full-text search over the chunks' text indexes (see text-extract.ts) plus the
// normalized columns. The query's terms (search-terms.ts) must all match (AND); a term
// matches a row when one of the row's searched values contains it, ignoring case:
//   - repeated values: the distinct lower-cased vocabulary is scanned once per term
//     (includes), then the matching values' rows are read from each chunk's file (the
//     row lists stay on disk: at 10M events they would be ~600 MB of memory) and marked;
//   - one-off values: each chunk's lower-cased rare text stays in its file; the chunk's
//     trigram filter (text-grams.ts) says which blocks of rows can hold the term, and only
//     those blocks are read and searched byte for byte; a hit marks the row whose span
//     holds it (NUL ends every value, so no hit spans two);
//   - normalized columns: their lower-cased dictionaries, then a column scan.
// Every hit is an exact substring of a value: no token approximation, no verification pass.
import type { LogChunkRow } from '../../db/rows.ts';
import { andInto, newBitset, setBit, type Bitset } from './bitset.ts';
import { searchCase, searchTerms } from './search-terms.ts';
import type { ChunkReader, EventStore, StoreColumn } from './store.ts';
import type { Dictionary } from './dictionary.ts';
import { Vocabulary } from './vocabulary.ts';
import { part, rareEndParts, readParts, vocabularyParts } from './storage/chunk-parts.ts';
import { readEncoded, type EncodedChunk } from './storage/chunk-codec.ts';
import { BLOCK_ROWS, sliceWords, termSlots } from './text-grams.ts';
import { POSTINGS_SHARE, postingCount, postingRanges, type PostingsCache } from './postings.ts';

interface TextChunk {
  id: string;
  base: number;
  row: LogChunkRow;
  /** Global value ids of the chunk's vocabulary, ascending, and each one's local index. */
  gids: Uint32Array;
  locals: Uint32Array;
  valueOffsets: Uint32Array;
  /** End of each row's one-off values in the chunk's rare text (bytes). */
  rareEnds: Uint32Array;
}

/** Normalized columns searched besides the raw text (derived values like "deny", "token_exchange"). */
export const searchedColumns: readonly StoreColumn[] = ['agent', 'subjectUser', 'tenant', 'client', 'mcpServer', 'tool', 'targetService', 'actionClass', 'decision', 'actionNative', 'operation', 'scopes', 'outcome'];

const encoder = new TextEncoder();

export class TextIndex {
  /** Lower-cased distinct repeated values → global id (values differing only in case share one). */
  private readonly vocab = new Vocabulary();
  private readonly chunks = new Map<string, TextChunk>();
  version = 0;

  constructor(private readonly read: ChunkReader) {}

  has(chunkId: string): boolean {
    return this.chunks.has(chunkId);
  }

  get size(): number {
    return this.chunks.size;
  }

  /** Adds a chunk's in-memory parts, from `encoded` (just built) or its file. */
  add(row: LogChunkRow, base: number, encoded?: EncodedChunk): void {
    // The parts are views of one read of their span, which holds nothing else.
    const read = (at: number, length: number) => (encoded ? readEncoded(encoded, at, length) : this.read(row, at, length));
    const vocabulary = readParts(row.parts, vocabularyParts, read);
    const need = <T>(name: string, value: unknown): T => {
      if (!value) throw new Error(`chunk ${row.id} has no ${name}`);
      return value as T;
    };
    const values = need<string[]>(part.values, vocabulary(part.values));
    const n = values.length;
    const pairs = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = searchCase(values[i]!);
      const gid = this.vocab.id(v);
      pairs[i] = gid * 0x200000 + i;
    }
    pairs.sort();
    const gids = new Uint32Array(n);
    const locals = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      gids[i] = Math.floor(pairs[i]! / 0x200000);
      locals[i] = pairs[i]! - gids[i]! * 0x200000;
    }
    this.chunks.set(row.id, {
      id: row.id,
      base,
      row,
      gids,
      locals,
      valueOffsets: need<Uint32Array>(part.valueOffsets, vocabulary(part.valueOffsets)),
      rareEnds: need<Uint32Array>(part.rareEnds, readParts(row.parts, rareEndParts, read)(part.rareEnds)),
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
  search(query: string, store: EventStore, postings?: PostingsCache): Bitset | null {
    const terms = searchTerms(query);
    if (terms.length === 0) return null;
    let result: Bitset | null = null;
    for (const term of terms) {
      const bits = newBitset(store.rows);
      this.markVocabulary(term, bits);
      this.markRare(term, bits);
      markColumns(store, term, bits, postings);
      result = result ? andInto(result, bits) : bits;
    }
    return result;
  }

  private markVocabulary(term: string, bits: Bitset): void {
    const marked = this.vocab.containing(term);
    if (!marked) return;
    for (const c of this.chunks.values()) {
      const { gids, locals, valueOffsets } = c;
      const ranges: number[] = [];
      for (let i = 0; i < gids.length; i++) {
        if (marked[gids[i]!] !== 1) continue;
        const local = locals[i]!;
        if (valueOffsets[local + 1]! > valueOffsets[local]!) ranges.push(valueOffsets[local]!, valueOffsets[local + 1]!);
      }
      if (ranges.length > 0) this.markValueRows(c, ranges, bits);
    }
  }

  /** Marks the rows listed in the chunk's t.rows at the given [from, to) element ranges, read from its file. */
  private markValueRows(c: TextChunk, ranges: number[], bits: Bitset): void {
    const ref = c.row.parts[part.valueRows]!;
    const size = ref.kind === 'u32' ? 4 : 2;
    // Ranges in file order; neighbours less than 16 KB apart are read as one span (a read
    // costs ~8 µs, 16 KB more of a span ~5 µs; a term's values were usually first seen in
    // the same records, so their lists lie close).
    const order = Array.from({ length: ranges.length / 2 }, (_, k) => k).sort((a, b) => ranges[2 * a]! - ranges[2 * b]!);
    for (let k = 0; k < order.length; ) {
      const from = ranges[2 * order[k]!]!;
      let to = ranges[2 * order[k]! + 1]!;
      const spans = [k];
      let next = k + 1;
      while (next < order.length && (ranges[2 * order[next]!]! - to) * size < 16384) {
        to = Math.max(to, ranges[2 * order[next]! + 1]!);
        spans.push(next++);
      }
      const bytes = this.read(c.row, ref.at + from * size, (to - from) * size);
      const rows = size === 4 ? new Uint32Array(bytes.buffer, bytes.byteOffset, to - from) : new Uint16Array(bytes.buffer, bytes.byteOffset, to - from);
      for (const s of spans) {
        for (let i = ranges[2 * order[s]!]! - from, end = ranges[2 * order[s]! + 1]! - from; i < end; i++) setBit(bits, c.base + rows[i]!);
      }
      k = next;
    }
  }

  private markRare(term: string, bits: Bitset): void {
    const needle = encoder.encode(term);
    const slots = termSlots(needle);
    for (const c of this.chunks.values()) {
      const { row, rareEnds } = c;
      const rare = row.parts[part.rare];
      const rows = rareEnds.length;
      if (!rare || rows === 0 || rareEnds[rows - 1] === 0) continue;
      if (slots.length === 0) {
        // Under 3 bytes: no trigram to rule blocks out; the whole rare text is searched.
        markSpan(this.read(row, rare.at, rare.length), 0, rareEnds, needle, bits, c.base);
        continue;
      }
      const candidates = this.candidateBlocks(c, slots);
      // Runs of consecutive candidate blocks are read and searched as one span.
      for (let b = 0; b < candidates.length; ) {
        if (candidates[b] === 0) {
          b++;
          continue;
        }
        let e = b + 1;
        while (e < candidates.length && candidates[e] === 1) e++;
        const from = b === 0 ? 0 : rareEnds[b * BLOCK_ROWS - 1]!;
        const to = rareEnds[Math.min(rows, e * BLOCK_ROWS) - 1]!;
        if (to > from) markSpan(this.read(row, rare.at + from, to - from), from, rareEnds, needle, bits, c.base);
        b = e;
      }
    }
  }

  /** 1 for each block of the chunk whose trigram slots include every one of `slots`. */
  private candidateBlocks(c: TextChunk, slots: number[]): Uint8Array {
    const { row } = c;
    const grams = row.parts[part.grams]!;
    const words = sliceWords(c.rareEnds.length);
    const blocks = Math.ceil(c.rareEnds.length / BLOCK_ROWS);
    const acc = new Uint32Array(words).fill(0xffffffff);
    for (const slot of slots) {
      const bytes = this.read(row, grams.at + slot * words * 4, words * 4);
      const slice = new Uint32Array(bytes.buffer, bytes.byteOffset, words);
      let any = 0;
      for (let w = 0; w < words; w++) any |= acc[w]! &= slice[w]!;
      if (any === 0) return new Uint8Array(blocks);
    }
    const out = new Uint8Array(blocks);
    for (let b = 0; b < blocks; b++) if (acc[b >>> 5]! & (1 << (b & 31))) out[b] = 1;
    return out;
  }
}

/**
 * Marks the rows whose one-off values contain `needle`: `hay` holds the chunk's rare text
 * from byte `offset` on, starting at a row boundary; `ends` are the rows' byte ends.
 */
function markSpan(hay: Uint8Array, offset: number, ends: Uint32Array, needle: Uint8Array, bits: Bitset, base: number): void {
  const first = needle[0]!;
  const n = needle.length;
  let at = hay.indexOf(first);
  while (at >= 0 && at + n <= hay.length) {
    let k = 1;
    while (k < n && hay[at + k] === needle[k]) k++;
    if (k < n) {
      at = hay.indexOf(first, at + 1);
      continue;
    }
    // The row whose span [end of the previous row, its end) holds the hit.
    const hit = offset + at;
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! <= hit) lo = mid + 1;
      else hi = mid;
    }
    setBit(bits, base + lo);
    at = hay.indexOf(first, ends[lo]! - offset);
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

function markColumns(store: EventStore, term: string, bits: Bitset, postings?: PostingsCache): void {
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
    // Few rows hold the matching values (a user's name): visit them through the column's
    // postings when a filter has built them; building them for one search costs more than a scan.
    const p = postings?.cached(column);
    if (p && postingCount(p, allowed) <= store.rows * POSTINGS_SHARE) {
      const ranges = postingRanges(p, allowed);
      for (let k = 0; k < ranges.length; k += 2) for (let i = ranges[k]!; i < ranges[k + 1]!; i++) setBit(bits, p.rows[i]!);
      continue;
    }
    const col = store.cols[column];
    for (let r = 0; r < store.rows; r++) if (allowed[col[r]!] === 1) setBit(bits, r);
  }
}
