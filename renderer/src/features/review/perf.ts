// Performance marks the benchmark reads (test/bench/review). Cheap enough to keep
// on in normal use; old entries are cleared so a long session does not grow them.
import type { SavedChange } from './autosave.ts';

export const MARK = {
  reviewOpen: 'custody:review-open',
  reviewPainted: 'custody:review-painted',
  queueOpen: 'custody:queue-open',
  queuePainted: 'custody:queue-painted',
  /** Measure: a value keystroke (m/n/a/digit) until its Dexie write resolved. */
  keystrokeSaved: 'custody:keystroke-saved',
  /** Measure: a typed character until its (batched) Dexie write resolved. */
  typingSaved: 'custody:typing-saved',
} as const;

const hasPerf = typeof performance !== 'undefined' && typeof performance.mark === 'function';

export function markOnce(name: string): void {
  if (!hasPerf) return;
  performance.clearMarks(name);
  performance.mark(name);
}

let measured = 0;

export function measureSaved(changes: SavedChange[], savedAt: number): void {
  if (!hasPerf) return;
  if (++measured % 2000 === 0) {
    performance.clearMeasures(MARK.keystrokeSaved);
    performance.clearMeasures(MARK.typingSaved);
  }
  for (const c of changes) {
    performance.measure(c.kind === 'immediate' ? MARK.keystrokeSaved : MARK.typingSaved, { start: c.at, end: savedAt });
  }
}
