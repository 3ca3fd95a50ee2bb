// The annotation write: the one place an annotation and its queue row change together.
// It runs in the annotation writer worker (workers/annotation-writer.worker.ts), so a
// long render on the UI thread cannot hold back the moment a change is on disk, and on
// the UI thread where there is no worker (Node tests).
import type { Annotation } from '../../../shared/model/annotation.ts';
import { scoreRubric } from '../../../shared/rubric/score.ts';
import type { CustodyDb } from './database.ts';
import type { QueueItem } from './rows.ts';

export interface SaveOptions {
  /**
   * The queue row's status as last written, when the caller knows it. If it equals
   * the annotation's, the row is left alone: one put instead of a put plus a
   * read-modify-write of the queue row.
   */
  queueStatus?: QueueItem['status'];
  /** Called when the annotation put resolved (before the transaction completes). */
  onPut?: () => void;
}

/**
 * Annotation and queue status change together or not at all. A submitted annotation
 * also leaves its score on the queue item, so the queue shows it without a join.
 */
export async function saveAnnotation(database: CustodyDb, annotation: Annotation, options: SaveOptions = {}): Promise<void> {
  const { queueStatus, onPut } = options;
  if (annotation.status !== 'submitted') {
    if (queueStatus === annotation.status) {
      await database.annotations.put(annotation);
      onPut?.();
      return;
    }
    await database.transaction('rw', [database.annotations, database.queue], async () => {
      await database.annotations.put(annotation);
      onPut?.();
      await database.queue.update(annotation.id, { status: annotation.status });
    });
    return;
  }
  await database.transaction('rw', [database.annotations, database.queue, database.rubrics], async () => {
    await database.annotations.put(annotation);
    onPut?.();
    const rubric = await database.rubrics.get(annotation.rubricHash);
    await database.queue.update(annotation.id, { status: annotation.status, score: rubric ? scoreRubric(rubric, annotation.criteria).score : null });
  });
}
