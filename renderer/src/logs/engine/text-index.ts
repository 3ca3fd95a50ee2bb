// Full-text search over the chunks' text indexes (see text-extract.ts) plus the
// normalized columns. A query is cut into tokens; each token matches
//   - vocabulary values that contain it (substring, via a token dictionary over the
//     distinct repeated values: small, scanned per query),
//   - one-off values holding it as a whole token (hash lookup per chunk),
//   - normalized column values that contain it (dictionary scan, then a column scan);
// rows must match every token (AND).
import type { TextChunkRow } from '../../db/rows.ts';
import { andInto, newBitset, setBit, type Bitset } from './bitset.ts';
import { asciiLower, queryTokens, splitTokens } from './tokens.ts';
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
  hashKeys: Uint32Array;
  hashRows: Uint16Array | Uint32Array;
}

/** Normalized columns searched besides the raw text (derived values like "deny", "token_exchange"). */
const searchedColumns: StoreColumn[] = ['agent', 'subjectUser', 'tenant', 'client', 'mcpServer', 'tool', 'targetService', 'actionClass', 'decision', 'actionNative', 'operation', 'scopes', 'outcome'];

const rowsFrom = (buffer: ArrayBuffer, length: number): Uint16Array | Uint32Array =>
  length > 0 && buffer.byteLength / length === 4 ? new Uint32Array(buffer) : new Uint16Array(buffer);

export class TextIndex {
  private readonly vocab = new Map<string, number>();
  private readonly values: string[] = [];
  private readonly tokens = new Map<string, number[]>();
  private tokenized = 0;
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
      const v = row.values[i]!;
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
    const hashKeys = new Uint32Array(row.hashKeys);
    this.chunks.set(row.id, {
      id: row.id,
      base,
      gids,
      locals,
      valueOffsets,
      valueRows: rowsFrom(row.valueRows, valueOffsets[n] ?? 0),
      hashKeys,
      hashRows: rowsFrom(row.hashRows, hashKeys.length),
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

  /** Builds the token dictionary of the vocabulary now (else at the first search). */
  prepare(): void {
    this.tokenize();
  }

  private tokenize(): void {
    for (; this.tokenized < this.values.length; this.tokenized++) {
      const gid = this.tokenized;
      for (const t of new Set(splitTokens(this.values[gid]!))) {
        const list = this.tokens.get(t);
        if (list) list.push(gid);
        else this.tokens.set(t, [gid]);
      }
    }
  }

  /** Rows matching every token of `query`; null when the query has no token (no filter). */
  search(query: string, store: EventStore): Bitset | null {
    const tokens = queryTokens(query);
    if (tokens.length === 0) return null;
    this.tokenize();
    let result: Bitset | null = null;
    for (const { token, hash } of tokens) {
      const bits = newBitset(store.rows);
      this.markVocabulary(token, bits);
      this.markHashes(hash, bits);
      markColumns(store, token, bits);
      result = result ? andInto(result, bits) : bits;
    }
    return result;
  }

  private markVocabulary(token: string, bits: Bitset): void {
    const marked = new Uint8Array(this.values.length);
    let matched = 0;
    for (const [t, gids] of this.tokens) {
      if (!t.includes(token)) continue;
      for (const g of gids) {
        if (marked[g] === 0) matched++;
        marked[g] = 1;
      }
    }
    if (matched === 0) return;
    for (const c of this.chunks.values()) {
      const { gids, locals, valueOffsets, valueRows, base } = c;
      for (let i = 0; i < gids.length; i++) {
        if (marked[gids[i]!] !== 1) continue;
        const local = locals[i]!;
        for (let k = valueOffsets[local]!; k < valueOffsets[local + 1]!; k++) setBit(bits, base + valueRows[k]!);
      }
    }
  }

  private markHashes(hash: number, bits: Bitset): void {
    for (const c of this.chunks.values()) {
      const keys = c.hashKeys;
      let lo = 0;
      let hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (keys[mid]! < hash) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < keys.length && keys[k] === hash; k++) setBit(bits, c.base + c.hashRows[k]!);
    }
  }
}

/** Lower-cased dictionary values, extended as dictionaries grow (they only grow). */
const lowered = new WeakMap<Dictionary, string[]>();

function lowerValues(dict: Dictionary): string[] {
  let list = lowered.get(dict);
  if (!list) lowered.set(dict, (list = []));
  for (let code = list.length; code < dict.size; code++) list.push(asciiLower(dict.value(code)));
  return list;
}

function markColumns(store: EventStore, token: string, bits: Bitset): void {
  for (const column of searchedColumns) {
    const dict = store.dicts[column];
    const lower = lowerValues(dict);
    let allowed: Uint8Array | null = null;
    for (let code = 1; code < dict.size; code++) {
      if (!lower[code]!.includes(token)) continue;
      allowed ??= new Uint8Array(dict.size);
      allowed[code] = 1;
    }
    if (!allowed) continue;
    const col = store.cols[column];
    for (let r = 0; r < store.rows; r++) if (allowed[col[r]!] === 1) setBit(bits, r);
  }
}
