// Per-value row lists (postings) of a coded column: the rows holding each code, in row
// order, built by one counting sort when a filter first tests the column and kept for
// the few columns in use (4 bytes a row each; a bounded LRU keyed on the store version).
// A selective facet filter then touches only its own rows instead of every row: at 10M
// events one agent's rows are ~3% of a full scan, and a facet recount tallies only them.
import { Lru } from './lru.ts';
import type { EventStore, StoreColumn } from './store.ts';

/** A test lets through at most this share of rows for its postings to be used instead of a scan. */
export const POSTINGS_SHARE = 1 / 4;

export interface ColumnPostings {
  /** Rows of code c are rows[offsets[c] .. offsets[c + 1]). */
  offsets: Uint32Array;
  rows: Uint32Array;
}

export class PostingsCache {
  private readonly cache: Lru<ColumnPostings>;

  constructor(
    private readonly store: EventStore,
    columns = 4,
  ) {
    this.cache = new Lru(columns);
  }

  /** The column's postings if they are already built (never builds them). */
  cached(column: StoreColumn): ColumnPostings | undefined {
    return this.cache.get(`${column}@${this.store.version}`);
  }

  /** The column's postings, built now if they are not cached. */
  of(column: StoreColumn): ColumnPostings {
    let p = this.cached(column);
    if (!p) {
      p = build(this.store.cols[column], this.store.dicts[column].size, this.store.rows);
      this.cache.set(`${column}@${this.store.version}`, p);
    }
    return p;
  }
}

function build(col: ArrayLike<number>, codes: number, rows: number): ColumnPostings {
  const offsets = new Uint32Array(codes + 1);
  for (let r = 0; r < rows; r++) offsets[col[r]! + 1]!++;
  for (let c = 0; c < codes; c++) offsets[c + 1]! += offsets[c]!;
  const fill = offsets.slice(0, codes);
  const out = new Uint32Array(rows);
  for (let r = 0; r < rows; r++) out[fill[col[r]!]!++] = r;
  return { offsets, rows: out };
}

/** Rows whose code is allowed (allowed[code] === 1). */
export function postingCount(p: ColumnPostings, allowed: Uint8Array): number {
  let n = 0;
  for (let code = 0; code < allowed.length; code++) if (allowed[code] === 1) n += p.offsets[code + 1]! - p.offsets[code]!;
  return n;
}

/** [start, end) ranges of `rows` holding the allowed codes' rows, flattened. */
export function postingRanges(p: ColumnPostings, allowed: Uint8Array): number[] {
  const out: number[] = [];
  for (let code = 0; code < allowed.length; code++) if (allowed[code] === 1 && p.offsets[code + 1]! > p.offsets[code]!) out.push(p.offsets[code]!, p.offsets[code + 1]!);
  return out;
}

/** A filter's facet tests ranked by how many rows each lets through (fewest first). */
export function rankTests<T extends { field: StoreColumn | string; allowed: Uint8Array }>(postings: PostingsCache, tests: readonly T[]): { test: T; index: number; postings: ColumnPostings; count: number }[] {
  return tests
    .map((test, index) => {
      const p = postings.of(test.field as StoreColumn);
      return { test, index, postings: p, count: postingCount(p, test.allowed) };
    })
    .sort((a, b) => a.count - b.count);
}
