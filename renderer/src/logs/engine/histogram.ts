// Time histogram of a selection, split by decision. Buckets are equal slices of the
// filter's window (or of the selection's own span when the filter has no bounds).
import type { HistogramBucket } from './contract.ts';
import type { Selection } from './query.ts';
import type { EventStore } from './store.ts';

/** Calls `visit(row)` for every selected row, in storage order. */
function eachSelected(sel: Selection, visit: (row: number) => void): void {
  if (!sel.bits) {
    for (let i = sel.from; i < sel.to; i++) visit(sel.order[i]!);
    return;
  }
  const bits = sel.bits;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    while (word !== 0) {
      const low = word & -word;
      visit((w << 5) + 31 - Math.clz32(low));
      word ^= low;
    }
  }
}

export function histogram(store: EventStore, sel: Selection, buckets: number, from?: number, to?: number): HistogramBucket[] {
  const n = Math.max(1, Math.min(10_000, Math.floor(buckets)));
  const time = store.time;
  let start = from;
  let endInclusive = to;
  if (start === undefined || endInclusive === undefined) {
    let min = Infinity;
    let max = -Infinity;
    eachSelected(sel, (r) => {
      const t = time[r]!;
      if (t < min) min = t;
      if (t > max) max = t;
    });
    if (min === Infinity) return [];
    start ??= min;
    endInclusive ??= max + 1;
  }
  const span = Math.max(1, endInclusive - start);
  const width = span / n;
  const decisions = store.dicts.decision;
  // Decision code → class index: 0 allow, 1 deny, 2 challenge, 3 other.
  const klass = new Uint8Array(decisions.size).fill(3);
  for (let code = 0; code < decisions.size; code++) {
    const v = decisions.value(code);
    if (v === 'allow') klass[code] = 0;
    else if (v === 'deny') klass[code] = 1;
    else if (v === 'challenge') klass[code] = 2;
  }
  const counts = new Uint32Array(n * 4);
  const col = store.cols.decision;
  const lo = start;
  eachSelected(sel, (r) => {
    const t = time[r]!;
    if (!(t >= lo && t < lo + span)) return;
    const b = Math.min(n - 1, Math.floor((t - lo) / width));
    counts[b * 4 + klass[col[r]!]!]!++;
  });
  const out: HistogramBucket[] = [];
  for (let b = 0; b < n; b++) {
    out.push({
      start: Math.round(start + b * width),
      end: Math.round(b === n - 1 ? start + span : start + (b + 1) * width),
      allow: counts[b * 4]!,
      deny: counts[b * 4 + 1]!,
      challenge: counts[b * 4 + 2]!,
      other: counts[b * 4 + 3]!,
    });
  }
  return out;
}
