// The Logs screen's Export: the engine writes the events of the current filter, in the
// timeline's order, as Parquet. Read back with DuckDB, every row must be the engine's own
// answer: the timeline row (id, time, line, decision …) and the event drawer's detail
// (the normalized event, the raw record byte for byte and its digest), column by column.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventFilter, SortOrder } from '../../../renderer/src/logs/engine/contract.ts';
import type { AccessEvent } from '../../../shared/model/access-event.ts';
import { expectedRow, readParquetBack } from '../access-logs/duckdb-parquet.ts';
import { demoFile, fileOf, oktaBytes, run, testEngine, type TestEngine } from './helpers.ts';

async function exported(t: TestEngine, filter: EventFilter, sort: SortOrder) {
  const { blob, events } = await t.engine.exportParquet(filter, sort);
  const path = join(mkdtempSync(join(tmpdir(), 'custody-export-')), 'events.parquet');
  writeFileSync(path, new Uint8Array(await blob.arrayBuffer()));
  return { events, back: await readParquetBack(path) };
}

async function expectEngineAnswers(t: TestEngine, filter: EventFilter, sort: SortOrder) {
  const { total, rows } = await t.engine.query(filter, sort, 0, 1e6);
  const { events, back } = await exported(t, filter, sort);
  expect(events).toBe(total);
  expect(back.rows.length).toBe(total);
  for (let i = 0; i < total; i++) {
    const row = rows[i]!;
    const got = back.rows[i]!;
    const detail = await t.engine.event(row.row);
    // The timeline's answer, field by field.
    expect({ id: got.id, time: got.time, line: got.source_line, decision: got.decision ?? '', subject: got.subject_user ?? '', trace: got.trace_id ?? '' }).toEqual({
      id: row.id,
      time: Number.isNaN(row.time) ? null : BigInt(row.time),
      line: BigInt(row.line!),
      decision: row.decision,
      subject: row.subjectUser,
      trace: row.traceId,
    });
    // The drawer's answer: every column of the normalized event, the raw record and its digest.
    const { raw_utf8: rawBytes, ...cells } = got;
    expect(cells).toEqual(expectedRow(detail.normalized as unknown as AccessEvent, detail.rawSha256));
    expect(rawBytes).toEqual(new TextEncoder().encode(detail.raw));
  }
}

describe('export of the current filter as Parquet', () => {
  it('round-trips every demo log through DuckDB, whole and filtered, in either order', async () => {
    const t = testEngine({ batchRecords: 50 });
    for (const name of ['okta-system-log.jsonl', 'descope-audit.json', 'otel-mcp-spans.json']) expect((await run(t.engine, demoFile(name))).status).toBe('imported');
    await expectEngineAnswers(t, {}, 'time-asc');
    await expectEngineAnswers(t, { facets: { decision: ['deny', 'challenge'] } }, 'time-desc');
    const { rows } = await t.engine.query({}, 'time-asc', 0, 1e6);
    const middle = rows[Math.floor(rows.length / 2)]!;
    await expectEngineAnswers(t, { timeFrom: middle.time, text: middle.agent || middle.actor }, 'time-asc');
  }, 60_000);

  it('a larger log comes out in the timeline order; an empty result is a file with the schema and no rows', async () => {
    const t = testEngine({ batchRecords: 2_000 });
    await run(t.engine, fileOf('okta.jsonl', oktaBytes(6_000, 3)));
    const { events, back } = await exported(t, { facets: { decision: ['allow'] } }, 'time-desc');
    const { total, rows } = await t.engine.query({ facets: { decision: ['allow'] } }, 'time-desc', 0, 1e6);
    expect(events).toBe(total);
    expect(back.rows.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    const none = await exported(t, { facets: { agent: ['no such agent'] } }, 'time-asc');
    expect(none.events).toBe(0);
    expect(none.back.rows).toEqual([]);
    expect(none.back.keyValues['custody.schema']).toBe('access-events/1');
  }, 60_000);
});
