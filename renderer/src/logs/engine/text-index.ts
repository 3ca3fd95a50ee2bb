// Full-text search over the chunks' text indexes (see text-extract.ts) plus the
// normalized columns. The query's terms (search-terms.ts) must all match (AND); a term
// matches a row when one of the row's searched values contains it, ignoring case:
//   - repeated values: the distinct lower-cased vocabulary is scanned once per term
//     (includes), then the matching values' rows are marked;
//   - one-off values: each chunk's lower-cased rare text is searched with indexOf, a hit
//     marks the row whose span holds it (NUL ends every value, so no hit spans two);
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
    this.chunks.set(row.id, {
      id: row.id,
      base,
      gids,
      locals,
      valueOffsets,
      valueRows: rowsFrom(row.valueRows, valueOffsets[n] ?? 0),
      rare: row.rare,
      rareEnds: new Uint32Array(row.rareEnds),
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
    for (const c of this.chunks.values()) {
      const { rare, rareEnds, base } = c;
      let at = rare.indexOf(term);
      while (at >= 0) {
        // The row whose span [end of the previous row, its end) holds the hit.
        let lo = 0;
        let hi = rareEnds.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (rareEnds[mid]! <= at) lo = mid + 1;
          else hi = mid;
        }
        setBit(bits, base + lo);
        at = rare.indexOf(term, rareEnds[lo]);
      }
    }
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
