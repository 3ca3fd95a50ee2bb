// OCSF events (JSON Lines or arrays, e.g. from Amazon Security Lake or a SIEM):
//   3001 Account Change, 3002 Authentication, 3003 Authorize Session, 3005/3006 user and
//   group access management, 6003 API Activity, and any other class through the common
//   fields. `time` is epoch milliseconds by the schema, but real exports (and OCSF's own
//   examples) also write seconds, so its unit is told by magnitude like every other time; `status_id` 1/2 is success/failure;
//   `disposition_id` and `actor.authorizations[].decision` carry the decision.
// The same event read from its vendor log or from its OCSF form must agree: AWS identity
// types (AssumedRole, AWSService …) type the actor as CloudTrail's reader does, an AWS API
// operation is classed like CloudTrail's eventName (cloud API calls that succeed are allows,
// AccessDenied-like errors denies), and account / user-access / group changes (3001, 3005,
// 3006) list the target user, group and policy ids in target.resourceIds like the vendors'.
// AI agents: the ai_agent object (actor.ai_agent, ai_operation.ai_agent) makes the actor an
// agent, and the delegation object (OCSF 1.9, `delegation` or `ai_operation.delegation`)
// gives the chain, scopes and expiry.
import type { ActionClass, ActorType, Decision, DelegationHop, Outcome } from '../../model/access-event.ts';
import { arr, at, bool, first, list, obj, str, type Obj } from './fields.ts';
import { credentialOf, impliedDecision, makeEvent, mcpOf } from './event.ts';
import { defineAccessLogReader, verdict } from './kit.ts';
import type { NormalizeResult, RecordContext } from './reader.ts';
import { toMicros } from './time.ts';
import { unmappedPaths } from './unmapped.ts';
import { classifyAction } from './classify.ts';
import { awsIdentityType, cloudTrailClass, DENY_CODES } from './cloudtrail.ts';

const CLASS_NAMES: Record<number, string> = {
  3001: 'Account Change',
  3002: 'Authentication',
  3003: 'Authorize Session',
  3004: 'Entity Management',
  3005: 'User Access Management',
  3006: 'Group Management',
  6001: 'Web Resources Activity',
  6002: 'Application Lifecycle',
  6003: 'API Activity',
  6004: 'Web Resource Access Activity',
};

export function ocsfClass(classUid: number, activityId: number | undefined, activityName: string | undefined): ActionClass {
  switch (classUid) {
    case 3002:
      return 'authn';
    case 3003:
      return 'authz_decision';
    case 3005:
    case 3006:
      return 'privilege_change';
    case 3001:
      // Attach / Detach Policy change privileges; password, MFA factor and key changes are credentials.
      if (activityId === 7 || activityId === 8) return 'privilege_change';
      if (activityId === 3 || activityId === 4 || activityId === 10 || activityId === 11) return 'credential_admin';
      return activityName ? classifyAction(activityName) : 'other';
    case 6003:
    case 6001:
    case 6004:
      return 'api_call';
    default:
      return activityName ? classifyAction(activityName) : 'other';
  }
}

const ALLOW_DISPOSITIONS = new Set([1, 8]);
const DENY_DISPOSITIONS = new Set([2, 6, 24, 25, 26]);
const CHALLENGE_DISPOSITIONS = new Set([22, 23]);

function decisionOf(r: Obj, actor: Obj | undefined): Decision | null {
  const id = typeof r.disposition_id === 'number' ? r.disposition_id : undefined;
  if (id !== undefined) {
    if (ALLOW_DISPOSITIONS.has(id)) return 'allow';
    if (DENY_DISPOSITIONS.has(id)) return 'deny';
    if (CHALLENGE_DISPOSITIONS.has(id)) return 'challenge';
  }
  const error = str(at(r, 'api.response.error')) ?? str(at(r, 'api.response.code'));
  if (error !== undefined && DENY_CODES.test(error)) return 'deny';
  const words = `${str(r.disposition) ?? ''} ${str(obj(arr(actor?.authorizations)[0])?.decision) ?? ''}`.toLowerCase();
  if (/allow|approv|grant|permit/.test(words)) return 'allow';
  if (/block|den|reject|unauthori|drop/.test(words)) return 'deny';
  if (/challenge|captcha|mfa/.test(words)) return 'challenge';
  return null;
}

function outcomeOf(r: Obj): Outcome {
  if (r.status_id === 1) return 'success';
  if (r.status_id === 2) return 'failure';
  const status = str(r.status)?.toLowerCase();
  return status === 'success' ? 'success' : status === 'failure' ? 'failure' : 'unknown';
}

function agentOf(r: Obj, actor: Obj | undefined): Obj | undefined {
  return obj(actor?.ai_agent) ?? obj(at(r, 'ai_operation.ai_agent')) ?? obj(r.ai_agent);
}

const HUMAN_TYPES = /^(user|admin|person|human|employee|member|guest|end ?user)$/i;
const AWS_TYPES = /^(Root|IAMUser|FederatedUser|SAMLUser|WebIdentityUser|IdentityCenterUser|Directory|AssumedRole|AWSService|AWSAccount|Role)$/;
const SERVICE_TYPES = /role|service|system|app|bot|machine|workload|account|principal|client|device|process|daemon/i;

function actorTypeOf(user: Obj | undefined, agent: Obj | undefined, actor: Obj | undefined): ActorType {
  if (agent) return 'agent';
  const type = str(user?.type);
  if (type !== undefined) {
    if (/agent/i.test(type)) return 'agent';
    if (HUMAN_TYPES.test(type)) return 'human';
    // AWS identity types as CloudTrail writes them (Security Lake copies userIdentity.type).
    if (AWS_TYPES.test(type)) return awsIdentityType(type);
    if (SERVICE_TYPES.test(type)) return 'service';
  }
  // OCSF user type_id: 1 User, 2 Admin, 3 System.
  if (user?.type_id === 1 || user?.type_id === 2) return 'human';
  if (user?.type_id === 3) return 'service';
  if (user) return type === undefined || type === 'Unknown' || type === 'Other' ? 'human' : 'unknown';
  return actor?.app_name !== undefined || actor?.app_uid !== undefined || actor?.invoked_by !== undefined ? 'service' : 'unknown';
}

/** AWS API operations (Security Lake's CloudTrail events) are classed as the CloudTrail reader classes them. */
function awsOperation(r: Obj, api: Obj | undefined): string | undefined {
  const operation = str(api?.operation);
  if (operation === undefined) return undefined;
  const provider = str(at(r, 'cloud.provider')) ?? str(at(r, 'metadata.product.vendor_name'));
  const service = str(at(api, 'service.name'));
  return /^(aws|amazon)/i.test(provider ?? '') || service?.endsWith('.amazonaws.com') === true ? operation : undefined;
}

/** The users, groups and policies an account, user-access or group change was about. */
function changedIds(r: Obj, classUid: number): string[] {
  if (classUid !== 3001 && classUid !== 3005 && classUid !== 3006) return [];
  const ids: string[] = [];
  const add = (o: unknown): void => {
    const id = first(obj(o)?.uid, obj(o)?.name);
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  };
  add(r.user);
  add(r.group);
  add(r.policy);
  for (const p of arr(r.policies)) add(p);
  return ids;
}

export function normalizeOcsf(record: unknown, ctx: RecordContext): NormalizeResult {
  const r = obj(record);
  if (!r) return { problem: 'record is not a JSON object' };
  if (typeof r.class_uid !== 'number') return { problem: 'not an OCSF event: no numeric class_uid' };
  const classUid = r.class_uid;
  const activityId = typeof r.activity_id === 'number' ? r.activity_id : undefined;
  const activityName = str(r.activity_name);
  const api = obj(r.api);
  const awsOp = awsOperation(r, api);
  const actionClass = awsOp !== undefined ? cloudTrailClass(awsOp, undefined) : ocsfClass(classUid, activityId, activityName);
  const actor = obj(r.actor);
  const agent = agentOf(r, actor);
  // Authentication events name the user authenticating in `user`, not in actor.user.
  const user = obj(actor?.user) ?? (classUid === 3002 ? obj(r.user) : undefined);
  const session = obj(actor?.session) ?? obj(r.session);
  const delegationObj = obj(r.delegation) ?? obj(at(r, 'ai_operation.delegation'));
  const outcome = outcomeOf(r);
  // A cloud provider logs only calls its IAM evaluated: a successful AWS API call is an allow (as in CloudTrail).
  const decision = decisionOf(r, actor) ?? (awsOp !== undefined && actionClass !== 'authn' && outcome === 'success' ? 'allow' : impliedDecision(actionClass, outcome));
  const type = actorTypeOf(user, agent, actor);
  const userName = first(user?.email_addr, user?.name, user?.uid);

  const delegation: DelegationHop[] = [];
  if (delegationObj && agent) delegation.push({ actor: first(agent.uid, agent.name) ?? 'agent', via: 'ocsf-delegation' });
  // A role session's issuer (Security Lake: sessionContext.sessionIssuer.arn), as CloudTrail's reader records it.
  const issuer = str(session?.issuer);
  if (issuer !== undefined) delegation.push({ actor: issuer, via: awsOp !== undefined ? 'assume-role' : 'session-issuer' });

  return makeEvent(ctx, {
    nativeId: first(at(r, 'metadata.original_event_uid'), at(r, 'metadata.uid')),
    time: toMicros(r.time) ?? toMicros(r.time_dt),
    actionNative: first(r.type_name, activityName && `${CLASS_NAMES[classUid] ?? r.class_name ?? classUid}: ${activityName}`, api?.operation, String(classUid)) ?? String(classUid),
    actionClass: api?.operation !== undefined && actionClass === 'other' ? 'api_call' : actionClass,
    outcome,
    decision,
    reason: first(r.status_detail, r.message, at(api, 'response.error_message'), at(api, 'response.error')),
    actor: agent
      ? { id: first(agent.uid, agent.name), type, name: first(agent.name), clientId: first(actor?.app_uid, actor?.app_name) }
      : { id: first(user?.uid, user?.name, actor?.app_uid, actor?.app_name), type, name: first(user?.name, actor?.app_name), clientId: first(actor?.app_uid) },
    subjectUser: agent ? userName : type === 'human' ? userName : undefined,
    delegation,
    // The session the actor used, or else the delegation (a durable grant with its own id and expiry).
    credential: session
      ? credentialOf({ type: 'session', id: first(session.uid, session.credential_uid), issued: toMicros(session.created_time) ?? undefined, expires: toMicros(session.expiration_time) ?? undefined, audience: list(delegationObj?.audience) })
      : delegationObj
        ? credentialOf({ type: 'delegation', id: str(delegationObj.uid), issued: toMicros(delegationObj.created_time) ?? undefined, expires: toMicros(delegationObj.expiration_time) ?? undefined, audience: list(delegationObj.audience) })
        : undefined,
    mfa: session?.is_mfa !== undefined || r.is_mfa !== undefined ? { performed: bool(session?.is_mfa ?? r.is_mfa) ?? false, method: str(r.auth_protocol) } : undefined,
    stepUp: decision === 'challenge',
    scopesGranted: list(delegationObj?.scopes ?? r.privileges),
    tenant: first(at(r, 'metadata.tenant_uid'), at(r, 'cloud.account.uid'), at(user, 'org.uid')),
    target: {
      service: first(at(api, 'service.name'), at(r, 'service.name'), at(r, 'dst_endpoint.svc_name'), at(r, 'dst_endpoint.hostname')),
      operation: str(api?.operation),
      resourceIds: [...changedIds(r, classUid), ...arr(r.resources).map((res) => first(obj(res)?.uid, obj(res)?.name)).filter((id): id is string => id !== undefined)],
    },
    mcp: mcpOf({ server: str(at(r, 'mcp.server.name')), method: str(at(r, 'mcp.method')), tool: str(at(r, 'mcp.tool.name')), session: str(at(r, 'mcp.session.uid')), jsonrpcId: undefined }),
    src: { ip: first(at(r, 'src_endpoint.ip'), at(r, 'src_endpoint.domain')), userAgent: str(at(r, 'http_request.user_agent')) },
    correlation: {
      traceId: str(at(r, 'trace.uid')),
      spanId: str(at(r, 'trace.span.uid')),
      requestId: str(at(api, 'request.uid')),
      transactionId: str(at(r, 'metadata.correlation_uid')),
      sessionId: str(session?.uid),
      conversationId: str(agent?.instance_uid),
    },
  });
}

const MAPPED = [
  'class_uid', 'class_name', 'activity_id', 'activity_name', 'type_name', 'time', 'time_dt', 'status', 'status_id', 'status_detail', 'message',
  'disposition', 'disposition_id', 'actor', 'user', 'group', 'policy', 'policies', 'cloud.provider', 'session', 'delegation', 'ai_agent', 'ai_operation', 'api', 'is_mfa', 'auth_protocol', 'privileges',
  'metadata.uid', 'metadata.original_event_uid', 'metadata.tenant_uid', 'metadata.correlation_uid', 'cloud.account.uid', 'service.name',
  'dst_endpoint.svc_name', 'dst_endpoint.hostname', 'resources', 'src_endpoint.ip', 'src_endpoint.domain', 'http_request.user_agent', 'trace', 'mcp',
];

export const ocsfReader = defineAccessLogReader({
  format: 'ocsf',
  sniff: (s) => verdict(s, (r) => typeof r.class_uid === 'number' && (r.category_uid !== undefined || r.type_uid !== undefined || obj(r.metadata)?.version !== undefined), 'OCSF (class_uid, category_uid, metadata)'),
  normalize: normalizeOcsf,
  unmapped: (record) => unmappedPaths(record, MAPPED),
});
