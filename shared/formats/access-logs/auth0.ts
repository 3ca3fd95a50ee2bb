// Auth0 tenant logs, as the Management API returns them (`/api/v2/logs`: date, type,
// client_id, user_id, ip …) or wrapped in a log stream's `{"log_id", "data": {…}}`
// envelope (the shape in Panther and in Auth0's event-stream exports). `type` is a short
// code ("s" login success, "seacft" code→token exchange, "fsa" silent auth failure …);
// an agent acting for a user carries `agent_id` (top level or in details). A management API
// call's target users, roles and members (path ids and body lists) are its resource ids.
import type { ActionClass, Decision, Outcome } from '../../model/access-event.ts';
import { at, first, list, obj, str, type Obj } from './fields.ts';
import { classifyAction } from './classify.ts';
import { credentialOf, impliedDecision, makeEvent } from './event.ts';
import { defineAccessLogReader, verdict } from './kit.ts';
import type { NormalizeResult, RecordContext } from './reader.ts';
import { toMicros } from './time.ts';
import { unmappedPaths } from './unmapped.ts';

// Codes from Auth0's log event type list, grouped by what they mean to an auditor.
const CLASSES: Record<string, ActionClass> = {};
const group = (actionClass: ActionClass, codes: string): void => {
  for (const code of codes.split(' ')) CLASSES[code] = actionClass;
};
group('authn', 's f fp fu fc fcoa scoa fco ssa fsa slo flo sui fui pla fcph w ublkdu limit_wc limit_sul limit_mu signup_pwd_leak pwd_leak breached_password');
group('token_issue', 'seacft feacft seccft feccft sepft fepft sertft fertft seoobft feoobft seotpft feotpft sercft fercft sede fede sepotpft fepotpft sens fens srrt ferrt sertt fertt');
group('token_exchange', 'sd fd secte fecte');
group('stepup', 'mfar gd_start_auth gd_auth_succeed gd_auth_failed gd_auth_rejected gd_send_pn gd_send_sms gd_send_voice gd_send_email gd_otp_rate_limit_exceed gd_auth_email_verification gd_webauthn_challenge_failed');
group('credential_admin', 'scp fcp scpr fcpr scpn fcpn sce fce sv fv svr fvr gd_enrollment_complete gd_unenroll gd_recovery_succeed gd_recovery_failed gd_recovery_rate_limit_exceed gd_update_device_account gd_tenant_update');
group('api_call', 'sapi fapi mgmt_api_read api_limit');
group('consent', 'scoa_consent cs');

const CHALLENGES = new Set(['mfar', 'gd_start_auth', 'gd_send_pn', 'gd_send_sms', 'gd_send_voice', 'gd_send_email']);

export function auth0Class(code: string, path: string | undefined): ActionClass {
  const known = CLASSES[code];
  // A management API call that changes roles or permissions is a privilege change.
  if (known === 'api_call' && path !== undefined && /\/(roles|permissions|members|organizations\/[^/]+\/members)/.test(path)) return 'privilege_change';
  return known ?? classifyAction(code);
}

const ID_SEGMENT = /\/(users|roles|organizations|members|clients|grants|connections)\/([^/?#]+)/g;

/**
 * What a management API call changed: ids in its path (/api/v2/users/{id}/roles,
 * /roles/{id}/users, /organizations/{id}/members) and the users, roles or members in its body.
 */
function changedIds(path: string | undefined, body: unknown): string[] {
  const ids: string[] = [];
  const add = (id: string | undefined): void => {
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  };
  if (path !== undefined) {
    for (const m of path.matchAll(ID_SEGMENT)) {
      try {
        add(decodeURIComponent(m[2]!));
      } catch {
        add(m[2]);
      }
    }
  }
  const b = obj(body);
  for (const key of ['users', 'roles', 'members', 'permissions']) {
    for (const v of Array.isArray(b?.[key]) ? (b[key] as unknown[]) : []) add(str(v) ?? first(obj(v)?.id, obj(v)?.user_id, obj(v)?.permission_name));
  }
  return ids;
}

function outcomeOf(code: string, statusCode: number | undefined): Outcome {
  if (statusCode !== undefined) return statusCode < 400 ? 'success' : 'failure';
  if (code === 'w' || code.startsWith('limit_') || code.includes('pwd_leak')) return 'failure';
  if (code.startsWith('gd_')) return /fail|reject|exceed/.test(code) ? 'failure' : 'success';
  if (code.startsWith('s')) return 'success';
  if (code.startsWith('f')) return 'failure';
  return 'unknown';
}

/** The log object itself: a log-stream envelope keeps it in `data`. */
function logOf(record: Obj): Obj {
  const inner = obj(record.data);
  return inner && typeof inner.type === 'string' && (inner.date !== undefined || inner.log_id !== undefined) ? inner : record;
}

export function normalizeAuth0(record: unknown, ctx: RecordContext): NormalizeResult {
  const outer = obj(record);
  if (!outer) return { problem: 'record is not a JSON object' };
  const r = logOf(outer);
  const code = str(r.type);
  if (code === undefined) return { problem: 'not an Auth0 log event: no type code' };
  const details = obj(r.details);
  const request = obj(details?.request);
  const path = str(request?.path);
  const actionClass = auth0Class(code, path);
  const statusCode = typeof at(details, 'response.statusCode') === 'number' ? (at(details, 'response.statusCode') as number) : undefined;
  const outcome = outcomeOf(code, statusCode);
  const decision: Decision | null = CHALLENGES.has(code) ? 'challenge' : impliedDecision(actionClass, outcome);
  const agentId = first(r.agent_id, details?.agent_id);
  const userId = first(r.user_id, at(request, 'auth.user.user_id'));
  const userName = first(r.user_name, at(request, 'auth.user.email'));
  const clientId = str(r.client_id);
  // Client-credentials grants are the client acting as itself.
  const machine = code === 'seccft' || code === 'feccft';
  const scopes = list(r.scope ?? details?.scope ?? at(details, 'qs.scope'));
  const jti = str(at(request, 'auth.credentials.jti'));
  const method = str(request?.method)?.toUpperCase();

  return makeEvent(ctx, {
    nativeId: first(r.log_id, outer.log_id, r._id),
    time: toMicros(r.date) ?? toMicros(outer.p_event_time),
    actionNative: code,
    actionClass,
    outcome,
    decision,
    reason: first(at(details, 'error.message'), r.description),
    actor: agentId
      ? { id: agentId, type: 'agent', name: first(r.agent_name, details?.agent_name), clientId }
      : machine || !userId
        ? { id: clientId, type: machine ? 'service' : 'unknown', name: first(r.client_name), clientId }
        : { id: userId, type: 'human', name: first(userName, at(request, 'auth.user.name')), clientId },
    subjectUser: machine && !agentId ? undefined : first(userName, userId),
    credential: credentialOf({ type: jti ? 'access_token' : undefined, id: jti, jti, audience: list(r.audience ?? at(details, 'qs.audience')) }),
    mfa: actionClass === 'stepup' && !CHALLENGES.has(code) ? { performed: outcome === 'success', method: first(at(details, 'authenticator.type'), code) } : undefined,
    stepUp: actionClass === 'stepup',
    scopesGranted: outcome === 'success' && actionClass === 'token_issue' ? scopes : [],
    scopesRequested: scopes,
    tenant: first(r.tenant_name, r.hostname, r.organization_id),
    target: {
      service: first(r.audience, at(details, 'qs.audience'), r.client_name, r.connection),
      operation: path ? `${method ?? ''} ${path}`.trim() : undefined,
      resourceIds: changedIds(path, request?.body),
    },
    src: { ip: first(r.ip, request?.ip), userAgent: first(r.user_agent, request?.userAgent) },
    correlation: { requestId: str(details?.request_id), sessionId: first(r.session_id, details?.session_id) },
  });
}

const MAPPED = [
  'log_id', '_id', 'date', 'type', 'description', 'client_id', 'client_name', 'user_id', 'user_name', 'agent_id', 'agent_name', 'ip', 'user_agent',
  'scope', 'audience', 'hostname', 'tenant_name', 'organization_id', 'connection', 'session_id', 'p_event_time',
  'details.request.path', 'details.request.method', 'details.request.body', 'details.request.ip', 'details.request.userAgent', 'details.request.auth.user',
  'details.request.auth.credentials.jti', 'details.response.statusCode', 'details.error.message', 'details.agent_id', 'details.agent_name',
  'details.scope', 'details.qs.scope', 'details.qs.audience', 'details.request_id', 'details.session_id', 'details.authenticator.type',
];

export const auth0Reader = defineAccessLogReader({
  format: 'auth0-logs',
  sniff: (s) => verdict(s, (r) => {
    const log = logOf(r);
    return typeof log.type === 'string' && /^[a-z_]{1,40}$/.test(log.type) && log.date !== undefined && (log.client_id !== undefined || log.log_id !== undefined || log.user_id !== undefined);
  }, 'Auth0 log (type code, date, client_id)'),
  normalize: normalizeAuth0,
  unmapped: (record) => {
    const outer = obj(record);
    if (!outer) return [];
    const inner = logOf(outer);
    return inner === outer ? unmappedPaths(outer, MAPPED) : unmappedPaths(outer, [...MAPPED.map((m) => `data.${m}`), 'log_id', 'p_event_time']);
  },
});
