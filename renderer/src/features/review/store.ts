// UI state of the review feature (zustand). Durable work lives in Dexie; this is
// what is on screen right now. Actions that touch Dexie are in actions.ts.
import { create } from 'zustand';
import type { Annotation } from '../../../../shared/model/annotation.ts';
import type { Rubric } from '../../../../shared/model/rubric.ts';
import type { Transcript } from '../../../../shared/model/transcript.ts';
import type { QueueItem } from '../../db/rows.ts';
import type { SaveState } from './autosave.ts';
import { emptyFilter, type QueueFilter } from './queue-filter.ts';

export interface Desk {
  item: QueueItem;
  transcript: Transcript;
  rubric: Rubric;
  annotation: Annotation;
  /** Message index by id, for evidence jumps. */
  messageIndex: Map<string, number>;
}

export interface Notice {
  kind: 'info' | 'error';
  text: string;
  /** Distinguishes repeats of the same text (screen readers re-announce). */
  id: number;
}

export interface ReviewState {
  view: 'queue' | 'desk';
  annotatorId: string | null;
  desk: Desk | null;
  loading: boolean;
  loadError: string | null;
  /** Focused criterion index. */
  focused: number;
  /** The "current" message (J/K, keyboard selection). */
  currentMessage: number;
  selecting: boolean;
  activeEvidence: { criterionId: string; index: number } | null;
  /**
   * Open/closed state the user (or an evidence jump) chose, keyed `${msgId}|${path}`
   * plus "#tree" (JSON node) or "#more" (long child lists); absent means the default.
   */
  expanded: ReadonlyMap<string, boolean>;
  helpOpen: boolean;
  /** Mark unfinished criteria after a refused submit. */
  problemsShown: boolean;
  notice: Notice | null;
  saveState: SaveState;
  /** Asks the transcript list to scroll; nonce makes repeats count. */
  scrollRequest: { index: number; align: 'start' | 'center' | 'auto'; nonce: number } | null;
  /** Asks the focused criterion's rationale box to take focus. */
  rationaleRequest: number;
  queueFilter: QueueFilter;
  queueCursor: number;
  /** The queue as currently filtered (set by the queue view, read by keys). */
  queueList: readonly QueueItem[];
}

export const initialReviewState: ReviewState = {
  view: 'queue',
  annotatorId: null,
  desk: null,
  loading: false,
  loadError: null,
  focused: 0,
  currentMessage: 0,
  selecting: false,
  activeEvidence: null,
  expanded: new Map(),
  helpOpen: false,
  problemsShown: false,
  notice: null,
  saveState: 'saved',
  scrollRequest: null,
  rationaleRequest: 0,
  queueFilter: emptyFilter,
  queueCursor: 0,
  queueList: [],
};

export const useReview = create<ReviewState>(() => initialReviewState);

let noticeId = 0;
export function notify(kind: Notice['kind'], text: string): void {
  useReview.setState({ notice: { kind, text, id: ++noticeId } });
}

export function toggleKey(messageId: string, path: string): string {
  return `${messageId}|${path}`;
}

export function setExpanded(entries: readonly (readonly [string, boolean])[]): void {
  const next = new Map(useReview.getState().expanded);
  for (const [key, open] of entries) next.set(key, open);
  useReview.setState({ expanded: next });
}

/** Opens everything that could hide a path: its fold and every JSON node above it. */
export function revealPath(messageId: string, path: string): void {
  const parts = path.split('/');
  const keys: [string, boolean][] = [[toggleKey(messageId, path), true]];
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    keys.push([toggleKey(messageId, `${prefix}#tree`), true], [toggleKey(messageId, `${prefix}#more`), true]);
  }
  setExpanded(keys);
}

let nonce = 0;
export function requestScroll(index: number, align: 'start' | 'center' | 'auto'): void {
  useReview.setState({ scrollRequest: { index, align, nonce: ++nonce } });
}
