import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../renderer/src/features/library/import.ts';
import { describeRemoval, removeSource } from '../../../renderer/src/features/library/remove-source.ts';
import type { ImportedOutcome } from '../../../renderer/src/features/library/outcome.ts';
import { setSetting } from '../../../renderer/src/db/settings.ts';
import type { AnnotationRow } from '../../../renderer/src/db/rows.ts';
import { fakeFile, fakeParse, freshDb, rubric, transcript } from './helpers.ts';

async function desk() {
  const database = freshDb();
  await setSetting(database, 'annotator', { id: 'dr-a', name: 'Dr A' });
  // The expert chooses the rubric that new transcripts are queued against.
  await importFiles([fakeFile('rubric.json', { rubrics: [rubric('triage')] })], { database, parse: fakeParse, activateRubric: 'always' });
  const file = () => fakeFile('chats.jsonl', { transcripts: [transcript('t1'), transcript('t2'), transcript('t3')], errors: [{ line: 9, message: 'bad' }] });
  const [outcome] = await importFiles([file()], { database, parse: fakeParse });
  const other = await importFiles([fakeFile('other.json', { transcripts: [transcript('o1')] })], { database, parse: fakeParse });
  return { database, file, sourceId: (outcome as ImportedOutcome).sourceId, otherId: (other[0] as ImportedOutcome).sourceId };
}

describe('removeSource', () => {
  it("deletes the source's transcripts, bodies, untouched queue items and problems, keeping annotations and started work", async () => {
    const { database, sourceId } = await desk();
    const started = (await database.queue.where('transcriptId').equals('t1').first())!;
    await database.queue.update(started.id, { status: 'draft' });
    const annotation: AnnotationRow = {
      id: started.id,
      transcriptId: 't1',
      rubricHash: started.rubricHash,
      annotatorId: 'dr-a',
      status: 'draft',
      revision: 1,
      criteria: {},
      timeSpentMs: 1000,
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
      history: [],
    };
    await database.annotations.put(annotation);

    const result = await removeSource(sourceId, database);
    expect(result).toEqual({ name: 'chats.jsonl', transcripts: 3, queueRemoved: 2, queueKept: 1, annotationsKept: 1, problems: 1 });
    expect(describeRemoval(result)).toMatch(/Kept 1 annotation\(s\) and 1 started queue item\(s\)/);

    expect(await database.sources.get(sourceId)).toBeUndefined();
    expect(await database.transcripts.where('sourceId').equals(sourceId).count()).toBe(0);
    expect(await database.transcriptBodies.bulkGet(['t1', 't2', 't3'])).toEqual([undefined, undefined, undefined]);
    expect(await database.importProblems.count()).toBe(0);
    expect((await database.queue.toArray()).map((q) => q.transcriptId).sort()).toEqual(['o1', 't1']);
    expect(await database.annotations.get(started.id)).toBeDefined();
    expect(await database.rubrics.count()).toBe(1);
  });

  it('lets the file be imported again, without resetting work already begun', async () => {
    const { database, sourceId, file } = await desk();
    const started = (await database.queue.where('transcriptId').equals('t1').first())!;
    await database.queue.update(started.id, { status: 'submitted' });
    await removeSource(sourceId, database);
    const [again] = await importFiles([file()], { database, parse: fakeParse });
    expect(again).toMatchObject({ status: 'imported', transcripts: 3, queued: 2 });
    expect((await database.queue.get(started.id))?.status).toBe('submitted');
    expect(await database.queue.count()).toBe(4);
  });

  it('refuses a source that is gone', async () => {
    await expect(removeSource('src-missing', freshDb())).rejects.toThrow(/no longer in the library/);
  });
});
