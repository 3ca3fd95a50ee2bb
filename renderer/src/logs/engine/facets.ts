// Facet counts with the usual faceted-search rule: a field's counts apply every filter
// except that field's own values (so the user sees what else they could add, OR-wise).
// One pass over the window's chunks in storage order: a row failing no test counts in
// every field; a row failing exactly one facet test counts only in that field.
import { facetFields, type FacetCount, type FacetField, type FacetOptions } from './contract.ts';
import { hasBit } from './bitset.ts';
import { windowRanges, type Compiled } from './query.ts';
import type { CodeColumn, EventStore, StoreColumn } from './store.ts';

export function countFacets(store: EventStore, c: Compiled, selected: Partial<Record<FacetField, string[]>>, options: FacetOptions = {}): Record<FacetField, FacetCount[]> {
  const fields = facetFields;
  const cols = fields.map((f) => store.cols[f as StoreColumn]);
  const counts = fields.map((f) => new Uint32Array(store.dicts[f as StoreColumn].size));
  const fieldIndex = new Map<FacetField, number>(fields.map((f, i) => [f, i]));
  const testField = c.facets.map((t) => fieldIndex.get(t.field)!);
  tally(store, c, cols, counts, testField);
  const limit = options.limit ?? 500;
  const out = {} as Record<FacetField, FacetCount[]>;
  fields.forEach((field, i) => {
    const dict = store.dicts[field as StoreColumn];
    const ct = counts[i]!;
    const list: FacetCount[] = [];
    for (let code = 0; code < ct.length; code++) if (ct[code]! > 0) list.push({ value: dict.value(code), count: ct[code]! });
    list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    const kept = list.slice(0, limit);
    for (const v of selected[field] ?? []) if (!kept.some((k) => k.value === v)) kept.push({ value: v, count: ct[dict.find(v)] ?? 0 });
    out[field] = kept;
  });
  return out;
}

function tally(store: EventStore, c: Compiled, cols: CodeColumn[], counts: Uint32Array[], testField: number[]): void {
  const { facets, bits, flagMask } = c;
  const { time, flags } = store;
  const nf = cols.length;
  const nt = facets.length;
  const lo = c.timeFrom ?? -Infinity;
  const hi = c.timeTo ?? Infinity;
  // Rows in storage order, chunk by chunk: sequential reads of every column.
  for (const { from, to, inside } of windowRanges(store, c)) {
    for (let r = from; r < to; r++) {
      if (!inside) {
        const t = time[r]!;
        if (!(t >= lo && t < hi)) continue;
      }
      let ok = true;
      for (let j = 0; j < bits.length; j++) {
        if (!hasBit(bits[j]!, r)) {
          ok = false;
          break;
        }
      }
      if (!ok || (flagMask !== 0 && (flags[r]! & flagMask) !== flagMask)) continue;
      let failed = -1;
      for (let j = 0; j < nt; j++) {
        const t = facets[j]!;
        if (t.allowed[t.col[r]!] !== 1) {
          if (failed >= 0) {
            failed = -2;
            break;
          }
          failed = j;
        }
      }
      if (failed === -1) {
        for (let f = 0; f < nf; f++) counts[f]![cols[f]![r]!]!++;
      } else if (failed >= 0) {
        const f = testField[failed]!;
        counts[f]![cols[f]![r]!]!++;
      }
    }
  }
}
