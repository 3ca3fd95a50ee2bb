// The in-memory event store the queries run on: per row, the time and the coded columns
// (global codes, one typed array per column, as narrow as its dictionary allows) and the
// annotation flags; rows are dense, chunk after chunk. That is all a filter, a facet count
// or a time order needs. What only a shown row needs — line numbers, ids, sessions — stays
// in the chunk files and is read per chunk when a page asks (a small LRU), so memory grows
// by a few bytes per event, not by the events' text.
import type { LogChunkRow } from '../../db/rows.ts';
import { codedColumns, grow, packedAt, packedColumns, type CodedColumn, type PackedColumn, type PackedStrings } from './columns.ts';
import { Dictionary } from './dictionary.ts';
import { Lru } from './lru.ts';
import { mergeRuns, sortRun, type TimeRun } from './time-order.ts';
import { displayParts, part, readParts, residentParts } from './storage/chunk-parts.ts';
import { readEncoded, type EncodedChunk } from './storage/chunk-codec.ts';

/** Coded columns in memory: the stored ones plus the chunk's source. */
export type StoreColumn = CodedColumn | 'source';

export type CodeColumn = Uint8Array | Uint16Array | Uint32Array;

export interface LoadedChunk {
  id: string;
  sourceId: string;
  seq: number;
  /** First row of the chunk. */
  base: number;
  count: number;
  row: LogChunkRow;
  run: TimeRun;
}

/** What a page shows of a chunk's rows besides the coded columns. */
export interface ChunkDisplay {
  lines: Uint32Array;
  packed: Record<PackedColumn, PackedStrings | null>;
}

/** Reads `length` bytes at `at` within a chunk's byte range. */
export type ChunkReader = (row: LogChunkRow, at: number, length: number) => Uint8Array;

/** Annotation flags per row. */
export const STARRED = 1;
export const COMMENTED = 2;
export const TAGGED = 4;

const storeColumns = [...codedColumns, 'source'] as const;

/** A column wide enough for codes below `size`, keeping what it holds. */
function widen(col: CodeColumn, size: number): CodeColumn {
  if (size > 0x10000 && !(col instanceof Uint32Array)) return Uint32Array.from(col);
  if (size > 0x100 && col instanceof Uint8Array) return Uint16Array.from(col);
  return col;
}

export class EventStore {
  rows = 0;
  time = new Float64Array(0);
  readonly cols = {} as Record<StoreColumn, CodeColumn>;
  readonly dicts = {} as Record<StoreColumn, Dictionary>;
  flags = new Uint8Array(0);
  readonly chunks: LoadedChunk[] = [];
  /** Bumped on every change; query caches key on it. */
  version = 0;
  private order: { order: Uint32Array; timed: number } | null = null;
  private readonly shown = new Lru<ChunkDisplay>(24);

  constructor(private readonly read: ChunkReader) {
    for (const c of storeColumns) {
      this.cols[c] = new Uint8Array(0);
      this.dicts[c] = new Dictionary();
    }
  }

  /** Pre-sizes the columns when the total is known (open): no regrowth copies. */
  reserve(rows: number): void {
    this.time = grow(this.time, rows);
    this.flags = grow(this.flags, rows);
    for (const c of storeColumns) this.cols[c] = grow(this.cols[c], rows);
  }

  /** Adds a committed chunk: its resident parts from `encoded` (just built) or its file. */
  append(row: LogChunkRow, encoded?: EncodedChunk): LoadedChunk {
    const get = readParts(row.parts, residentParts, (at, length) => (encoded ? readEncoded(encoded, at, length) : this.read(row, at, length)));
    const base = this.rows;
    const n = row.count;
    this.reserve(base + n);
    this.time.set(get(part.time) as Float64Array, base);
    this.flags.fill(0, base, base + n);
    for (const c of codedColumns) {
      const local = (get(part.dict(c)) as string[] | undefined) ?? [''];
      const codes = (get(part.codes(c)) as CodeColumn | undefined) ?? new Uint8Array(n);
      const dict = this.dicts[c];
      const remap = new Uint32Array(local.length);
      for (let i = 0; i < local.length; i++) remap[i] = dict.code(local[i]!);
      const col = (this.cols[c] = widen(this.cols[c], dict.size));
      for (let i = 0; i < n; i++) col[base + i] = remap[codes[i]!]!;
    }
    const source = this.dicts.source.code(row.sourceId);
    (this.cols.source = widen(this.cols.source, this.dicts.source.size)).fill(source, base, base + n);
    this.rows = base + n;
    const loaded: LoadedChunk = { id: row.id, sourceId: row.sourceId, seq: row.seq, base, count: n, row, run: sortRun(this.time, base, n) };
    this.chunks.push(loaded);
    this.order = null;
    this.version++;
    return loaded;
  }

  /** Line numbers and ids of a chunk's rows, read on first use and kept for a few chunks. */
  display(chunk: LoadedChunk): ChunkDisplay {
    const hit = this.shown.get(chunk.id);
    if (hit) return hit;
    const { row } = chunk;
    const get = readParts(row.parts, displayParts, (at, length) => this.read(row, at, length));
    const packed = {} as ChunkDisplay['packed'];
    for (const c of packedColumns) {
      const offsets = get(part.packedOffsets(c)) as Uint32Array | undefined;
      const bytes = get(part.packedBytes(c)) as Uint8Array | undefined;
      packed[c] = offsets && bytes ? { offsets, bytes } : null;
    }
    const shown: ChunkDisplay = { lines: (get(part.lines) as Uint32Array | undefined) ?? new Uint32Array(chunk.count), packed };
    this.shown.set(chunk.id, shown);
    return shown;
  }

  /** Rows in time order; the first `timed` have a time. */
  timeOrder(): { order: Uint32Array; timed: number } {
    this.order ??= mergeRuns(
      this.time,
      this.chunks.map((c) => c.run),
      this.rows,
    );
    return this.order;
  }

  /** Index in `chunks` of the chunk holding `row`. */
  chunkIndexOf(row: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.chunks[mid]!.base <= row) lo = mid;
      else hi = mid - 1;
    }
    const chunk = this.chunks[lo];
    if (!chunk || row < chunk.base || row >= chunk.base + chunk.count) throw new Error(`no event at row ${row}`);
    return lo;
  }

  chunkOf(row: number): LoadedChunk {
    return this.chunks[this.chunkIndexOf(row)]!;
  }

  value(column: StoreColumn, row: number): string {
    return this.dicts[column].value(this.cols[column][row]!);
  }

  packed(column: PackedColumn, row: number): string {
    const chunk = this.chunkOf(row);
    return packedAt(this.display(chunk).packed[column], row - chunk.base);
  }

  line(row: number): number {
    const chunk = this.chunkOf(row);
    return this.display(chunk).lines[row - chunk.base]!;
  }

  touch(): void {
    this.version++;
  }

  /** Drops a source's chunks, shifting later rows down in place; returns the new bases. */
  removeSource(sourceId: string): Map<string, number> {
    const keep = this.chunks.filter((c) => c.sourceId !== sourceId);
    let at = 0;
    for (const c of keep) {
      const shift = at - c.base;
      if (shift !== 0) {
        const end = c.base + c.count;
        this.time.copyWithin(at, c.base, end);
        this.flags.copyWithin(at, c.base, end);
        for (const col of storeColumns) this.cols[col].copyWithin(at, c.base, end);
        for (const rows of [c.run.rows, c.run.untimed]) for (let i = 0; i < rows.length; i++) rows[i]! += shift;
        c.base = at;
      }
      at += c.count;
    }
    this.chunks.splice(0, this.chunks.length, ...keep);
    this.shown.clear();
    this.rows = at;
    this.order = null;
    this.version++;
    return new Map(keep.map((c) => [c.id, c.base]));
  }
}
