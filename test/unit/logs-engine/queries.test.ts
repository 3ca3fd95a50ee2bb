// Property-style: random filters over generated data, every answer checked against a
// brute-force reference computed from the rows and their raw records.
import { beforeAll, describe, expect, it } from 'vitest';
import { facetFields, type EventFilter, type EventRow, type FacetField } from '../../../renderer/src/logs/engine/contract.ts';
import type { LogEngineCore } from '../../../renderer/src/logs/engine/core.ts';
import { searchCase, searchTerms } from '../../../renderer/src/logs/engine/search-terms.ts';
import { readAccessLog } from '../../../shared/formats/access-logs/read-access-log.ts';
import { demoFile, fileOf, oktaBytes, prng, run, testEngine } from './helpers.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { demoDir } from './helpers.ts';

const BATCH = 700;

let engine: LogEngineCore;
let all: EventRow[];
/** Per row: the raw record's string values. */
let values: string[][];

function stringLeaves(v: unknown, out: string[]): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) stringLeaves(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) stringLeaves(x, out);
  return out;
}

const isTimestamp = (s: string) => /^\d{4}-\d\d-\d\d[T ]/.test(s);
const searched: (keyof EventRow)[] = ['agent', 'subjectUser', 'tenant', 'client', 'mcpServer', 'tool', 'targetService', 'actionClass', 'decision', 'actionNative', 'operation', 'scopes', 'outcome'];

/** Every term is a case-insensitive substring of a normalized field or of a non-timestamp string value. */
function textMatches(i: number, query: string): boolean {
  const row = all[i]!;
  const haystack = [...searched.map((k) => String(row[k])), ...values[i]!.filter((v) => !isTimestamp(v))].map(searchCase);
  return searchTerms(query).every((t) => haystack.some((v) => v.includes(t)));
}

function matches(i: number, f: EventFilter, skip?: FacetField): boolean {
  const r = all[i]!;
  if (f.timeFrom !== undefined && !(r.time >= f.timeFrom)) return false;
  if (f.timeTo !== undefined && !(r.time < f.timeTo)) return false;
  for (const [field, vals] of Object.entries(f.facets ?? {}) as [FacetField, string[]][]) {
    if (field === skip || vals.length === 0) continue;
    if (!vals.includes(String(r[field]))) return false;
  }
  if (f.starred && !r.starred) return false;
  if (f.commented && !r.hasComment) return false;
  if (f.tag && !r.tags.includes(f.tag)) return false;
  if (f.text && !textMatches(i, f.text)) return false;
  return true;
}

/** Reference order: by time, ties by row; rows without time last. */
const byTime = (a: EventRow, b: EventRow) => (Number.isNaN(a.time) ? 1 : 0) - (Number.isNaN(b.time) ? 1 : 0) || a.time - b.time || a.row - b.row;

beforeAll(async () => {
  const t = testEngine({ batchRecords: BATCH });
  engine = t.engine;
  const okta = oktaBytes(3_200, 3);
  const a = await run(engine, fileOf('okta.jsonl', okta));
  const b = await run(engine, demoFile('descope-audit.json'));
  const c = await run(engine, demoFile('okta-system-log.jsonl'));
  const rawById = new Map<string, unknown>();
  for (const [result, name, bytes] of [
    [a, 'okta.jsonl', okta],
    [b, 'descope-audit.json', readFileSync(resolve(demoDir, 'descope-audit.json'))],
    [c, 'okta-system-log.jsonl', readFileSync(resolve(demoDir, 'okta-system-log.jsonl'))],
  ] as const) {
    for (const e of readAccessLog({ name, bytes }).events) rawById.set(e.id.replace(/^.*?:(?=\d+(\.\d+)?$)/, `${result.source!.id}:`), JSON.parse(e.raw));
  }
  all = (await engine.query({}, 'time-asc', 0, 1e6)).rows.sort((x, y) => x.row - y.row);
  values = all.map((r) => stringLeaves(rawById.get(r.id), []));
  // A few annotations to filter on.
  const rand = prng(99);
  for (let k = 0; k < 40; k++) {
    const r = all[Math.floor(rand() * all.length)]!;
    await engine.annotate(r.id, { starred: rand() < 0.5, tags: rand() < 0.5 ? ['follow-up'] : ['noise'], comment: rand() < 0.3 ? 'look' : '' });
  }
  all = (await engine.query({}, 'time-asc', 0, 1e6)).rows.sort((x, y) => x.row - y.row);
});

function randomFilter(rand: () => number): EventFilter {
  const f: EventFilter = {};
  const times = all.map((r) => r.time).filter((t) => !Number.isNaN(t));
  if (rand() < 0.4) f.timeFrom = times[Math.floor(rand() * times.length)]!;
  if (rand() < 0.4) f.timeTo = times[Math.floor(rand() * times.length)]! + (rand() < 0.5 ? 1 : 0);
  const facets: Partial<Record<FacetField, string[]>> = {};
  for (let k = Math.floor(rand() * 3); k > 0; k--) {
    const field = facetFields[Math.floor(rand() * facetFields.length)]!;
    const pool = [...new Set(all.map((r) => String(r[field])))];
    const chosen = Array.from({ length: 1 + Math.floor(rand() * 2) }, () => pool[Math.floor(rand() * pool.length)]!);
    if (rand() < 0.1) chosen.push('never-seen-value');
    facets[field] = chosen;
  }
  if (Object.keys(facets).length) f.facets = facets;
  if (rand() < 0.35) {
    const r = all[Math.floor(rand() * all.length)]!;
    const sample = values[r.row]!.filter((v) => !isTimestamp(v));
    const fromRow = sample.length ? sample[Math.floor(rand() * sample.length)]!.split(/\s+/) : [];
    const pool = ['delegable', 'ehr', 'read', 'hopper', 'knuth1', 'deny', 'token exchange', '"token exchange"', 'agent-triage', 'zzzq', 'GRACE', 'ehr.read', ...fromRow];
    let text = pool[Math.floor(rand() * pool.length)]!;
    if (rand() < 0.3 && text.length > 4) text = text.slice(1, -1); // substrings too
    f.text = text;
  }
  if (rand() < 0.1) f.starred = true;
  if (rand() < 0.1) f.tag = 'follow-up';
  if (rand() < 0.05) f.commented = true;
  return f;
}

describe('queries against a brute-force reference', () => {
  it('rows in time order, total and paging (asc and desc) for random filters', async () => {
    const rand = prng(1234);
    for (let k = 0; k < 80; k++) {
      const f = randomFilter(rand);
      const want = all.filter((_, i) => matches(i, f)).sort(byTime);
      const desc = rand() < 0.5;
      const offset = Math.floor(rand() * Math.max(1, want.length));
      const limit = 1 + Math.floor(rand() * 60);
      const got = await engine.query(f, desc ? 'time-desc' : 'time-asc', offset, limit);
      const ordered = desc ? [...want].reverse() : want;
      expect({ f, total: got.total }).toEqual({ f, total: want.length });
      expect(got.rows.map((r) => r.row)).toEqual(ordered.slice(offset, offset + limit).map((r) => r.row));
    }
  });

  it('facet counts apply every filter but the field’s own', async () => {
    const rand = prng(77);
    for (let k = 0; k < 40; k++) {
      const f = randomFilter(rand);
      const got = await engine.facets(f, { limit: 1e6 });
      for (const field of facetFields) {
        const want = new Map<string, number>();
        all.forEach((r, i) => {
          if (matches(i, f, field)) want.set(String(r[field]), (want.get(String(r[field])) ?? 0) + 1);
        });
        const gotMap = new Map(got[field].filter((c) => c.count > 0).map((c) => [c.value, c.count]));
        expect({ f, field, counts: gotMap }).toEqual({ f, field, counts: want });
        for (const v of f.facets?.[field] ?? []) expect(got[field].some((c) => c.value === v)).toBe(true);
      }
    }
  });

  it('histogram buckets split by decision add up to the selection', async () => {
    const rand = prng(5);
    for (let k = 0; k < 25; k++) {
      const f = randomFilter(rand);
      const buckets = 1 + Math.floor(rand() * 40);
      const got = await engine.histogram(f, buckets);
      const rows = all.filter((r, i) => matches(i, f) && !Number.isNaN(r.time));
      const range = (await engine.timeRange())!;
      const start = f.timeFrom ?? range.min;
      const end = f.timeTo ?? range.max + 1;
      const width = Math.max(1, end - start) / buckets;
      const want = Array.from({ length: buckets }, () => ({ allow: 0, deny: 0, challenge: 0, other: 0 }));
      for (const r of rows) {
        if (r.time < start || r.time >= start + Math.max(1, end - start)) continue;
        const b = want[Math.min(buckets - 1, Math.floor((r.time - start) / width))]!;
        const d = r.decision === 'allow' || r.decision === 'deny' || r.decision === 'challenge' ? r.decision : 'other';
        b[d]++;
      }
      expect(got.map(({ allow, deny, challenge, other }) => ({ allow, deny, challenge, other }))).toEqual(want);
    }
  });

  it('surrounding events share the agent (or session) within the window, in time order', async () => {
    const rand = prng(8);
    for (let k = 0; k < 30; k++) {
      const r = all[Math.floor(rand() * all.length)]!;
      const by = rand() < 0.5 ? 'agent' : 'session';
      const w = Math.floor(rand() * 3_600e6);
      const got = await engine.surrounding(r.row, by, w);
      // Without an agent, the row's actor stands in: all of that actor's events.
      const key = (x: EventRow) => (by === 'agent' ? (r.agent ? x.agent : x.actor) : engine.store.packed('session', x.row));
      const k0 = key(r);
      const empty = by === 'agent' ? !r.agent && !r.actor : k0 === '';
      const want = empty || Number.isNaN(r.time) ? [r] : all.filter((x) => key(x) === k0 && Math.abs(x.time - r.time) <= w).sort(byTime);
      expect(got.map((x) => x.row)).toEqual(want.map((x) => x.row));
    }
  });

  it('the audit questions give the answers a scan of the events gives', async () => {
    const denied = all.filter((r) => r.decision === 'deny');
    const agent = denied[0]!.agent;
    const q1 = await engine.query({ facets: { agent: [agent], decision: ['deny'] } }, 'time-desc', 0, 100);
    expect(q1.total).toBe(denied.filter((r) => r.agent === agent).length);
    const f = await engine.facets({ facets: { decision: ['deny'] } });
    const byAgent = new Map<string, number>();
    for (const r of denied) byAgent.set(r.agent, (byAgent.get(r.agent) ?? 0) + 1);
    expect(new Map(f.agent.map((c) => [c.value, c.count]))).toEqual(byAgent);
  });
});
