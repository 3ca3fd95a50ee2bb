// The five audit questions of the benchmark, each as engine calls and as DuckDB SQL over
// the same file. Every question has several variants (other agents, users, words) that
// rotate between runs, so no run is answered from a cache of the previous one.
import { openSync, readSync, closeSync } from 'node:fs';
import type { BenchQuery } from '../../../renderer/src/logs/engine/bench-hook.ts';

export interface AuditQuestion {
  name: string;
  what: string;
  engine: BenchQuery[];
  /** One SQL per engine variant, same order. */
  sql: string[];
  /** How many events the first variant concerns, when `sql` does not say it as `total`. */
  countSql?: string;
}

export interface AuditParams {
  agents: string[];
  users: string[];
  traceIds: string[];
  start: number;
}

const DAY_US = 86_400e6;
const LAST_NAMES = ['hopper', 'knuth', 'turing', 'lovelace', 'dijkstra', 'liskov', 'hamilton', 'torvalds', 'perlman', 'lamarr'];

/** Agents, users and trace ids as they appear in the first MiBs of the file. */
export function auditParams(path: string): AuditParams {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(4 << 20);
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  const lines = buf.subarray(0, n).toString('utf8').split('\n').slice(0, -1);
  const agents = new Set<string>();
  const users = new Set<string>();
  const traceIds: string[] = [];
  let start = Infinity;
  for (const line of lines) {
    const e = JSON.parse(line) as { published: string; outcome?: { result?: string }; debugContext?: { debugData?: { actClaim?: string; subject?: string; traceId?: string } } };
    start = Math.min(start, Date.parse(e.published) * 1000);
    const d = e.debugContext?.debugData;
    if (d?.actClaim && e.outcome?.result === 'DENY') agents.add((JSON.parse(d.actClaim) as { sub: string }).sub);
    if (d?.subject) users.add(d.subject);
    if (d?.traceId && traceIds.length < 10) traceIds.push(d.traceId);
  }
  return { agents: [...agents].sort().slice(0, 12), users: [...users].sort().slice(0, 12), traceIds, start };
}

/**
 * The columns DuckDB needs, derived from the Okta fields the way the engine's Okta reader
 * derives them for this generator's events (agent from the act claim or a client with an
 * agentId; subject user from debugData.subject or a User actor; decision from the result).
 */
export const duckdbView = `
CREATE VIEW events AS SELECT
  epoch_us(published) AS t,
  COALESCE(json_extract_string(debugContext.debugData.actClaim, '$.sub'),
    CASE WHEN actor."type" = 'PublicClientApp' AND debugContext.debugData.agentId IS NOT NULL THEN actor.displayName END) AS agent,
  COALESCE(debugContext.debugData.subject, CASE WHEN actor."type" = 'User' THEN actor.alternateId END) AS subject_user,
  CASE outcome.result WHEN 'DENY' THEN 'deny' WHEN 'CHALLENGE' THEN 'challenge' WHEN 'ALLOW' THEN 'allow'
    WHEN 'SUCCESS' THEN CASE WHEN eventType LIKE 'app.oauth2.as.token.grant%' OR eventType LIKE 'policy.evaluate%' THEN 'allow' END END AS decision,
  eventType AS action_native,
  debugContext.debugData.audience AS target_service,
  client.ipAddress AS ip,
  uuid
FROM ev`;

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function auditQuestions(p: AuditParams): AuditQuestion[] {
  const window = (i: number) => ({ timeFrom: p.start + i * 3 * DAY_US, timeTo: p.start + (i * 3 + 7) * DAY_US });
  return [
    {
      name: 'agentDenied',
      what: "one agent's denied accesses (first 100, newest first, with the total)",
      engine: p.agents.map((a) => ({ name: 'agentDenied', kind: 'query', filter: { facets: { agent: [a], decision: ['deny'] } }, sort: 'time-desc' })),
      sql: p.agents.map((a) => `SELECT uuid, t, count(*) OVER () AS total FROM events WHERE agent = ${quote(a)} AND decision = 'deny' ORDER BY t DESC LIMIT 100`),
    },
    {
      name: 'denyCountsByAgent',
      what: 'deny counts by agent (the engine recounts all ten facets)',
      engine: p.agents.map((_, i) => ({ name: 'denyCountsByAgent', kind: 'facets', filter: { facets: { decision: ['deny'] }, ...(i % 2 ? { timeFrom: p.start + i } : {}) } })),
      sql: p.agents.map((_, i) => `SELECT agent, count(*) AS n FROM events WHERE decision = 'deny'${i % 2 ? ` AND t >= ${p.start + i}` : ''} GROUP BY agent ORDER BY n DESC`),
      countSql: `SELECT count(*) AS total FROM events WHERE decision = 'deny'`,
    },
    {
      name: 'userWindow',
      what: "one user's events in a 7-day window (first 100, with the total)",
      engine: p.users.map((u, i) => ({ name: 'userWindow', kind: 'query', filter: { facets: { subjectUser: [u] }, ...window(i) }, sort: 'time-asc' })),
      sql: p.users.map((u, i) => {
        const w = window(i);
        return `SELECT uuid, t, count(*) OVER () AS total FROM events WHERE subject_user = ${quote(u)} AND t >= ${w.timeFrom} AND t < ${w.timeTo} ORDER BY t LIMIT 100`;
      }),
    },
    {
      name: 'fullTextHit',
      what: 'free text: a user-name fragment (substring) or a trace id (whole token), first 100 with the total',
      engine: [...LAST_NAMES, ...p.traceIds].map((w) => ({ name: 'fullTextHit', kind: 'query', filter: { text: w }, sort: 'time-desc' })),
      sql: [...LAST_NAMES, ...p.traceIds].map((w) => `SELECT line, count(*) OVER () AS total FROM lines WHERE line ILIKE ${quote(`%${w}%`)} LIMIT 100`),
    },
    {
      name: 'facetRecount',
      what: 'facet recount after a filter change (agent picked): counts for all facets',
      engine: p.agents.map((a) => ({ name: 'facetRecount', kind: 'facets', filter: { facets: { agent: [a] } } })),
      sql: p.agents.map(
        (a) =>
          `SELECT agent, subject_user, decision, action_native, target_service, count(*) AS n FROM events WHERE agent = ${quote(a)} GROUP BY GROUPING SETS ((agent), (subject_user), (decision), (action_native), (target_service))`,
      ),
      countSql: `SELECT count(*) AS total FROM events WHERE agent = ${quote(p.agents[0]!)}`,
    },
  ];
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;
