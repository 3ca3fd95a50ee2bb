// Logs without a dedicated reader, the default mapping, and saved column mappings.
import { describe, expect, it } from 'vitest';
import { logFixture, read, textFile } from './helpers.ts';
import { DEFAULT_MAPPING, mappingReader } from '../../../shared/formats/access-logs/generic.ts';
import { FieldMapping, parseFieldMapping } from '../../../shared/formats/access-logs/mapping.ts';
import { readWith } from '../../../shared/formats/access-logs/pipeline.ts';

const us = (iso: string) => Date.parse(iso) * 1000;

describe('generic readers with the default mapping', () => {
  it('reads a GitHub-like JSONL: epoch-ms numbers, string or object actors', () => {
    const { detection, events } = read(logFixture('generic/github-like.jsonl'));
    expect(detection).toMatchObject({ kind: 'access-log', format: 'generic-jsonl', confidence: 0.6 });
    expect(detection.reason).toMatch(/default mapping/);
    expect(events.map((e) => [e.actionNative, e.actor.id, e.time])).toEqual([
      ['protected_branch.destroy', 'cat', 1621305118553000],
      ['personal_access_token.request_created', 'refund-agent[bot]', us('2026-03-02T09:00:00Z')],
      ['org.add_member', '42', 1772442000000000],
    ]);
    expect(events[1]).toMatchObject({ actionClass: 'credential_admin', src: { ip: '203.0.113.9', userAgent: 'agent/1.0' } });
    expect(events[2]!.actionClass).toBe('privilege_change');
  });

  it('reads a Duo-like CSV with a BOM, CRLF, a quoted comma and an empty row', () => {
    const { detection, events, errors } = read(logFixture('generic/logins.csv'));
    expect(detection).toMatchObject({ format: 'generic-csv', confidence: 0.6 });
    expect(errors).toEqual([]);
    expect(events.map((e) => [e.time, e.actor.id, e.outcome, e.decision, e.reason])).toEqual([
      [us('2026-03-02T09:00:00Z'), 'ada@clinic.example', 'success', null, 'user_approved'],
      [us('2026-03-02T09:01:00Z'), 'eve@clinic.example', 'failure', 'deny', 'deny, unenrolled user'],
      [us('2026-03-02T09:02:00Z'), 'bob@clinic.example', 'failure', 'deny', 'user_marked_fraud'],
    ]);
    expect(events.map((e) => e.source.line)).toEqual([2, 3, 5]);
  });

  it('reads a JSON file that is one object (not an array) as one record', () => {
    const { detection, events } = read(logFixture('generic/single-object.json'));
    expect(detection.format).toBe('generic-json');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actionNative: 'MailItemsAccessed', actor: { id: 'ada@clinic.example' }, outcome: 'success', src: { ip: '203.0.113.10' } });
  });

  it('reads nested JSON stored as text (Entra InitiatedBy) and keeps records with nothing recognisable', () => {
    const body = [
      JSON.stringify({ TimeGenerated: '2026-03-02T09:00:00Z', OperationName: 'Add service principal', InitiatedBy: JSON.stringify({ user: { userPrincipalName: 'ada@clinic.example' } }) }),
      JSON.stringify({ TimeGenerated: '2026-03-02T09:01:00Z', OperationName: 'Update application' }),
      JSON.stringify({ something: 'else' }),
    ].join('\n');
    const { events } = read(textFile('aad.jsonl', body));
    expect(events.map((e) => e.actor.id)).toEqual(['ada@clinic.example', undefined, undefined]);
    expect(events[2]).toMatchObject({ actionNative: '(no action)', time: null, actor: { type: 'unknown' } });
  });

  it('never takes the user an action was done to (target_user) for the user acted for', () => {
    const body = [
      // 1Password-like sign-in attempt: target_user is the person signing in.
      JSON.stringify({ uuid: 'g-1', timestamp: '2026-03-02T09:00:00Z', type: 'credentials_ok', category: 'success', target_user: { email: 'homer@clinic.example', uuid: 'U-homer' } }),
      // An admin acting on a user: the admin acts, the user is the target.
      JSON.stringify({ uuid: 'g-2', timestamp: '2026-03-02T09:01:00Z', action: 'user.suspend', actor: { email: 'admin@clinic.example' }, target_user: { email: 'homer@clinic.example', uuid: 'U-homer' } }),
    ].join('\n');
    const { events } = read(textFile('audit.jsonl', body));
    expect(events[0]).toMatchObject({ actor: { id: 'homer@clinic.example' }, target: { resourceIds: ['U-homer'] } });
    expect(events[1]).toMatchObject({ actor: { id: 'admin@clinic.example' }, target: { resourceIds: ['U-homer'] } });
    expect(events.map((e) => e.subjectUser)).toEqual([undefined, undefined]);
  });

  it('does not claim transcripts or arbitrary text', () => {
    const chat = [{ timestamp: '2026-03-02T09:00:00Z', type: 'user', message: { role: 'user', content: 'hi' } }, { timestamp: '2026-03-02T09:00:01Z', type: 'assistant', message: { role: 'assistant', content: 'hello' } }];
    expect(read(textFile('session.jsonl', chat.map((c) => JSON.stringify(c)).join('\n'))).detection.kind).toBe('unknown');
    expect(read(textFile('notes.txt', 'a, b, c\nd, e, f\n')).detection.kind).toBe('unknown');
  });
});

describe('saved column mappings', () => {
  const saved = JSON.parse(new TextDecoder().decode(logFixture('generic/custom.mapping.json').bytes));

  it('are validated data, with defaults filled in and clear errors', () => {
    const parsed = parseFieldMapping(saved);
    expect(parsed.ok).toBe(true);
    expect(FieldMapping.parse(DEFAULT_MAPPING).outcomeValues.success).toContain('succeeded');
    const bad = parseFieldMapping({ name: 'x', format: 'xml', fields: {} });
    expect(bad).toEqual({ ok: false, message: expect.stringMatching(/format.*fields\.time|fields\.time.*format/) });
    // A mapping survives JSON round trips unchanged (the UI saves and reloads it).
    const mapping = FieldMapping.parse(saved);
    expect(FieldMapping.parse(JSON.parse(JSON.stringify(mapping)))).toEqual(mapping);
  });

  it('read a CSV field for field: time format, value maps, separators, agent actor, classes', () => {
    const reader = mappingReader(FieldMapping.parse(saved));
    const out = readWith(reader, logFixture('generic/custom.csv'), { unmapped: true });
    expect(out.errors).toEqual([]);
    expect(out.events.map((e) => ({ time: e.time, action: e.actionNative, cls: e.actionClass, decision: e.decision, outcome: e.outcome, actor: e.actor, user: e.subjectUser, scopes: e.scopesGranted, trace: e.correlation.traceId }))).toEqual([
      { time: 1772442000000000, action: 'refund.lookup', cls: 'tool_call', decision: 'allow', outcome: 'success', actor: { id: 'refund-agent', type: 'agent', name: undefined, clientId: undefined }, user: 'ada@clinic.example', scopes: ['refunds.read', 'refunds.list'], trace: '4bf92f3577b34da6a3ce929d0e0e4736' },
      { time: 1772442060000000, action: 'refund.issue', cls: 'tool_call', decision: 'deny', outcome: 'failure', actor: { id: 'refund-agent', type: 'agent', name: undefined, clientId: undefined }, user: 'ada@clinic.example', scopes: [], trace: '4bf92f3577b34da6a3ce929d0e0e4736' },
    ]);
    expect(out.events[0]!.source.format).toBe('mapping:Gateway export');
    expect(out.events[0]!.unmapped).toEqual([]);
  });

  it('map JSON paths, and list what they left unmapped', () => {
    const mapping = FieldMapping.parse({ name: 'json', format: 'jsonl', fields: { time: 'ts', action: 'ev.name', actorId: ['who.email', 'who'] } });
    const out = readWith(mappingReader(mapping), textFile('x.jsonl', '{"ts":"2026-03-02T09:00:00Z","ev":{"name":"read","extra":1},"who":{"email":"a@x"}}\n{"ts":1772442000,"ev":{"name":"write"},"who":"b"}\n'), { unmapped: true });
    expect(out.events.map((e) => [e.actionNative, e.actor.id])).toEqual([['read', 'a@x'], ['write', 'b']]);
    expect(out.events[0]!.unmapped).toEqual(['ev.extra']);
  });
});
