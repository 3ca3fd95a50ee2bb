// The demo workspace's three logs, normalized, carry the ids that link them to the
// transcripts (resources/demo/README.md, "Which ids link what") and to each other.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { read } from './helpers.ts';
import { CustodyTranscriptFile } from '../../../shared/model/transcript.ts';
import type { AccessEvent } from '../../../shared/model/access-event.ts';

const DEMO = fileURLToPath(new URL('../../../resources/demo/', import.meta.url));
const load = (path: string) => read({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(DEMO + path)) });

const okta = load('access-logs/okta-system-log.jsonl');
const descope = load('access-logs/descope-audit.json');
const otel = load('access-logs/otel-mcp-spans.json');
const transcripts = CustodyTranscriptFile.parse(JSON.parse(readFileSync(`${DEMO}transcripts.custody.json`, 'utf8'))).transcripts;
const calls = transcripts.flatMap((t) => t.messages.flatMap((m) => m.toolCalls.map((call) => ({ t, call }))));
const BYPASSED_GATEWAY = 'call_S6ZxgaoU8kqBHsjFuEJ6';

const withToolCall = (events: AccessEvent[], id: string) => events.filter((e) => e.correlation.toolCallId === id);

describe('demo access logs', () => {
  it('are detected as their vendors and read whole, without problems', () => {
    expect([okta, descope, otel].map((l) => [l.detection.format, l.events.length, l.errors.length])).toEqual([
      ['okta-system-log', 108, 0],
      ['descope-audit', 59, 0],
      ['otel-spans', 58, 0],
    ]);
  });

  it('give every transcript tool call its OTel spans: same tool call id, trace, MCP session and JSON-RPC id', () => {
    expect(calls).toHaveLength(25);
    for (const { t, call } of calls) {
      const spans = withToolCall(otel.events, call.id);
      expect(spans.map((s) => s.actionNative).sort(), call.id).toEqual([`execute_tool ${call.name}`, `tools/call ${call.name}`]);
      const client = spans.find((s) => s.mcp?.method === 'tools/call')!;
      expect(client.correlation.traceId).toBe(t.correlation.traceId);
      expect(client.mcp).toMatchObject({ tool: call.name, session: t.metadata['mcpSessionId'], server: call.server });
      expect(client.actor).toMatchObject({ id: t.agent.id, type: 'agent' });
      expect(client.subjectUser).toBe(t.principalUser);
      expect(client.correlation.conversationId).toBe(t.correlation.conversationId);
    }
  });

  it('give every gateway-routed call its Descope decision, which echoes the span, trace and user', () => {
    for (const { t, call } of calls) {
      const decisions = withToolCall(descope.events, call.id).filter((e) => e.actionNative.startsWith('Mcp'));
      if (call.id === BYPASSED_GATEWAY) {
        expect(decisions).toEqual([]);
        continue;
      }
      expect(decisions, call.id).toHaveLength(1);
      const [decision] = decisions;
      const span = withToolCall(otel.events, call.id).find((s) => s.mcp?.method === 'tools/call')!;
      expect(decision!.correlation).toMatchObject({ traceId: t.correlation.traceId, spanId: span.correlation.spanId, conversationId: t.correlation.conversationId });
      expect(decision!.mcp).toMatchObject({ tool: call.name, session: span.mcp!.session, jsonrpcId: span.mcp!.jsonrpcId });
      expect(decision!.subjectUser).toBe(t.principalUser);
      expect(decision!.actor).toMatchObject({ type: 'agent', name: t.agent.id });
    }
  });

  it('link each Descope token to the Okta exchange that issued it (jti, request id, expiry, on-behalf-of)', () => {
    const issued = new Map(okta.events.filter((e) => e.credential?.jti).map((e) => [e.credential!.jti!, e]));
    const exchanged = descope.events.filter((e) => e.actionNative === 'TokenExchanged');
    expect(exchanged).toHaveLength(20);
    for (const d of exchanged) {
      const o = issued.get(d.credential!.jti!);
      expect(o, d.credential!.jti).toBeDefined();
      expect(o!.credential!.expires).toBe(d.credential!.expires);
      expect(o!.correlation.requestId).toBe(d.correlation.requestId);
      expect(o!.subjectUser).toBe(d.subjectUser);
      expect(o!.delegation).toEqual([{ actor: 'agent-carecoord', clientId: '0oanDhIZNjxUDEGFucCW', via: 'token-exchange' }]);
      expect(o!.correlation.traceId).toBe(d.correlation.traceId);
    }
  });

  it('show the planted problems: the deny, the expired token, the over-scoped grant', () => {
    const denied = okta.events.find((e) => e.nativeId === 'd29868c1-7507-11f1-9ec6-b315d484a174')!;
    expect(denied).toMatchObject({ actionClass: 'token_exchange', decision: 'deny', subjectUser: 'rn.luis.fernandez@stmarys.example', correlation: { traceId: '159e1c7752ae018a77b42e63f45292c6' } });
    expect(withToolCall(descope.events, 'call_Qr2HhXvVBpnRDueTbd6o').map((e) => e.decision)).toEqual(['deny', 'deny']);

    const late = withToolCall(descope.events, 'call_qMDX1dQUar61bZbaOdlY').find((e) => e.actionNative === 'McpToolCallAuthorized')!;
    const token = okta.events.find((e) => e.credential?.jti === late.credential!.jti)!;
    expect(token.nativeId).toBe('805838e4-d113-11f1-8aaf-3b7e76c3fcc5');
    expect(late.time!).toBeGreaterThan(token.credential!.expires!);

    const wide = okta.events.find((e) => e.nativeId === '2c48ff8c-a0e0-11f1-8f65-8cf71b618a09')!;
    expect(wide.scopesGranted).toEqual(['ehr.read', 'ehr.write']);
  });

  it('show the step-up: a CHALLENGE on the agent’s behalf, then MFA done', () => {
    const challenge = okta.events.find((e) => e.nativeId === 'b9111562-bb04-11f1-b2f9-5b6425006162')!;
    expect(challenge).toMatchObject({ decision: 'challenge', stepUp: true, delegation: [{ actor: 'agent-carecoord' }] });
    const mfa = okta.events.find((e) => e.nativeId === 'ee7e75c1-f928-11f1-b404-77b4ffe568b0')!;
    expect(mfa.mfa).toEqual({ performed: true, method: 'OKTA_VERIFY_PUSH' });
  });
});
