import { describe, expect, it, vi } from 'vitest';
import { ensureWorkspace } from '../../../renderer/src/features/library/first-run.ts';
import { importFiles } from '../../../renderer/src/features/library/import.ts';
import { getSetting, setSetting } from '../../../renderer/src/db/settings.ts';
import { rubricHash } from '../../../shared/rubric/version.ts';
import type { FilePayload } from '../../../shared/ipc/contract.ts';
import { fakeFile, fakeParse, freshDb, rubric, transcript } from './helpers.ts';

const manifest = {
  format: 'custody.workspace',
  version: 1,
  title: 'Demo: triage assistant',
  files: [
    { path: 'transcripts.custody.json', kind: 'transcripts' },
    { path: 'rubric.custody.json', kind: 'rubric' },
    { path: 'access-logs/okta.jsonl', kind: 'access-log', vendor: 'okta' },
  ],
  annotator: { id: 'dr-demo', name: 'Dr Demo' },
};

function demoFiles(): FilePayload[] {
  return [
    { name: 'workspace.json', bytes: new TextEncoder().encode(JSON.stringify(manifest)) },
    fakeFile('transcripts.custody.json', { transcripts: [transcript('d1'), transcript('d2')] }),
    fakeFile('rubric.custody.json', { rubrics: [rubric('demo-rubric')] }),
    fakeFile('access-logs/okta.jsonl', { kind: 'access-log' }),
  ];
}

describe('ensureWorkspace', () => {
  it('seeds an empty desk: annotator, rubric first, then transcripts queued against it (not made the choice for later imports)', async () => {
    const database = freshDb();
    const platform = { readDemoWorkspace: vi.fn(async () => demoFiles()) };
    const report = await ensureWorkspace({ database, platform, parse: fakeParse });

    expect(report.seeded).toBe(true);
    expect(report.outcomes.map((o) => [o.name, o.status])).toEqual([
      ['rubric.custody.json', 'imported'],
      ['transcripts.custody.json', 'imported'],
      ['access-logs/okta.jsonl', 'skipped'],
    ]);
    const hash = await rubricHash(rubric('demo-rubric'));
    expect(await getSetting(database, 'annotator')).toEqual(manifest.annotator);
    expect(await getSetting(database, 'workspaceTitle')).toBe(manifest.title);
    expect(await getSetting(database, 'activeRubricHash')).toBeUndefined();
    expect(await getSetting(database, 'workspaceSeeded')).toBeTruthy();
    const queue = await database.queue.orderBy('order').toArray();
    expect(queue.map((q) => [q.transcriptId, q.rubricHash, q.annotatorId])).toEqual([
      ['d1', hash, 'dr-demo'],
      ['d2', hash, 'dr-demo'],
    ]);
  });

  it('does nothing once seeded', async () => {
    const database = freshDb();
    const platform = { readDemoWorkspace: vi.fn(async () => demoFiles()) };
    await ensureWorkspace({ database, platform, parse: fakeParse });
    const again = await ensureWorkspace({ database, platform, parse: fakeParse });
    expect(again.seeded).toBe(false);
    expect(platform.readDemoWorkspace).toHaveBeenCalledTimes(1);
    expect(await database.sources.count()).toBe(2);
  });

  it('finishes a seeding cut short by a reload, without duplicating what landed', async () => {
    const database = freshDb();
    // The first run got as far as the rubric before the window reloaded.
    await setSetting(database, 'workspaceSeeding', '2025-01-01T00:00:00Z');
    await setSetting(database, 'annotator', manifest.annotator);
    await importFiles([demoFiles()[2]!], { database, parse: fakeParse, activateRubric: 'always' });

    const report = await ensureWorkspace({ database, platform: { readDemoWorkspace: async () => demoFiles() }, parse: fakeParse });
    expect(report.outcomes.map((o) => o.status)).toEqual(['duplicate', 'imported', 'skipped']);
    expect(await database.sources.count()).toBe(2);
    expect(await database.queue.count()).toBe(2);
    expect(await getSetting(database, 'activeRubricHash')).toBe(await rubricHash(rubric('demo-rubric')));
    expect(await getSetting(database, 'workspaceSeeded')).toBeTruthy();
  });

  it("leaves a desk that already holds the user's own files alone", async () => {
    const database = freshDb();
    await importFiles([fakeFile('mine.json', { transcripts: [transcript('m1')] })], { database, parse: fakeParse });
    const platform = { readDemoWorkspace: vi.fn(async () => demoFiles()) };
    expect((await ensureWorkspace({ database, platform, parse: fakeParse })).seeded).toBe(false);
    expect(platform.readDemoWorkspace).not.toHaveBeenCalled();
  });

  it('refuses a malformed manifest', async () => {
    const database = freshDb();
    const bad = [{ name: 'workspace.json', bytes: new TextEncoder().encode('{"format":"custody.workspace","version":2}') }];
    await expect(ensureWorkspace({ database, platform: { readDemoWorkspace: async () => bad }, parse: fakeParse })).rejects.toThrow();
    expect(await database.sources.count()).toBe(0);
  });
});
