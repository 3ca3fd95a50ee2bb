// Descope, Auth0, CloudTrail, OCSF and OTel readers on hand-written fixtures.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { byNative, logFixture, read, textFile } from './helpers.ts';

const us = (iso: string) => Date.parse(iso) * 1000;

describe('Descope audit reader', () => {
  const { detection, events, errors } = read(logFixture('descope/audit.json'));
  const action = (name: string) => events.find((e) => e.actionNative === name)!;

  it('reads the SDK search shape (occurred in ms as a string)', () => {
    expect(detection).toMatchObject({ format: 'descope-audit', confidence: 0.95 });
    expect(errors).toEqual([]);
    expect(events).toHaveLength(6);
    expect(action('LoginSucceed')).toMatchObject({ time: 1772442060000000, actionClass: 'authn', outcome: 'success', actor: { id: 'U-ada', type: 'human', name: 'ada@clinic.example' }, subjectUser: 'ada@clinic.example', tenant: 'acme', correlation: { sessionId: '102sessA' } });
  });

  it('reads custom gateway events: the agent (actorId) acting for the user', () => {
    expect(action('AccessKeyExchange')).toMatchObject({ actionClass: 'token_issue', actor: { id: 'K-agent', type: 'agent', name: 'refund-agent' }, credential: { type: 'access_key', id: 'K-agent', expires: us('2026-03-02T17:00:00Z') } });
    expect(action('AccessKeyExchange').subjectUser).toBeUndefined();
    expect(action('TokenExchanged')).toMatchObject({
      actionClass: 'token_exchange',
      actor: { id: 'K-agent', type: 'agent', name: 'refund-agent', clientId: '0oaAgent' },
      decision: 'allow',
      subjectUser: 'ada@clinic.example',
      delegation: [{ actor: 'refund-agent', clientId: '0oaAgent' }],
      credential: { type: 'access_token', jti: 'AT.tokenOne', issued: us('2026-03-02T09:05:00.200Z'), expires: us('2026-03-02T09:15:00.200Z'), audience: ['api://refunds'] },
      scopesGranted: ['refunds.read'],
      correlation: { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', toolCallId: 'call_1', requestId: 'tx-2' },
    });
    expect(action('McpToolCallAuthorized')).toMatchObject({
      actionClass: 'tool_call',
      decision: 'allow',
      actor: { type: 'agent', id: 'K-agent' },
      mcp: { server: 'mcp-refunds', method: 'tools/call', tool: 'refunds.lookup', session: 'sess-uuid-1', jsonrpcId: '7' },
      target: { service: 'mcp-refunds', operation: 'refunds.lookup' },
      correlation: { spanId: '00f067aa0ba902b7', conversationId: 'conv_1', toolCallId: 'call_1' },
    });
    expect(action('McpStepUpRequired')).toMatchObject({ actionClass: 'stepup', decision: 'challenge', stepUp: true, mfa: { method: 'okta_verify_push' } });
    expect(action('LoginFailed')).toMatchObject({ outcome: 'failure', reason: 'SSO assertion expired' });
  });

  it('reads the {"audits": [...]} response and JSON Lines', () => {
    const wrapped = read(logFixture('descope/search-response.json'));
    expect(wrapped.events.map((e) => [e.actionNative, e.decision])).toEqual([['LoginSucceed', null], ['McpToolCallDenied', 'deny']]);
    const jsonl = (JSON.parse(new TextDecoder().decode(logFixture('descope/audit.json').bytes)) as unknown[]).map((r) => JSON.stringify(r)).join('\n');
    const lines = read(textFile('audit.jsonl', jsonl));
    expect(lines.detection.format).toBe('descope-audit');
    expect(lines.events.map((e) => e.actionNative)).toEqual(events.map((e) => e.actionNative));
  });
});

describe('Auth0 log reader', () => {
  const { detection, events, errors } = read(logFixture('auth0/tenant-logs.jsonl'));

  it('reads raw logs and log-stream {data: …} envelopes', () => {
    expect(detection).toMatchObject({ format: 'auth0-logs', confidence: 0.95 });
    expect(errors).toEqual([]);
    expect(events.map((e) => e.nativeId)).toEqual(['a0-1', 'a0-2', 'a0-3', 'a0-4', 'a0-5', 'a0-6', 'a0-7', 'a0-8', 'a0-9', 'a0-10']);
  });

  it('maps type codes to classes, outcomes and decisions', () => {
    const summary = events.map((e) => [e.actionNative, e.actionClass, e.outcome, e.decision]);
    expect(summary).toEqual([
      ['s', 'authn', 'success', null],
      ['fp', 'authn', 'failure', null],
      ['seacft', 'token_issue', 'success', 'allow'],
      ['seccft', 'token_issue', 'success', 'allow'],
      ['sertft', 'token_issue', 'success', 'allow'],
      ['mfar', 'stepup', 'unknown', 'challenge'],
      ['gd_auth_succeed', 'stepup', 'success', null],
      ['fsa', 'authn', 'failure', null],
      ['sapi', 'privilege_change', 'success', null],
      ['fapi', 'api_call', 'failure', null],
    ]);
  });

  it('maps users, clients, agents (agent_id) and scopes', () => {
    expect(byNative(events, 'a0-1')).toMatchObject({ actor: { id: 'auth0|ada', type: 'human', clientId: 'cli-web' }, subjectUser: 'ada@clinic.example', tenant: 'acme.eu.auth0.com', src: { ip: '203.0.113.10' } });
    expect(byNative(events, 'a0-3')).toMatchObject({ scopesGranted: ['openid', 'refunds.read'], credential: { audience: ['https://api.refunds.example'] }, target: { service: 'https://api.refunds.example' } });
    expect(byNative(events, 'a0-4')).toMatchObject({ actor: { id: 'cli-agent', type: 'service', name: 'Refund Agent' } });
    expect(byNative(events, 'a0-4').subjectUser).toBeUndefined();
    expect(byNative(events, 'a0-5')).toMatchObject({ actor: { id: 'refund-agent', type: 'agent', clientId: 'cli-agent' }, subjectUser: 'ada@clinic.example', scopesRequested: ['refunds.read'] });
    expect(byNative(events, 'a0-9')).toMatchObject({ time: us('2025-10-03T14:09:32.149Z'), actor: { id: 'google-oauth2|1', name: 'admin@clinic.example' }, credential: { jti: 'jti-mgmt-1' }, target: { operation: 'POST /api/v2/users/auth0|eve/roles', resourceIds: ['auth0|eve'] } });
  });

  it('lists the users, roles and members a management API call changed as its resource ids', () => {
    const log = (path: string, body: unknown) => JSON.stringify({ log_id: path, date: '2026-03-05T10:00:00Z', type: 'sapi', client_id: 'mgmt', user_id: 'auth0|admin', details: { request: { method: 'post', path, body }, response: { statusCode: 201 } } });
    const lines = [
      log('/api/v2/users/auth0%7Cbob/roles', { roles: ['rol_refunds_admin'] }),
      log('/api/v2/roles/rol_refunds_admin/users', { users: ['auth0|bob', 'auth0|eve'] }),
      log('/api/v2/organizations/org_acme/members', { members: ['auth0|bob'] }),
    ];
    const { events: changes } = read(textFile('changes.jsonl', lines.join('\n')));
    expect(changes.map((e) => [e.actionClass, e.subjectUser, e.target.resourceIds])).toEqual([
      ['privilege_change', 'auth0|admin', ['auth0|bob', 'rol_refunds_admin']],
      ['privilege_change', 'auth0|admin', ['rol_refunds_admin', 'auth0|bob', 'auth0|eve']],
      ['privilege_change', 'auth0|admin', ['org_acme', 'auth0|bob']],
    ]);
  });
});

describe('CloudTrail reader', () => {
  const records = logFixture('cloudtrail/records.json');
  const { detection, events, errors } = read(records);

  it('reads the {"Records": [...]} file, JSON Lines and .json.gz alike', () => {
    expect(detection).toMatchObject({ format: 'aws-cloudtrail', confidence: 0.95 });
    expect(errors).toEqual([]);
    expect(events.map((e) => e.nativeId)).toEqual(['ev-1', 'ev-2', 'ev-3', 'ev-4', 'ev-5']);
    expect(read(logFixture('cloudtrail/records.jsonl')).events.map((e) => e.nativeId)).toEqual(events.map((e) => e.nativeId));
    const gz = read({ name: 'records.json.gz', bytes: gzipSync(records.bytes) });
    expect(gz.detection).toMatchObject({ format: 'aws-cloudtrail', reason: expect.stringMatching(/gzip/) });
    expect(gz.events.map((e) => e.raw)).toEqual(events.map((e) => e.raw));
  });

  it('maps an SSO user’s data access', () => {
    expect(byNative(events, 'ev-1')).toMatchObject({
      time: us('2026-03-02T09:10:00Z'),
      actionNative: 'GetObject',
      actionClass: 'api_call',
      decision: 'allow',
      actor: { type: 'service', name: 'AWSReservedSSO_Refunds_0123' },
      subjectUser: 'ada@clinic.example',
      delegation: [{ actor: 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Refunds_0123', via: 'assume-role' }],
      credential: { type: 'sts_session', id: 'ASIAEXAMPLE1', issued: us('2026-03-02T08:00:00Z') },
      mfa: { performed: true },
      tenant: '111122223333',
      target: { service: 's3.amazonaws.com', operation: 'GetObject', resourceIds: ['refund-receipts', '2026/03/r-88.pdf'] },
      correlation: { requestId: 'REQ1' },
    });
  });

  it('maps AssumeRole to a token issue with the issued credential’s expiry (CloudTrail’s own date format)', () => {
    expect(byNative(events, 'ev-2')).toMatchObject({ actionClass: 'token_issue', actor: { type: 'human', name: 'refund-bot' }, credential: { type: 'sts_session', id: 'ASIAISSUED', expires: us('2026-03-02T10:11:00Z') } });
  });

  it('maps AccessDenied to a deny, a console login without MFA, and onBehalfOf', () => {
    expect(byNative(events, 'ev-3')).toMatchObject({ actionClass: 'privilege_change', outcome: 'failure', decision: 'deny', reason: 'User is not authorized to perform: iam:AttachUserPolicy' });
    expect(byNative(events, 'ev-4')).toMatchObject({ actionClass: 'authn', outcome: 'success', mfa: { performed: false } });
    // The role acts for the Identity Center user: the role is the delegated hop, the user the subject.
    expect(byNative(events, 'ev-5')).toMatchObject({
      actor: { id: 'arn:aws:sts::111122223333:assumed-role/QBusinessRole/qbiz', type: 'service' },
      subjectUser: '94c8b4c8-ada',
      delegation: [{ actor: 'arn:aws:sts::111122223333:assumed-role/QBusinessRole/qbiz', via: 'identity-center' }],
    });
  });

  it('lists the users and groups of IAM and Identity Store membership changes as resource ids', () => {
    const lines = [
      { eventName: 'AddUserToGroup', eventSource: 'iam.amazonaws.com', eventTime: '2026-03-04T09:00:00Z', requestParameters: { groupName: 'refund-admins', userName: 'bob' } },
      { eventName: 'CreateGroupMembership', eventSource: 'identitystore.amazonaws.com', eventTime: '2026-03-04T09:01:00Z', requestParameters: { identityStoreId: 'd-0000000001', groupId: 'g-admins', memberId: { userId: 'c0ffee01-carol' } } },
      { eventName: 'CreateAccountAssignment', eventSource: 'sso.amazonaws.com', eventTime: '2026-03-04T09:02:00Z', requestParameters: { principalType: 'USER', principalId: 'c0ffee01-carol', permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-admin', targetType: 'AWS_ACCOUNT', targetId: '111122223333' } },
    ].map((r) => JSON.stringify({ ...r, userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/admin', userName: 'admin' } }));
    const { events: changes } = read(textFile('membership.jsonl', lines.join('\n')));
    expect(changes.map((e) => [e.actionClass, e.target.resourceIds])).toEqual([
      ['privilege_change', ['bob', 'refund-admins']],
      ['privilege_change', ['g-admins', 'c0ffee01-carol']],
      ['privilege_change', ['c0ffee01-carol', 'arn:aws:sso:::permissionSet/ssoins-1/ps-admin', '111122223333']],
    ]);
  });

  it('reads every sign-in one way: outcome from responseElements / serviceEventDetails / errors, no decision', () => {
    const signIns = read(logFixture('cloudtrail/sign-ins.jsonl'));
    expect(signIns.errors).toEqual([]);
    expect(signIns.events.map((e) => [e.nativeId, e.actionNative, e.actionClass, e.outcome, e.decision])).toEqual([
      ['si-1', 'ConsoleLogin', 'authn', 'success', null],
      ['si-2', 'ConsoleLogin', 'authn', 'failure', null],
      ['si-3', 'ConsoleLogin', 'authn', 'failure', null],
      ['si-4', 'CredentialChallenge', 'authn', 'success', null],
      ['si-5', 'CredentialVerification', 'authn', 'failure', null],
      ['si-6', 'UserAuthentication', 'authn', 'success', null],
      ['si-7', 'ConsoleLogin', 'authn', 'failure', null],
      ['si-8', 'CheckMfa', 'authn', 'failure', null],
      ['si-9', 'ListAccountRoles', 'api_call', 'success', 'allow'],
      ['si-10', 'ConsoleLogin', 'authn', 'success', null],
    ]);
    const e = (id: string) => byNative(signIns.events, id);
    expect(e('si-1')).toMatchObject({ actor: { id: 'arn:aws:iam::111122223333:user/bob', type: 'human', name: 'bob' }, subjectUser: 'bob', mfa: { performed: true } });
    expect(e('si-2')).toMatchObject({ reason: 'Failed authentication', actor: { id: 'AIDAEXAMPLEBOB', type: 'human' }, subjectUser: 'bob' });
    // An unknown user name is hidden by AWS: the account number is no actor either.
    expect(e('si-3').reason).toBe('No username found in supplied account');
    expect(e('si-3').actor.id).toBeUndefined();
    expect(e('si-3').subjectUser).toBeUndefined();
    expect(e('si-3').tenant).toBe('111122223333');
    expect(e('si-7')).toMatchObject({ reason: 'ConsoleLogin: Failure', actor: { id: 'arn:aws:iam::111122223333:root', type: 'human' } });
    expect(e('si-8')).toMatchObject({ reason: 'CheckMfa: Failure', stepUp: true });
    // A federated (SAML) console sign-in: the role session acts, named after the person.
    expect(e('si-10')).toMatchObject({ actor: { id: 'arn:aws:sts::111122223333:assumed-role/IdpAdmins/dana@clinic.example', type: 'service' }, subjectUser: 'dana@clinic.example' });
  });

  it('makes the Identity Center user who signs in the actor, not the account number', () => {
    const signIns = read(logFixture('cloudtrail/sign-ins.jsonl')).events;
    const e = (id: string) => byNative(signIns, id);
    expect(e('si-4')).toMatchObject({ actor: { id: 'carol', type: 'human', name: 'carol' }, subjectUser: 'carol', credential: { type: 'password' }, delegation: [] });
    expect(e('si-5')).toMatchObject({
      actor: { id: 'c0ffee01-carol', type: 'human' },
      subjectUser: 'c0ffee01-carol',
      reason: 'CredentialVerification: Failure (TOTP)',
      mfa: { performed: false, method: 'TOTP' },
      stepUp: true,
      delegation: [],
    });
    expect(e('si-6')).toMatchObject({ actor: { id: 'c0ffee01-carol', type: 'human', name: 'carol' }, subjectUser: 'carol', tenant: '111122223333' });
    expect(e('si-9')).toMatchObject({ actor: { id: 'c0ffee01-carol', type: 'human' }, subjectUser: 'c0ffee01-carol', delegation: [] });
    for (const event of signIns) expect(event.actor.id).not.toBe('111122223333');
  });

  it('reads the console CSV export, cells with JSON and quoted newlines included', () => {
    const csv = read(logFixture('cloudtrail/console-export.csv'));
    expect(csv.detection).toMatchObject({ format: 'aws-cloudtrail-csv', confidence: 0.9 });
    expect(csv.errors).toEqual([]);
    expect(csv.events.map((e) => [e.nativeId, e.actionNative, e.actionClass, e.decision, e.actor.name])).toEqual([
      ['ev-10', 'GetObject', 'api_call', 'allow', 'ada'],
      ['ev-11', 'DeleteBucket', 'api_call', 'deny', 'refund-bot'],
      ['ev-12', 'CreateAccessKey', 'credential_admin', 'allow', 'ada'],
    ]);
    expect(csv.events[1]!.raw).toContain('"bucket\nrefund-receipts"');
    expect(csv.events[0]!.credential).toMatchObject({ type: 'sts_session', id: 'ASIAEXAMPLE1' });
  });
});

describe('OCSF reader', () => {
  const { detection, events, errors } = read(logFixture('ocsf/events.jsonl'));

  it('reads Authentication, API Activity, Authorize Session and Account Change', () => {
    expect(detection).toMatchObject({ format: 'ocsf', confidence: 0.95 });
    expect(errors).toEqual([]);
    expect(events.map((e) => [e.actionClass, e.outcome, e.decision])).toEqual([
      ['authn', 'success', null],
      ['api_call', 'failure', 'deny'],
      ['authz_decision', 'success', 'allow'],
      ['privilege_change', 'success', null],
      ['api_call', 'success', 'allow'],
    ]);
    expect(events[0]).toMatchObject({ time: 1772442000123000, nativeId: 'oc-1', actor: { type: 'human', id: 'u-ada' }, subjectUser: 'ada@clinic.example', mfa: { performed: true, method: 'SAML' }, tenant: 'acme', src: { ip: '203.0.113.10', userAgent: 'Mozilla/5.0' } });
    expect(events[1]).toMatchObject({ credential: { type: 'session', id: 'sess-9', expires: 1772444600000000 }, target: { service: 'refunds-api', operation: 'refunds.issue', resourceIds: ['refund-88'] }, correlation: { requestId: 'req-77', transactionId: 'corr-1', sessionId: 'sess-9' } });
    expect(events[2]).toMatchObject({ scopesGranted: ['refunds.read', 'refunds.write'], actor: { id: 'u-admin' } });
  });

  it('makes an ai_agent the actor, with its delegation, user and trace', () => {
    expect(events[4]).toMatchObject({
      actor: { id: 'refund-agent', type: 'agent', name: 'Refund Agent', clientId: 'refund-desk' },
      subjectUser: 'ada@clinic.example',
      delegation: [{ actor: 'refund-agent', via: 'ocsf-delegation' }],
      scopesGranted: ['refunds.read'],
      credential: { type: 'delegation', id: 'dlg-1', expires: 1772442900000000, audience: ['api://refunds'] },
      correlation: { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', conversationId: 'run-42' },
    });
  });
});

describe('OpenTelemetry GenAI / MCP span reader', () => {
  const doc = read(logFixture('otel/genai-mcp.json'));

  it('makes one event per span, from a whole OTLP document or a collector’s JSON Lines', () => {
    expect(doc.detection).toMatchObject({ format: 'otel-spans', confidence: 0.95 });
    expect(doc.events.map((e) => e.id)).toEqual(['genai-mcp.json:1.1', 'genai-mcp.json:1.2', 'genai-mcp.json:1.3', 'genai-mcp.json:2.1']);
    const lines = read(logFixture('otel/collector.jsonl'));
    expect(lines.events.map((e) => e.correlation.spanId)).toEqual(doc.events.map((e) => e.correlation.spanId));
  });

  it('maps invoke_agent, execute_tool and tools/call with the linking ids', () => {
    const [root, tool, call, server] = doc.events;
    expect(root).toMatchObject({ time: 1772442300000000, actionClass: 'other', actor: { id: 'refund-agent', type: 'agent', name: 'Refunds' }, subjectUser: 'ada@clinic.example' });
    expect(tool).toMatchObject({ actionClass: 'tool_call', outcome: 'success', subjectUser: 'ada@clinic.example', correlation: { toolCallId: 'call_1', conversationId: 'conv_1', parentSpanId: '1111111111111111' } });
    expect(call).toMatchObject({
      actionNative: 'tools/call refunds.lookup',
      actionClass: 'tool_call',
      actor: { id: 'refund-agent', type: 'agent' },
      mcp: { server: 'mcp-refunds', method: 'tools/call', tool: 'refunds.lookup', session: 'sess-uuid-1', jsonrpcId: '7' },
      target: { service: 'mcp-refunds', operation: 'refunds.lookup' },
      correlation: { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', toolCallId: 'call_1' },
    });
    // Base64 ids (protobuf JSON mapping) become hex; numeric nanoseconds are read too.
    expect(server).toMatchObject({ outcome: 'failure', reason: 'policy_denied', actor: { id: 'mcp-refunds', type: 'service' }, correlation: { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '3344444444444444' } });
    expect(server!.time).toBe(1772442400000000);
  });

  it('keeps each span (with its resource) as raw', () => {
    const raw = JSON.parse(doc.events[2]!.raw);
    expect(raw).toMatchObject({ spanId: '00f067aa0ba902b7', resource: { attributes: [{ key: 'service.name' }] } });
  });
});

describe('Descope agents and scopes', () => {
  const { events, errors } = read(logFixture('descope/agents.jsonl'));
  const action = (name: string) => events.find((e) => e.actionNative === name)!;

  it('reads data.scopes, as a list or a space-separated string', () => {
    expect(errors).toEqual([]);
    expect(action('AccessKeyExchange').scopesGranted).toEqual(['reports.read', 'reports.export']);
    expect(action('McpToolCallAuthorized').scopesGranted).toEqual(['reports.export']);
    expect(action('ThirdPartyAppTokenIssued').scopesGranted).toEqual(['calendar.read', 'calendar.events']);
  });

  it('makes access keys (bots) and third-party apps the agent, with the user they act for', () => {
    expect(action('AccessKeyExchange')).toMatchObject({ actor: { id: 'K-ops', type: 'agent', name: 'ops-reporter' } });
    expect(action('AccessKeyExchange').subjectUser).toBeUndefined();
    expect(action('McpToolCallAuthorized')).toMatchObject({ actor: { id: 'K-ops', type: 'agent' }, subjectUser: 'bob@clinic.example', decision: 'allow' });
    // The key's own login id is not the user's: the agent keeps no user's name.
    expect(action('McpToolCallAuthorized').actor.name).toBeUndefined();
    expect(action('ThirdPartyAppTokenIssued')).toMatchObject({
      actionClass: 'token_issue',
      actor: { id: 'TPA-calendar', type: 'agent', name: 'Calendar Sync', clientId: 'TPA-calendar' },
      subjectUser: 'bob@clinic.example',
    });
  });

  it('a Descoper changing a user acts for no one: the user changed is the target', () => {
    const e = action('UserModified');
    expect(e).toMatchObject({ actor: { id: 'D-admin', type: 'human' }, target: { resourceIds: ['U-bob'] } });
    expect(e.actor.name).toBeUndefined();
    expect(e.subjectUser).toBeUndefined();
  });
});
