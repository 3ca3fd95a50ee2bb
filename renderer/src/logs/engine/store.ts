// The in-memory event store the queries run on: one global typed array per column,
// appended chunk by chunk (at ingest or at open). Rows are dense: chunk after chunk.
import type { EventChunkRow } from '../../db/rows.ts';
import { codedColumns, grow, packedAt, packedColumns, type CodedColumn, type PackedColumn, type PackedStrings } from './columns.ts';
import { codesFrom, Dictionary } from './dictionary.ts';
import { mergeRuns, sortRun, type TimeRun } from './time-order.ts';

/** Coded columns in memory: the stored ones plus the chunk's source. */
export type StoreColumn = CodedColumn | 'source';

/** 16-bit codes until a column's dictionary outgrows them (then 32-bit, for that column). */
export type CodeColumn = Uint16Array | Uint32Array;

export interface LoadedChunk {
  id: string;
  sourceId: string;
  seq: number;
  /** First row of the chunk. */
  base: number;
  count: number;
  lines: Uint32Array;
  packed: Record<PackedColumn, PackedStrings>;
  run: TimeRun;
}

/** Annotation flags per row. */
export const STARRED = 1;
export const COMMENTED = 2;
export const TAGGED = 4;

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

  constructor() {
    for (const c of [...codedColumns, 'source'] as const) {
      this.cols[c] = new Uint16Array(0);
      this.dicts[c] = new Dictionary();
    }
  }

  /** Pre-sizes the columns when the total is known (open): no regrowth copies. */
  reserve(rows: number): void {
    this.time = grow(this.time, rows);
    this.flags = grow(this.flags, rows);
    for (const c of [...codedColumns, 'source'] as const) this.cols[c] = grow(this.cols[c], rows);
  }

  append(chunk: EventChunkRow): LoadedChunk {
    const base = this.rows;
    const n = chunk.count;
    this.reserve(base + n);
    this.time.set(new Float64Array(chunk.time), base);
    this.flags.fill(0, base, base + n);
    for (const c of codedColumns) {
      const local = chunk.dicts[c] ?? [''];
      const dict = this.dicts[c];
      const remap = new Uint32Array(local.length);
      for (let i = 0; i < local.length; i++) remap[i] = dict.code(local[i]!);
      const codes = chunk.codes[c] ? codesFrom(chunk.codes[c], n) : new Uint8Array(n);
      if (dict.size > 0x10000 && this.cols[c] instanceof Uint16Array) this.cols[c] = Uint32Array.from(this.cols[c]);
      const col = this.cols[c];
      for (let i = 0; i < n; i++) col[base + i] = remap[codes[i]!]!;
    }
    this.cols.source.fill(this.dicts.source.code(chunk.sourceId), base, base + n);
    const packed = {} as Record<PackedColumn, PackedStrings>;
    for (const c of packedColumns) {
      const p = chunk.packed[c];
      packed[c] = p ? { bytes: new Uint8Array(p.bytes), offsets: new Uint32Array(p.offsets) } : { bytes: new Uint8Array(0), offsets: new Uint32Array(0) };
    }
    this.rows = base + n;
    const loaded: LoadedChunk = {
      id: chunk.id,
      sourceId: chunk.sourceId,
      seq: chunk.seq,
      base,
      count: n,
      lines: new Uint32Array(chunk.lines),
      packed,
      run: sortRun(this.time, base, n),
    };
    this.chunks.push(loaded);
    this.order = null;
    this.version++;
    return loaded;
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

  chunkOf(row: number): LoadedChunk {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.chunks[mid]!.base <= row) lo = mid;
      else hi = mid - 1;
    }
    const chunk = this.chunks[lo];
    if (!chunk || row < chunk.base || row >= chunk.base + chunk.count) throw new Error(`no event at row ${row}`);
    return chunk;
  }

  value(column: StoreColumn, row: number): string {
    return this.dicts[column].value(this.cols[column][row]!);
  }

  packed(column: PackedColumn, row: number): string {
    const chunk = this.chunkOf(row);
    return packedAt(chunk.packed[column], row - chunk.base);
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
        for (const col of [...codedColumns, 'source'] as const) this.cols[col].copyWithin(at, c.base, end);
        for (const rows of [c.run.rows, c.run.untimed]) for (let i = 0; i < rows.length; i++) rows[i]! += shift;
        c.base = at;
      }
      at += c.count;
    }
    this.chunks.splice(0, this.chunks.length, ...keep);
    this.rows = at;
    this.order = null;
    this.version++;
    return new Map(keep.map((c) => [c.id, c.base]));
  }
}
