// AWS CloudTrail: the `{"Records": [...]}` files CloudTrail delivers to S3 (often
// `.json.gz`), bare arrays (Stratus Red Team, console downloads), JSON Lines (Logstash or
// SIEM exports, where `@timestamp` may stand in for eventTime), and the CSV the console's
// event history exports. Every record is an API call; errors that mean "not allowed"
// (AccessDenied, UnauthorizedOperation …) are denies, other errors are plain failures.
// Sign-ins (ConsoleLogin, Identity Center's CredentialChallenge / CredentialVerification /
// UserAuthentication, SwitchRole, CheckMfa …) are all read one way: the outcome from
// errorCode, `responseElements.<eventName>` or `serviceEventDetails` ("Success" /
// "Failure"), no decision either way (a sign-in is no authorization), and the actor is the
// person signing in, also when Identity Center leaves only the account number in
// userIdentity and names the user in onBehalfOf or additionalEventData.UserName.
import type { ActionClass, ActorType, Decision, DelegationHop, Outcome } from '../../model/access-event.ts';
import { arr, at, bool, first, known, obj, pick, str, type Obj } from './fields.ts';
import { credentialOf, makeEvent } from './event.ts';
import { defineAccessLogReader, verdict } from './kit.ts';
import type { NormalizeResult, RecordContext } from './reader.ts';
import { toMicros } from './time.ts';
import { unmappedPaths } from './unmapped.ts';

const TOKEN_ISSUE = new Set(['AssumeRole', 'GetFederationToken', 'GetSessionToken', 'GetRoleCredentials', 'CreateToken', 'GetSigninToken']);
const TOKEN_EXCHANGE = new Set(['AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML', 'AssumeRoot']);
const AUTHN = new Set(['ConsoleLogin', 'CheckMfa', 'SwitchRole', 'ExitRole', 'Authenticate', 'UserAuthentication', 'CredentialVerification', 'CredentialChallenge',
  'Federate', 'Logout', 'PasskeyVerification']);
const PRIVILEGE = /^(Attach|Detach|Put|Delete)(User|Role|Group)Policy$|^(CreatePolicyVersion|SetDefaultPolicyVersion|AddUserToGroup|RemoveUserFromGroup|UpdateAssumeRolePolicy|PutRolePermissionsBoundary|PutUserPermissionsBoundary|CreateRole|AddRoleToInstanceProfile|PutBucketPolicy|PutBucketAcl|CreateGrant|PutKeyPolicy|AssociateAccessPolicy|CreateAccessEntry|CreatePermissionSet|AttachManagedPolicyToPermissionSet|PutInlinePolicyToPermissionSet|CreateAccountAssignment|DeleteAccountAssignment|CreateGroupMembership|DeleteGroupMembership|AddPermission)$/;
const CREDENTIAL = /^(Create|Delete|Update)(AccessKey|LoginProfile|ServiceSpecificCredential|SSHPublicKey|SigningCertificate)$|^(ChangePassword|UploadSSHPublicKey|UploadSigningCertificate|EnableMFADevice|DeactivateMFADevice|CreateVirtualMFADevice|DeleteVirtualMFADevice|ResyncMFADevice|CreateSecret|PutSecretValue|UpdateSecret|DeleteSecret|RotateSecret|UpdateAccountPasswordPolicy|CreateKeyPair|ImportKeyPair|DeleteKeyPair|PasswordRecoveryRequested|PasswordUpdated)$/;
export const DENY_CODES = /AccessDenied|Unauthorized|Forbidden|NotAuthorized|InvalidClientTokenId|SignatureDoesNotMatch|ExpiredToken|Blocked/i;

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

/** A userIdentity type (IAMUser, AssumedRole, AWSService …) → actor type; the OCSF reader uses it too. */
export function awsIdentityType(type: string | undefined): ActorType {
  if (type === undefined || type === 'Unknown') return 'unknown';
  return HUMAN.has(type) ? 'human' : 'service';
}

function actorTypeOf(identity: Obj | undefined): ActorType {
  return awsIdentityType(str(pick(identity, 'type')));
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
    // Users, groups and assignments changed (IAM; Identity Store memberships; Identity Center
    // account assignments), then the resources a call reads or writes.
    for (const key of ['roleArn', 'secretId', 'bucketName', 'key', 'policyArn', 'userName', 'groupName', 'userId', 'groupId', 'memberId.userId',
      'principalId', 'permissionSetArn', 'targetId', 'roleName', 'functionName', 'instanceId', 'modelId', 'keyId', 'target']) {
      const v = str(at(params, key));
      if (v !== undefined && !ids.includes(v)) ids.push(v);
    }
  }
  return ids;
}

/** "Success" / "Failure" (any case, also Succeeded / Failed) → an outcome; anything else undefined. */
function statusWord(value: unknown): Outcome | undefined {
  const s = str(value)?.toLowerCase();
  if (s === undefined) return undefined;
  if (s === 'success' || s === 'succeeded' || s === 'successful' || s === 'true') return 'success';
  if (s === 'failure' || s === 'failed' || s === 'fail' || s === 'false') return 'failure';
  return undefined;
}

/**
 * A service or sign-in event's own status: `responseElements.ConsoleLogin`, or in
 * `serviceEventDetails` the key named after the event (`CredentialChallenge: Failure`) or any
 * other key holding Success / Failure. The key is returned for the reason text.
 */
function eventStatus(r: Obj, eventName: string): { outcome: Outcome; key: string } | undefined {
  const response = obj(pick(r, 'responseElements'));
  const details = obj(pick(r, 'serviceEventDetails'));
  for (const [where, key] of [[response, eventName], [details, eventName]] as const) {
    const outcome = statusWord(pick(where, key));
    if (outcome) return { outcome, key };
  }
  for (const [key, value] of Object.entries(details ?? {})) {
    const outcome = statusWord(value);
    if (outcome) return { outcome, key };
  }
  return undefined;
}

const HIDDEN = /^HIDDEN_DUE_TO_SECURITY_REASONS$/i;

/** A user name CloudTrail actually names (it hides unknown ones on failed sign-ins). */
function userNameOf(value: unknown): string | undefined {
  const name = known(value);
  return name === undefined || HIDDEN.test(name) ? undefined : name;
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
  const errorMessage = known(pick(r, 'errorMessage'));
  const extra = obj(pick(r, 'additionalEventData'));
  const details = obj(pick(r, 'serviceEventDetails'));
  const status = eventStatus(r, eventName);
  const signIn = actionClass === 'authn';
  const failed = errorCode !== undefined || status?.outcome === 'failure' || (signIn && errorMessage !== undefined && status?.outcome !== 'success');
  const outcome: Outcome = failed ? 'failure' : 'success';
  const denied = errorCode !== undefined && DENY_CODES.test(errorCode);
  // Every logged call passed (or failed) IAM evaluation: success is an allow. A sign-in is
  // no authorization decision, whether it succeeded or not.
  const decision: Decision | null = signIn ? null : denied ? 'deny' : failed ? null : 'allow';
  const credentialType = known(pick(extra, 'CredentialType')) ?? known(pick(details, 'CredentialType'));
  const failureReason = first(pick(details, 'FailureReason'), pick(details, 'failureReason'), pick(extra, 'FailureReason'), pick(extra, 'failureReason'));
  const identityType = str(pick(identity, 'type'));
  const arn = known(pick(identity, 'arn'));
  const accountId = str(pick(identity, 'accountId'));
  const principalId = known(pick(identity, 'principalId'));
  const onBehalfOf = str(at(identity, 'onBehalfOf.userId'));
  const userName = userNameOf(pick(extra, 'UserName')) ?? userNameOf(pick(identity, 'userName'));
  // Identity Center users (sign-in events, the access portal): userIdentity holds the account
  // (type Unknown, principalId = account number) or the store's user id (IdentityCenterUser),
  // and the person in onBehalfOf / additionalEventData.UserName / userName.
  const centerUser = identityType === 'IdentityCenterUser' || (identityType === 'Unknown' && (onBehalfOf !== undefined || userName !== undefined));
  const type = centerUser ? 'human' : actorTypeOf(identity);
  const roleSession = identityType === 'AssumedRole' ? arnTail(arn) : undefined;
  const sourceIdentity = first(pick(session, 'sourceIdentity'), at(r, 'additionalEventData.sourceIdentity'));
  // Identity Center sessions are named after the person: AWSReservedSSO_<set>/<user>.
  const ssoUser = arn?.includes(':assumed-role/AWSReservedSSO_') ? roleSession : undefined;
  const humanName = type === 'human' ? first(userName, arnTail(arn), principalId) : undefined;
  // The account names the caller only when an account called (root, another account, an
  // anonymous principal); for users it is just where they live.
  const accountCaller = identityType === 'Root' || identityType === 'AWSAccount';
  const principal = principalId !== undefined && principalId === accountId && !accountCaller ? undefined : principalId;
  const actorId = centerUser
    ? first(onBehalfOf, userName, arn)
    : first(arn, principal, userName, pick(identity, 'invokedBy'), accountCaller ? accountId : undefined);

  const delegation: DelegationHop[] = [];
  const issuerArn = str(pick(issuer, 'arn'));
  if (issuerArn !== undefined) delegation.push({ actor: issuerArn, via: 'assume-role' });
  // A role acting for an Identity Center user (identity-enhanced sessions): the role is the hop.
  if (onBehalfOf !== undefined && !centerUser && issuerArn === undefined && actorId !== undefined) delegation.push({ actor: actorId, via: 'identity-center' });

  const issued = obj(at(r, 'responseElements.credentials'));
  const mfaFlag = first(at(session, 'attributes.mfaAuthenticated'), at(r, 'additionalEventData.MFAUsed'));
  // Identity Center verifies one credential per event: a second factor is MFA performed (or failed).
  const factor = eventName === 'CredentialVerification' && credentialType !== undefined && !/^(PASSWORD|EXTERNAL_IDP|EMAIL_OTP)$/i.test(credentialType) ? credentialType : undefined;
  const accessKey = str(pick(identity, 'accessKeyId'));
  const time = toMicros(pick(r, 'eventTime')) ?? toMicros(pick(r, '@timestamp')) ?? toMicros(pick(r, 'p_event_time'));
  const credential = issued && (actionClass === 'token_issue' || actionClass === 'token_exchange')
    ? credentialOf({ type: 'sts_session', id: str(pick(issued, 'accessKeyId')), issued: time ?? undefined, expires: toMicros(pick(issued, 'expiration')) ?? undefined })
    : credentialOf({
        type: accessKey === undefined ? credentialType?.toLowerCase() : accessKey.startsWith('ASIA') ? 'sts_session' : 'access_key',
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
    reason: first(
      errorMessage,
      errorCode,
      failureReason,
      failed && status ? `${status.key}: Failure${credentialType ? ` (${credentialType})` : ''}` : undefined,
    ),
    actor: {
      id: actorId,
      type,
      name: first(userName, pick(issuer, 'userName'), arnTail(arn), pick(identity, 'invokedBy')),
      clientId: first(pick(identity, 'invokedBy')),
    },
    // A federated console sign-in names the person as the role session.
    subjectUser: centerUser ? first(userName, onBehalfOf) : first(onBehalfOf, sourceIdentity, ssoUser, signIn ? roleSession : undefined, humanName),
    delegation,
    credential,
    mfa: factor !== undefined ? { performed: outcome === 'success', method: factor } : mfaFlag !== undefined ? { performed: bool(mfaFlag) ?? false, method: undefined } : undefined,
    stepUp: eventName === 'CheckMfa' || factor !== undefined,
    // The account called into; the caller's own account only when it is a real account id.
    tenant: first(pick(r, 'recipientAccountId'), /^\d{12}$/.test(accountId ?? '') ? accountId : undefined),
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
  'responseElements.credentials.expiration', 'additionalEventData.MFAUsed', 'additionalEventData.sourceIdentity', 'additionalEventData.UserName',
  'additionalEventData.CredentialType', 'additionalEventData.FailureReason', 'serviceEventDetails', 'userIdentity.type', 'userIdentity.arn',
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
