import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../renderer/src/features/library/import.ts';
import { bindSource, describeBind } from '../../../renderer/src/features/library/bind.ts';
import type { ImportedOutcome } from '../../../renderer/src/features/library/outcome.ts';
import { setSetting } from '../../../renderer/src/db/settings.ts';
import { annotationId } from '../../../shared/model/annotation.ts';
import { fakeFile, fakeParse, freshDb, rubric, transcript } from './helpers.ts';

async function desk() {
  const database = freshDb();
  await setSetting(database, 'annotator', { id: 'dr-a', name: 'Dr A' });
  const [clinical, airline] = (await importFiles(
    [fakeFile('clinical.json', { rubrics: [rubric('clinical')] }), fakeFile('airline.json', { rubrics: [rubric('airline')] })],
    { database, parse: fakeParse },
  )) as ImportedOutcome[];
  const clinicalHash = clinical!.rubricHashes[0]!;
  const airlineHash = airline!.rubricHashes[0]!;
  // Imported while the clinical rubric was (wrongly) the default.
  const [tau] = (await importFiles([fakeFile('tau.json', { transcripts: [transcript('a'), transcript('b'), transcript('c')] })], {
    database,
    parse: fakeParse,
    bindTo: clinicalHash,
  })) as ImportedOutcome[];
  return { database, clinicalHash, airlineHash, sourceId: tau!.sourceId };
}

const bound = async (database: ReturnType<typeof freshDb>) =>
  Object.fromEntries((await database.queue.orderBy('order').toArray()).map((q) => [`${q.transcriptId}@${q.order}`, [q.rubricHash, q.status]]));

describe('bindSource', () => {
  it('moves untouched items to the chosen rubric in place, keeping a started review on its rubric', async () => {
    const { database, clinicalHash, airlineHash, sourceId } = await desk();
    // b was started against the clinical rubric: that work must stay.
    await database.queue.update(annotationId('b', clinicalHash, 'dr-a'), { status: 'draft' });

    const result = await bindSource(sourceId, airlineHash, database);
    expect(result).toEqual({ queued: 1, moved: 2, already: 0, kept: 1, unqueued: 0 });
    expect(await bound(database)).toEqual({
      'a@1': [airlineHash, 'todo'],
      'b@2': [clinicalHash, 'draft'],
      'c@3': [airlineHash, 'todo'],
      'b@4': [airlineHash, 'todo'],
    });
    expect(describeBind(result, { title: 'Airline policy', version: 1 })).toBe(
      'Airline policy v1: 1 queued, 2 moved from another rubric. 1 started review on another rubric kept as it is.',
    );
    // Doing it again changes nothing.
    expect(await bindSource(sourceId, airlineHash, database)).toEqual({ queued: 0, moved: 0, already: 3, kept: 1, unqueued: 0 });
  });

  it('with no rubric takes untouched items out of the queue to choose later, and queues unbound ones when chosen', async () => {
    const { database, clinicalHash, airlineHash, sourceId } = await desk();
    await database.queue.update(annotationId('c', clinicalHash, 'dr-a'), { status: 'submitted' });
    expect(await bindSource(sourceId, null, database)).toEqual({ queued: 0, moved: 0, already: 0, kept: 1, unqueued: 2 });
    expect(await bound(database)).toEqual({ 'c@3': [clinicalHash, 'submitted'] });
    expect(await bindSource(sourceId, airlineHash, database)).toMatchObject({ queued: 3, moved: 0, kept: 1 });
    expect(await database.queue.where('rubricHash').equals(airlineHash).count()).toBe(3);
  });

  it('refuses a rubric that is not in the library and changes nothing', async () => {
    const { database, sourceId } = await desk();
    const before = await bound(database);
    await expect(bindSource(sourceId, 'sha256:gone', database)).rejects.toThrow(/no longer in the library/);
    expect(await bound(database)).toEqual(before);
  });
});
