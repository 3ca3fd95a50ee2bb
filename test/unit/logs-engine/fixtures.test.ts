// Every project fixture imports through the engine with exactly the events and problems
// the shared reader pipeline produces, each row matching its normalized event.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'fflate';
import { readAccessLog } from '../../../shared/formats/access-logs/read-access-log.ts';
import { eventFields } from '../../../renderer/src/logs/engine/event-fields.ts';
import { fileOf, run, testEngine } from './helpers.ts';

const root = resolve(import.meta.dirname, '../../fixtures/access-logs');
const fixtures = readdirSync(root).flatMap((dir) => readdirSync(resolve(root, dir)).map((f) => `${dir}/${f}`)).filter((f) => !f.endsWith('.mapping.json'));

describe('fixtures through the engine', () => {
  for (const name of fixtures) {
    it(`${name}: same events and problems as the shared pipeline`, async () => {
      const bytes = readFileSync(resolve(root, name));
      const reference = readAccessLog({ name, bytes });
      const { engine } = testEngine({ batchRecords: 3 });
      const result = await run(engine, fileOf(name.split('/')[1]!, bytes, 97));
      if (reference.format === null) {
        expect(result.status).toBe('rejected');
        return;
      }
      expect(result.status, result.message).toBe('imported');
      expect(result.source!.format).toBe(reference.format);
      expect(result.source!.eventCount).toBe(reference.events.length);
      expect(result.source!.errorCount).toBe(reference.errorCount);
      const { rows } = await engine.query({}, 'time-asc', 0, 10_000);
      const sourceId = result.source!.id;
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const e of reference.events) {
        const id = e.id.replace(/^[^:]+:/, `${sourceId}:`);
        const row = byId.get(id);
        expect(row, id).toBeDefined();
        const f = eventFields(e, e.source.id);
        expect({ agent: row!.agent, decision: row!.decision, subjectUser: row!.subjectUser, tool: row!.tool, line: row!.line }).toEqual({
          agent: f.coded.agent,
          decision: f.coded.decision,
          subjectUser: f.coded.subjectUser,
          tool: f.coded.tool,
          line: e.source.line,
        });
        const detail = await engine.event(row!.row);
        expect(detail.raw).toBe(e.raw);
      }
    });
  }

  it('reads a gzip-compressed log like the plain one', async () => {
    const plain = readFileSync(resolve(root, 'okta/system-log.jsonl'));
    const { engine } = testEngine();
    const result = await run(engine, fileOf('system-log.jsonl.gz', gzipSync(plain)));
    expect(result.status).toBe('imported');
    expect(result.source!.eventCount).toBe(readAccessLog({ name: 'system-log.jsonl', bytes: plain }).events.length);
  });

  it('applies a saved column mapping chosen by the auditor', async () => {
    const { engine } = testEngine();
    const saved = await engine.saveMapping(JSON.parse(readFileSync(resolve(root, 'generic/custom.mapping.json'), 'utf8')));
    expect((await engine.mappings()).map((m) => m.name)).toEqual(['Gateway export']);
    const result = await run(engine, fileOf('custom.csv', readFileSync(resolve(root, 'generic/custom.csv'))), { mappingId: saved.id });
    expect(result.status, result.message).toBe('imported');
    expect(result.source!.format).toBe('mapping:Gateway export');
    const { rows } = await engine.query({ facets: { decision: ['deny'] } }, 'time-asc', 0, 100);
    expect(rows.length).toBeGreaterThan(0);
    // A CSV row is re-read alone for the drawer, through the stored header and the mapping.
    const detail = await engine.event(rows[0]!.row);
    expect(detail.normalized.decision).toBe('deny');
    expect(detail.normalized.actionNative).toBe(rows[0]!.actionNative);
  });

  it('accepts a pure stream (no random access)', async () => {
    const bytes = readFileSync(resolve(root, 'okta/system-log.jsonl'));
    const blob = new Blob([bytes]);
    const { engine } = testEngine();
    const result = await run(engine, { name: 'stream.jsonl', size: bytes.length, stream: () => blob.stream() as ReadableStream<Uint8Array> });
    expect(result.status).toBe('imported');
    expect(result.source!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
