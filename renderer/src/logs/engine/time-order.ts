// The time-sorted permutation of rows. Each chunk is sorted on its own (files are
// usually already in time order, ascending or descending, so this is one pass); the
// runs are then concatenated when their ranges do not overlap, else merged with a heap.
// Rows without a time go last and are outside every time range.

export interface TimeRun {
  /** Rows with a time, ascending by time (ties keep row order). */
  rows: Uint32Array;
  /** Rows without a time. */
  untimed: Uint32Array;
}

export function sortRun(time: Float64Array, base: number, count: number): TimeRun {
  let timed = 0;
  let ascending = true;
  let descending = true;
  let prev = NaN;
  for (let i = base; i < base + count; i++) {
    const t = time[i]!;
    if (t !== t) continue;
    if (timed > 0) {
      if (t < prev) ascending = false;
      if (t > prev) descending = false;
    }
    prev = t;
    timed++;
  }
  const rows = new Uint32Array(timed);
  const untimed = new Uint32Array(count - timed);
  let a = 0;
  let u = 0;
  for (let i = base; i < base + count; i++) {
    if (time[i]! !== time[i]!) untimed[u++] = i;
    else rows[a++] = i;
  }
  if (ascending) return { rows, untimed };
  if (descending) {
    // Reverse, but keep equal times in row order (stable).
    rows.reverse();
    let i = 0;
    while (i < rows.length) {
      let j = i + 1;
      while (j < rows.length && time[rows[j]!] === time[rows[i]!]) j++;
      if (j - i > 1) rows.subarray(i, j).reverse();
      i = j;
    }
    return { rows, untimed };
  }
  const sorted = Array.from(rows).sort((x, y) => time[x]! - time[y]! || x - y);
  return { rows: Uint32Array.from(sorted), untimed };
}

/** Rows of all runs in time order; `timed` of them have a time. */
export function mergeRuns(time: Float64Array, runs: TimeRun[], total: number): { order: Uint32Array; timed: number } {
  const order = new Uint32Array(total);
  const live = runs.filter((r) => r.rows.length > 0);
  const timed = live.reduce((n, r) => n + r.rows.length, 0);
  // Non-overlapping runs (the common case: one or more files, each in order): concatenate.
  const byStart = [...live].sort((a, b) => time[a.rows[0]!]! - time[b.rows[0]!]!);
  let disjoint = true;
  for (let i = 1; i < byStart.length; i++) {
    const prevRun = byStart[i - 1]!.rows;
    if (time[prevRun[prevRun.length - 1]!]! > time[byStart[i]!.rows[0]!]!) disjoint = false;
  }
  let at = 0;
  if (disjoint) {
    for (const r of byStart) {
      order.set(r.rows, at);
      at += r.rows.length;
    }
  } else {
    at = heapMerge(time, live, order);
  }
  for (const r of runs) {
    order.set(r.untimed, at);
    at += r.untimed.length;
  }
  return { order, timed };
}

function heapMerge(time: Float64Array, runs: TimeRun[], out: Uint32Array): number {
  const k = runs.length;
  const pos = new Uint32Array(k);
  const heap: number[] = [];
  const key = (r: number) => time[runs[r]!.rows[pos[r]!]!]!;
  const less = (a: number, b: number) => {
    const d = key(a) - key(b);
    return d < 0 || (d === 0 && runs[a]!.rows[pos[a]!]! < runs[b]!.rows[pos[b]!]!);
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let r = 0; r < k; r++) heap.push(r);
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  let at = 0;
  while (heap.length > 0) {
    const r = heap[0]!;
    const run = runs[r]!.rows;
    out[at++] = run[pos[r]!]!;
    pos[r]!++;
    if (pos[r]! >= run.length) {
      heap[0] = heap[heap.length - 1]!;
      heap.pop();
    }
    if (heap.length > 0) down(0);
  }
  return at;
}

/** First index in order[0..timed) whose time is >= t. */
export function lowerBound(time: Float64Array, order: Uint32Array, timed: number, t: number): number {
  let lo = 0;
  let hi = timed;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[order[mid]!]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
