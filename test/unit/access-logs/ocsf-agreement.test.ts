// The same logical event, read from the vendor's own log and from its OCSF form (as Security
// Lake or an IdP's OCSF export writes it), must normalize to the same facts: who acted and
// as what (human / service / agent), what happened to whom (the target user and group ids),
// the class, outcome and decision. Fields the OCSF form cannot carry are left out.
import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../shared/model/access-event.ts';
import type { NormalizeResult, RecordContext } from '../../../shared/formats/access-logs/reader.ts';
import { isProblem } from '../../../shared/formats/access-logs/reader.ts';
import { normalizeOcsf } from '../../../shared/formats/access-logs/ocsf.ts';
import { normalizeCloudTrail } from '../../../shared/formats/access-logs/cloudtrail.ts';
import { normalizeOkta } from '../../../shared/formats/access-logs/okta.ts';

const ctx: RecordContext = { sourceId: 'pair', format: 'test', line: 1, ordinal: 1, raw: '{}' };

function one(result: NormalizeResult): AccessEvent {
  if (isProblem(result)) throw new Error(result.problem);
  return Array.isArray(result) ? result[0]! : result;
}

type Field = 'actorType' | 'actorId' | 'clientId' | 'subjectUser' | 'actionClass' | 'outcome' | 'decision' | 'time' | 'tenant' | 'service' | 'operation' | 'resourceIds' | 'ip' | 'requestId' | 'delegation';

const facts: Record<Field, (e: AccessEvent) => unknown> = {
  actorType: (e) => e.actor.type,
  actorId: (e) => e.actor.id,
  clientId: (e) => e.actor.clientId,
  subjectUser: (e) => e.subjectUser,
  actionClass: (e) => e.actionClass,
  outcome: (e) => e.outcome,
  decision: (e) => e.decision,
  time: (e) => e.time,
  tenant: (e) => e.tenant,
  service: (e) => e.target.service,
  operation: (e) => e.target.operation,
  resourceIds: (e) => [...e.target.resourceIds].sort(),
  ip: (e) => e.src.ip,
  requestId: (e) => e.correlation.requestId,
  delegation: (e) => e.delegation.map((h) => [h.actor, h.via]),
};

const ACCOUNT = '111122223333';
const ms = (iso: string) => Date.parse(iso);
const awsCloud = { provider: 'AWS', region: 'eu-west-1', account: { uid: ACCOUNT } };
const awsProduct = { version: '1.1.0', product: { name: 'CloudTrail', vendor_name: 'AWS' } };
const ROLE = `arn:aws:iam::${ACCOUNT}:role/refund-reader`;
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/refund-reader/agent-run-7`;

interface Pair {
  name: string;
  vendor: AccessEvent;
  ocsf: AccessEvent;
  agree: Field[];
  expect: Partial<Record<Field, unknown>>;
}

const pairs: Pair[] = [
  {
    name: 'CloudTrail: an assumed role reads an object',
    vendor: one(normalizeCloudTrail({
      userIdentity: { type: 'AssumedRole', principalId: 'AROAEX:agent-run-7', arn: SESSION, accountId: ACCOUNT, accessKeyId: 'ASIAEX7', sessionContext: { sessionIssuer: { type: 'Role', arn: ROLE, userName: 'refund-reader' }, attributes: { mfaAuthenticated: 'false', creationDate: '2026-03-05T09:00:00Z' } } },
      eventTime: '2026-03-05T10:00:00Z', eventSource: 's3.amazonaws.com', eventName: 'GetObject', sourceIPAddress: '198.51.100.50',
      requestParameters: { bucketName: 'refund-receipts', key: 'r-9.pdf' }, requestID: 'REQ9', eventID: 'ag-1', eventType: 'AwsApiCall', recipientAccountId: ACCOUNT,
    }, ctx)),
    ocsf: one(normalizeOcsf({
      class_uid: 6003, category_uid: 6, activity_id: 2, activity_name: 'Read', time: ms('2026-03-05T10:00:00Z'), status_id: 1, status: 'Success', cloud: awsCloud,
      actor: { user: { type: 'AssumedRole', uid: SESSION, name: 'agent-run-7', credential_uid: 'ASIAEX7', account: { uid: ACCOUNT } }, session: { issuer: ROLE, created_time: ms('2026-03-05T09:00:00Z'), is_mfa: false } },
      api: { operation: 'GetObject', service: { name: 's3.amazonaws.com' }, request: { uid: 'REQ9' } },
      resources: [{ uid: 'refund-receipts', type: 'AWS::S3::Bucket' }, { uid: 'r-9.pdf', type: 'AWS::S3::Object' }],
      src_endpoint: { ip: '198.51.100.50' }, metadata: { ...awsProduct, uid: 'ag-1' },
    }, ctx)),
    agree: ['actorType', 'actorId', 'actionClass', 'outcome', 'decision', 'time', 'tenant', 'service', 'operation', 'resourceIds', 'ip', 'requestId', 'delegation'],
    expect: { actorType: 'service', actionClass: 'api_call', decision: 'allow', delegation: [[ROLE, 'assume-role']] },
  },
  {
    name: 'CloudTrail: an assumed role is denied a policy attachment',
    vendor: one(normalizeCloudTrail({
      userIdentity: { type: 'AssumedRole', arn: SESSION, accountId: ACCOUNT, sessionContext: { sessionIssuer: { arn: ROLE } } },
      eventTime: '2026-03-05T10:01:00Z', eventSource: 'iam.amazonaws.com', eventName: 'AttachUserPolicy', errorCode: 'AccessDenied',
      errorMessage: 'not authorized to perform iam:AttachUserPolicy', requestParameters: { userName: 'bob', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, eventID: 'ag-2', recipientAccountId: ACCOUNT,
    }, ctx)),
    ocsf: one(normalizeOcsf({
      class_uid: 6003, category_uid: 6, activity_id: 99, time: ms('2026-03-05T10:01:00Z'), status_id: 2, status: 'Failure', cloud: awsCloud,
      actor: { user: { type: 'AssumedRole', uid: SESSION }, session: { issuer: ROLE } },
      api: { operation: 'AttachUserPolicy', service: { name: 'iam.amazonaws.com' }, response: { error: 'AccessDenied', message: 'not authorized to perform iam:AttachUserPolicy' } },
      resources: [{ uid: 'arn:aws:iam::aws:policy/AdministratorAccess' }, { name: 'bob' }], metadata: { ...awsProduct, uid: 'ag-2' },
    }, ctx)),
    agree: ['actorType', 'actorId', 'actionClass', 'outcome', 'decision', 'time', 'tenant', 'service', 'operation', 'resourceIds'],
    expect: { actorType: 'service', actionClass: 'privilege_change', outcome: 'failure', decision: 'deny' },
  },
  {
    name: 'CloudTrail: an IAM user adds a user to a group (OCSF Group Management)',
    vendor: one(normalizeCloudTrail({
      userIdentity: { type: 'IAMUser', principalId: 'AIDAADMIN', arn: `arn:aws:iam::${ACCOUNT}:user/admin`, accountId: ACCOUNT, userName: 'admin' },
      eventTime: '2026-03-05T10:02:00Z', eventSource: 'iam.amazonaws.com', eventName: 'AddUserToGroup', requestParameters: { groupName: 'refund-admins', userName: 'bob' }, eventID: 'ag-3', recipientAccountId: ACCOUNT,
    }, ctx)),
    ocsf: one(normalizeOcsf({
      class_uid: 3006, category_uid: 3, activity_id: 3, activity_name: 'Add User', time: ms('2026-03-05T10:02:00Z'), status_id: 1, cloud: awsCloud,
      actor: { user: { type: 'IAMUser', uid: `arn:aws:iam::${ACCOUNT}:user/admin`, name: 'admin' } },
      user: { name: 'bob' }, group: { name: 'refund-admins' },
      api: { operation: 'AddUserToGroup', service: { name: 'iam.amazonaws.com' } }, metadata: { ...awsProduct, uid: 'ag-3' },
    }, ctx)),
    agree: ['actorType', 'actorId', 'subjectUser', 'actionClass', 'outcome', 'decision', 'time', 'tenant', 'service', 'operation', 'resourceIds'],
    expect: { actorType: 'human', subjectUser: 'admin', actionClass: 'privilege_change', resourceIds: ['bob', 'refund-admins'] },
  },
  {
    name: 'CloudTrail: an AWS service acts (AWSService)',
    vendor: one(normalizeCloudTrail({ userIdentity: { type: 'AWSService', invokedBy: 'lambda.amazonaws.com' }, eventTime: '2026-03-05T10:03:00Z', eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', eventID: 'ag-4', recipientAccountId: ACCOUNT }, ctx)),
    ocsf: one(normalizeOcsf({
      class_uid: 6003, time: ms('2026-03-05T10:03:00Z'), status_id: 1, cloud: awsCloud, actor: { user: { type: 'AWSService', name: 'lambda.amazonaws.com' }, invoked_by: 'lambda.amazonaws.com' },
      api: { operation: 'Decrypt', service: { name: 'kms.amazonaws.com' } }, metadata: { ...awsProduct, uid: 'ag-4' },
    }, ctx)),
    agree: ['actorType', 'actionClass', 'outcome', 'decision', 'time', 'tenant', 'service', 'operation'],
    expect: { actorType: 'service' },
  },
  {
    name: 'Okta: an admin adds a user to a group (OCSF Group Management)',
    vendor: one(normalizeOkta({
      uuid: 'ag-5', published: '2026-03-05T10:04:00Z', eventType: 'group.user_membership.add', actor: { id: '00uAdmin', type: 'User', alternateId: 'admin@clinic.example', displayName: 'Grace Admin' },
      client: { ipAddress: '203.0.113.20' }, outcome: { result: 'SUCCESS' },
      target: [{ id: '00uBob', type: 'User', alternateId: 'bob@clinic.example' }, { id: '00gRefund', type: 'UserGroup', alternateId: 'Refund admins' }],
    }, ctx)),
    ocsf: one(normalizeOcsf({
      class_uid: 3006, category_uid: 3, activity_id: 3, activity_name: 'Add User', time: ms('2026-03-05T10:04:00Z'), status_id: 1,
      actor: { user: { uid: '00uAdmin', type: 'User', type_id: 1, email_addr: 'admin@clinic.example', name: 'Grace Admin' } },
      user: { uid: '00uBob', email_addr: 'bob@clinic.example' }, group: { uid: '00gRefund', name: 'Refund admins' },
      src_endpoint: { ip: '203.0.113.20' }, metadata: { version: '1.1.0', uid: 'ag-5', product: { name: 'Okta' } },
    }, ctx)),
    agree: ['actorType', 'actorId', 'subjectUser', 'actionClass', 'outcome', 'decision', 'time', 'resourceIds', 'ip'],
    expect: { actorType: 'human', actionClass: 'privilege_change', decision: null, resourceIds: ['00gRefund', '00uBob'] },
  },
  {
    name: 'Okta: an admin resets a user’s password (OCSF Account Change)',
    vendor: one(normalizeOkta({
      uuid: 'ag-6', published: '2026-03-05T10:05:00Z', eventType: 'user.account.reset_password', actor: { id: '00uAdmin', type: 'User', alternateId: 'admin@clinic.example' },
      outcome: { result: 'SUCCESS' }, target: [{ id: '00uBob', type: 'User', alternateId: 'bob@clinic.example' }],
    }, ctx)),
    ocsf: one(normalizeOcsf({
      class_uid: 3001, category_uid: 3, activity_id: 4, activity_name: 'Password Reset', time: ms('2026-03-05T10:05:00Z'), status_id: 1,
      actor: { user: { uid: '00uAdmin', type: 'Admin', email_addr: 'admin@clinic.example' } }, user: { uid: '00uBob', email_addr: 'bob@clinic.example' }, metadata: { version: '1.1.0' },
    }, ctx)),
    agree: ['actorType', 'actorId', 'subjectUser', 'actionClass', 'outcome', 'decision', 'time', 'resourceIds'],
    expect: { actionClass: 'credential_admin', resourceIds: ['00uBob'] },
  },
  {
    name: 'Okta: an agent exchanges a token for a user (OCSF ai_agent)',
    vendor: one(normalizeOkta({
      uuid: 'ag-7', published: '2026-03-05T10:06:00Z', eventType: 'app.oauth2.as.token.grant', actor: { id: '0oaAgent', type: 'PublicClientApp', displayName: 'Refund Agent' }, outcome: { result: 'SUCCESS' },
      debugContext: { debugData: { grantType: 'urn:ietf:params:oauth:grant-type:token-exchange', subject: 'ada@clinic.example', actClaim: '{"sub":"refund-agent","client_id":"0oaAgent"}' } },
    }, ctx)),
    ocsf: one(normalizeOcsf({
      class_uid: 3003, category_uid: 3, activity_id: 1, time: ms('2026-03-05T10:06:00Z'), status_id: 1,
      actor: { user: { uid: 'u-ada', email_addr: 'ada@clinic.example' }, app_uid: '0oaAgent', ai_agent: { uid: 'refund-agent', name: 'Refund Agent' } },
      metadata: { version: '1.9.0' },
    }, ctx)),
    agree: ['actorType', 'clientId', 'subjectUser', 'outcome', 'decision', 'time'],
    expect: { actorType: 'agent', subjectUser: 'ada@clinic.example', decision: 'allow' },
  },
];

describe('a vendor record and its OCSF form normalize to the same facts', () => {
  it.each(pairs.map((p) => [p.name, p] as const))('%s', (_name, pair) => {
    for (const field of pair.agree) expect(facts[field](pair.ocsf), `${field} (OCSF vs vendor)`).toEqual(facts[field](pair.vendor));
    for (const [field, value] of Object.entries(pair.expect)) expect(facts[field as Field](pair.vendor), field).toEqual(value);
  });
});
