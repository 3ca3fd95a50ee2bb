// The pipeline with the real shared readers (readAny) in place of the worker.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readAny } from '../../../shared/formats/read.ts';
import { importFiles } from '../../../renderer/src/features/library/import.ts';
import type { ParseFn } from '../../../renderer/src/workers/import-protocol.ts';
import { getSetting, setSetting } from '../../../renderer/src/db/settings.ts';
import { freshDb } from './helpers.ts';
import type { ImportedOutcome } from '../../../renderer/src/features/library/outcome.ts';

const fixtures = resolve(import.meta.dirname, '../../fixtures');
const file = (path: string) => ({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(resolve(fixtures, path))) });
const parse: ParseFn = async (f) => readAny(f);

describe('importFiles with the shared readers', () => {
  it('queues HealthBench examples against their own rubrics, and keeps the line of each problem', async () => {
    const database = freshDb();
    await setSetting(database, 'annotator', { id: 'dr-a', name: 'Dr A' });
    const [outcome] = await importFiles([file('formats/healthbench/examples.jsonl')], { database, parse });
    expect(outcome).toMatchObject({ status: 'imported', format: 'healthbench', transcripts: 2, rubrics: 2, queued: 2 });
    const rubrics = await database.rubrics.toArray();
    for (const q of await database.queue.toArray()) {
      const body = await database.transcriptBodies.get(q.transcriptId);
      expect(rubrics.find((r) => r.hash === q.rubricHash)?.id).toBe(body?.transcript.metadata['rubricId']);
    }
    expect((await database.importProblems.toArray()).map((p) => p.line)).toEqual([2, 3]);
    // Per-sample rubrics never become the desk's active rubric.
    expect(await getSetting(database, 'activeRubricHash')).toBeUndefined();
  });

  it('imports a Custody rubric then transcripts queued against it', async () => {
    const database = freshDb();
    const [rubric] = await importFiles([file('formats/custody/rubric.json')], { database, parse });
    expect(rubric).toMatchObject({ status: 'imported', kind: 'rubric', rubrics: 1 });
    await setSetting(database, 'activeRubricHash', (rubric as ImportedOutcome).rubricHashes[0]!); // the expert's choice
    const [transcripts] = await importFiles([file('formats/custody/transcripts.json')], { database, parse });
    expect(transcripts).toMatchObject({ status: 'imported', kind: 'transcripts' });
    const active = await getSetting(database, 'activeRubricHash');
    expect(active).toMatch(/^sha256:/);
    const queue = await database.queue.toArray();
    expect(queue.length).toBeGreaterThan(0);
    expect(new Set(queue.map((q) => q.rubricHash))).toEqual(new Set([active]));
  });

  it('rejects an empty conversation file with the reader’s reason', async () => {
    const database = freshDb();
    const [outcome] = await importFiles([file('formats/openai/empty.json')], { database, parse });
    expect(outcome?.status).toBe('rejected');
    expect(await database.sources.count()).toBe(0);
  });
});
