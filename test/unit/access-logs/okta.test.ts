import { describe, expect, it } from 'vitest';
import { byNative, logFixture, read } from './helpers.ts';
import { withBom, withCrlf } from '../formats/fixtures.ts';
import { oktaReader } from '../../../shared/formats/access-logs/okta.ts';

const file = logFixture('okta/system-log.jsonl');
const us = (iso: string) => Date.parse(iso) * 1000;

describe('Okta System Log reader', () => {
  const { detection, events, errors } = read(file);

  it('is detected with a reason, reads every good line and reports the broken one by line', () => {
    expect(detection).toMatchObject({ kind: 'access-log', format: 'okta-system-log', confidence: 0.95 });
    expect(detection.reason).toMatch(/Okta System Log/);
    expect(events.map((e) => e.nativeId)).toEqual(['ok-1', 'ok-2', 'ok-3', 'ok-4', 'ok-5', 'ok-6', 'ok-7', 'ok-9']);
    expect(errors).toEqual([{ line: 9, message: expect.stringMatching(/^not valid JSON/) }]);
    expect(byNative(events, 'ok-9').source).toEqual({ id: 'system-log.jsonl', format: 'okta-system-log', line: 10, record: 9 });
  });

  it('keeps each line verbatim as raw and ids stable per record', () => {
    const lines = new TextDecoder().decode(file.bytes).split('\n');
    for (const e of events) expect(e.raw).toBe(lines[e.source.line - 1]);
    expect(byNative(events, 'ok-1').id).toBe('system-log.jsonl:1');
    expect(read(file).events.map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('maps a human sign-in', () => {
    expect(byNative(events, 'ok-1')).toMatchObject({
      time: us('2026-03-02T09:00:00.123Z'),
      actionNative: 'user.session.start',
      actionClass: 'authn',
      outcome: 'success',
      decision: null,
      actor: { id: '00u1', type: 'human', name: 'Ada Lovelace' },
      subjectUser: 'ada@clinic.example',
      credential: { type: 'password' },
      src: { ip: '203.0.113.10', userAgent: 'Mozilla/5.0' },
      correlation: { requestId: 'tx-1', transactionId: 'tx-1', sessionId: '102sessA' },
    });
  });

  it('maps an agent token exchange on a user’s behalf, with the nested RFC 8693 act chain', () => {
    expect(byNative(events, 'ok-2')).toMatchObject({
      actionClass: 'token_exchange',
      outcome: 'success',
      decision: 'allow',
      actor: { id: '0oaAgent', type: 'agent', name: 'Refund Agent', clientId: '0oaAgent' },
      subjectUser: 'ada@clinic.example',
      delegation: [
        { actor: 'refund-agent', clientId: '0oaAgent', via: 'token-exchange' },
        { actor: 'mcp-gateway', clientId: '0oaGateway', via: 'token-exchange' },
      ],
      scopesRequested: ['refunds.read', 'refunds.write'],
      scopesGranted: ['refunds.read'],
      target: { service: 'api://refunds', resourceIds: ['ausAS', '00u1'] },
      correlation: { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', requestId: 'tx-2' },
    });
  });

  it('takes the issued token’s jti and expiry from the access_token target', () => {
    expect(byNative(events, 'ok-3').credential).toEqual({
      type: 'access_token',
      id: 'AT.tokenOne',
      jti: 'AT.tokenOne',
      issued: us('2026-03-02T09:05:00.200Z'),
      expires: us('2026-03-02T09:15:00.200Z'),
      audience: ['api://refunds'],
    });
  });

  it('maps CHALLENGE to a step-up decision and DENY to a denied exchange (actClaim as an object too)', () => {
    expect(byNative(events, 'ok-4')).toMatchObject({ time: us('2026-03-02T08:06:00Z'), actionClass: 'authz_decision', decision: 'challenge', outcome: 'unknown', stepUp: true, reason: 'step-up required' });
    expect(byNative(events, 'ok-5')).toMatchObject({ decision: 'deny', outcome: 'failure', reason: 'scope refunds.write not delegable', actor: { type: 'agent' }, subjectUser: 'ada@clinic.example', delegation: [{ actor: 'refund-agent' }] });
  });

  it('reads lower-case keys and Panther timestamps; "unknown" session ids are no ids', () => {
    expect(byNative(events, 'ok-6')).toMatchObject({
      time: us('2022-06-22T18:18:29.015Z'),
      actionClass: 'authn',
      mfa: { performed: true, method: 'OKTA_VERIFY_PUSH' },
      src: { ip: '192.0.2.1' },
      correlation: {},
    });
    expect(byNative(events, 'ok-6').correlation.sessionId).toBeUndefined();
  });

  it('keeps events without a readable time and with missing optional objects', () => {
    expect(byNative(events, 'ok-7')).toMatchObject({ time: null, actionClass: 'credential_admin', outcome: 'unknown', target: { resourceIds: [] }, src: {} });
    expect(byNative(events, 'ok-9')).toMatchObject({ time: 1772442000 * 1e6, actionClass: 'privilege_change' });
  });

  it('reads the same events from a BOM + CRLF copy and from a JSON array', () => {
    const again = read(withCrlf(withBom(file)));
    expect(again.events.map((e) => e.nativeId)).toEqual(events.map((e) => e.nativeId));
    expect(again.events.map((e) => e.raw)).toEqual(events.map((e) => e.raw));
    const array = read(logFixture('okta/system-log-array.json'));
    expect(array.detection.format).toBe('okta-system-log');
    expect(array.events.map((e) => [e.nativeId, e.source.line, e.outcome])).toEqual([['arr-1', 2, 'success'], ['arr-2', 10, 'failure']]);
    expect(array.events[0]!.target.service).toBe('Refund Desk');
    expect(JSON.parse(array.events[1]!.raw)).toMatchObject({ uuid: 'arr-2' });
  });

  it('lists the raw paths no field came from', () => {
    const paths = oktaReader.unmapped!(JSON.parse(byNative(events, 'ok-1').raw));
    expect(paths).toContain('displayMessage');
    expect(paths).toContain('transaction.type');
    expect(paths).not.toContain('actor.id');
  });
});

describe('Okta clients and original principals', () => {
  const { events, errors } = read(logFixture('okta/clients-and-principals.jsonl'));

  it('takes the client only from real clients: never from an AppUser target or an app an admin edits', () => {
    expect(errors).toEqual([]);
    // An admin assigning Bob to an app: the app is the target, not a client the admin used.
    expect(byNative(events, 'cp-1').actor.clientId).toBeUndefined();
    expect(byNative(events, 'cp-1').target).toMatchObject({ service: 'Refund Desk', resourceIds: ['0uaAssign1', '0oaDesk', '00uBob'] });
    // A sign-in to the app: the AppInstance is the client even when an AppUser is listed first.
    expect(byNative(events, 'cp-2').actor).toMatchObject({ id: '00uBob', clientId: '0oaDesk' });
    // A grant: client.id is the OAuth client; the AppUser target is no client.
    expect(byNative(events, 'cp-3').actor).toMatchObject({ id: '00uBob', type: 'human', clientId: '0oaWebClient' });
    expect(byNative(events, 'cp-5').actor).toMatchObject({ id: '0oaAgent', type: 'agent', clientId: '0oaAgent' });
  });

  it('surfaces debugData.originalPrincipal as the user acted for, with the actor as the delegated hop', () => {
    expect(byNative(events, 'cp-4')).toMatchObject({
      actor: { id: '00uAdmin', type: 'human' },
      subjectUser: 'helpdesk@clinic.example',
      delegation: [{ actor: 'admin@clinic.example', via: 'original-principal' }],
    });
    // With an act claim the chain is the claim's; the original principal is the user it acted for.
    expect(byNative(events, 'cp-5')).toMatchObject({ subjectUser: 'bob@clinic.example', delegation: [{ actor: 'refund-agent', clientId: '0oaAgent', via: 'token-exchange' }] });
    expect(byNative(events, 'cp-5').delegation).toHaveLength(1);
    // The actor's own principal is no delegation.
    expect(byNative(events, 'cp-6')).toMatchObject({ subjectUser: 'bob@clinic.example', delegation: [] });
  });
});
