import { describe, expect, it, vi } from 'vitest';
import { importFiles } from '../../../renderer/src/features/library/import.ts';
import { setSetting, getSetting } from '../../../renderer/src/db/settings.ts';
import { rubricHash } from '../../../shared/rubric/version.ts';
import { annotationId } from '../../../shared/model/annotation.ts';
import type { ImportedOutcome } from '../../../renderer/src/features/library/outcome.ts';
import { counts, fakeFile, fakeParse, freshDb, rubric, transcript } from './helpers.ts';

const annotator = { id: 'dr-a', name: 'Dr A' };

async function deskWithRubric() {
  const database = freshDb();
  await setSetting(database, 'annotator', annotator);
  const [outcome] = await importFiles([fakeFile('rubric.json', { rubrics: [rubric('triage')] })], { database, parse: fakeParse });
  // The expert's choice for transcripts without a rubric of their own.
  await setSetting(database, 'activeRubricHash', (outcome as ImportedOutcome).rubricHashes[0]!);
  return { database, outcome: outcome as ImportedOutcome };
}

describe('importFiles', () => {
  it("stores a rubric file without choosing it for new assignments (that is the expert's choice)", async () => {
    const database = freshDb();
    const [first] = await importFiles([fakeFile('rubric.json', { rubrics: [rubric('triage')] })], { database, parse: fakeParse });
    const hash = await rubricHash(rubric('triage'));
    expect(first).toMatchObject({ status: 'imported', kind: 'rubric', rubrics: 1, transcripts: 0, rubricHashes: [hash] });
    expect(first).not.toHaveProperty('activatedRubricHash');
    expect(await getSetting(database, 'activeRubricHash')).toBeUndefined();
    const [asked] = await importFiles([fakeFile('rubric2.json', { rubrics: [rubric('other')] })], { database, parse: fakeParse, activateRubric: 'always' });
    expect(asked).toMatchObject({ activatedRubricHash: await rubricHash(rubric('other')) });
    expect(await getSetting(database, 'activeRubricHash')).toBe(await rubricHash(rubric('other')));
    const { outcome } = await deskWithRubric();
    expect(outcome).toMatchObject({ status: 'imported', rubrics: 1 });
    const stored = await database.rubrics.get(hash);
    expect(stored).toMatchObject({ id: 'triage', version: 1, hash });
  });

  it('stores transcripts (summary + body), the source row and queue items for the active rubric', async () => {
    const { database } = await deskWithRubric();
    const hash = await rubricHash(rubric('triage'));
    const file = fakeFile('chats.jsonl', { transcripts: [transcript('t1'), transcript('t2')] });
    const size = file.bytes.byteLength;
    const progress = vi.fn();
    const [outcome] = await importFiles([file], { database, parse: fakeParse, onProgress: progress });

    expect(outcome).toMatchObject({ status: 'imported', transcripts: 2, rubrics: 0, queued: 2, problems: 0 });
    expect(progress.mock.calls.map(([p]) => p.phase)).toEqual(['hashing', 'parsing', 'writing', 'done']);

    const source = await database.sources.get((outcome as ImportedOutcome).sourceId);
    expect(source).toMatchObject({ name: 'chats.jsonl', kind: 'transcripts', format: 'test', size, recordCount: 2, transcriptCount: 2, rubricCount: 0, pairedCount: 0, problemCount: 0 });
    expect(source?.sha256).toMatch(/^[0-9a-f]{64}$/);

    const summary = await database.transcripts.get('t1');
    expect(summary).toMatchObject({ sourceId: source?.id, title: 'question t1', agentName: 'triage-bot', messageCount: 2, toolCallCount: 1 });
    expect((await database.transcriptBodies.get('t2'))?.transcript.messages).toHaveLength(2);

    const queue = await database.queue.orderBy('order').toArray();
    expect(queue.map((q) => q.id)).toEqual([annotationId('t1', hash, 'dr-a'), annotationId('t2', hash, 'dr-a')]);
    expect(queue.map((q) => q.order)).toEqual([1, 2]);
    expect(queue[0]).toMatchObject({ status: 'todo', annotatorId: 'dr-a', rubricHash: hash, title: 'question t1', agentName: 'triage-bot', tags: ['demo'] });
  });

  it('appends queue items after those already queued', async () => {
    const { database } = await deskWithRubric();
    await importFiles([fakeFile('a.json', { transcripts: [transcript('a1'), transcript('a2')] })], { database, parse: fakeParse });
    await importFiles([fakeFile('b.json', { transcripts: [transcript('b1')] })], { database, parse: fakeParse });
    const queue = await database.queue.orderBy('order').toArray();
    expect(queue.map((q) => [q.transcriptId, q.order])).toEqual([['a1', 1], ['a2', 2], ['b1', 3]]);
  });

  it("queues against the transcript's own rubric when the file carries one per transcript, sealing each distinct rubric once", async () => {
    const { database } = await deskWithRubric();
    const own = [rubric('hb-1'), rubric('hb-2'), rubric('hb-1')];
    const transcripts = [
      transcript('s1', 'q1', { metadata: { rubricId: 'hb-1' } }),
      transcript('s2', 'q2', { metadata: { rubricId: 'hb-2' } }),
      transcript('s3', 'q3', { metadata: { rubricId: 'hb-1' } }),
    ];
    const [outcome] = await importFiles([fakeFile('healthbench.jsonl', { format: 'healthbench', transcripts, rubrics: own })], { database, parse: fakeParse });
    expect(outcome).toMatchObject({ status: 'imported', transcripts: 3, rubrics: 2, queued: 3 });
    const h1 = await rubricHash(rubric('hb-1'));
    const h2 = await rubricHash(rubric('hb-2'));
    const bound = Object.fromEntries((await database.queue.toArray()).map((q) => [q.transcriptId, q.rubricHash]));
    expect(bound).toEqual({ s1: h1, s2: h2, s3: h1 });
    // The desk's active rubric is not replaced by per-sample rubrics.
    expect(await getSetting(database, 'activeRubricHash')).toBe(await rubricHash(rubric('triage')));
  });

  it('pairs rubrics with transcripts by position when there is one per transcript and no id', async () => {
    const { database } = await deskWithRubric();
    const [outcome] = await importFiles(
      [fakeFile('pairs.jsonl', { transcripts: [transcript('p1'), transcript('p2')], rubrics: [rubric('r-p1'), rubric('r-p2')] })],
      { database, parse: fakeParse },
    );
    expect(outcome).toMatchObject({ status: 'imported', rubrics: 2, queued: 2 });
    expect((await database.queue.where('transcriptId').equals('p2').first())?.rubricHash).toBe(await rubricHash(rubric('r-p2')));
  });

  it('skips bytes already imported, saying when, without parsing them again', async () => {
    const { database } = await deskWithRubric();
    const file = () => fakeFile('chats.jsonl', { transcripts: [transcript('t1')] });
    await importFiles([file()], { database, parse: fakeParse, now: () => new Date('2025-03-04T10:20:00Z') });
    const parse = vi.fn(fakeParse);
    const renamed = { ...file(), name: 'copy-of-chats.jsonl' };
    const [again] = await importFiles([renamed], { database, parse });
    expect(parse).not.toHaveBeenCalled();
    expect(again?.status).toBe('duplicate');
    expect(again && 'message' in again ? again.message : '').toMatch(/^Already imported on 2025-03-0\d \d\d:\d\d as "chats\.jsonl"; skipped\.$/);
    expect(await database.sources.count()).toBe(2);
  });

  it('keeps the database unchanged when an error is thrown mid-write', async () => {
    const { database } = await deskWithRubric();
    const before = await counts(database);
    // Fail on the queue, after the rubric, transcripts and bodies were already put.
    database.queue.hook('creating', () => {
      throw new Error('disk full');
    });
    const [outcome] = await importFiles(
      [fakeFile('late-fail.json', { transcripts: [transcript('x1'), transcript('x2')], rubrics: [rubric('extra')], errors: [{ line: 3, message: 'bad' }] })],
      { database, parse: fakeParse },
    );
    expect(outcome).toMatchObject({ status: 'rejected' });
    expect(outcome && 'message' in outcome ? outcome.message : '').toMatch(/rolled back: disk full/);
    expect(await counts(database)).toEqual(before);
  });

  it('rolls back when a record cannot be stored at all', async () => {
    const { database } = await deskWithRubric();
    const before = await counts(database);
    const unstorable = transcript('f1', 'q', { metadata: { callback: () => 1 } });
    const [outcome] = await importFiles([fakeFile('x.json', { transcripts: [transcript('ok')] })], {
      database,
      parse: async (f) => {
        const out = await fakeParse(f);
        out.result.transcripts.push(unstorable);
        return out;
      },
    });
    expect(outcome?.status).toBe('rejected');
    expect(outcome && 'message' in outcome ? outcome.message : '').toMatch(/rolled back: .*(clone|could not be cloned)/i);
    expect(await counts(database)).toEqual(before);
  });

  it('writes nothing when cancelled before the write', async () => {
    const { database } = await deskWithRubric();
    const before = await counts(database);
    const controller = new AbortController();
    const outcomes = await importFiles(
      [fakeFile('a.json', { transcripts: [transcript('a1')] }), fakeFile('b.json', { transcripts: [transcript('b1')] })],
      {
        database,
        signal: controller.signal,
        parse: async (f) => {
          controller.abort(); // the user presses Cancel while the first file is being read
          return fakeParse(f);
        },
      },
    );
    expect(outcomes.map((o) => o.status)).toEqual(['cancelled', 'cancelled']);
    expect(await counts(database)).toEqual(before);
  });

  it('rejects an unknown format naming the formats tried', async () => {
    const database = freshDb();
    const [outcome] = await importFiles([fakeFile('notes.txt', { kind: 'unknown', reason: 'no reader recognized the first bytes' })], { database, parse: fakeParse });
    expect(outcome?.status).toBe('rejected');
    expect(outcome).toMatchObject({
      message: 'Not a format Custody reads; tried custody, openai-chat.',
      tried: [
        { format: 'custody', reason: 'no format field' },
        { format: 'openai-chat', reason: 'no messages' },
      ],
    });
    expect((await counts(database)).sources).toBe(0);
  });

  it('skips access logs with an explanation and stores nothing', async () => {
    const database = freshDb();
    const [outcome] = await importFiles([fakeFile('okta.jsonl', { kind: 'access-log', format: 'okta-system-log' })], { database, parse: fakeParse });
    expect(outcome).toMatchObject({ status: 'skipped', kind: 'access-log' });
    expect(outcome && 'message' in outcome ? outcome.message : '').toMatch(/auditor workbench/);
    expect(await database.sources.count()).toBe(0);
  });

  it('rejects a file from which nothing could be read, listing the problems and storing none', async () => {
    const database = freshDb();
    const errors = [{ line: 1, message: 'Unexpected token' }, { line: 2, message: 'Unexpected end' }];
    const [outcome] = await importFiles([fakeFile('broken.jsonl', { kind: 'transcripts', format: 'openai-chat', errors })], { database, parse: fakeParse });
    expect(outcome).toMatchObject({ status: 'rejected', problems: errors });
    expect(outcome && 'message' in outcome ? outcome.message : '').toMatch(/line 1: Unexpected token/);
    expect(await counts(database)).toEqual(await counts(freshDb()));
  });

  it('stores the good records of a partly broken file with its problems (line numbers kept)', async () => {
    const { database } = await deskWithRubric();
    const [outcome] = await importFiles(
      [fakeFile('mixed.jsonl', { transcripts: [transcript('g1'), transcript('g2'), transcript('g3')], errors: [{ line: 4, message: 'Unexpected token } in JSON' }] })],
      { database, parse: fakeParse },
    );
    expect(outcome).toMatchObject({ status: 'imported', transcripts: 3, problems: 1 });
    const problems = await database.importProblems.toArray();
    expect(problems).toEqual([expect.objectContaining({ sourceName: 'mixed.jsonl', line: 4, message: 'Unexpected token } in JSON' })]);
  });

  it('reports transcripts that do not match the model as problems and stores the rest', async () => {
    const { database } = await deskWithRubric();
    const bad = { ...transcript('bad'), messages: [{ id: 'm', role: 'wizard', content: [] }] } as never;
    const [outcome] = await importFiles([fakeFile('x.json', { transcripts: [transcript('fine'), bad] })], { database, parse: fakeParse });
    expect(outcome).toMatchObject({ status: 'imported', transcripts: 1, problems: 1 });
    expect((await database.importProblems.toArray())[0]).toMatchObject({ sample: 'bad', message: expect.stringMatching(/^transcript skipped: messages\.0\.role/) });
  });

  it('keeps a different transcript that reuses an id under a new id, and skips identical ones', async () => {
    const { database } = await deskWithRubric();
    await importFiles([fakeFile('one.json', { transcripts: [transcript('1', 'first'), transcript('2', 'same')] })], { database, parse: fakeParse });
    const [outcome] = await importFiles([fakeFile('two.json', { transcripts: [transcript('1', 'other'), transcript('2', 'same')] })], { database, parse: fakeParse });
    expect(outcome).toMatchObject({ status: 'imported', transcripts: 1, queued: 1, problems: 1 });
    expect((outcome as ImportedOutcome).notes).toEqual(['1 transcript already in the library (identical) was not added again.']);
    const renamed = (await database.transcripts.where('sourceId').equals((outcome as ImportedOutcome).sourceId).toArray())[0];
    expect(renamed?.id).toMatch(/^1~[0-9a-f]{8}$/);
    expect((await database.transcriptBodies.get(renamed!.id))?.transcript.id).toBe(renamed!.id);
    expect((await database.transcripts.get('1'))?.title).toBe('first');
  });

  it('does not queue transcripts when no rubric is chosen, and says so', async () => {
    const database = freshDb();
    const [outcome] = await importFiles([fakeFile('a.json', { transcripts: [transcript('a1')] })], { database, parse: fakeParse });
    expect(outcome).toMatchObject({ status: 'imported', transcripts: 1, queued: 0, unbound: 1 });
    expect((outcome as ImportedOutcome).notes[0]).toBe('1 transcript not queued yet: choose a rubric for it (Library › Sources › Queue against…).');
  });

  it('binds as chosen for this import: a rubric, or none (choose later) even when the desk has a last choice', async () => {
    const { database } = await deskWithRubric();
    const [other] = await importFiles([fakeFile('airline.json', { rubrics: [rubric('airline')] })], { database, parse: fakeParse });
    const airline = (other as ImportedOutcome).rubricHashes[0]!;
    const [chosen] = await importFiles([fakeFile('tau.json', { transcripts: [transcript('tau1')] })], { database, parse: fakeParse, bindTo: airline });
    expect(chosen).toMatchObject({ queued: 1, unbound: 0 });
    expect((await database.queue.where('transcriptId').equals('tau1').first())?.rubricHash).toBe(airline);
    const [later] = await importFiles([fakeFile('later.json', { transcripts: [transcript('l1')] })], { database, parse: fakeParse, bindTo: null });
    expect(later).toMatchObject({ queued: 0, unbound: 1 });
    expect(await database.queue.where('transcriptId').equals('l1').count()).toBe(0);
    // A rubric from the same file still wins over the choice.
    const [own] = await importFiles(
      [fakeFile('hb.jsonl', { transcripts: [transcript('h1', 'q', { metadata: { rubricId: 'hb' } })], rubrics: [rubric('hb')] })],
      { database, parse: fakeParse, bindTo: airline },
    );
    expect(own).toMatchObject({ queued: 1 });
    expect((await database.queue.where('transcriptId').equals('h1').first())?.rubricHash).toBe(await rubricHash(rubric('hb')));
    expect(await database.sources.get((own as ImportedOutcome).sourceId)).toMatchObject({ transcriptCount: 1, rubricCount: 1, pairedCount: 1 });
  });

  it('keeps no source for a file with nothing new, and says nothing was imported', async () => {
    const { database } = await deskWithRubric();
    await importFiles([fakeFile('one.json', { transcripts: [transcript('1'), transcript('2')] })], { database, parse: fakeParse });
    const before = await counts(database);
    const [again] = await importFiles([fakeFile('same-content.json', { format: 'other', transcripts: [transcript('1'), transcript('2')] })], { database, parse: fakeParse });
    expect(again).toMatchObject({ status: 'skipped', message: 'Nothing imported: its 2 transcripts are already in the library.' });
    expect(await counts(database)).toEqual(before);
    const [rubricAgain] = await importFiles([fakeFile('triage-copy.json', { format: 'x', rubrics: [rubric('triage')] })], { database, parse: fakeParse });
    expect(rubricAgain).toMatchObject({ status: 'skipped', message: 'Nothing imported: its 1 rubric is already in the library.' });
    expect(await counts(database)).toEqual(before);
  });

  it('names the agent from what the reader gave, never "unknown agent"', async () => {
    const { database } = await deskWithRubric();
    const t = (id: string, extra: Partial<ReturnType<typeof transcript>>) => transcript(id, id, extra);
    await importFiles(
      [
        fakeFile('agents.json', {
          transcripts: [
            t('swe', { agent: { name: 'SWE-agent' }, metadata: { model: 'gpt-4o' } }),
            t('inspect', { agent: {}, metadata: { model: 'anthropic/claude-3-5-sonnet' } }),
            t('tau', { agent: {}, sourceFormat: 'tau-bench' }),
            t('ideal', { agent: {}, sourceFormat: 'healthbench', metadata: { completion: 'ideal' } }),
          ],
        }),
      ],
      { database, parse: fakeParse },
    );
    const names = Object.fromEntries((await database.queue.toArray()).map((q) => [q.transcriptId, q.agentName]));
    expect(names).toEqual({
      swe: 'SWE-agent (gpt-4o)',
      inspect: 'anthropic/claude-3-5-sonnet',
      tau: 'agent not named (tau-bench)',
      ideal: 'ideal completion (HealthBench)',
    });
  });

  it('accepts the progress callback as the second argument', async () => {
    // The default parse needs a browser Worker; a duplicate never reaches it.
    const { database } = await deskWithRubric();
    const progress = vi.fn();
    const { useDatabase } = await import('../../../renderer/src/db/database.ts');
    useDatabase(database);
    const [outcome] = await importFiles([fakeFile('rubric.json', { rubrics: [rubric('triage')] })], progress);
    expect(outcome?.status).toBe('duplicate');
    expect(progress).toHaveBeenLastCalledWith(expect.objectContaining({ phase: 'done', index: 0, total: 1, name: 'rubric.json' }));
  });
});
