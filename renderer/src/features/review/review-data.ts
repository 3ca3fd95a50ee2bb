// Everything the review desk reads from and writes to Dexie, but the annotation write
// itself (db/annotation-writes.ts). The queue list only ever touches the `queue` table
// (by the annotatorId index); transcript bodies are loaded one at a time when a review opens.
import type { Annotation } from '../../../../shared/model/annotation.ts';
import type { Rubric } from '../../../../shared/model/rubric.ts';
import type { Transcript } from '../../../../shared/model/transcript.ts';
import type { CustodyDb } from '../../db/database.ts';
import type { QueueItem } from '../../db/rows.ts';

export async function loadQueue(database: CustodyDb, annotatorId: string): Promise<QueueItem[]> {
  const items = await database.queue.where('annotatorId').equals(annotatorId).toArray();
  return items.sort((a, b) => a.order - b.order);
}

/** Rubric titles for the queue rows, keyed by hash (rubrics are few and small). */
export async function loadRubricTitles(database: CustodyDb): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  await database.rubrics.each((r) => titles.set(r.hash, `${r.title} v${r.version}`));
  return titles;
}

export interface DeskData {
  item: QueueItem;
  transcript: Transcript;
  rubric: Rubric;
  /** Null until the first change is saved (the item is still "todo"). */
  annotation: Annotation | null;
}

export async function loadDesk(database: CustodyDb, queueItemId: string): Promise<DeskData> {
  return database.transaction('r', [database.queue, database.transcriptBodies, database.rubrics, database.annotations], async () => {
    const item = await database.queue.get(queueItemId);
    if (!item) throw new Error(`queue item ${queueItemId} not found`);
    const [body, rubric, annotation] = await Promise.all([
      database.transcriptBodies.get(item.transcriptId),
      database.rubrics.get(item.rubricHash),
      database.annotations.get(item.id),
    ]);
    if (!body) throw new Error(`transcript ${item.transcriptId} is not in the library`);
    if (!rubric) throw new Error(`rubric ${item.rubricHash} is not in the library`);
    return { item, transcript: body.transcript, rubric, annotation: annotation ?? null };
  });
}

/** Sets an item aside without a review; any later edit makes it a draft again. Never touches a submitted one. */
export async function setSkipped(database: CustodyDb, queueItemId: string, skipped: boolean): Promise<QueueItem['status'] | undefined> {
  return database.transaction('rw', [database.queue, database.annotations], async () => {
    const item = await database.queue.get(queueItemId);
    if (!item || item.status === 'submitted') return item?.status;
    const status = skipped ? 'skipped' : (await database.annotations.get(queueItemId)) ? 'draft' : 'todo';
    await database.queue.update(queueItemId, { status });
    return status;
  });
}

/**
 * First not-submitted item after `afterOrder` (wrapping), walking the order index
 * with a cursor so a long queue stops at the first hit instead of loading it all.
 */
export async function findNextUndone(
  database: CustodyDb,
  annotatorId: string,
  afterOrder: number,
  excludeId?: string,
): Promise<QueueItem | undefined> {
  const undone = (i: QueueItem) => i.annotatorId === annotatorId && (i.status === 'todo' || i.status === 'draft') && i.id !== excludeId;
  return (
    (await database.queue.where('order').above(afterOrder).filter(undone).first()) ??
    (await database.queue.orderBy('order').filter(undone).first())
  );
}

/** Where the expert was, so a reload (or a crash) reopens the same review and criterion. */
export interface ReviewSession {
  queueItemId: string | null;
  criterionId: string | null;
  messageIndex: number;
}

// Kept as a plain settings row owned by the review feature.
const sessionKey = 'review.session';

export async function readSession(database: CustodyDb): Promise<ReviewSession | undefined> {
  return (await database.settings.get(sessionKey))?.value as ReviewSession | undefined;
}

export async function writeSession(database: CustodyDb, session: ReviewSession): Promise<void> {
  await database.settings.put({ key: sessionKey, value: session });
}
