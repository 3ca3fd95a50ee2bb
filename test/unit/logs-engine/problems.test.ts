// Malformed records: reported with line number and reason; the valid rest imports.
import { describe, expect, it } from 'vitest';
import { MAX_STORED_PROBLEMS } from '../../../renderer/src/logs/engine/ingest.ts';
import { fileOf, oktaBytes, run, testEngine } from './helpers.ts';

const good = new TextDecoder().decode(oktaBytes(30)).trim().split('\n');

describe('malformed lines', () => {
  it('are stored with their line numbers and reasons; every valid line imports', async () => {
    const lines = [...good];
    lines.splice(4, 0, '{"eventType": "user.session.start", "published": '); // cut off → line 5
    lines.splice(10, 0, 'garbage here'); // line 11
    lines.splice(20, 0, '{"no":"eventType"}'); // line 21: JSON, but not an Okta event
    const { engine } = testEngine({ batchRecords: 7 });
    const result = await run(engine, fileOf('okta.jsonl', `${lines.join('\r\n')}\r\n`, 50));
    expect(result.status).toBe('imported');
    expect(result.source!.eventCount).toBe(good.length);
    expect(result.source!.errorCount).toBe(3);
    const problems = await engine.problems(result.source!.id);
    expect(problems.map((p) => p.line)).toEqual([5, 11, 21]);
    expect(problems[0]!.message).toMatch(/not valid JSON/);
    expect(problems[2]!.message).toMatch(/eventType/);
    // Line numbers of the good records are kept too.
    const { rows } = await engine.query({}, 'time-asc', 0, 100);
    expect(rows.map((r) => r.line).sort((a, b) => a! - b!)).toEqual(Array.from({ length: lines.length }, (_, i) => i + 1).filter((l) => ![5, 11, 21].includes(l)));
  });

  it('in a JSON array name the element (#n) as well as the line', async () => {
    const records = good.slice(0, 5).map((l) => JSON.stringify(JSON.parse(l), null, 2));
    records.splice(2, 0, '{"published": "2026-01-01T00:00:00Z"}');
    const { engine } = testEngine();
    const result = await run(engine, fileOf('okta.json', `[\n${records.join(',\n')}\n]\n`));
    expect(result.status).toBe('imported');
    expect(result.source!.eventCount).toBe(5);
    const [p] = await engine.problems();
    expect(p).toMatchObject({ sample: '#3' });
    expect(p!.line).toBeGreaterThan(1);
  });

  it('are capped in storage while every one is counted (a file of garbage stays small)', async () => {
    const lines = [good[0]!, ...Array.from({ length: MAX_STORED_PROBLEMS + 25 }, (_, i) => `{"bad": ${i}`), good[1]!];
    const { engine, db } = testEngine({ batchRecords: 2_000 });
    const result = await run(engine, fileOf('okta.jsonl', lines.join('\n')));
    expect(result.source!.eventCount).toBe(2);
    expect(result.source!.errorCount).toBe(MAX_STORED_PROBLEMS + 25);
    expect(await db.lineProblems.count()).toBe(MAX_STORED_PROBLEMS);
  });
});
