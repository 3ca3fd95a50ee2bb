// The desk's persistence end to end against IndexedDB (fake-indexeddb): autosave,
// queue status kept in step, submit → next undone, reopen → new revision, and a
// "reload" that restores the open review and focused criterion.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDatabase, type CustodyDb } from '../../../renderer/src/db/database.ts';
import type { QueueItem } from '../../../renderer/src/db/rows.ts';
import { closeDesk, flushSaves, goNextUndone, openItem, reopen, submitAndNext, toggleSkip } from '../../../renderer/src/features/review/actions.ts';
import { focusCriterion, markKey, pickChoice, typeRationale } from '../../../renderer/src/features/review/edit-actions.ts';
import { readSession } from '../../../renderer/src/features/review/review-data.ts';
import { saveAnnotation } from '../../../renderer/src/db/annotation-writes.ts';
import { initialReviewState, requestScroll, useReview } from '../../../renderer/src/features/review/store.ts';
import { persistSession } from '../../../renderer/src/features/review/actions.ts';
import { seedDb } from './seed.ts';

let database: CustodyDb;
let items: QueueItem[];
let n = 0;

beforeEach(async () => {
  ({ database, items } = await seedDb(`review-session-${++n}`));
  useDatabase(database);
  useReview.setState({ ...initialReviewState, annotatorId: 'ann-1' });
});

afterEach(async () => {
  await flushSaves();
  database.close();
});

const state = () => useReview.getState();
const queueStatus = async (id: string) => (await database.queue.get(id))?.status;

describe('review desk persistence', () => {
  it('opens a todo item without writing anything, then saves the first mark with the queue status', async () => {
    await openItem(items[0]!.id);
    expect(state().desk?.transcript.id).toBe('t0');
    expect(await database.annotations.count()).toBe(0);
    expect(await queueStatus(items[0]!.id)).toBe('todo');

    markKey('met');
    await flushSaves();
    const row = await database.annotations.get(items[0]!.id);
    expect(row?.criteria.c1?.value).toEqual({ kind: 'met' });
    expect(row?.status).toBe('draft');
    expect(await queueStatus(items[0]!.id)).toBe('draft');
    expect(state().saveState).toBe('saved');
  });

  it('keeps the queue status in step when a save fails and is retried', async () => {
    await openItem(items[0]!.id);
    const spy = vi.spyOn(database.queue, 'update').mockRejectedValueOnce(new Error('disk hiccup'));
    markKey('met');
    await flushSaves();
    expect(state().saveState).toBe('error');
    expect(await database.annotations.get(items[0]!.id)).toBeUndefined();
    spy.mockRestore();
    focusCriterion(1);
    markKey('not_met');
    await flushSaves();
    const row = await database.annotations.get(items[0]!.id);
    expect(row?.criteria.c1?.value).toEqual({ kind: 'met' });
    expect(row?.criteria.c2?.value).toEqual({ kind: 'not_met' });
    expect(await queueStatus(items[0]!.id)).toBe('draft');
  });

  it('later saves leave the queue row alone until the status changes', async () => {
    await openItem(items[0]!.id);
    markKey('met');
    await flushSaves();
    expect(await queueStatus(items[0]!.id)).toBe('draft');
    const spy = vi.spyOn(database.queue, 'update');
    focusCriterion(1);
    markKey('not_met');
    typeRationale('c2', 'Two saves, one status.');
    await flushSaves();
    expect(spy).not.toHaveBeenCalled();
    expect((await database.annotations.get(items[0]!.id))?.criteria.c2?.rationale).toBe('Two saves, one status.');
    spy.mockRestore();
  });

  it("opens each transcript at its own start or where it was left, never at the previous one's scroll", async () => {
    ({ database, items } = await seedDb(`review-session-long-${n}`, 3));
    useDatabase(database);
    await openItem(items[0]!.id);
    useReview.setState({ currentMessage: 2 });
    requestScroll(2, 'start'); // what J/K leave behind
    await openItem(items[1]!.id);
    expect(state().currentMessage).toBe(0);
    expect(state().scrollRequest).toBeNull();
    await closeDesk();
    await openItem(items[0]!.id);
    expect(state().currentMessage).toBe(2);
    expect(state().scrollRequest).toMatchObject({ index: 2, align: 'start' });
  });

  it('saves typing within the debounce, without waiting for a blur', async () => {
    await openItem(items[0]!.id);
    focusCriterion(1);
    typeRationale('c2', 'N');
    typeRationale('c2', 'No');
    typeRationale('c2', 'No dose');
    await new Promise((r) => setTimeout(r, 400));
    expect((await database.annotations.get(items[0]!.id))?.criteria.c2?.rationale).toBe('No dose');
  });

  it('refuses an incomplete submit and focuses the first problem', async () => {
    await openItem(items[0]!.id);
    markKey('met');
    await submitAndNext();
    await flushSaves();
    expect(state().focused).toBe(1);
    expect(state().notice?.kind).toBe('error');
    expect(state().notice?.text).toBe('Not submitted: criteria 2 and 3 are not marked.');
    expect(await queueStatus(items[0]!.id)).toBe('draft');
  });

  it('submits and moves to the next undone item; reopening makes revision 2 with history', async () => {
    await openItem(items[0]!.id);
    markKey('met');
    focusCriterion(1);
    markKey('not_met');
    typeRationale('c2', 'Asked for weight first.');
    focusCriterion(2);
    markKey('met'); // ordinal: refused with a hint, nothing changes
    expect(state().desk!.annotation.criteria.c3).toBeUndefined();
    pickChoice(2);
    await submitAndNext();

    const saved = await database.annotations.get(items[0]!.id);
    expect(saved).toMatchObject({ status: 'submitted', revision: 1 });
    expect(saved?.submittedAt).toBeTruthy();
    expect(await queueStatus(items[0]!.id)).toBe('submitted');
    // The queue row carries the submitted score: c1 met (5), c2 penalty not met, c3 top level (2): 7 of 7.
    expect((await database.queue.get(items[0]!.id))?.score).toBe(1);
    expect(state().desk?.item.id).toBe(items[1]!.id);

    await openItem(items[0]!.id);
    markKey('not_met'); // read-only while submitted
    expect(state().desk!.annotation.criteria.c1?.value).toEqual({ kind: 'met' });
    reopen();
    await flushSaves();
    const reopened = await database.annotations.get(items[0]!.id);
    expect(reopened).toMatchObject({ status: 'draft', revision: 2 });
    expect(reopened?.history).toHaveLength(1);
    expect(reopened?.history[0]).toMatchObject({ revision: 1, score: 1 });
    expect(await queueStatus(items[0]!.id)).toBe('draft');
  });

  it('next undone skips submitted items and wraps; with nothing left it returns to the queue', async () => {
    await database.queue.update(items[1]!.id, { status: 'submitted' });
    await openItem(items[0]!.id);
    await goNextUndone();
    expect(state().desk?.item.id).toBe(items[2]!.id);
    await goNextUndone();
    expect(state().desk?.item.id).toBe(items[0]!.id); // wrapped
    await database.queue.toCollection().modify({ status: 'submitted' });
    await goNextUndone();
    expect(state().view).toBe('queue');
    expect(state().notice?.text).toMatch(/Nothing left/);
  });

  it('skips an item (kept out of next undone), and any edit or g s again takes it back', async () => {
    await openItem(items[0]!.id);
    await toggleSkip();
    expect(await queueStatus(items[0]!.id)).toBe('skipped');
    expect(state().desk?.item.id).toBe(items[1]!.id);
    await goNextUndone();
    await goNextUndone();
    expect(state().desk?.item.id).toBe(items[1]!.id); // 1 → 2 → wraps past the skipped 0
    // Back to the skipped one: g s takes it back as todo (nothing was written).
    await openItem(items[0]!.id);
    expect(state().desk?.item.status).toBe('skipped');
    await toggleSkip();
    expect(await queueStatus(items[0]!.id)).toBe('todo');
    expect(state().desk?.item.status).toBe('todo');
    // Skipped again, then edited: the edit makes it a draft, nothing typed is lost.
    await toggleSkip();
    await openItem(items[0]!.id);
    markKey('met');
    await flushSaves();
    expect(await queueStatus(items[0]!.id)).toBe('draft');
    expect(state().desk?.item.status).toBe('draft');
  });

  it('restores the open review and focused criterion after a reload', async () => {
    await openItem(items[2]!.id);
    markKey('met');
    focusCriterion(2);
    await persistSession(true);
    await flushSaves();

    // "Reload": the UI state is gone; only Dexie remains.
    useReview.setState({ ...initialReviewState, annotatorId: 'ann-1' });
    const session = await readSession(database);
    expect(session).toMatchObject({ queueItemId: items[2]!.id, criterionId: 'c3' });
    await openItem(session!.queueItemId!, session);
    expect(state().focused).toBe(2);
    expect(state().desk?.annotation.criteria.c1?.value).toEqual({ kind: 'met' });
  });

  it('writes annotation and queue status in one transaction: a failed status update saves neither', async () => {
    const spy = vi.spyOn(database.queue, 'update').mockRejectedValueOnce(new Error('boom'));
    const annotation = {
      id: items[0]!.id,
      transcriptId: 't0',
      rubricHash: items[0]!.rubricHash,
      annotatorId: 'ann-1',
      status: 'draft' as const,
      revision: 1,
      criteria: { c1: { value: { kind: 'met' as const }, rationale: '', evidence: [] } },
      timeSpentMs: 0,
      createdAt: 'x',
      updatedAt: 'x',
      history: [],
    };
    await expect(saveAnnotation(database, annotation)).rejects.toThrow('boom');
    expect(await database.annotations.get(items[0]!.id)).toBeUndefined();
    spy.mockRestore();
    await saveAnnotation(database, annotation);
    expect(await database.annotations.get(items[0]!.id)).toBeTruthy();
    expect(await queueStatus(items[0]!.id)).toBe('draft');
  });
});
