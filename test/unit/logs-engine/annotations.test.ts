// Auditor annotations live apart from the evidence: they filter like columns, persist,
// and never change a stored raw record or its digest.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { fileOf, oktaBytes, run, testEngine, type TestEngine } from './helpers.ts';

/** The SHA-256 of every chunk file: what the store holds of the evidence. */
async function storedBytes(t: TestEngine): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await t.files.list()).sort()) {
    const f = await t.files.open(name);
    const bytes = new Uint8Array(f.size());
    f.read(bytes, 0);
    out.push(createHash('sha256').update(bytes).digest('hex'));
  }
  return out;
}

const bytes = oktaBytes(1_500, 5);
const lines = new TextDecoder().decode(bytes).trim().split('\n');

describe('annotations', () => {
  it('star, tag and comment; filter by them; reopen and find them; raw untouched', async () => {
    const t = testEngine({ batchRecords: 400 });
    const { source } = await run(t.engine, fileOf('okta.jsonl', bytes));
    const { rows } = await t.engine.query({}, 'time-asc', 0, 2_000);
    const target = rows[777]!;
    const before = await t.engine.event(target.row);
    const storedBefore = await storedBytes(t);

    await t.engine.annotate(target.id, { starred: true });
    await t.engine.annotate(target.id, { tags: ['follow-up', 'follow-up', ' scope '], comment: 'agent widened its scope' });
    await t.engine.annotate(rows[3]!.id, { tags: ['noise'] });

    expect((await t.engine.query({ starred: true }, 'time-asc', 0, 10)).rows.map((r) => r.id)).toEqual([target.id]);
    expect((await t.engine.query({ tag: 'scope' }, 'time-asc', 0, 10)).total).toBe(1);
    expect((await t.engine.query({ commented: true }, 'time-asc', 0, 10)).total).toBe(1);
    expect(await t.engine.tags()).toEqual([
      { value: 'follow-up', count: 1 },
      { value: 'noise', count: 1 },
      { value: 'scope', count: 1 },
    ]);

    const after = await t.engine.event(target.row);
    expect(after.raw).toBe(before.raw);
    expect(after.rawSha256).toBe(before.rawSha256);
    expect(after.annotation).toMatchObject({ starred: true, tags: ['follow-up', 'scope'], comment: 'agent widened its scope' });
    expect(await storedBytes(t)).toEqual(storedBefore);

    // The raw record is the line as it stood in the file, and its digest is that line's.
    const line = lines[target.line! - 1]!;
    expect(after.raw).toBe(line);
    expect(after.rawSha256).toBe(`sha256:${createHash('sha256').update(line).digest('hex')}`);
    expect(after.normalized).toMatchObject({ id: target.id, source: { id: source!.id, line: target.line } });

    const reopened = t.reopen();
    await reopened.engine.open();
    const starred = await reopened.engine.query({ starred: true }, 'time-asc', 0, 10);
    expect(starred.rows.map((r) => [r.id, r.starred, r.tags, r.hasComment])).toEqual([[target.id, true, ['follow-up', 'scope'], true]]);

    // Clearing everything removes the annotation row.
    await reopened.engine.annotate(target.id, { starred: false, tags: [], comment: '' });
    expect(await reopened.db.eventAnnotations.get(target.id)).toBeUndefined();
    expect((await reopened.engine.query({ starred: true }, 'time-asc', 0, 10)).total).toBe(0);
  });

  it('come back when a removed file is imported again (same event ids)', async () => {
    const t = testEngine();
    const first = await run(t.engine, fileOf('okta.jsonl', bytes));
    const id = `${first.source!.id}:42`;
    await t.engine.annotate(id, { starred: true });
    await t.engine.removeSource(first.source!.id);
    expect((await t.engine.query({ starred: true }, 'time-asc', 0, 10)).total).toBe(0);
    const again = await run(t.engine, fileOf('okta.jsonl', bytes));
    expect(again.source!.id).toBe(first.source!.id);
    expect((await t.engine.query({ starred: true }, 'time-asc', 0, 10)).rows.map((r) => r.id)).toEqual([id]);
  });
});

describe('reopening the store', () => {
  it('answers like before, text search included, views saved', async () => {
    const t = testEngine({ batchRecords: 300 });
    await run(t.engine, fileOf('okta.jsonl', bytes));
    await t.engine.saveView({ name: 'denies', filter: { facets: { decision: ['deny'] } }, columns: ['time', 'agent'] });
    await t.engine.saveView({ name: 'denies', filter: { facets: { decision: ['deny', 'challenge'] } }, columns: ['time'] });
    const filters = [{}, { facets: { decision: ['deny'] } }, { text: 'delegable' }, { text: 'ehr.write hopper' }];
    const before = await Promise.all(filters.map((f) => t.engine.query(f, 'time-desc', 0, 30)));
    const r = t.reopen();
    const opened = await r.engine.open();
    expect(opened.events).toBe(1_500);
    const after = await Promise.all(filters.map((f) => r.engine.query(f, 'time-desc', 0, 30)));
    expect(after).toEqual(before);
    expect(after[2]!.total).toBeGreaterThan(0);
    expect(await r.engine.savedViews()).toMatchObject([{ name: 'denies', filter: { facets: { decision: ['deny', 'challenge'] } } }]);
  });
});
