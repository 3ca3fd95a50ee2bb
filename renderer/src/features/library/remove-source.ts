// Removing a source takes its transcripts out of the library but never an expert's
// work: annotations stay, and so do queue items already started.
import { db as appDb, type CustodyDb } from '../../db/database.ts';

export interface RemoveResult {
  name: string;
  transcripts: number;
  queueRemoved: number;
  /** Queue items in draft or submitted, left in place. */
  queueKept: number;
  annotationsKept: number;
  problems: number;
}

export async function removeSource(sourceId: string, database: CustodyDb = appDb()): Promise<RemoveResult> {
  const tables = [database.sources, database.transcripts, database.transcriptBodies, database.queue, database.importProblems, database.annotations];
  return database.transaction('rw', tables, async () => {
    const source = await database.sources.get(sourceId);
    if (!source) throw new Error('That source is no longer in the library.');
    const ids = (await database.transcripts.where('sourceId').equals(sourceId).primaryKeys()) as string[];
    const queue = await database.queue.where('transcriptId').anyOf(ids).toArray();
    const todo = queue.filter((q) => q.status === 'todo').map((q) => q.id);
    const annotationsKept = await database.annotations.where('transcriptId').anyOf(ids).count();
    const problems = await database.importProblems.where('sourceId').equals(sourceId).delete();

    await database.queue.bulkDelete(todo);
    await database.transcriptBodies.bulkDelete(ids);
    await database.transcripts.bulkDelete(ids);
    await database.sources.delete(sourceId);
    return { name: source.name, transcripts: ids.length, queueRemoved: todo.length, queueKept: queue.length - todo.length, annotationsKept, problems };
  });
}

export function describeRemoval(r: RemoveResult): string {
  const kept = r.annotationsKept || r.queueKept
    ? ` Kept ${r.annotationsKept} annotation(s) and ${r.queueKept} started queue item(s); re-import the file to see their transcripts again.`
    : '';
  return `Removed ${r.name}: ${r.transcripts} transcript(s), ${r.queueRemoved} untouched queue item(s), ${r.problems} problem(s).${kept}`;
}
