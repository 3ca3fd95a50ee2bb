// Performance marks the benchmark reads (test/bench/review). Cheap enough to keep
// on in normal use; old entries are cleared so a long session does not grow them.
//
// Each save measure carries its stages in `detail` (all performance.now() times),
// so the benchmark can say where a keystroke's time went:
//   input      the key/input event's timeStamp (when the browser received it)
//   changed    the edit reached the autosaver (handler done)
//   rendered   the first React commit of the desk after the change
//   writeStart the write was asked for (handed to the annotation writer worker)
//   putDone    the annotation put resolved inside the transaction
//   saved      the transaction committed (the measure's end: the change is on disk)
//   reported   this thread heard so (it waits for whatever the UI thread is doing)
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

export interface SaveStages {
  input: number | null;
  changed: number;
  rendered: number | null;
  writeStart: number | null;
  putDone: number | null;
  saved: number;
  reported: number;
}

const hasPerf = typeof performance !== 'undefined' && typeof performance.mark === 'function';

export function markOnce(name: string): void {
  if (!hasPerf) return;
  performance.clearMarks(name);
  performance.mark(name);
}

// The latest key/input event, so a change can be timed from when the user acted.
let inputAt: number | null = null;
let inputListening = false;

/** Starts noting key and input events (capture phase, passive; idempotent). */
export function listenForInput(): void {
  if (inputListening || typeof window === 'undefined') return;
  inputListening = true;
  const note = (e: Event) => {
    inputAt = e.timeStamp;
  };
  window.addEventListener('keydown', note, { capture: true, passive: true });
  window.addEventListener('input', note, { capture: true, passive: true });
}

/** The time of the event being handled, if a key or input event is being handled now. */
export function currentInputAt(): number | undefined {
  if (inputAt === null || typeof window === 'undefined') return undefined;
  const e = window.event;
  return e && (e.type === 'keydown' || e.type === 'input') && e.timeStamp === inputAt ? inputAt : undefined;
}

// Recent desk commits and write stages, looked up when a save resolves.
const commits: number[] = [];
export function noteCommit(): void {
  if (!hasPerf) return;
  commits.push(performance.now());
  if (commits.length > 64) commits.splice(0, commits.length - 64);
}

export interface WriteStages {
  writeStart: number | null;
  putDone: number | null;
}
export const lastWrite: WriteStages = { writeStart: null, putDone: null };

let measured = 0;

export function measureSaved(changes: SavedChange[], savedAt: number): void {
  if (!hasPerf) return;
  if (++measured % 2000 === 0) {
    performance.clearMeasures(MARK.keystrokeSaved);
    performance.clearMeasures(MARK.typingSaved);
  }
  for (const c of changes) {
    const detail: SaveStages = {
      input: c.input ?? null,
      changed: c.at,
      rendered: commits.find((t) => t >= c.at) ?? null,
      writeStart: lastWrite.writeStart,
      putDone: lastWrite.putDone,
      saved: savedAt,
      reported: performance.now(),
    };
    performance.measure(c.kind === 'immediate' ? MARK.keystrokeSaved : MARK.typingSaved, { start: c.input ?? c.at, end: savedAt, detail });
  }
}
