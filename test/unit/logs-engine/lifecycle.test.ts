// Duplicates, cancel (keep / discard), crash between chunk commits, resume, removal.
import { describe, expect, it } from 'vitest';
import type { LogEngineCore } from '../../../renderer/src/logs/engine/core.ts';
import { fileOf, oktaBytes, run, tableCounts, testEngine } from './helpers.ts';

const BATCH = 400;
const bytes = oktaBytes(2_600); // ~2.2 MB: several chunks, distinct first and last MiB

async function idsOf(engine: LogEngineCore): Promise<string[]> {
  const { rows } = await engine.query({}, 'time-asc', 0, 1e6);
  return rows.map((r) => r.id);
}

describe('re-importing the same file', () => {
  it('is recognized before import (staging), by fingerprint then full SHA-256', async () => {
    const { engine } = testEngine({ batchRecords: BATCH });
    expect(await engine.findImported(fileOf('okta.jsonl', bytes))).toBeNull();
    const first = await run(engine, fileOf('okta.jsonl', bytes));
    const found = await engine.findImported(fileOf('renamed.jsonl', bytes));
    expect(found?.id).toBe(first.source!.id);
    expect(found?.sha256).toBe(first.source!.sha256);
    // Same size, same first and last MiB, one byte changed in the middle: not the same file.
    const altered = bytes.slice();
    const mid = Math.floor(altered.length / 2);
    altered[mid] = altered[mid] === 0x61 ? 0x62 : 0x61;
    expect(await engine.findImported(fileOf('okta.jsonl', altered))).toBeNull();
    // Removed, it is no longer "already imported".
    await engine.removeSource(first.source!.id);
    expect(await engine.findImported(fileOf('okta.jsonl', bytes))).toBeNull();
  });

  it('is detected by digest and not counted twice, whatever its name', async () => {
    const { engine, db } = testEngine({ batchRecords: BATCH });
    const first = await run(engine, fileOf('okta.jsonl', bytes));
    expect(first.status).toBe('imported');
    const before = await tableCounts(db);
    for (const name of ['okta.jsonl', 'renamed.jsonl']) {
      const again = await run(engine, fileOf(name, bytes));
      expect(again.status).toBe('duplicate');
      expect(again.message).toMatch(/SHA-256/);
      expect(again.source!.id).toBe(first.source!.id);
    }
    expect(await tableCounts(db)).toEqual(before);
    expect(engine.store.rows).toBe(2_600);
  });

  it('is not fooled by a file with the same size and ends but a changed middle', async () => {
    const { engine } = testEngine({ batchRecords: BATCH });
    await run(engine, fileOf('okta.jsonl', bytes));
    const altered = bytes.slice();
    const mid = altered.indexOf(0x41, Math.floor(altered.length / 2)); // an "A", inside a string
    altered[mid] = 0x42;
    const result = await run(engine, fileOf('okta.jsonl', altered));
    expect(result.status).toBe('imported');
    expect((await engine.sources()).length).toBe(2);
  });
});

describe('cancel', () => {
  it('keep: a consistent partial source of whole chunks, resumed by picking the file again', async () => {
    const control = { cancelled: false };
    let commits = 0;
    // The auditor presses cancel while the third chunk is on its way to the store.
    const t = testEngine({ batchRecords: BATCH, maxInFlight: 1, beforeCommit: () => void (++commits === 3 && (control.cancelled = true)) });
    const cancelled = await run(t.engine, fileOf('okta.jsonl', bytes), { onCancel: 'keep' }, control);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.source!.state).toBe('partial');
    const kept = cancelled.source!.eventCount;
    expect(kept % BATCH).toBe(0);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(2_600);
    expect(t.engine.store.rows).toBe(kept);
    const counts = await tableCounts(t.db);
    expect(counts.logChunks).toBe(kept / BATCH);
    expect(await t.engine.interruptedImports()).toMatchObject([{ reason: 'cancelled', eventsCommitted: kept }]);

    const resumed = await run(t.engine, fileOf('okta.jsonl', bytes));
    expect(resumed.status).toBe('imported');
    expect(resumed.source!.id).toBe(cancelled.source!.id);
    expect(resumed.source!.eventCount).toBe(2_600);
    const ids = await idsOf(t.engine);
    expect(new Set(ids).size).toBe(2_600);
    expect(await t.engine.interruptedImports()).toEqual([]);

    // Identical to a clean import of the same file.
    const clean = testEngine({ batchRecords: BATCH });
    await run(clean.engine, fileOf('okta.jsonl', bytes));
    expect((await idsOf(clean.engine)).sort()).toEqual([...ids].sort());
    expect(resumed.source!.sha256).toBe((await clean.engine.sources())[0]!.sha256);
  });

  it('discard: nothing of the file stays', async () => {
    const control = { cancelled: false };
    const t = testEngine({ batchRecords: BATCH, maxInFlight: 1, beforeCommit: (seq) => void (seq === 2 && (control.cancelled = true)) });
    const result = await run(t.engine, fileOf('okta.jsonl', bytes), { onCancel: 'discard' }, control);
    expect(result.status).toBe('cancelled');
    expect(result.source).toBeNull();
    expect(await tableCounts(t.db)).toEqual({ logSources: 0, ingestJobs: 0, logChunks: 0, lineProblems: 0 });
    expect(t.engine.store.rows).toBe(0);
  });
});

describe('a crash between chunk commits', () => {
  it('leaves whole chunks only; the next start offers the import to resume or remove', async () => {
    const withBad = new TextEncoder().encode(new TextDecoder().decode(bytes).replace(/\n/, '\nnot json at all\n'));
    const crashing = testEngine({
      batchRecords: BATCH,
      maxInFlight: 1,
      // The app dies here: the database connection goes away mid-import.
      beforeCommit: (seq) => {
        if (seq === 3) crashing.db.close();
      },
    });
    await expect(run(crashing.engine, fileOf('okta.jsonl', withBad))).rejects.toThrow();

    // The fourth chunk's bytes reached its file, but the catalog never named them: a torn tail.
    const [name] = await crashing.files.list();
    const file = await crashing.files.open(name!);
    const torn = file.size();
    const restarted = crashing.reopen({ beforeCommit: () => {} });
    const { events } = await restarted.engine.open();
    expect(events).toBe(3 * BATCH - 1); // the bad line is in the first batch
    const counts = await tableCounts(restarted.db);
    expect(counts).toMatchObject({ logSources: 1, ingestJobs: 1, logChunks: 3, lineProblems: 1 });
    const stored = (await restarted.db.logSources.toArray())[0]!.storedBytes!;
    expect(torn).toBeGreaterThan(stored);
    expect(file.size()).toBe(stored);
    const last = (await restarted.db.logChunks.toArray()).sort((a, b) => a.seq - b.seq).pop()!;
    expect(last.at + last.length).toBe(stored);
    const [source] = await restarted.engine.sources();
    expect(source!.state).toBe('partial');
    const [job] = await restarted.engine.interruptedImports();
    expect(job).toMatchObject({ reason: 'interrupted', eventsCommitted: events, sourceId: source!.id });

    // Resume: the same file picked again continues after the committed records.
    const resumed = await run(restarted.engine, fileOf('okta.jsonl', withBad));
    expect(resumed.status).toBe('imported');
    expect(resumed.source!.eventCount).toBe(2_600);
    expect(resumed.source!.errorCount).toBe(1);
    expect(await restarted.db.lineProblems.count()).toBe(1);
    expect(new Set(await idsOf(restarted.engine)).size).toBe(2_600);
    expect(await restarted.engine.interruptedImports()).toEqual([]);
  });

  it('or removes the partial import cleanly', async () => {
    const crashing = testEngine({ batchRecords: BATCH, maxInFlight: 1, beforeCommit: (seq) => void (seq === 2 && crashing.db.close()) });
    await expect(run(crashing.engine, fileOf('okta.jsonl', bytes))).rejects.toThrow();
    const restarted = crashing.reopen({ beforeCommit: () => {} });
    await restarted.engine.open();
    const [job] = await restarted.engine.interruptedImports();
    await restarted.engine.removeSource(job!.sourceId);
    expect(await tableCounts(restarted.db)).toEqual({ logSources: 0, ingestJobs: 0, logChunks: 0, lineProblems: 0 });
    expect(await restarted.files.list()).toEqual([]);
    expect(restarted.engine.store.rows).toBe(0);
  });
});

describe('removing a source', () => {
  it('drops its rows and leaves the others exactly as a store without it', async () => {
    const other = oktaBytes(900, 11);
    const { engine } = testEngine({ batchRecords: BATCH });
    const a = await run(engine, fileOf('a.jsonl', bytes));
    await run(engine, fileOf('b.jsonl', other));
    await engine.annotate(`${a.source!.id}:5`, { starred: true });
    await engine.removeSource(a.source!.id);
    const alone = testEngine({ batchRecords: BATCH });
    await run(alone.engine, fileOf('b.jsonl', other));
    for (const filter of [{}, { facets: { decision: ['deny'] } }, { text: 'delegable' }, { starred: true }]) {
      const got = await engine.query(filter, 'time-desc', 0, 50);
      const want = await alone.engine.query(filter, 'time-desc', 0, 50);
      expect(got.total).toBe(want.total);
      expect(got.rows.map((r) => r.id)).toEqual(want.rows.map((r) => r.id));
    }
  });
});
