// Time histogram of a selection, split by decision. Buckets are equal slices of the
// filter's window (or of the selection's own span when the filter has no bounds).
import type { HistogramBucket } from './contract.ts';
import type { EventStore } from './store.ts';

export function histogram(store: EventStore, rows: Uint32Array, buckets: number, from?: number, to?: number): HistogramBucket[] {
  const n = Math.max(1, Math.min(10_000, Math.floor(buckets)));
  const time = store.time;
  // rows are time-ascending; untimed rows (NaN) sit at the end.
  let timed = rows.length;
  while (timed > 0 && time[rows[timed - 1]!] !== time[rows[timed - 1]!]) timed--;
  if (timed === 0 && (from === undefined || to === undefined)) return [];
  const start = from ?? time[rows[0]!]!;
  const endInclusive = to ?? time[rows[timed - 1]!]! + 1;
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
  for (let i = 0; i < timed; i++) {
    const r = rows[i]!;
    const t = time[r]!;
    if (t < start || t >= start + span) continue;
    const b = Math.min(n - 1, Math.floor((t - start) / width));
    counts[b * 4 + klass[col[r]!]!]!++;
  }
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
