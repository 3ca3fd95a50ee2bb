import { describe, expect, it } from 'vitest';
import {
  chooseForNewAssignments,
  createRubric,
  groupFamilies,
  rebindUntouched,
  saveNewVersion,
} from '../../../renderer/src/features/rubrics/actions.ts';
import { getSetting, setSetting } from '../../../renderer/src/db/settings.ts';
import { importFiles } from '../../../renderer/src/features/library/import.ts';
import { annotationId } from '../../../shared/model/annotation.ts';
import { rubricHash } from '../../../shared/rubric/version.ts';
import { fakeFile, fakeParse, freshDb, rubric, transcript } from '../library/helpers.ts';

const content = () => {
  const { version: _v, ...rest } = rubric('triage');
  return rest;
};

describe('rubric versions', () => {
  it('creates version 1 of a new family, sealed with its content hash', async () => {
    const database = freshDb();
    const v1 = await createRubric(content(), database, new Date('2025-01-01T00:00:00Z'));
    expect(v1).toMatchObject({ id: 'triage', version: 1, createdAt: '2025-01-01T00:00:00.000Z' });
    expect(v1.hash).toBe(await rubricHash({ ...content(), version: 1 }));
    expect(v1.parentHash).toBeUndefined();
    await expect(createRubric(content(), database)).rejects.toThrow(/already exists/);
  });

  it('saves an edit as the next version and leaves the sealed one untouched', async () => {
    const database = freshDb();
    const v1 = await createRubric(content(), database);
    const before = structuredClone(await database.rubrics.get(v1.hash));
    const edited = { ...content(), title: 'Triage safety (2025)' };
    const v2 = await saveNewVersion(v1, edited, database);
    expect(v2).toMatchObject({ id: 'triage', version: 2, title: 'Triage safety (2025)', parentHash: v1.hash });
    expect(v2.hash).not.toBe(v1.hash);
    expect(await database.rubrics.get(v1.hash)).toEqual(before);
    expect(await database.rubrics.count()).toBe(2);
  });

  it('appends after the newest version even when an older one was edited', async () => {
    const database = freshDb();
    const v1 = await createRubric(content(), database);
    await saveNewVersion(v1, { ...content(), title: 'two' }, database);
    const v3 = await saveNewVersion(v1, { ...content(), title: 'three' }, database);
    expect(v3).toMatchObject({ version: 3, parentHash: v1.hash });
    expect(groupFamilies(await database.rubrics.toArray())[0]?.versions.map((r) => r.version)).toEqual([3, 2, 1]);
  });

  it('refuses to store an unchanged copy as a new version', async () => {
    const database = freshDb();
    const v1 = await createRubric(content(), database);
    await expect(saveNewVersion(v1, content(), database)).rejects.toThrow(/Nothing changed/);
  });

  it('groups versions by family, newest first', async () => {
    const database = freshDb();
    const a = await createRubric({ ...content(), id: 'b-family', title: 'Beta' }, database);
    await createRubric({ ...content(), id: 'a-family', title: 'Alpha' }, database);
    await saveNewVersion(a, { ...content(), id: 'b-family', title: 'Beta 2' }, database);
    const families = groupFamilies(await database.rubrics.toArray());
    expect(families.map((f) => [f.id, f.versions.map((v) => v.version)])).toEqual([
      ['a-family', [1]],
      ['b-family', [2, 1]],
    ]);
  });

  it('sets the rubric used for new assignments', async () => {
    const database = freshDb();
    const v1 = await createRubric(content(), database);
    await chooseForNewAssignments(v1.hash, database);
    expect(await getSetting(database, 'activeRubricHash')).toBe(v1.hash);
  });
});

describe('rebindUntouched', () => {
  async function deskWithQueue() {
    const database = freshDb();
    await setSetting(database, 'annotator', { id: 'dr-a', name: 'Dr A' });
    const v1 = await createRubric(content(), database);
    const other = await createRubric({ ...content(), id: 'other' }, database);
    await chooseForNewAssignments(v1.hash, database);
    await importFiles([fakeFile('a.json', { transcripts: [transcript('t1'), transcript('t2'), transcript('t3')] })], { database, parse: fakeParse });
    await chooseForNewAssignments(other.hash, database);
    await importFiles([fakeFile('b.json', { transcripts: [transcript('u1')] })], { database, parse: fakeParse });
    const v2 = await saveNewVersion(v1, { ...content(), title: 'v2' }, database);
    return { database, v1, v2, other };
  }

  it("moves 'todo' items of older versions of the family to the new hash, with new ids and the same order", async () => {
    const { database, v1, v2, other } = await deskWithQueue();
    await database.queue.update(annotationId('t2', v1.hash, 'dr-a'), { status: 'draft' });
    const result = await rebindUntouched(v2.hash, database);
    expect(result).toEqual({ moved: 2, merged: 0 });
    const queue = await database.queue.orderBy('order').toArray();
    expect(queue.map((q) => [q.id, q.order, q.status])).toEqual([
      [annotationId('t1', v2.hash, 'dr-a'), 1, 'todo'],
      [annotationId('t2', v1.hash, 'dr-a'), 2, 'draft'],
      [annotationId('t3', v2.hash, 'dr-a'), 3, 'todo'],
      [annotationId('u1', other.hash, 'dr-a'), 4, 'todo'],
    ]);
    expect(queue[0]?.rubricHash).toBe(v2.hash);
  });

  it('leaves items that already have an annotation, and items of other families', async () => {
    const { database, v1, v2 } = await deskWithQueue();
    const id = annotationId('t3', v1.hash, 'dr-a');
    await database.annotations.put({
      id,
      transcriptId: 't3',
      rubricHash: v1.hash,
      annotatorId: 'dr-a',
      status: 'draft',
      revision: 1,
      criteria: {},
      timeSpentMs: 0,
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
      history: [],
    });
    expect(await rebindUntouched(v2.hash, database)).toEqual({ moved: 2, merged: 0 });
    expect(await database.queue.get(id)).toBeDefined();
  });

  it('never moves items onto an older version', async () => {
    const { database, v1, v2 } = await deskWithQueue();
    await rebindUntouched(v2.hash, database);
    expect(await rebindUntouched(v1.hash, database)).toEqual({ moved: 0, merged: 0 });
    expect(await database.queue.where('rubricHash').equals(v2.hash).count()).toBe(3);
  });
});
