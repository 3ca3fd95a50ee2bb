// Bad input gives a clear message and leaves the store untouched (or consistently partial).
import { describe, expect, it } from 'vitest';
import { fileOf, oktaBytes, run, tableCounts, testEngine } from './helpers.ts';

const empty = { logSources: 0, ingestJobs: 0, logChunks: 0, lineProblems: 0 };

describe('bad input', () => {
  it('an empty file', async () => {
    const { engine, db } = testEngine();
    const result = await run(engine, fileOf('empty.jsonl', ''));
    expect(result).toMatchObject({ status: 'rejected', message: expect.stringMatching(/empty/) });
    expect(await tableCounts(db)).toEqual(empty);
  });

  it('a file of garbage', async () => {
    const { engine, db } = testEngine();
    const bytes = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251);
    const result = await run(engine, fileOf('garbage.jsonl', bytes));
    expect(result.status).toBe('rejected');
    expect(result.message).toMatch(/not an access log/);
    expect(await tableCounts(db)).toEqual(empty);
  });

  it('a Custody transcripts export that a generic reader alone would take: refused as transcripts', async () => {
    // Detection weighs every format, as the CLI does: the top-level time and user fit
    // generic-json, but the file is transcripts and must not become a log source.
    const body = JSON.stringify({ format: 'custody.transcripts', version: 1, createdAt: '2026-01-01T00:00:00Z', user: 'ada', transcripts: [] }, null, 2);
    const { engine, db } = testEngine();
    const result = await run(engine, fileOf('export.json', body));
    expect(result).toMatchObject({ status: 'rejected', message: 'export.json is transcripts (custody-transcripts), not an access log' });
    expect(await tableCounts(db)).toEqual(empty);
  });

  it('a JSON file that is one object rather than an array: one event', async () => {
    const one = new TextDecoder().decode(oktaBytes(1)).trim();
    const { engine } = testEngine();
    const result = await run(engine, fileOf('one.json', JSON.stringify(JSON.parse(one), null, 2)));
    expect(result.status).toBe('imported');
    expect(result.source!.eventCount).toBe(1);
  });

  it('one huge line among good ones: reported, the rest imported', async () => {
    const lines = new TextDecoder().decode(oktaBytes(20)).trim().split('\n');
    const huge = `{"eventType":"user.session.start","published":"2026-01-01T00:00:00Z","padding":"${'x'.repeat(5_000_000)}"}`;
    lines.splice(10, 0, huge);
    const { engine } = testEngine();
    const result = await run(engine, fileOf('huge.jsonl', lines.join('\n'), 1 << 20));
    expect(result.status).toBe('imported');
    // A 5 MB record is still a record (the cap is 64M characters): it imports, and its raw is kept whole.
    expect(result.source!.eventCount).toBe(21);
    const { rows } = await engine.query({}, 'time-asc', 0, 50);
    const big = rows.find((r) => r.line === 11)!;
    expect((await engine.event(big.row)).raw.length).toBe(huge.length);
  });

  it('JSON Lines read as bytes: non-ASCII, invalid UTF-8, CRLF and a broken line keep every good record verbatim', async () => {
    const lines = new TextDecoder().decode(oktaBytes(30)).trim().split('\n');
    lines[3] = lines[3]!.replace('"displayName":"', '"displayName":"Zoë Ångström 😀 ');
    lines[7] = '{"eventType": broken';
    const bytes: number[] = [];
    const decoder = new TextDecoder();
    const expected = lines.map((line, i) => {
      const encoded = [...new TextEncoder().encode(line)];
      // Line 13 carries a byte that is not UTF-8 inside a string value.
      if (i === 12) encoded.splice(line.indexOf('"displayName":"') + 15, 0, 0xff);
      bytes.push(...encoded, ...(i % 2 ? [13, 10] : [10]));
      return decoder.decode(Uint8Array.from(encoded));
    });
    expect(expected[12]).toContain('\ufffd');
    const { engine } = testEngine({ batchRecords: 4 });
    const result = await run(engine, fileOf('mixed.jsonl', Uint8Array.from(bytes), 333));
    expect(result.status).toBe('imported');
    expect(result.source).toMatchObject({ eventCount: 29, errorCount: 1 });
    expect(await engine.problems(result.source!.id)).toEqual([expect.objectContaining({ line: 8, message: expect.stringMatching(/not valid JSON/) })]);
    const { rows } = await engine.query({}, 'time-asc', 0, 50);
    expect(rows).toHaveLength(29);
    for (const r of rows) expect((await engine.event(r.row)).raw).toBe(expected[r.line! - 1]);
    expect((await engine.query({ text: 'ångström' }, 'time-asc', 0, 10)).total).toBe(1);
  });
});

describe('full-text semantics', () => {
  it('any substring of a value, repeated or one-off; every term must match', async () => {
    const { engine } = testEngine();
    const bytes = oktaBytes(400);
    await run(engine, fileOf('okta.jsonl', bytes));
    const events = new TextDecoder()
      .decode(bytes)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { uuid: string; debugContext?: { debugData?: { traceId?: string; subject?: string } } });
    const traced = events.find((e) => e.debugContext?.debugData?.traceId)!;
    const traceId = traced.debugContext!.debugData!.traceId!;
    // A one-off id: found whole, in any case, and by any fragment.
    expect((await engine.query({ text: traceId }, 'time-asc', 0, 10)).total).toBe(1);
    expect((await engine.query({ text: traceId.toUpperCase() }, 'time-asc', 0, 10)).total).toBe(1);
    expect((await engine.query({ text: traceId.slice(5, 17) }, 'time-asc', 0, 10)).total).toBe(1);
    // One character more is no longer in the data.
    expect((await engine.query({ text: `${traceId}0` }, 'time-asc', 0, 10)).total).toBe(0);
    // A repeated value (a user's login): any fragment finds it.
    const login = traced.debugContext!.debugData!.subject!;
    const fragment = login.split('@')[0]!.slice(1, -1);
    const byFragment = await engine.query({ text: fragment }, 'time-asc', 0, 1000);
    expect(byFragment.total).toBeGreaterThan(0);
    // AND across tokens.
    const both = await engine.query({ text: `${fragment} ${traceId}` }, 'time-asc', 0, 10);
    expect(both.total).toBe(1);
    expect((await engine.query({ text: `${fragment} nosuchtoken` }, 'time-asc', 0, 10)).total).toBe(0);
    // Normalized values that are not in the raw text (derived by the reader) are searchable too.
    expect((await engine.query({ text: 'token_exchange' }, 'time-asc', 0, 10)).total).toBeGreaterThan(0);
  });
});
