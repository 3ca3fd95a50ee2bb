// Review lifecycle: open a queue item, save every change, submit, reopen, move on.
import type { Annotation } from '../../../../shared/model/annotation.ts';
import { db } from '../../db/database.ts';
import type { QueueItem } from '../../db/rows.ts';
import {
  describeSubmitProblems,
  freshAnnotation,
  reopenAnnotation,
  submitAnnotation,
  submitProblems,
} from './annotation-logic.ts';
import { ActivityClock } from './activity.ts';
import { Autosaver, type ChangeKind } from './autosave.ts';
import { currentInputAt, lastWrite, MARK, markOnce, measureSaved } from './perf.ts';
import { warmAnnotationWriter, writeAnnotation } from './annotation-writer.ts';
import { findNextUndone, loadDesk, setSkipped, writeSession } from './review-data.ts';
import { notify, requestScroll, useReview } from './store.ts';

let saver: Autosaver<Annotation> | null = null;
export const activity = new ActivityClock();
let openToken = 0;

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// The open item's queue status as last written: while it does not change, a save is a
// single put of the annotation. Undefined when unknown (after a failed save, or a skip
// written outside the saver): the next save writes it again.
let queueStatus: QueueItem['status'] | undefined;

function makeSaver(item: QueueItem): Autosaver<Annotation> {
  queueStatus = item.status;
  const write = async (a: Annotation) => {
    lastWrite.writeStart = performance.now();
    lastWrite.putDone = null;
    try {
      const { putAt, savedAt } = await writeAnnotation(a, queueStatus);
      lastWrite.putDone = putAt;
      queueStatus = a.status;
      return savedAt;
    } catch (error) {
      queueStatus = undefined; // unknown now: the next save writes it again
      throw error;
    }
  };
  return new Autosaver<Annotation>(write, {
    delayMs: 250,
    onState: (saveState) => useReview.setState({ saveState }),
    onSaved: measureSaved,
    onError: (e) => notify('error', `Not saved yet (${errorText(e)}); retrying.`),
  });
}

/** Resolves once every change so far is in Dexie. */
export async function flushSaves(): Promise<void> {
  await saver?.flush();
}

/** Replace the annotation on screen and queue it for saving. */
export function commit(next: Annotation, kind: ChangeKind): void {
  const { desk } = useReview.getState();
  if (!desk || !saver) return;
  const annotation = { ...next, timeSpentMs: next.timeSpentMs + activity.take() };
  // An edit resumes a skipped item: saving writes the annotation's status to the queue.
  const item = desk.item.status === 'skipped' ? { ...desk.item, status: annotation.status } : desk.item;
  useReview.setState({ desk: { ...desk, annotation, item } });
  saver.change(annotation, kind, currentInputAt());
}

let sessionTimer: ReturnType<typeof setTimeout> | null = null;

/** Remember where the expert is (debounced: holding j should not hammer the disk). */
export function persistSession(immediate = false): Promise<void> {
  if (sessionTimer) clearTimeout(sessionTimer);
  sessionTimer = null;
  const write = () => {
    const { desk, focused, currentMessage, view } = useReview.getState();
    return writeSession(db(), {
      queueItemId: view === 'desk' && desk ? desk.item.id : null,
      criterionId: desk?.rubric.criteria[focused]?.id ?? null,
      messageIndex: currentMessage,
    });
  };
  if (immediate) return write();
  sessionTimer = setTimeout(() => void write(), 300);
  return Promise.resolve();
}

/**
 * Where each transcript was left in this session (current message by queue item), so
 * reopening one returns to it; a reload restores the open one from `review.session`.
 */
const lastMessage = new Map<string, number>();

function rememberPosition(): void {
  const { desk, currentMessage } = useReview.getState();
  if (desk) lastMessage.set(desk.item.id, currentMessage);
}

/** Where a transcript opens: the restore point, else where it was left, else its start. */
export function openingMessage(queueItemId: string, messageCount: number, restore?: Pick<RestorePoint, 'messageIndex'>): number {
  const wanted = restore?.messageIndex ?? lastMessage.get(queueItemId) ?? 0;
  return Math.max(0, Math.min(wanted, messageCount - 1));
}

export interface RestorePoint {
  criterionId: string | null;
  messageIndex: number;
}

export async function openItem(queueItemId: string, restore?: RestorePoint): Promise<void> {
  markOnce(MARK.reviewOpen);
  warmAnnotationWriter();
  const token = ++openToken;
  await flushSaves();
  rememberPosition();
  // A scroll asked of the previous transcript must not move the next one.
  useReview.setState({ view: 'desk', loading: true, loadError: null, selecting: false, helpOpen: false, scrollRequest: null });
  try {
    const data = await loadDesk(db(), queueItemId);
    if (token !== openToken) return;
    const annotation = data.annotation ?? freshAnnotation(data.item, new Date().toISOString());
    const { criteria } = data.rubric;
    let focused = restore?.criterionId ? criteria.findIndex((c) => c.id === restore.criterionId) : -1;
    if (focused < 0) focused = Math.max(0, criteria.findIndex((c) => !annotation.criteria[c.id]?.value));
    const currentMessage = openingMessage(queueItemId, data.transcript.messages.length, restore);
    saver = makeSaver(data.item);
    activity.take();
    activity.poke();
    useReview.setState({
      desk: { ...data, annotation, messageIndex: new Map(data.transcript.messages.map((m, i) => [m.id, i])) },
      loading: false,
      focused,
      currentMessage,
      activeEvidence: null,
      expanded: new Map(),
      problemsShown: false,
      saveState: 'saved',
      scrollRequest: null,
    });
    if (currentMessage > 0) requestScroll(currentMessage, 'start');
    await persistSession(true);
  } catch (e) {
    if (token !== openToken) return;
    useReview.setState({ loading: false, desk: null, loadError: errorText(e) });
  }
}

export async function closeDesk(): Promise<void> {
  await flushSaves();
  rememberPosition();
  const { desk, queueList } = useReview.getState();
  const at = desk ? queueList.findIndex((i) => i.id === desk.item.id) : -1;
  useReview.setState({ view: 'queue', desk: null, selecting: false, loadError: null, scrollRequest: null, ...(at >= 0 ? { queueCursor: at } : {}) });
  await persistSession(true);
}

/** Opens the next item that is not submitted; from the desk, the one after the current. */
export async function goNextUndone(): Promise<void> {
  const { desk, annotatorId } = useReview.getState();
  await flushSaves();
  const owner = desk?.item.annotatorId ?? annotatorId;
  if (!owner) return;
  const next = await findNextUndone(db(), owner, desk ? desk.item.order : -Infinity, desk?.item.id);
  if (next) await openItem(next.id);
  else {
    await closeDesk();
    notify('info', 'Nothing left to review: every item in your queue is submitted.');
  }
}

export async function submitAndNext(): Promise<void> {
  const { desk } = useReview.getState();
  if (!desk) return;
  if (desk.annotation.status !== 'submitted') {
    const problems = submitProblems(desk.rubric, desk.annotation);
    if (problems.length) {
      const first = desk.rubric.criteria.findIndex((c) => c.id === problems[0]!.criterionId);
      useReview.setState({ focused: Math.max(0, first), problemsShown: true });
      notify('error', `Not submitted: ${describeSubmitProblems(problems)}.`);
      return;
    }
    commit(submitAnnotation(desk.annotation, desk.rubric, new Date().toISOString()), 'immediate');
    await flushSaves();
    if (useReview.getState().saveState === 'error') return;
    notify('info', `Submitted “${desk.item.title}”.`);
  }
  await goNextUndone();
}

export function reopen(): void {
  const { desk } = useReview.getState();
  if (!desk || desk.annotation.status !== 'submitted') return;
  const next = reopenAnnotation(desk.annotation, desk.rubric, new Date().toISOString());
  commit(next, 'immediate');
  notify('info', `Reopened as revision ${next.revision}; the submitted revision is kept in history.`);
}

/**
 * Sets the open item aside (nothing to grade, say) and opens the next undone one; on a
 * skipped item, takes it back. Work already typed stays in its draft; a submitted review
 * is never skipped.
 */
export async function toggleSkip(): Promise<void> {
  const { desk } = useReview.getState();
  if (!desk) return;
  if (desk.annotation.status === 'submitted') {
    notify('info', 'A submitted review cannot be skipped. Press o to reopen it.');
    return;
  }
  await flushSaves();
  queueStatus = undefined; // written here, not by the saver
  if (desk.item.status === 'skipped') {
    const status = await setSkipped(db(), desk.item.id, false);
    const now = useReview.getState().desk;
    if (status && now?.item.id === desk.item.id) useReview.setState({ desk: { ...now, item: { ...now.item, status } } });
    notify('info', `“${desk.item.title}” is back in the queue to review.`);
    return;
  }
  await setSkipped(db(), desk.item.id, true);
  notify('info', `Skipped “${desk.item.title}”; it stays in the queue under Skipped (g s there again to take it back).`);
  await goNextUndone();
}
