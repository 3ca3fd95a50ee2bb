// Okta System Log (LogEvent objects from /api/v1/logs, an export, or a SIEM) as JSON
// Lines or a JSON array. Top-level keys may be all lower case (Panther's data lake) and
// `published` may be "YYYY-MM-DD HH:MM:SS.fff" without a zone; both are read.
// Delegation (an agent's token exchange on a user's behalf) lives in debugContext.debugData:
// `subject`, `actClaim` (RFC 8693 act, JSON text), `subjectTokenId`, `actorTokenId`; an
// `originalPrincipal` (object or JSON text) names the principal the actor acted for.
// The client is the OAuth client (`client.id`, `debugData.clientId`, the act claim's
// client_id), an actor that is itself a client app, or for sign-ins and grants the app
// target: never an AppUser (an app assignment) or other target that merely mentions "App".
import type { ActionClass, Actor, ActorType, Decision, Outcome } from '../../model/access-event.ts';
import { arr, bool, first, known, list, obj, objOrJson, str, type Obj } from './fields.ts';
import { classifyAction } from './classify.ts';
import { actChain } from './delegation.ts';
import { credentialOf, impliedDecision, makeEvent } from './event.ts';
import { defineAccessLogReader, verdict } from './kit.ts';
import { toMicros } from './time.ts';
import { unmappedPaths } from './unmapped.ts';
import type { NormalizeResult, RecordContext } from './reader.ts';

const STEPUP_TYPES = new Set([
  'system.push.send_factor_verify_push',
  'system.sms.send_factor_verify_message',
  'system.voice.send_phone_verification_call',
  'system.email.send_factor_verify_message',
  'user.mfa.okta_verify.deny_push',
]);

const PRIVILEGE_TYPES = /^(user\.account\.privilege\.|group\.privilege\.|iam\.|group\.user_membership\.|application\.user_membership\.(add|remove|change)|app\.user_membership\.|user\.session\.impersonation\.)/;
const CREDENTIAL_TYPES = /^(system\.api_token\.|user\.mfa\.factor\.|system\.mfa\.factor\.|user\.account\.(reset_password|update_password|unlock|lock)|user\.credential\.|app\.oauth2\.(as\.)?(key|client_secret|client\.secret)|app\.oauth2\.(as\.)?token\.revoke|security\.authenticator\.|application\.user_membership\.show_password)/;

// A log holds a few hundred event types at most: classify each (type, grant) pair once.
const classes = new Map<string, Map<string, ActionClass>>();

export function oktaClass(type: string, grantType: string | undefined): ActionClass {
  let byGrant = classes.get(type);
  if (byGrant === undefined) {
    if (classes.size > 4096) classes.clear();
    byGrant = new Map();
    classes.set(type, byGrant);
  }
  const grant = grantType ?? '';
  let known = byGrant.get(grant);
  if (known === undefined) {
    known = classifyOkta(type, grantType);
    if (byGrant.size < 64) byGrant.set(grant, known);
  }
  return known;
}

function classifyOkta(type: string, grantType: string | undefined): ActionClass {
  if (type.startsWith('app.oauth2.')) {
    if (type.includes('.token.revoke')) return 'credential_admin';
    if (type.includes('.consent.')) return 'consent';
    if (type.includes('.token.grant') || type.includes('.authorize')) {
      return grantType?.includes('token-exchange') ? 'token_exchange' : 'token_issue';
    }
  }
  if (STEPUP_TYPES.has(type)) return 'stepup';
  if (type.startsWith('policy.') && type.includes('evaluate')) return 'authz_decision';
  if (PRIVILEGE_TYPES.test(type)) return 'privilege_change';
  if (CREDENTIAL_TYPES.test(type)) return 'credential_admin';
  if (type.startsWith('user.authentication.') || type.startsWith('user.session.')) return 'authn';
  return classifyAction(type);
}

const DECISIONS: Record<string, Decision> = { ALLOW: 'allow', DENY: 'deny', CHALLENGE: 'challenge' };
const OUTCOMES: Record<string, Outcome> = { SUCCESS: 'success', ALLOW: 'success', FAILURE: 'failure', DENY: 'failure' };

/** Okta's types for an application / OAuth client (PublicClientApp, AppInstance …), not AppUser or AppGroup. */
const CLIENT_TYPES = /^(AppInstance|App|Client|[A-Za-z]*ClientApp|[A-Za-z]*OAuth2?Client|ServiceApp|WebApp|NativeApp|SpaApp|BrowserApp)$/;

export function isClientType(type: string | undefined): boolean {
  return type !== undefined && CLIENT_TYPES.test(type);
}

function actorType(actor: Obj | undefined, agentClient: string | undefined, agentId: string | undefined): ActorType {
  const type = str(actor?.type) ?? '';
  if (/agent/i.test(type)) return 'agent';
  const id = str(actor?.id);
  if (agentClient !== undefined && id === agentClient) return 'agent';
  if (agentId !== undefined && isClientType(type)) return 'agent';
  if (type === 'User') return 'human';
  if (type === '') return 'unknown';
  return 'service';
}

/** The access token a grant issued: Okta logs its jti as the target id. */
function tokenTarget(targets: unknown[]): Obj | undefined {
  let fallback: Obj | undefined;
  for (const t of targets) {
    const o = obj(t);
    const type = str(o?.type);
    if (type === 'access_token') return o;
    if (type === 'id_token' || type === 'refresh_token') fallback ??= o;
  }
  return fallback;
}

/** The first target whose type is `type`. */
function targetOfType(targets: unknown[], type: string): Obj | undefined {
  for (const t of targets) {
    const o = obj(t);
    if (str(o?.type) === type) return o;
  }
  return undefined;
}

/** The first target that is an application or OAuth client (see CLIENT_TYPES). */
function appTarget(targets: unknown[]): Obj | undefined {
  for (const t of targets) {
    const o = obj(t);
    if (isClientType(str(o?.type))) return o;
  }
  return undefined;
}

/** Classes where an app target is the app the actor signed in to or got a token for. */
const USES_APP = new Set<ActionClass>(['authn', 'token_issue', 'token_exchange', 'consent', 'stepup', 'authz_decision']);

/** debugData.originalPrincipal: an object or its JSON text ({id, type, alternateId, displayName}), or a bare id. */
function originalPrincipal(value: unknown): { id: string; name: string | undefined; type: string | undefined } | undefined {
  const o = objOrJson(value);
  if (o) {
    const id = first(o.alternateId, o.id, o.login, o.email, o.displayName);
    return id === undefined ? undefined : { id, name: str(o.displayName), type: str(o.type) };
  }
  const id = known(value);
  return id === undefined ? undefined : { id, name: undefined, type: undefined };
}

// Panther's data lake lower-cases the top-level keys; such records are re-cased once so the
// hot path below reads plain properties.
const TOP_LEVEL = ['uuid', 'published', 'eventType', 'version', 'severity', 'legacyEventType', 'displayMessage', 'actor', 'client', 'device',
  'authenticationContext', 'outcome', 'target', 'transaction', 'debugContext', 'request', 'securityContext'];

function camelCased(r: Obj): Obj {
  if (r.eventType !== undefined) return r;
  const out: Obj = { ...r };
  for (const key of TOP_LEVEL) {
    const lower = key.toLowerCase();
    if (out[key] === undefined && r[lower] !== undefined) out[key] = r[lower];
  }
  return out;
}

// Agents reuse a handful of act claims; parsing each JSON string once saves a parse per event.
const actClaims = new Map<string, Obj | undefined>();

function actClaim(value: unknown): Obj | undefined {
  if (typeof value !== 'string') return objOrJson(value);
  let claim = actClaims.get(value);
  if (claim === undefined && !actClaims.has(value)) {
    claim = objOrJson(value);
    if (actClaims.size > 4096) actClaims.clear();
    actClaims.set(value, claim);
  }
  return claim;
}

export function normalizeOkta(record: unknown, ctx: RecordContext): NormalizeResult {
  const given = obj(record);
  if (!given) return { problem: 'record is not a JSON object' };
  const r = camelCased(given);
  const eventType = str(r.eventType);
  if (eventType === undefined) return { problem: 'not an Okta System Log event: no eventType' };
  const debug = obj(obj(r.debugContext)?.debugData);
  const grantType = str(debug?.grantType);
  const actionClass = oktaClass(eventType, grantType);
  const outcome = obj(r.outcome);
  const result = (str(outcome?.result) ?? str(r.result))?.toUpperCase();
  const targets = arr(r.target);
  const actor = obj(r.actor);
  const client = obj(r.client);
  const auth = obj(r.authenticationContext);

  const act = debug?.actClaim === undefined ? undefined : actClaim(debug.actClaim);
  const delegation = actChain(act);
  const agentClient = str(act?.client_id);
  const type = actorType(actor, agentClient, str(debug?.agentId));
  const actorId = str(actor?.id) ?? str(r.actorId);
  const actorLogin = first(actor?.alternateId, r.actorId);
  const user = targetOfType(targets, 'User');
  const app = appTarget(targets);
  const actorIsClient = isClientType(str(actor?.type));
  const clientId = actorIsClient ? actorId : first(agentClient, known(client?.id), known(debug?.clientId), USES_APP.has(actionClass) ? app?.id : undefined);
  // The principal the actor acted for: its own hop in the chain unless an act claim already names the actors.
  const principal = originalPrincipal(debug?.originalPrincipal);
  const forOther = principal !== undefined && principal.id !== actorLogin && principal.id !== actorId;
  if (forOther && delegation.length === 0) delegation.push({ actor: actorLogin ?? actorId ?? 'unknown', clientId, via: 'original-principal' });
  const subjectUser = first(
    debug?.subject,
    forOther && (principal.type === undefined || principal.type === 'User') ? principal.id : undefined,
    type === 'human' ? actorLogin : undefined,
    agentClient !== undefined ? user?.alternateId : undefined,
  );
  const a: Actor = {
    id: actorId,
    type,
    name: str(actor?.displayName) ?? str(r.actorName),
    clientId,
  };

  const token = tokenTarget(targets);
  const time = toMicros(r.published) ?? toMicros(r.p_event_time);
  const audience = list(debug?.audience);
  const credential = token
    ? credentialOf({ type: str(token.type), id: str(token.id), jti: str(token.id), issued: time ?? undefined, expires: toMicros(obj(token.detailEntry)?.expires) ?? undefined, audience })
    : credentialOf({ type: known(auth?.credentialType)?.toLowerCase(), audience });

  const mfaDone = eventType === 'user.authentication.auth_via_mfa' || eventType.startsWith('user.mfa.okta_verify');
  const factor = mfaDone ? first(debug?.factor, auth?.credentialProvider === 'OKTA_CREDENTIAL_PROVIDER' ? auth?.credentialType : undefined) : undefined;
  const outcomeOf: Outcome = (result === undefined ? undefined : OUTCOMES[result]) ?? 'unknown';
  const decision: Decision | null = (result === undefined ? undefined : DECISIONS[result]) ?? impliedDecision(actionClass, outcomeOf);
  const resourceIds: string[] = [];
  for (const t of targets) {
    const id = str(obj(t)?.id);
    if (id !== undefined) resourceIds.push(id);
  }

  return makeEvent(ctx, {
    nativeId: str(r.uuid),
    time,
    actionNative: eventType,
    actionClass,
    outcome: outcomeOf,
    decision,
    reason: str(outcome?.reason) ?? str(debug?.error),
    actor: a,
    subjectUser,
    delegation,
    credential,
    mfa: mfaDone ? { performed: result === 'SUCCESS', method: factor } : undefined,
    stepUp: result === 'CHALLENGE' || bool(debug?.stepUpRequired) === true || actionClass === 'stepup',
    scopesGranted: list(debug?.grantedScopes),
    scopesRequested: list(debug?.requestedScopes),
    tenant: str(debug?.tenant) ?? str(debug?.orgId),
    target: {
      service: first(audience[0], targetOfType(targets, 'AuthorizationServer')?.displayName, app?.displayName),
      operation: undefined,
      resourceIds,
    },
    src: {
      ip: first(known(client?.ipAddress), obj(arr(obj(r.request)?.ipChain)[0])?.ip, r.sourceIP),
      userAgent: str(obj(client?.userAgent)?.rawUserAgent) ?? str(r.userAgent),
    },
    correlation: {
      traceId: str(debug?.traceId),
      requestId: str(debug?.requestId),
      transactionId: str(obj(r.transaction)?.id),
      sessionId: known(auth?.externalSessionId),
    },
  });
}

const MAPPED = [
  'uuid', 'published', 'eventType', 'outcome', 'actor', 'client.ipAddress', 'client.userAgent.rawUserAgent', 'client.id',
  'target', 'transaction.id', 'authenticationContext.externalSessionId', 'authenticationContext.credentialType',
  'authenticationContext.credentialProvider', 'request.ipChain', 'p_event_time', 'actorId', 'actorName', 'sourceIP', 'userAgent', 'result',
  ...['traceId', 'requestId', 'grantType', 'actClaim', 'subject', 'originalPrincipal', 'clientId', 'audience', 'grantedScopes', 'requestedScopes', 'factor', 'stepUpRequired', 'agentId', 'error', 'tenant', 'orgId']
    .map((k) => `debugContext.debugData.${k}`),
];

export const oktaReader = defineAccessLogReader({
  format: 'okta-system-log',
  sniff: (s) => verdict(s, (record) => {
    const r = camelCased(record);
    return str(r.eventType)?.includes('.') === true && (r.published !== undefined || r.actor !== undefined || r.uuid !== undefined || r.p_event_time !== undefined);
  }, 'Okta System Log (eventType, published, actor)'),
  normalize: normalizeOkta,
  unmapped: (record) => unmappedPaths(record, MAPPED),
});
