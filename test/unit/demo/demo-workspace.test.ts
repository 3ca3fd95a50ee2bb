// The embedded demo workspace (resources/demo) and the e2e transcript fixtures:
// schemas, id uniqueness, cross-file links, and the deliberately planted governance problems.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CustodyTranscriptFile } from '../../../shared/model/transcript.ts';
import type { ToolCall, Transcript } from '../../../shared/model/transcript.ts';
import { CustodyRubricFile } from '../../../shared/model/rubric.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const demoDir = join(root, 'resources/demo');
const fixturesDir = join(root, 'test/fixtures/e2e');
const read = (path: string): string => readFileSync(path, 'utf8');
const readJson = (path: string): unknown => JSON.parse(read(path));

// ---- the deliberate governance problems (see resources/demo/README.md)
/** Side-effecting call that bypassed the gateway: OTel spans only, no Descope or Okta event. */
const UNAUTHORIZED_CALLS = ['call_S6ZxgaoU8kqBHsjFuEJ6'];
/** Denied by policy, then reported to the nurse as "Done." */
const DENIED_CLAIMED_SUCCESS = 'call_Qr2HhXvVBpnRDueTbd6o';
/** Authorized by the gateway on a cached token that had already expired. */
const EXPIRED_TOKEN_CALL = 'call_qMDX1dQUar61bZbaOdlY';
/** Its token exchange was granted ehr.write, which nothing uses. */
const OVER_SCOPED_CALL = 'call_fCO2uL5mPqbO8x29jzCp';

const TOOL_SERVER: Record<string, string> = {
  'ehr.read_chart': 'mcp-ehr',
  'lab.order_test': 'mcp-lab',
  'messaging.send_patient_message': 'mcp-messaging',
  'scheduling.book_appointment': 'mcp-scheduling',
  'pharmacy.check_interactions': 'mcp-pharmacy',
};
const DEMO_START = Date.parse('2026-11-02T00:00:00Z');
const DEMO_END = Date.parse('2026-11-07T00:00:00Z');

// ---- minimal shapes of the vendor formats (only what the demo promises)
const OktaEvent = z.object({
  uuid: z.string().min(1),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
  eventType: z.string().min(1),
  displayMessage: z.string(),
  severity: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']),
  actor: z.object({ id: z.string(), type: z.string(), alternateId: z.string(), displayName: z.string() }),
  client: z.object({ userAgent: z.object({ rawUserAgent: z.string() }), ipAddress: z.string(), zone: z.string() }),
  authenticationContext: z.object({ externalSessionId: z.string() }),
  outcome: z.object({ result: z.enum(['SUCCESS', 'FAILURE', 'SKIPPED', 'ALLOW', 'DENY', 'CHALLENGE', 'UNKNOWN']), reason: z.string().nullable() }),
  target: z.array(z.object({ id: z.string(), type: z.string(), displayName: z.string(), detailEntry: z.record(z.string(), z.unknown()).nullable() })).nullable(),
  transaction: z.object({ type: z.string(), id: z.string(), detail: z.record(z.string(), z.unknown()) }),
  debugContext: z.object({ debugData: z.record(z.string(), z.unknown()).and(z.object({ requestId: z.string() })) }),
  securityContext: z.record(z.string(), z.unknown()),
  legacyEventType: z.string().nullable(),
});
type OktaEvent = z.infer<typeof OktaEvent>;

const DescopeRecord = z.object({
  projectId: z.string().min(1),
  userId: z.string().min(1),
  action: z.string().min(1),
  occurred: z.string().regex(/^\d{13}$/, 'occurred must be a millisecond epoch string'),
  device: z.string(),
  method: z.string(),
  geo: z.string(),
  remoteAddress: z.string(),
  externalIds: z.array(z.string()),
  tenants: z.array(z.string()),
  data: z.record(z.string(), z.unknown()),
  actorId: z.string().optional(),
  type: z.enum(['info', 'warn', 'error']).optional(),
});
type DescopeRecord = z.infer<typeof DescopeRecord>;

const AnyValue = z.object({ stringValue: z.string() }).or(z.object({ intValue: z.string().regex(/^-?\d+$/) }));
const Span = z.object({
  traceId: z.string().regex(/^[0-9a-f]{32}$/),
  spanId: z.string().regex(/^[0-9a-f]{16}$/),
  parentSpanId: z.string().regex(/^[0-9a-f]{16}$/).optional(),
  name: z.string(),
  kind: z.number().int(),
  startTimeUnixNano: z.string().regex(/^\d{19}$/),
  endTimeUnixNano: z.string().regex(/^\d{19}$/),
  attributes: z.array(z.object({ key: z.string(), value: AnyValue })),
  status: z.object({ code: z.number().int().optional(), message: z.string().optional() }),
});
type Span = z.infer<typeof Span>;
const ExportTraceServiceRequest = z.object({
  resourceSpans: z.array(z.object({
    resource: z.object({ attributes: z.array(z.object({ key: z.string(), value: AnyValue })) }),
    scopeSpans: z.array(z.object({ scope: z.object({ name: z.string(), version: z.string().optional() }), spans: z.array(Span) })),
  })).min(1),
});

const Workspace = z.object({
  format: z.literal('custody.workspace'),
  version: z.literal(1),
  title: z.string().min(1),
  files: z.array(z.object({ path: z.string().min(1), kind: z.enum(['transcripts', 'rubric', 'access-log']), vendor: z.string().optional() })).min(1),
  annotator: z.object({ id: z.string().min(1), name: z.string().min(1) }),
});

// ---- load everything once
const workspace = Workspace.parse(readJson(join(demoDir, 'workspace.json')));
const transcriptFile = CustodyTranscriptFile.parse(readJson(join(demoDir, 'transcripts.custody.json')));
const transcripts: Transcript[] = transcriptFile.transcripts;
const oktaLines = read(join(demoDir, 'access-logs/okta-system-log.jsonl')).split('\n').filter((l) => l.trim() !== '');
const okta: OktaEvent[] = oktaLines.map((l) => OktaEvent.parse(JSON.parse(l)));
const descope: DescopeRecord[] = z.array(DescopeRecord).parse(readJson(join(demoDir, 'access-logs/descope-audit.json')));
const otlp = ExportTraceServiceRequest.parse(readJson(join(demoDir, 'access-logs/otel-mcp-spans.json')));
const spans: Span[] = otlp.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));

interface CallInfo { call: ToolCall; transcript: Transcript; at: number; messageIndex: number }
const calls: CallInfo[] = transcripts.flatMap((t) => t.messages.flatMap((m, messageIndex) =>
  m.toolCalls.map((call) => ({ call, transcript: t, at: Date.parse(m.timestamp ?? ''), messageIndex }))));
const callById = new Map(calls.map((c) => [c.call.id, c]));

const attr = (span: Span, key: string): string | undefined => {
  const v = span.attributes.find((a) => a.key === key)?.value;
  return v === undefined ? undefined : 'stringValue' in v ? v.stringValue : v.intValue;
};
const spanMs = (nano: string): number => Number(BigInt(nano) / 1_000_000n);
const debug = (e: OktaEvent): Record<string, unknown> => e.debugContext.debugData;
const oktaByRequestId = (requestId: string): OktaEvent[] => okta.filter((e) => debug(e).requestId === requestId);
const gatewayDecisions = descope.filter((d) => d.action.startsWith('Mcp'));
const dataString = (d: DescopeRecord, key: string): string | undefined => {
  const v = d.data[key];
  return typeof v === 'string' ? v : undefined;
};

describe('demo workspace manifest', () => {
  it('lists files that exist, with known kinds and vendors', () => {
    expect(workspace.files.length).toBeGreaterThanOrEqual(5);
    for (const f of workspace.files) {
      expect(existsSync(join(demoDir, f.path)), f.path).toBe(true);
      if (f.kind === 'access-log') expect(['okta', 'descope', 'otel']).toContain(f.vendor);
    }
    expect(workspace.files.map((f) => f.kind)).toEqual(expect.arrayContaining(['transcripts', 'rubric', 'access-log']));
    expect(workspace.annotator.id).toBe('demo-clinician');
  });

  it('stays small enough to embed', () => {
    const total = workspace.files.reduce((sum, f) => sum + read(join(demoDir, f.path)).length, 0);
    expect(total).toBeLessThan(600 * 1024);
  });
});

describe('demo transcripts', () => {
  it('validates as a CustodyTranscriptFile with 8 CareCoord transcripts', () => {
    expect(transcripts).toHaveLength(8);
    expect(new Set(transcripts.map((t) => t.id)).size).toBe(8);
    for (const t of transcripts) {
      expect(t.agent).toEqual({ id: 'agent-carecoord', name: 'CareCoord', version: '2.3.1' });
      expect(t.tenant).toBe('stmarys-health');
      expect(t.principalUser).toMatch(/^[a-z.]+@stmarys\.example$/);
      expect(t.title).toBeTruthy();
      expect(t.messages.length, t.id).toBeGreaterThanOrEqual(8);
      expect(t.messages.length, t.id).toBeLessThanOrEqual(30);
      expect(t.correlation.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(t.correlation.conversationId).toBeTruthy();
      expect(t.correlation.sessionId).toBeTruthy();
      expect(t.tags.length).toBeGreaterThan(0);
      expect(t.messages[0]?.role).toBe('system');
    }
    expect(new Set(transcripts.map((t) => t.correlation.traceId)).size).toBe(8);
  });

  it('has unique message ids, in order, with timestamps inside the demo period', () => {
    const all = new Set<string>();
    for (const t of transcripts) {
      const ids = t.messages.map((m) => m.id);
      expect(new Set(ids).size, t.id).toBe(ids.length);
      for (const id of ids) { expect(all.has(id), id).toBe(false); all.add(id); }
      const times = t.messages.map((m) => Date.parse(m.timestamp ?? ''));
      times.forEach((ms, i) => {
        expect(Number.isNaN(ms), `${t.id} ${ids[i]}`).toBe(false);
        expect(ms).toBeGreaterThanOrEqual(DEMO_START);
        expect(ms).toBeLessThan(DEMO_END);
        if (i > 0) expect(ms, `${ids[i]} after previous`).toBeGreaterThanOrEqual(times[i - 1] ?? 0);
      });
      expect(Date.parse(t.startedAt ?? '')).toBeLessThanOrEqual(times[0] ?? 0);
      expect(Date.parse(t.endedAt ?? '')).toBeGreaterThanOrEqual(times[times.length - 1] ?? 0);
    }
  });

  it('has well-formed, unique tool calls on the five MCP servers', () => {
    expect(calls.length).toBeGreaterThanOrEqual(20);
    expect(callById.size).toBe(calls.length);
    for (const { call } of calls) {
      expect(call.id).toMatch(/^call_[A-Za-z0-9]{20}$/);
      expect(call.server).toBe(TOOL_SERVER[call.name]);
      expect(typeof call.arguments).toBe('object');
    }
    expect(new Set(calls.map((c) => c.call.name))).toEqual(new Set(Object.keys(TOOL_SERVER)));
  });

  it('answers every tool call exactly once, after the call, in the same transcript', () => {
    for (const t of transcripts) {
      const seen = new Set<string>();
      const answered = new Set<string>();
      for (const m of t.messages) {
        for (const c of m.toolCalls) seen.add(c.id);
        if (m.role === 'tool') {
          const id = m.toolResult?.toolCallId;
          expect(id, `${m.id} toolCallId`).toBeTruthy();
          expect(seen.has(id ?? ''), `${m.id} refers to an earlier call`).toBe(true);
          expect(answered.has(id ?? ''), `${m.id} answers once`).toBe(false);
          answered.add(id ?? '');
          expect(m.toolResult?.name).toBe(callById.get(id ?? '')?.call.name);
          // As the format readers do: tool output lives in toolResult, never duplicated as text parts.
          expect(m.content.filter((p) => p.type === 'text'), m.id).toEqual([]);
        } else {
          expect(m.toolResult, m.id).toBeUndefined();
        }
      }
      expect(answered).toEqual(seen);
    }
  });

  it('mixes structured and text tool output, with one chart of about 150 lines', () => {
    const results = transcripts.flatMap((t) => t.messages).filter((m) => m.role === 'tool').map((m) => m.toolResult?.content);
    expect(results.some((c) => typeof c === 'string')).toBe(true);
    expect(results.some((c) => typeof c === 'object' && c !== null)).toBe(true);
    const longest = Math.max(...results.filter((c): c is string => typeof c === 'string').map((c) => c.split('\n').length));
    expect(longest).toBeGreaterThanOrEqual(140);
  });

  it('uses markdown in assistant replies (list, bold, table, code span)', () => {
    const text = transcripts.flatMap((t) => t.messages).filter((m) => m.role === 'assistant')
      .flatMap((m) => m.content).map((p) => ('text' in p ? p.text : '')).join('\n');
    expect(text).toMatch(/^- /m);
    expect(text).toMatch(/^1\. /m);
    expect(text).toMatch(/\*\*[^*]+\*\*/);
    expect(text).toMatch(/^\|---/m);
    expect(text).toMatch(/`[^`\n]+`/);
  });
});

describe('demo rubric', () => {
  const { rubric } = CustodyRubricFile.parse(readJson(join(demoDir, 'rubric.custody.json')));

  it('is "Clinical care-coordination safety" v1 with HealthBench-style signed points', () => {
    expect(rubric.title).toBe('Clinical care-coordination safety');
    expect(rubric.version).toBe(1);
    expect(rubric.criteria.length).toBeGreaterThanOrEqual(10);
    expect(rubric.criteria.length).toBeLessThanOrEqual(15);
    expect(new Set(rubric.criteria.map((c) => c.id)).size).toBe(rubric.criteria.length);
    expect(rubric.criteria.some((c) => c.points < 0)).toBe(true);
    expect(rubric.criteria.find((c) => /without clinician confirmation/.test(c.text))?.points).toBe(-8);
  });

  it('tags every criterion with axis, level and cluster', () => {
    const axes = new Set(['accuracy', 'completeness', 'communication', 'context_awareness', 'instruction_following', 'safety']);
    for (const c of rubric.criteria) {
      const tagAxes = c.tags.filter((t) => t.startsWith('axis:')).map((t) => t.slice(5));
      expect(tagAxes.length, c.id).toBeGreaterThan(0);
      for (const a of tagAxes) expect(axes.has(a), `${c.id} ${a}`).toBe(true);
      expect(c.tags).toContain('level:example');
      expect(c.tags.some((t) => t.startsWith('cluster:')), c.id).toBe(true);
      if (c.tags.includes('axis:safety')) expect(c.rationaleRequired, c.id).toBe(true);
    }
  });

  it('has one ordinal 1..5 criterion with anchors and one categorical escalation criterion', () => {
    const ordinal = rubric.criteria.filter((c) => c.scale.kind === 'ordinal');
    expect(ordinal).toHaveLength(1);
    const levels = ordinal[0]?.scale.kind === 'ordinal' ? ordinal[0].scale.levels : [];
    expect(levels.map((l) => l.value)).toEqual([1, 2, 3, 4, 5]);
    for (const l of levels) expect(l.anchor.length).toBeGreaterThan(10);
    const categorical = rubric.criteria.filter((c) => c.scale.kind === 'categorical');
    expect(categorical).toHaveLength(1);
    const options = categorical[0]?.scale.kind === 'categorical' ? categorical[0].scale.options : [];
    expect(options.map((o) => [o.id, o.credit])).toEqual([['appropriate', 1], ['late', 0.5], ['missing', 0]]);
  });
});

describe('demo Okta System Log', () => {
  it('has one parseable event per line with the core fields', () => {
    expect(okta.length).toBeGreaterThanOrEqual(60);
    expect(okta.length).toBeLessThanOrEqual(120);
    expect(new Set(okta.map((e) => e.uuid)).size).toBe(okta.length);
    for (const e of okta) {
      const t = Date.parse(e.published);
      expect(t).toBeGreaterThanOrEqual(DEMO_START);
      expect(t).toBeLessThan(DEMO_END);
      expect(e.transaction.id).toBe(debug(e).requestId);
    }
    const published = okta.map((e) => e.published);
    expect([...published].sort()).toEqual(published);
  });

  it('shows delegation, step-up and a policy denial', () => {
    const types = new Set(okta.map((e) => e.eventType));
    for (const t of ['app.oauth2.as.token.grant.access_token', 'app.oauth2.as.authorize', 'user.authentication.auth_via_mfa', 'policy.evaluate_sign_on', 'app.oauth2.as.token.grant']) {
      expect(types.has(t), t).toBe(true);
    }
    const exchanges = okta.filter((e) => debug(e).grantType === 'urn:ietf:params:oauth:grant-type:token-exchange');
    expect(exchanges.length).toBeGreaterThan(20);
    for (const e of exchanges) {
      expect(JSON.parse(String(debug(e).actClaim))).toMatchObject({ sub: 'agent-carecoord' });
      expect(String(debug(e).subject)).toMatch(/@stmarys\.example$/);
      expect(String(debug(e).traceId)).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(okta.filter((e) => e.outcome.result === 'DENY')).toHaveLength(1);
    const challenges = okta.filter((e) => e.outcome.result === 'CHALLENGE');
    expect(challenges.length).toBeGreaterThanOrEqual(1);
    for (const c of challenges) {
      const mfa = okta.find((e) => e.eventType === 'user.authentication.auth_via_mfa' && e.actor.id === c.actor.id && e.outcome.result === 'SUCCESS' && e.published > c.published);
      expect(mfa, `MFA success after challenge ${c.uuid}`).toBeDefined();
    }
  });
});

describe('demo Descope audit', () => {
  it('uses the audit search shape with millisecond epoch strings', () => {
    expect(descope.length).toBeGreaterThan(20);
    for (const d of descope) {
      const t = Number(d.occurred);
      expect(t).toBeGreaterThanOrEqual(DEMO_START);
      expect(t).toBeLessThan(DEMO_END);
      expect(d.tenants).toEqual(['stmarys-health']);
    }
    for (const d of gatewayDecisions) {
      expect(d.actorId).toBeTruthy();
      expect(d.type).toBeDefined();
      expect(['allow', 'deny', 'challenge']).toContain(d.data.decision);
    }
  });
});

describe('cross-file links', () => {
  it('every tool call has its OTel execute_tool and tools/call spans in the transcript trace', () => {
    for (const { call, transcript, at } of calls) {
      const mine = spans.filter((s) => attr(s, 'gen_ai.tool.call.id') === call.id);
      expect(mine.map((s) => s.name).sort(), call.id).toEqual([`execute_tool ${call.name}`, `tools/call ${call.name}`]);
      for (const s of mine) {
        expect(s.traceId).toBe(transcript.correlation.traceId);
        expect(attr(s, 'gen_ai.tool.name')).toBe(call.name);
        const start = spanMs(s.startTimeUnixNano);
        expect(start - at).toBeGreaterThanOrEqual(0);
        expect(start - at).toBeLessThan(5_000);
      }
      const client = mine.find((s) => s.name.startsWith('tools/call'));
      expect(client && attr(client, 'mcp.method.name')).toBe('tools/call');
      expect(client && attr(client, 'mcp.session.id')).toBe(transcript.metadata.mcpSessionId);
      expect(client && attr(client, 'jsonrpc.request.id')).toMatch(/^\d+$/);
    }
    for (const t of transcripts) {
      const root = spans.filter((s) => s.traceId === t.correlation.traceId && attr(s, 'gen_ai.operation.name') === 'invoke_agent');
      expect(root, t.id).toHaveLength(1);
      expect(root[0] && attr(root[0], 'gen_ai.conversation.id')).toBe(t.correlation.conversationId);
    }
  });

  it('every tool call has a gateway decision in Descope, except the deliberately unauthorized one', () => {
    for (const { call, transcript, at } of calls) {
      const events = gatewayDecisions.filter((d) => d.data.tool_call_id === call.id);
      if (UNAUTHORIZED_CALLS.includes(call.id)) {
        expect(descope.filter((d) => d.data.tool_call_id === call.id), call.id).toEqual([]);
        continue;
      }
      expect(events, call.id).toHaveLength(1);
      const d = events[0];
      if (!d) continue;
      expect(d.data.trace_id).toBe(transcript.correlation.traceId);
      expect(d.data.conversation_id).toBe(transcript.correlation.conversationId);
      expect(d.data.mcp_server).toBe(call.server);
      expect(d.data.tool).toBe(call.name);
      expect(d.data.on_behalf_of).toBe(transcript.principalUser);
      expect(d.externalIds).toEqual([transcript.principalUser]);
      const delta = Number(d.occurred) - at;
      expect(delta).toBeGreaterThan(0);
      expect(delta).toBeLessThan(5_000);
    }
    expect(UNAUTHORIZED_CALLS.every((id) => callById.has(id))).toBe(true);
  });

  it('Descope gateway events reference the Okta request, trace and token that covered the call', () => {
    for (const d of gatewayDecisions) {
      const requestId = dataString(d, 'okta_request_id');
      expect(requestId, `${d.action} ${d.occurred}`).toBeTruthy();
      const matches = oktaByRequestId(requestId ?? '');
      expect(matches.length).toBeGreaterThan(0);
      for (const e of matches) expect(debug(e).traceId).toBe(d.data.trace_id);
      const jti = dataString(d, 'jti');
      if (d.data.decision === 'allow') {
        const tokenEvent = matches.find((e) => e.eventType === 'app.oauth2.as.token.grant.access_token');
        expect(tokenEvent?.target?.some((t) => t.type === 'access_token' && t.id === jti)).toBe(true);
        expect(tokenEvent?.authenticationContext.externalSessionId).toBe(callById.get(String(d.data.tool_call_id))?.transcript.correlation.sessionId);
      }
    }
    for (const d of descope.filter((x) => x.action === 'TokenExchanged')) {
      const e = oktaByRequestId(dataString(d, 'okta_request_id') ?? '').find((x) => x.eventType === 'app.oauth2.as.token.grant.access_token');
      expect(e?.target?.find((t) => t.type === 'access_token')?.id).toBe(d.data.jti);
    }
  });

  it('each transcript sessionId is the clinician\'s Okta session', () => {
    for (const t of transcripts) {
      const sso = okta.filter((e) => e.eventType === 'user.authentication.sso' && e.authenticationContext.externalSessionId === t.correlation.sessionId);
      expect(sso.length, t.id).toBeGreaterThan(0);
      expect(sso.every((e) => e.actor.alternateId === t.principalUser)).toBe(true);
    }
  });
});

describe('deliberate governance problems', () => {
  it('1: a side-effecting call has spans but no authorization event', () => {
    expect(UNAUTHORIZED_CALLS).toHaveLength(1);
    const info = callById.get(UNAUTHORIZED_CALLS[0] ?? '');
    expect(info?.call.name).toBe('scheduling.book_appointment');
    const traceOkta = okta.filter((e) => debug(e).traceId === info?.transcript.correlation.traceId);
    const at = info?.at ?? 0;
    expect(traceOkta.filter((e) => Math.abs(Date.parse(e.published) - at) < 10_000)).toEqual([]);
  });

  it('2: a denied call is later claimed as a success', () => {
    const info = callById.get(DENIED_CLAIMED_SUCCESS);
    expect(info?.call.name).toBe('lab.order_test');
    const decision = gatewayDecisions.find((d) => d.data.tool_call_id === DENIED_CLAIMED_SUCCESS);
    expect(decision?.action).toBe('McpToolCallDenied');
    expect(decision?.data.decision).toBe('deny');
    const oktaDeny = oktaByRequestId(dataString(decision as DescopeRecord, 'okta_request_id') ?? '');
    expect(oktaDeny.map((e) => e.outcome.result)).toEqual(['DENY']);
    const messages = info?.transcript.messages ?? [];
    const result = messages.find((m) => m.toolResult?.toolCallId === DENIED_CLAIMED_SUCCESS);
    expect(result?.toolResult?.isError).toBe(true);
    const laterReplies = messages.slice((info?.messageIndex ?? 0) + 1).filter((m) => m.role === 'assistant')
      .map((m) => m.content.map((p) => ('text' in p ? p.text : '')).join(' '));
    expect(laterReplies.some((t) => /\bDone\b.*ordered/s.test(t))).toBe(true);
  });

  it('3: a call is authorized on an expired token', () => {
    const decision = gatewayDecisions.find((d) => d.data.tool_call_id === EXPIRED_TOKEN_CALL);
    expect(decision?.data.decision).toBe('allow');
    expect(decision?.data.token_source).toBe('cache');
    const expires = Date.parse(dataString(decision as DescopeRecord, 'token_expires_at') ?? '');
    expect(expires).toBeLessThan(Number(decision?.occurred));
    const issued = okta.find((e) => e.target?.some((t) => t.type === 'access_token' && t.id === decision?.data.jti));
    const oktaExpires = issued?.target?.find((t) => t.type === 'access_token')?.detailEntry?.expires;
    expect(Date.parse(String(oktaExpires))).toBe(expires);
    // every other allowed call used a live token
    for (const d of gatewayDecisions.filter((x) => x.data.decision === 'allow' && x.data.tool_call_id !== EXPIRED_TOKEN_CALL)) {
      expect(Date.parse(dataString(d, 'token_expires_at') ?? '')).toBeGreaterThan(Number(d.occurred));
    }
  });

  it('4: one granted scope is never used', () => {
    const decision = gatewayDecisions.find((d) => d.data.tool_call_id === OVER_SCOPED_CALL);
    const grant = oktaByRequestId(dataString(decision as DescopeRecord, 'okta_request_id') ?? '').find((e) => e.eventType === 'app.oauth2.as.token.grant.access_token');
    expect(grant && debug(grant).grantedScopes).toBe('ehr.read, ehr.write');
    const required = new Set(gatewayDecisions.flatMap((d) => (Array.isArray(d.data.scopes_required) ? d.data.scopes_required : [])));
    expect(required.has('ehr.write')).toBe(false);
    const granted = okta.filter((e) => e.eventType === 'app.oauth2.as.token.grant.access_token' && debug(e).grantType === 'urn:ietf:params:oauth:grant-type:token-exchange')
      .flatMap((e) => String(debug(e).grantedScopes).split(', '));
    expect(granted.filter((s) => !required.has(s))).toEqual(['ehr.write']);
  });
});

describe('e2e transcript fixtures', () => {
  it('xss.custody.json parses and carries every hostile payload plus the sentinel', () => {
    const raw = read(join(fixturesDir, 'xss.custody.json'));
    const file = CustodyTranscriptFile.parse(JSON.parse(raw));
    expect(file.transcripts).toHaveLength(1);
    const t = file.transcripts[0];
    for (const needle of [
      '<script>window.__pwned=1</script>',
      '<img src=x onerror=\\"window.__pwned=2\\">',
      '[click](javascript:window.__pwned=3)',
      '<a href=\\"javascript:alert(1)\\">x</a>',
      '<svg onload=window.__pwned=4>',
      '<iframe src=\\"javascript:window.__pwned=5\\">',
      '(data:text/html;base64,',
      'SENTINEL-VISIBLE-TEXT',
    ]) expect(raw, needle).toContain(needle);
    expect(t?.title).toContain('<script>');
    expect(JSON.stringify(t?.messages.flatMap((m) => m.toolCalls.map((c) => c.arguments)))).toContain('onerror');
    expect(JSON.stringify(t?.messages.map((m) => m.toolResult?.content))).toContain('<iframe');
  });

  it('small.custody.json has two short transcripts with one tool call each', () => {
    const file = CustodyTranscriptFile.parse(readJson(join(fixturesDir, 'small.custody.json')));
    expect(file.transcripts).toHaveLength(2);
    for (const t of file.transcripts) {
      expect(t.messages.length).toBeGreaterThanOrEqual(4);
      expect(t.messages.length).toBeLessThanOrEqual(6);
      const tc = t.messages.flatMap((m) => m.toolCalls);
      expect(tc).toHaveLength(1);
      expect(t.messages.find((m) => m.role === 'tool')?.toolResult?.toolCallId).toBe(tc[0]?.id);
      expect(t.messages.filter((m) => m.role === 'tool').flatMap((m) => m.content)).toEqual([]);
    }
  });
});
