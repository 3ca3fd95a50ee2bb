// Filter → rows. A filter compiles to a time window (a slice of the time-sorted
// permutation, found by binary search) plus per-row tests: facet codes looked up in a
// byte table, bitsets (text, tags) and annotation flags. One linear pass over the window.
import type { EventFilter, FacetField } from './contract.ts';
import { hasBit, type Bitset } from './bitset.ts';
import { COMMENTED, STARRED, type CodeColumn, type EventStore, type StoreColumn } from './store.ts';
import { lowerBound } from './time-order.ts';

export interface FacetTest {
  field: FacetField;
  col: CodeColumn;
  /** allowed[code] = 1 */
  allowed: Uint8Array;
}

export interface Compiled {
  order: Uint32Array;
  /** [from, to) positions in `order`. */
  from: number;
  to: number;
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
  return { order, from, to, facets, bits, flagMask, empty };
}

/** Does `row` pass every test except the facet at index `skip` (-1: none skipped)? */
function passes(c: Compiled, flags: Uint8Array, row: number): boolean {
  for (let j = 0; j < c.facets.length; j++) {
    const f = c.facets[j]!;
    if (f.allowed[f.col[row]!] !== 1) return false;
  }
  for (let j = 0; j < c.bits.length; j++) if (!hasBit(c.bits[j]!, row)) return false;
  return c.flagMask === 0 || (flags[row]! & c.flagMask) === c.flagMask;
}

/** Matching rows in ascending time order. */
export function select(store: EventStore, c: Compiled): Uint32Array {
  if (c.empty) return new Uint32Array(0);
  const { order, from, to } = c;
  if (c.facets.length === 0 && c.bits.length === 0 && c.flagMask === 0) return order.subarray(from, to);
  const out = new Uint32Array(to - from);
  let n = 0;
  const flags = store.flags;
  // Single-facet fast path: the most common filter, kept free of the generic loop.
  if (c.facets.length === 1 && c.bits.length === 0 && c.flagMask === 0) {
    const { col, allowed } = c.facets[0]!;
    for (let i = from; i < to; i++) {
      const r = order[i]!;
      if (allowed[col[r]!] === 1) out[n++] = r;
    }
    return out.slice(0, n);
  }
  for (let i = from; i < to; i++) {
    const r = order[i]!;
    if (passes(c, flags, r)) out[n++] = r;
  }
  return out.slice(0, n);
}

/** A page of a time-ascending selection, in the asked order. */
export function page(rows: Uint32Array, desc: boolean, offset: number, limit: number): Uint32Array {
  const total = rows.length;
  const start = Math.max(0, Math.min(offset, total));
  const end = Math.max(start, Math.min(total, start + Math.max(0, limit)));
  if (!desc) return rows.slice(start, end);
  const out = new Uint32Array(end - start);
  for (let i = start; i < end; i++) out[i - start] = rows[total - 1 - i]!;
  return out;
}
