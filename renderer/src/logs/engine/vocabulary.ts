// The text index's distinct repeated values (lower-cased), and which of them contain a term.
// Values are sealed in segments of 65,536 joined by NUL into one string, so a term is found
// with indexOf over the segment (V8's string search) instead of one `includes` per value:
// at 10M events the vocabulary holds millions of values, and a call per value per term was
// most of a search. A term never holds NUL (search-terms.ts), so no match spans two values.
import { ownCopy } from './dictionary.ts';

interface Segment {
  text: string;
  /** starts[i]: where value i of the segment begins in `text`; one more entry at the end. */
  starts: Uint32Array;
}

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly segments: Segment[] = [];
  /** Values not sealed in a segment yet (fewer than a segment's worth). */
  private open: string[] = [];

  constructor(private readonly segment = 1 << 16) {}

  get size(): number {
    return this.segments.length * this.segment + this.open.length;
  }

  /** The id of a (lower-cased) value, added if new. */
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.size;
      const own = ownCopy(value);
      this.ids.set(own, id);
      this.open.push(own);
      if (this.open.length === this.segment) this.seal();
    }
    return id;
  }

  private seal(): void {
    const starts = new Uint32Array(this.open.length + 1);
    let at = 0;
    this.open.forEach((v, i) => {
      starts[i] = at;
      at += v.length + 1;
    });
    starts[this.open.length] = at;
    this.segments.push({ text: `${this.open.join('\0')}\0`, starts });
    this.open = [];
  }

  /** 1 at the id of each value containing `term`; null when none does. */
  containing(term: string): Uint8Array | null {
    let marked: Uint8Array | null = null;
    const mark = (id: number) => {
      marked ??= new Uint8Array(this.size);
      marked[id] = 1;
    };
    this.segments.forEach((seg, s) => {
      let at = seg.text.indexOf(term);
      while (at >= 0) {
        const i = upperBound(seg.starts, at) - 1;
        mark(s * this.segment + i);
        at = seg.text.indexOf(term, seg.starts[i + 1]!);
      }
    });
    const base = this.segments.length * this.segment;
    this.open.forEach((v, i) => {
      if (v.includes(term)) mark(base + i);
    });
    return marked;
  }
}

/** First index whose start is > at. */
function upperBound(starts: Uint32Array, at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
