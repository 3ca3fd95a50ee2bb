// Binding transcripts to a rubric after import, in bulk (a whole source at a time): the
// expert's choice, never a default they did not see. Work already begun is never moved
// or dropped: a draft or submitted review stays on its rubric.
import { annotationId } from '../../../../shared/model/annotation.ts';
import { plural } from '../../common/format.ts';
import { db as appDb, type CustodyDb } from '../../db/database.ts';
import type { QueueItem, RubricRow } from '../../db/rows.ts';
import { getAnnotator } from '../../db/settings.ts';

export interface BindResult {
  /** Transcripts newly queued against the rubric (they had no queue item before). */
  queued: number;
  /** Untouched items moved from another rubric onto this one. */
  moved: number;
  /** Already queued against this rubric: nothing to do. */
  already: number;
  /** Items with work on another rubric, left where they are (the transcript is queued here too). */
  kept: number;
  /** Untouched items taken out of the queue ("choose later"). */
  unqueued: number;
}

const untouched = (q: QueueItem, annotated: Set<string>) => q.status === 'todo' && !annotated.has(q.id);

/**
 * Queues every transcript of `sourceId` against `rubricHash` for this desk's annotator, or
 * with null takes their untouched items out of the queue so they wait for a choice.
 */
export async function bindSource(sourceId: string, rubricHash: string | null, database: CustodyDb = appDb()): Promise<BindResult> {
  const annotator = await getAnnotator(database);
  return database.transaction('rw', [database.transcripts, database.queue, database.annotations, database.rubrics], async () => {
    if (rubricHash && !(await database.rubrics.get(rubricHash))) throw new Error('That rubric is no longer in the library.');
    const transcripts = await database.transcripts.where('sourceId').equals(sourceId).sortBy('importedAt');
    const ids = transcripts.map((t) => t.id);
    const items = (await database.queue.where('transcriptId').anyOf(ids).toArray()).filter((q) => q.annotatorId === annotator.id);
    const annotated = new Set((await database.annotations.bulkGet(items.map((q) => q.id))).flatMap((a) => (a ? [a.id] : [])));
    const byTranscript = new Map<string, QueueItem[]>();
    for (const q of items) byTranscript.set(q.transcriptId, [...(byTranscript.get(q.transcriptId) ?? []), q]);

    const result: BindResult = { queued: 0, moved: 0, already: 0, kept: 0, unqueued: 0 };
    const remove: string[] = [];
    const add: QueueItem[] = [];
    let order = (await database.queue.orderBy('order').last())?.order ?? 0;

    for (const t of transcripts) {
      const mine = (byTranscript.get(t.id) ?? []).sort((a, b) => a.order - b.order);
      const loose = mine.filter((q) => q.rubricHash !== rubricHash && untouched(q, annotated));
      result.kept += mine.filter((q) => q.rubricHash !== rubricHash && !untouched(q, annotated)).length;
      remove.push(...loose.map((q) => q.id));
      if (rubricHash === null) {
        result.unqueued += loose.length;
        continue;
      }
      if (mine.some((q) => q.rubricHash === rubricHash)) {
        result.already++;
        result.unqueued += loose.length;
        continue;
      }
      // Moving keeps the item's place in the queue; a new item joins the end.
      const from = loose[0];
      if (from) result.moved++;
      else result.queued++;
      result.unqueued += Math.max(0, loose.length - 1);
      add.push({
        id: annotationId(t.id, rubricHash, annotator.id),
        transcriptId: t.id,
        rubricHash,
        annotatorId: annotator.id,
        order: from?.order ?? ++order,
        status: 'todo',
        title: from?.title ?? t.title,
        agentName: t.agentName,
        tags: t.tags,
        ...(t.noResponse ? { noResponse: true } : {}),
      });
    }
    await database.queue.bulkDelete(remove);
    await database.queue.bulkAdd(add);
    return result;
  });
}

export function describeBind(r: BindResult, rubric: Pick<RubricRow, 'title' | 'version'> | null): string {
  if (!rubric) {
    const kept = r.kept ? ` ${plural(r.kept, 'started review')} kept in the queue.` : '';
    return `${plural(r.unqueued, 'untouched item')} taken out of the queue; they wait for a rubric.${kept}`;
  }
  const parts = [
    r.queued ? `${r.queued} queued` : '',
    r.moved ? `${r.moved} moved from another rubric` : '',
    r.already ? `${r.already} already there` : '',
  ].filter(Boolean);
  const kept = r.kept ? ` ${plural(r.kept, 'started review')} on another rubric kept as ${r.kept === 1 ? 'it is' : 'they are'}.` : '';
  return `${rubric.title} v${rubric.version}: ${parts.join(', ') || 'no transcripts to queue'}.${kept}`;
}
