// Filter → rows. A filter compiles to a time window (a slice of the time-sorted
// permutation, found by binary search) plus per-row tests: facet codes looked up in a
// byte table, bitsets (text, tags) and annotation flags. Selecting is one sequential pass
// over the chunks that overlap the window (storage order: no random access), marking a
// bitset; a page then walks the window's time order, testing that bitset.
import type { EventFilter, FacetField } from './contract.ts';
import { andInto, countBits, hasBit, newBitset, type Bitset } from './bitset.ts';
import { COMMENTED, STARRED, type CodeColumn, type EventStore, type StoreColumn } from './store.ts';
import { lowerBound } from './time-order.ts';
import { POSTINGS_SHARE, postingRanges, rankTests, type PostingsCache } from './postings.ts';

export interface FacetTest {
  field: FacetField;
  col: CodeColumn;
  /** allowed[code] = 1 */
  allowed: Uint8Array;
}

export interface Compiled {
  order: Uint32Array;
  /** [from, to) positions in `order`: the time window. */
  from: number;
  to: number;
  /** The window's bounds (undefined: open on that side). */
  timeFrom: number | undefined;
  timeTo: number | undefined;
  facets: FacetTest[];
  bits: Bitset[];
  flagMask: number;
  /** A facet asked only for values the store has never seen. */
  empty: boolean;
}

/** Bitsets the caller resolved for the text and tag parts of the filter (null = no such part). */
export interface Resolved {
  text: Bitset | null;
  tag: Bitset | null;
}

/** The rows a filter selects: a bitset over rows (null: every row of the window). */
export interface Selection {
  bits: Bitset | null;
  count: number;
  order: Uint32Array;
  from: number;
  to: number;
  /** The selected rows in time order, built once a page is asked for deep in a large result. */
  positions?: Uint32Array;
}

export function timeWindow(store: EventStore, timeFrom?: number, timeTo?: number): { order: Uint32Array; from: number; to: number } {
  const { order, timed } = store.timeOrder();
  if (timeFrom === undefined && timeTo === undefined) return { order, from: 0, to: store.rows };
  const from = timeFrom === undefined ? 0 : lowerBound(store.time, order, timed, timeFrom);
  const to = timeTo === undefined ? timed : lowerBound(store.time, order, timed, timeTo);
  return { order, from, to: Math.max(from, to) };
}

export function compile(store: EventStore, filter: EventFilter, resolved: Resolved): Compiled {
  const { order, from, to } = timeWindow(store, filter.timeFrom, filter.timeTo);
  const facets: FacetTest[] = [];
  let empty = false;
  for (const [field, values] of Object.entries(filter.facets ?? {}) as [FacetField, string[] | undefined][]) {
    if (!values || values.length === 0) continue;
    const column = field as StoreColumn;
    const dict = store.dicts[column];
    const allowed = new Uint8Array(dict.size);
    let any = false;
    for (const v of values) {
      const code = dict.find(v);
      if (code >= 0) {
        allowed[code] = 1;
        any = true;
      }
    }
    if (!any) empty = true;
    facets.push({ field, col: store.cols[column], allowed });
  }
  const bits: Bitset[] = [];
  if (resolved.text) bits.push(resolved.text);
  if (resolved.tag) bits.push(resolved.tag);
  const flagMask = (filter.starred ? STARRED : 0) | (filter.commented ? COMMENTED : 0);
  return { order, from, to, timeFrom: filter.timeFrom, timeTo: filter.timeTo, facets, bits, flagMask, empty };
}

/** Does `row` pass every facet, bitset and flag test? */
function passes(c: Compiled, flags: Uint8Array, row: number): boolean {
  for (let j = 0; j < c.facets.length; j++) {
    const f = c.facets[j]!;
    if (f.allowed[f.col[row]!] !== 1) return false;
  }
  return passesMarks(c, flags, row);
}

/** Does `row` pass the filter's bitsets (text, tag) and annotation flags? */
export function passesMarks(c: Pick<Compiled, 'bits' | 'flagMask'>, flags: Uint8Array, row: number): boolean {
  for (let j = 0; j < c.bits.length; j++) if (!hasBit(c.bits[j]!, row)) return false;
  return c.flagMask === 0 || (flags[row]! & c.flagMask) === c.flagMask;
}

/** Is time `t` in [lo, hi)? (NaN, no time, never is.) */
export const inWindow = (t: number, lo: number, hi: number): boolean => t >= lo && t < hi;

/** Marks `row` when it passes; 1 if marked. */
function mark(c: Compiled, flags: Uint8Array, bits: Bitset, row: number): number {
  if (!passes(c, flags, row)) return 0;
  bits[row >>> 5]! |= 1 << (row & 31);
  return 1;
}

/**
 * The row ranges of the store that can hold rows of the window, each with whether every
 * row of it is inside (no per-row time test needed). Chunks wholly outside are skipped.
 */
export function windowRanges(store: EventStore, c: Pick<Compiled, 'timeFrom' | 'timeTo'>): { from: number; to: number; inside: boolean }[] {
  const out: { from: number; to: number; inside: boolean }[] = [];
  const lo = c.timeFrom ?? -Infinity;
  const hi = c.timeTo ?? Infinity;
  const open = c.timeFrom === undefined && c.timeTo === undefined;
  for (const chunk of store.chunks) {
    const { minTime, maxTime } = chunk.row;
    if (open) {
      out.push({ from: chunk.base, to: chunk.base + chunk.count, inside: true });
      continue;
    }
    // NaN bounds: the chunk has no timed row, so none is in a window.
    if (!(maxTime >= lo && minTime < hi)) continue;
    const inside = minTime >= lo && maxTime < hi && chunk.run.untimed.length === 0;
    out.push({ from: chunk.base, to: chunk.base + chunk.count, inside });
  }
  return out;
}

/**
 * Matching rows. With postings and a selective facet test, only that test's rows are
 * visited; otherwise rows are scanned in storage order (sequential memory), chunk by chunk.
 */
export function select(store: EventStore, c: Compiled, postings?: PostingsCache): Selection {
  const base = { order: c.order, from: c.from, to: c.to };
  if (c.empty) return { ...base, bits: newBitset(store.rows), count: 0 };
  if (c.facets.length === 0 && c.bits.length === 0 && c.flagMask === 0) return { ...base, bits: null, count: c.to - c.from };
  if (c.facets.length === 0 && c.flagMask === 0 && c.timeFrom === undefined && c.timeTo === undefined) {
    // Only bitsets (text, tag) over every row: their intersection is the selection. A lone
    // bitset is shared, not copied: selections and the text cache only ever read them.
    const bits = c.bits.length === 1 ? c.bits[0]! : c.bits.slice(1).reduce((acc, b) => andInto(acc, b), c.bits[0]!.slice());
    return { ...base, bits, count: countBits(bits) };
  }
  const bits = newBitset(store.rows);
  let count = 0;
  const { time, flags } = store;
  const lo = c.timeFrom ?? -Infinity;
  const hi = c.timeTo ?? Infinity;
  const driver = postings && c.facets.length > 0 ? rankTests(postings, c.facets)[0]! : null;
  if (driver && driver.count <= store.rows * POSTINGS_SHARE) {
    const open = c.timeFrom === undefined && c.timeTo === undefined;
    const { rows } = driver.postings;
    const ranges = postingRanges(driver.postings, driver.test.allowed);
    for (let k = 0; k < ranges.length; k += 2) {
      for (let i = ranges[k]!, end = ranges[k + 1]!; i < end; i++) {
        const r = rows[i]!;
        if (open || inWindow(time[r]!, lo, hi)) count += mark(c, flags, bits, r);
      }
    }
    return { ...base, bits, count };
  }
  const single = c.facets.length === 1 && c.bits.length === 0 && c.flagMask === 0 ? c.facets[0]! : null;
  for (const range of windowRanges(store, c)) {
    const { from, to, inside } = range;
    if (single && inside) {
      // The most common filter, kept free of the generic loop.
      const { col, allowed } = single;
      for (let r = from; r < to; r++) {
        if (allowed[col[r]!] === 1) {
          bits[r >>> 5]! |= 1 << (r & 31);
          count++;
        }
      }
      continue;
    }
    for (let r = from; r < to; r++) if (inside || inWindow(time[r]!, lo, hi)) count += mark(c, flags, bits, r);
  }
  return { ...base, bits, count };
}

/** Positions to collect at once when a page lies deep in a result (then all are kept). */
const WALK_LIMIT = 5000;

/** A page of a selection in time order (ascending or descending). */
export function page(sel: Selection, desc: boolean, offset: number, limit: number): Uint32Array {
  const total = sel.count;
  const start = Math.max(0, Math.min(offset, total));
  const end = Math.max(start, Math.min(total, start + Math.max(0, limit)));
  const out = new Uint32Array(end - start);
  const { order, from, to, bits } = sel;
  if (!bits) {
    for (let i = start; i < end; i++) out[i - start] = desc ? order[to - 1 - i]! : order[from + i]!;
    return out;
  }
  if (!sel.positions && end > WALK_LIMIT) sel.positions = walk(sel, false, total);
  if (sel.positions) {
    for (let i = start; i < end; i++) out[i - start] = sel.positions[desc ? total - 1 - i : i]!;
    return out;
  }
  const head = walk(sel, desc, end);
  out.set(head.subarray(start, end));
  return out;
}

/** The first `n` selected rows walking the window's time order from one end. */
function walk(sel: Selection, desc: boolean, n: number): Uint32Array {
  const { order, from, to, bits } = sel;
  const out = new Uint32Array(n);
  let k = 0;
  if (desc) {
    for (let i = to - 1; i >= from && k < n; i--) {
      const r = order[i]!;
      if (hasBit(bits!, r)) out[k++] = r;
    }
  } else {
    for (let i = from; i < to && k < n; i++) {
      const r = order[i]!;
      if (hasBit(bits!, r)) out[k++] = r;
    }
  }
  return out;
}
