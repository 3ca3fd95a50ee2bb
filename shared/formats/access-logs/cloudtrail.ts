// AWS CloudTrail: the `{"Records": [...]}` files CloudTrail delivers to S3 (often
// `.json.gz`), bare arrays (Stratus Red Team, console downloads), JSON Lines (Logstash or
// SIEM exports, where `@timestamp` may stand in for eventTime), and the CSV the console's
// event history exports. Every record is an API call; errors that mean "not allowed"
// (AccessDenied, UnauthorizedOperation …) are denies, other errors are plain failures.
import type { ActionClass, ActorType, Decision, DelegationHop, Outcome } from '../../model/access-event.ts';
import { arr, at, bool, first, known, obj, pick, str, type Obj } from './fields.ts';
import { credentialOf, makeEvent } from './event.ts';
import { defineAccessLogReader, verdict } from './kit.ts';
import type { NormalizeResult, RecordContext } from './reader.ts';
import { toMicros } from './time.ts';
import { unmappedPaths } from './unmapped.ts';

const TOKEN_ISSUE = new Set(['AssumeRole', 'GetFederationToken', 'GetSessionToken', 'GetRoleCredentials', 'CreateToken', 'GetSigninToken']);
const TOKEN_EXCHANGE = new Set(['AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML', 'AssumeRoot']);
const AUTHN = new Set(['ConsoleLogin', 'CheckMfa', 'SwitchRole', 'ExitRole', 'Authenticate', 'UserAuthentication', 'CredentialVerification', 'CredentialChallenge']);
const PRIVILEGE = /^(Attach|Detach|Put|Delete)(User|Role|Group)Policy$|^(CreatePolicyVersion|SetDefaultPolicyVersion|AddUserToGroup|RemoveUserFromGroup|UpdateAssumeRolePolicy|PutRolePermissionsBoundary|PutUserPermissionsBoundary|CreateRole|AddRoleToInstanceProfile|PutBucketPolicy|PutBucketAcl|CreateGrant|PutKeyPolicy|AssociateAccessPolicy|CreateAccessEntry|CreatePermissionSet|AttachManagedPolicyToPermissionSet|PutInlinePolicyToPermissionSet|CreateAccountAssignment|AddPermission)$/;
const CREDENTIAL = /^(Create|Delete|Update)(AccessKey|LoginProfile|ServiceSpecificCredential|SSHPublicKey|SigningCertificate)$|^(ChangePassword|UploadSSHPublicKey|UploadSigningCertificate|EnableMFADevice|DeactivateMFADevice|CreateVirtualMFADevice|DeleteVirtualMFADevice|ResyncMFADevice|CreateSecret|PutSecretValue|UpdateSecret|DeleteSecret|RotateSecret|UpdateAccountPasswordPolicy|CreateKeyPair|ImportKeyPair|DeleteKeyPair|PasswordRecoveryRequested|PasswordUpdated)$/;
const DENY_CODES = /AccessDenied|Unauthorized|Forbidden|NotAuthorized|InvalidClientTokenId|SignatureDoesNotMatch|ExpiredToken|Blocked/i;

export function cloudTrailClass(eventName: string, eventType: string | undefined): ActionClass {
  if (TOKEN_EXCHANGE.has(eventName)) return 'token_exchange';
  if (TOKEN_ISSUE.has(eventName)) return 'token_issue';
  if (AUTHN.has(eventName) || eventType === 'AwsConsoleSignIn') return 'authn';
  if (PRIVILEGE.test(eventName)) return 'privilege_change';
  if (CREDENTIAL.test(eventName)) return 'credential_admin';
  if (eventName === 'InvokeAgent' || eventName === 'InvokeInlineAgent' || eventName === 'InvokeTool') return 'tool_call';
  return 'api_call';
}

const HUMAN = new Set(['Root', 'IAMUser', 'FederatedUser', 'SAMLUser', 'WebIdentityUser', 'IdentityCenterUser', 'Directory']);

function actorTypeOf(identity: Obj | undefined): ActorType {
  const type = str(pick(identity, 'type'));
  if (type === undefined) return 'unknown';
  if (HUMAN.has(type)) return 'human';
  if (type === 'Unknown') return 'unknown';
  return 'service';
}

/** "arn:aws:sts::123:assumed-role/Role/session" → "session". */
function arnTail(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  const slash = arn.lastIndexOf('/');
  return slash >= 0 ? arn.slice(slash + 1) : undefined;
}

function resourceIds(r: Obj): string[] {
  const ids: string[] = [];
  for (const res of arr(pick(r, 'resources'))) {
    const id = first(pick(obj(res), 'ARN'), pick(obj(res), 'arn'));
    if (id !== undefined) ids.push(id);
  }
  const params = obj(pick(r, 'requestParameters'));
  if (params) {
    for (const key of ['roleArn', 'secretId', 'bucketName', 'key', 'policyArn', 'userName', 'roleName', 'functionName', 'instanceId', 'modelId', 'keyId', 'target']) {
      const v = str(pick(params, key));
      if (v !== undefined) ids.push(v);
    }
  }
  return ids;
}

export function normalizeCloudTrailObject(r: Obj, ctx: RecordContext): NormalizeResult {
  const eventName = str(pick(r, 'eventName'));
  if (eventName === undefined) return { problem: 'not a CloudTrail record: no eventName' };
  const eventType = str(pick(r, 'eventType'));
  const actionClass = cloudTrailClass(eventName, eventType);
  const identity = obj(pick(r, 'userIdentity'));
  const session = obj(pick(identity, 'sessionContext'));
  const issuer = obj(pick(session, 'sessionIssuer'));
  const errorCode = known(pick(r, 'errorCode'));
  const consoleResult = str(at(r, 'responseElements.ConsoleLogin'));
  const failed = errorCode !== undefined || consoleResult === 'Failure';
  const outcome: Outcome = failed ? 'failure' : 'success';
  const denied = errorCode !== undefined && DENY_CODES.test(errorCode);
  // Every logged call passed (or failed) IAM evaluation: success is an allow.
  const decision: Decision | null = denied ? 'deny' : failed ? null : 'allow';
  const type = actorTypeOf(identity);
  const arn = str(pick(identity, 'arn'));
  const onBehalfOf = str(at(identity, 'onBehalfOf.userId'));
  const roleSession = pick(identity, 'type') === 'AssumedRole' ? arnTail(arn) : undefined;
  const sourceIdentity = first(pick(session, 'sourceIdentity'), at(r, 'additionalEventData.sourceIdentity'));
  // Identity Center sessions are named after the person: AWSReservedSSO_<set>/<user>.
  const ssoUser = arn?.includes(':assumed-role/AWSReservedSSO_') ? roleSession : undefined;
  const humanName = type === 'human' ? first(pick(identity, 'userName'), arnTail(arn), pick(identity, 'principalId')) : undefined;

  const delegation: DelegationHop[] = [];
  const issuerArn = str(pick(issuer, 'arn'));
  if (issuerArn !== undefined) delegation.push({ actor: issuerArn, via: 'assume-role' });
  if (onBehalfOf !== undefined) delegation.push({ actor: onBehalfOf, via: 'identity-center' });

  const issued = obj(at(r, 'responseElements.credentials'));
  const mfaFlag = first(at(session, 'attributes.mfaAuthenticated'), at(r, 'additionalEventData.MFAUsed'));
  const accessKey = str(pick(identity, 'accessKeyId'));
  const time = toMicros(pick(r, 'eventTime')) ?? toMicros(pick(r, '@timestamp')) ?? toMicros(pick(r, 'p_event_time'));
  const credential = issued && (actionClass === 'token_issue' || actionClass === 'token_exchange')
    ? credentialOf({ type: 'sts_session', id: str(pick(issued, 'accessKeyId')), issued: time ?? undefined, expires: toMicros(pick(issued, 'expiration')) ?? undefined })
    : credentialOf({
        type: accessKey === undefined ? undefined : accessKey.startsWith('ASIA') ? 'sts_session' : 'access_key',
        id: accessKey,
        issued: toMicros(at(session, 'attributes.creationDate')) ?? undefined,
      });

  return makeEvent(ctx, {
    nativeId: str(pick(r, 'eventID')),
    time,
    actionNative: eventName,
    actionClass,
    outcome,
    decision,
    reason: first(pick(r, 'errorMessage'), errorCode, consoleResult === 'Failure' ? 'console sign-in failed' : undefined),
    actor: {
      id: first(arn, pick(identity, 'principalId'), pick(identity, 'invokedBy'), pick(identity, 'accountId')),
      type,
      name: first(pick(identity, 'userName'), pick(issuer, 'userName'), arnTail(arn), pick(identity, 'invokedBy')),
      clientId: first(pick(identity, 'invokedBy')),
    },
    subjectUser: first(onBehalfOf, sourceIdentity, ssoUser, humanName),
    delegation,
    credential,
    mfa: mfaFlag !== undefined ? { performed: bool(mfaFlag) ?? false, method: undefined } : undefined,
    stepUp: eventName === 'CheckMfa',
    // The account called into; the caller's own account only when it is a real account id.
    tenant: first(pick(r, 'recipientAccountId'), /^\d{12}$/.test(str(pick(identity, 'accountId')) ?? '') ? pick(identity, 'accountId') : undefined),
    target: { service: str(pick(r, 'eventSource')), operation: eventName, resourceIds: resourceIds(r) },
    src: { ip: str(pick(r, 'sourceIPAddress')), userAgent: str(pick(r, 'userAgent')) },
    correlation: { requestId: str(pick(r, 'requestID')) },
  });
}

export function normalizeCloudTrail(record: unknown, ctx: RecordContext): NormalizeResult {
  const r = obj(record);
  return r ? normalizeCloudTrailObject(r, ctx) : { problem: 'record is not a JSON object' };
}

export const CLOUDTRAIL_MAPPED = [
  'eventID', 'eventName', 'eventType', 'eventTime', '@timestamp', 'p_event_time', 'eventSource', 'errorCode', 'errorMessage', 'sourceIPAddress',
  'userAgent', 'requestID', 'recipientAccountId', 'resources', 'requestParameters', 'responseElements.ConsoleLogin', 'responseElements.credentials.accessKeyId',
  'responseElements.credentials.expiration', 'additionalEventData.MFAUsed', 'additionalEventData.sourceIdentity', 'userIdentity.type', 'userIdentity.arn',
  'userIdentity.principalId', 'userIdentity.userName', 'userIdentity.accessKeyId', 'userIdentity.accountId', 'userIdentity.invokedBy', 'userIdentity.onBehalfOf',
  'userIdentity.sessionContext.sessionIssuer.arn', 'userIdentity.sessionContext.sessionIssuer.userName', 'userIdentity.sessionContext.sourceIdentity',
  'userIdentity.sessionContext.attributes',
];

export const cloudTrailReader = defineAccessLogReader({
  format: 'aws-cloudtrail',
  sniff: (s) => verdict(s, (r) => typeof pick(r, 'eventName') === 'string' && (pick(r, 'eventSource') !== undefined || pick(r, 'userIdentity') !== undefined) && (pick(r, 'eventTime') !== undefined || pick(r, 'awsRegion') !== undefined || pick(r, 'eventVersion') !== undefined), 'CloudTrail (eventName, eventSource, userIdentity)'),
  normalize: normalizeCloudTrail,
  unmapped: (record) => unmappedPaths(record, CLOUDTRAIL_MAPPED),
});
