// Full-text search against a brute-force scan. Random Okta-shaped events carry random
// identifiers, e-mail addresses, paths, punctuation, whitespace, unicode and mixed case
// (some records with every non-ASCII character written as a \uXXXX escape); random
// queries are fragments of the data (any length, any case, phrases, several terms) and
// strings that are not in it. The engine's rows must be exactly the rows the definition
// (renderer/src/logs/engine/README.md) selects: every term is, ignoring case, a substring
// of one of the event's string values (timestamps aside) or of its normalized fields.
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventRow } from '../../../renderer/src/logs/engine/contract.ts';
import type { LogEngineCore } from '../../../renderer/src/logs/engine/core.ts';
import { searchTerms } from '../../../renderer/src/logs/engine/search-terms.ts';
import { fileOf, prng, run, type TestEngine, testEngine } from './helpers.ts';

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const alnum = (rand: Rand, n: number) => Array.from({ length: n }, () => pick(rand, [...ALNUM])).join('');
const mixCase = (rand: Rand, s: string) => [...s].map((c) => (rand() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join('');

const WORDS = ['riverside', 'labs', 'Riverside-Labs', 'hopper', 'GRACE', 'Müller', 'ÉCOLE', 'straße', 'İstanbul', 'ΟΔΟΣ', '東京', '🔑key', 'naïve', 'ok', 'a', '3', 'P-2231', 'json', 'results'];
const PUNCT = ['-', '.', '/', '@', ':', '::', '"', "'", '\\', '*', ',', ';', '|', '%', '_', '(', ')', '[', ']', '{', '}', '+'];

function identifier(rand: Rand): string {
  return pick(rand, ['00u', '0oa', 'AT.', 'req-', 'P-', 'urn:x:', '']) + alnum(rand, 3 + Math.floor(rand() * 20));
}

function email(rand: Rand): string {
  return `${mixCase(rand, pick(rand, WORDS))}.${alnum(rand, 4)}${rand() < 0.3 ? '+tag' : ''}@${pick(rand, ['riverside-labs.example', 'stmarys.example', 'Example.ORG'])}`;
}

function path(rand: Rand): string {
  const parts = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(rand, [alnum(rand, 4), pick(rand, WORDS), 'P-2231', '3.json', 'x y']));
  return pick(rand, ['results/', '/var/log/', 'C:\\Users\\', 's3://bucket/', '']) + parts.join(pick(rand, ['/', '\\', '/']));
}

function noise(rand: Rand): string {
  const n = 1 + Math.floor(rand() * 6);
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = rand();
    s += r < 0.35 ? pick(rand, WORDS) : r < 0.6 ? pick(rand, PUNCT) : r < 0.75 ? pick(rand, [' ', '  ', '\t', '\n']) : r < 0.9 ? alnum(rand, 1 + Math.floor(rand() * 5)) : String.fromCodePoint(0xa0 + Math.floor(rand() * 0x2000));
  }
  return s;
}

function value(rand: Rand, shared: string[]): string {
  const r = rand();
  // A shared pool makes values repeat within chunks (the vocabulary); the rest are one-offs.
  if (r < 0.35) return pick(rand, shared);
  if (r < 0.55) return identifier(rand);
  if (r < 0.7) return email(rand);
  if (r < 0.85) return path(rand);
  if (r < 0.9) return `2026-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 10)}${pick(rand, ['T', ' '])}10:00:00Z`;
  return noise(rand);
}

function record(rand: Rand, i: number, shared: string[]): string {
  const v = () => value(rand, shared);
  const event = {
    uuid: `${alnum(rand, 8)}-${i}`,
    published: new Date(Date.UTC(2026, 0, 1) + i * 61_000).toISOString(),
    eventType: pick(rand, ['user.session.start', 'app.oauth2.as.token.grant', 'policy.evaluate_sign_on', 'user.account.privilege.grant']),
    actor: { id: identifier(rand), type: pick(rand, ['User', 'PublicClientApp']), alternateId: email(rand), displayName: v() },
    client: { ipAddress: `203.0.113.${Math.floor(rand() * 256)}` },
    outcome: { result: pick(rand, ['SUCCESS', 'DENY', 'CHALLENGE', 'FAILURE']), reason: rand() < 0.5 ? v() : null },
    target: [{ id: identifier(rand), type: 'User', alternateId: v(), displayName: v() }],
    debugContext: { debugData: { requestId: identifier(rand), note: v(), [`k${Math.floor(rand() * 5)}`]: v(), list: [v(), 42, true, v()] } },
  };
  const line = JSON.stringify(event);
  // Some exporters escape everything past ASCII: the same values, another spelling.
  return rand() < 0.2 ? line.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : line;
}

/** Ignoring case: lower-cased, the Greek final sigma read as σ (toLowerCase picks ς by position). */
const fold = (s: string) => s.toLowerCase().replace(/ς/g, 'σ');
const isTimestamp = (s: string) => /^\d{4}-\d\d-\d\d[T ]/.test(s);
const normalized = ['agent', 'subjectUser', 'tenant', 'client', 'mcpServer', 'tool', 'targetService', 'actionClass', 'decision', 'actionNative', 'operation', 'scopes', 'outcome'] as const;

function strings(v: unknown, out: string[]): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

/** Row → the lower-cased values a search looks at, from the record itself and the row's fields. */
let haystacks: string[][];
let all: EventRow[];
let engine: LogEngineCore;
let t: TestEngine;
let lines: string[];
/** The generated record a row came from (rows carry their 1-based line). */
const lineOf = (r: EventRow): string => lines[(r.line ?? 0) - 1]!;

/** The definition, by brute force: every term is in one of the row's values. */
function bruteForce(query: string): number[] {
  const terms = [...new Set(query.split(/\s+/).filter((w) => w !== ''))].map(fold);
  return all.filter((_, i) => terms.every((term) => haystacks[i]!.some((v) => v.includes(term)))).map((r) => r.row);
}

async function engineRows(query: string): Promise<number[]> {
  const got = await engine.query({ text: query }, 'time-asc', 0, 1e6);
  expect(got.rows.length).toBe(got.total);
  return got.rows.map((r) => r.row).sort((a, b) => a - b);
}

beforeAll(async () => {
  const rand = prng(20261202);
  const shared = Array.from({ length: 40 }, () => value(rand, []));
  lines = Array.from({ length: 1200 }, (_, i) => record(rand, i, shared));
  t = testEngine({ batchRecords: 150 });
  engine = t.engine;
  const result = await run(engine, fileOf('random.jsonl', lines.join('\n')));
  expect(result.status).toBe('imported');
  all = (await engine.query({}, 'time-asc', 0, 1e6)).rows.sort((a, b) => a.row - b.row);
  expect(all.length).toBe(lines.length);
  haystacks = all.map((r) => [...normalized.map((k) => String(r[k] ?? '')), ...strings(JSON.parse(lineOf(r)), []).filter((s) => !isTimestamp(s))].map(fold));
}, 60_000);

/** Whitespace-free fragments (one term each) from the data, and strings that are not in it. */
function randomTerm(rand: Rand): string {
  const r = rand();
  if (r < 0.75) {
    const i = Math.floor(rand() * all.length);
    const pool = strings(JSON.parse(lineOf(all[i]!)), []).concat(normalized.map((k) => String(all[i]![k] ?? '')));
    const words = pick(rand, pool)
      .split(/\s+/)
      .filter((w) => w !== '' && !w.includes('"'));
    if (words.length === 0) return 'zz';
    const w = pick(rand, words);
    const from = rand() < 0.3 ? 0 : Math.floor(rand() * w.length);
    const to = rand() < 0.3 ? w.length : from + 1 + Math.floor(rand() * (w.length - from));
    const fragment = w.slice(from, to);
    return rand() < 0.3 ? mixCase(rand, fragment) : rand() < 0.15 ? fragment.toUpperCase() : fragment;
  }
  if (r < 0.85) return pick(rand, PUNCT.filter((p) => p !== '"')) + pick(rand, WORDS);
  if (r < 0.95) return alnum(rand, 6 + Math.floor(rand() * 8));
  return pick(rand, ['results/P-2231/3.json', 'riverside-labs', '@riverside-labs.example', 'P-2231', 'ΟΔΟΣ', 'ß', '*', 'x*y']);
}

describe('full-text search equals a brute-force scan', () => {
  it('single terms: fragments of values (any case), punctuation, unicode and absent strings', async () => {
    const rand = prng(7);
    let nonEmpty = 0;
    for (let k = 0; k < 300; k++) {
      const q = randomTerm(rand);
      const want = bruteForce(q);
      if (want.length > 0 && want.length < all.length) nonEmpty++;
      expect({ q, rows: await engineRows(q) }).toEqual({ q, rows: want });
    }
    // The sample is not vacuous: most queries select some rows but not all.
    expect(nonEmpty).toBeGreaterThan(150);
  }, 120_000);

  it('several terms must all match (AND), in any order', async () => {
    const rand = prng(11);
    for (let k = 0; k < 120; k++) {
      const terms = Array.from({ length: 2 + Math.floor(rand() * 2) }, () => randomTerm(rand));
      const q = terms.join(pick(rand, [' ', '  ', '\t']));
      const want = bruteForce(q);
      expect({ q, rows: await engineRows(q) }).toEqual({ q, rows: want });
      expect(await engineRows([...terms].reverse().join(' '))).toEqual(want);
    }
  }, 120_000);

  it('"quoted phrases" match with their spaces; unquoted, the words are separate terms', async () => {
    const rand = prng(13);
    let phrases = 0;
    for (let k = 0; k < 80; k++) {
      const i = Math.floor(rand() * all.length);
      const spaced = strings(JSON.parse(lineOf(all[i]!)), []).filter((s) => / \S/.test(s.trim()) && !s.includes('"') && !s.includes('\n') && !isTimestamp(s));
      if (spaced.length === 0) continue;
      const phrase = pick(rand, spaced).trim();
      phrases++;
      const rows = await engineRows(`"${mixCase(rand, phrase)}"`);
      const want = all.filter((_, j) => haystacks[j]!.some((v) => v.includes(fold(phrase)))).map((r) => r.row);
      expect({ phrase, rows }).toEqual({ phrase, rows: want });
      expect(rows).toContain(all[i]!.row);
      expect(await engineRows(phrase)).toEqual(bruteForce(phrase));
    }
    expect(phrases).toBeGreaterThan(20);
  }, 120_000);

  it('hits come from values, not across them, not from keys, numbers or timestamps', async () => {
    // "debugData" and "requestId" are keys in every record; 42 is a number in every one.
    expect(await engineRows('debugData')).toEqual(bruteForce('debugData'));
    expect(bruteForce('requestid')).toEqual([]);
    expect(await engineRows('requestId')).toEqual([]);
    expect(await engineRows('42')).toEqual(bruteForce('42'));
    // Two adjacent values of one record never make one hit.
    const first = JSON.parse(lineOf(all[0]!)) as { outcome: { result: string }; target: { id: string }[] };
    expect(bruteForce(`${first.outcome.result}"`)).toEqual([]);
    expect(await engineRows(`${first.outcome.result}\\"`)).toEqual([]);
    // The time filter finds timestamps; search does not.
    expect(await engineRows('2026-01-01T00:01:01.000Z')).toEqual([]);
    expect(await engineRows(first.target[0]!.id)).toContain(all[0]!.row);
  });

  it('the same answers after a restart (the text index read back from the store)', async () => {
    const again = t.reopen();
    await again.engine.textReady();
    const rand = prng(17);
    for (let k = 0; k < 40; k++) {
      const q = randomTerm(rand);
      const got = await again.engine.query({ text: q }, 'time-asc', 0, 1e6);
      expect({ q, rows: got.rows.map((r) => r.row).sort((a, b) => a - b) }).toEqual({ q, rows: bruteForce(q) });
    }
  }, 60_000);
});

describe('search terms', () => {
  it('whitespace separates terms, quotes make phrases, \\" is a literal quote, the rest is literal', () => {
    expect(searchTerms('  Riverside-Labs   results/P-2231/3.json ')).toEqual(['riverside-labs', 'results/p-2231/3.json']);
    expect(searchTerms('"grace hopper" knuth')).toEqual(['grace hopper', 'knuth']);
    expect(searchTerms('"unclosed phrase')).toEqual(['unclosed phrase']);
    expect(searchTerms('\\"sub\\":\\"agent')).toEqual(['"sub":"agent']);
    expect(searchTerms('agent:x* a AND b')).toEqual(['agent:x*', 'a', 'and', 'b']);
    expect(searchTerms('dup DUP Dup')).toEqual(['dup']);
    expect(searchTerms(' "" \t')).toEqual([]);
  });
});
