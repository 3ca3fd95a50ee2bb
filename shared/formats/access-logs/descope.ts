// Descope audit records as the management SDK's audit search returns them (a JSON array,
// JSON Lines, or the `{"audits": [...]}` response): `occurred` is epoch milliseconds as a
// string, `userId` the Descope user, `action` the event name, `tenants`, `externalIds`
// (login ids), `data` the event's details. Custom events written by a gateway add
// `actorId` (for an agent: its access key) and `type` (info / warn / error), and carry the
// MCP call, trace, token and on-behalf-of ids in `data`.
// Agents are the records' non-human actors: an `agent_id` or `act` claim, an access key
// (`method: accessKey`, `device: Bot`) or a third-party / inbound app (its id and name in
// `data`); when such an actor acts for a different `userId`, that user (by login id) is the
// one acted for. A Descoper or management key changing a user is no delegation: the user
// changed is the target. Scopes come from `data.scopes` (list or space-separated) as well.
import type { ActionClass, ActorType, Decision, Outcome } from '../../model/access-event.ts';
import { arr, bool, first, list, obj, objOrJson, str } from './fields.ts';
import { classifyAction } from './classify.ts';
import { actChain } from './delegation.ts';
import { credentialOf, impliedDecision, makeEvent, mcpOf } from './event.ts';
import { defineAccessLogReader, verdict } from './kit.ts';
import type { NormalizeResult, RecordContext } from './reader.ts';
import { toMicros } from './time.ts';
import { unmappedPaths } from './unmapped.ts';

export function descopeClass(action: string, data: Record<string, unknown> | undefined): ActionClass {
  const a = action.toLowerCase();
  if (a.includes('tokenexchange')) return 'token_exchange';
  if (a === 'accesskeyexchange' || a.startsWith('refresh') || a.includes('tokenissued')) return 'token_issue';
  if (a.includes('stepup') || a.includes('mfa')) return 'stepup';
  if (a.includes('toolcall') || (a.startsWith('mcp') && data?.tool !== undefined)) return 'tool_call';
  if (a.includes('consent')) return 'consent';
  if (/^(login|logout|signup|signin|signout|sso|otp|magiclink|enchantedlink|webauthn|password(?!.*(reset|update|replace)))/.test(a)) return 'authn';
  if (/accesskey(created|deleted|updated|activated|deactivated)|password(reset|updated|replaced)|secret|credential/.test(a)) return 'credential_admin';
  if (/role|permission|tenant(user)?(added|removed)|admin/.test(a)) return 'privilege_change';
  if (data?.decision !== undefined) return 'authz_decision';
  return classifyAction(action);
}

const DECISIONS: Record<string, Decision> = { allow: 'allow', allowed: 'allow', deny: 'deny', denied: 'deny', challenge: 'challenge', step_up: 'challenge' };

function outcomeOf(action: string, decision: Decision | null, type: string | undefined): Outcome {
  if (decision === 'deny' || /fail|denied|error|invalid|expired/i.test(action)) return 'failure';
  if (decision === 'challenge') return 'unknown';
  if (/succe|exchange$|exchanged|authorized|created|updated|deleted/i.test(action) || decision === 'allow') return 'success';
  return type === 'error' ? 'failure' : 'unknown';
}

/** A third-party (inbound) app named in the record: its id and name. */
function appOf(r: Record<string, unknown>, data: Record<string, unknown> | undefined): { id: string | undefined; name: string | undefined } | undefined {
  const id = first(data?.thirdPartyAppId, data?.third_party_app_id, data?.thirdPartyApplicationId, data?.inboundAppId, data?.inbound_app_id, data?.appId, data?.app_id);
  const name = first(data?.thirdPartyAppName, data?.third_party_app_name, data?.thirdPartyApplicationName, data?.inboundAppName, data?.inbound_app_name, data?.appName, data?.app_name);
  const byMethod = /thirdparty|inboundapp/i.test(`${str(r.method) ?? ''} ${str(r.action) ?? ''}`);
  return id !== undefined || name !== undefined || byMethod ? { id, name } : undefined;
}

function actorTypeOf(r: Record<string, unknown>, data: Record<string, unknown> | undefined, app: unknown): ActorType {
  if (data?.agent_id !== undefined || data?.agentId !== undefined || data?.act !== undefined || app !== undefined) return 'agent';
  const method = str(r.method)?.toLowerCase();
  if (method === 'accesskey' || str(r.device)?.toLowerCase() === 'bot') return 'agent';
  return r.userId !== undefined || r.actorId !== undefined ? 'human' : 'unknown';
}

export function normalizeDescope(record: unknown, ctx: RecordContext): NormalizeResult {
  const r = obj(record);
  if (!r) return { problem: 'record is not a JSON object' };
  const action = str(r.action);
  if (action === undefined) return { problem: 'not a Descope audit record: no action' };
  const data = obj(r.data);
  const actionClass = descopeClass(action, data);
  const stated = DECISIONS[str(data?.decision)?.toLowerCase() ?? ''] ?? (actionClass === 'stepup' ? 'challenge' : null);
  const outcome = outcomeOf(action, stated, str(r.type));
  const decision = stated ?? impliedDecision(actionClass, outcome);
  const userId = str(r.userId);
  const app = appOf(r, data);
  const type = actorTypeOf(r, data, app);
  const actorId = first(r.actorId, type === 'agent' ? app?.id : undefined, userId);
  const loginId = first(arr(r.externalIds)[0], data?.login_id, data?.loginId);
  // externalIds and userId name the user the record is about: the actor itself, or another user.
  const aboutOther = userId !== undefined && actorId !== undefined && actorId !== userId;
  const agentForUser = type === 'agent' && aboutOther;
  const act = objOrJson(data?.act);
  const time = toMicros(r.occurred);
  const jti = str(data?.jti);
  const accessKey = action.toLowerCase().startsWith('accesskey') ? first(data?.access_key_id, r.actorId) : undefined;
  const challenge = str(data?.challenge);

  return makeEvent(ctx, {
    nativeId: first(r.id, r.eventId),
    time,
    actionNative: action,
    actionClass,
    outcome,
    decision,
    reason: first(data?.reason, data?.error_description, data?.error_message, data?.error),
    actor: {
      id: actorId,
      type,
      // externalIds name the user the record is about, which is not the agent acting for them.
      name: type === 'human'
        ? (aboutOther ? undefined : loginId)
        : first(data?.agent_id, data?.agentId, data?.agent_name, act?.sub, app?.name, data?.access_key_name, data?.accessKeyName, aboutOther ? undefined : loginId),
      clientId: first(data?.client_id, data?.clientId, act?.client_id, app?.id),
    },
    // The user an agent acted for, or the person acting themself (a Descoper changing a user acts for no one else).
    subjectUser: first(data?.on_behalf_of, data?.onBehalfOf, data?.subject, agentForUser ? loginId ?? userId : type === 'human' && !aboutOther ? loginId ?? userId : undefined),
    delegation: actChain(act),
    credential: credentialOf({
      type: jti ? 'access_token' : accessKey ? 'access_key' : undefined,
      id: jti ?? accessKey,
      jti,
      issued: toMicros(data?.issued_at ?? data?.token_issued_at) ?? undefined,
      expires: toMicros(data?.expires_at ?? data?.token_expires_at ?? data?.session_expires_at) ?? undefined,
      audience: list(data?.audience),
    }),
    mfa: challenge !== undefined || bool(data?.mfa) !== undefined ? { performed: bool(data?.mfa) ?? false, method: challenge } : undefined,
    stepUp: decision === 'challenge' || actionClass === 'stepup',
    scopesGranted: list(data?.scopes_granted ?? data?.token_scopes ?? data?.scopes ?? data?.grantedScopes ?? data?.scope),
    scopesRequested: list(data?.scopes_requested ?? data?.scopes_required ?? data?.requestedScopes ?? data?.requested_scopes),
    tenant: str(arr(r.tenants)[0]),
    target: {
      service: first(data?.mcp_server, data?.audience, data?.sso_app),
      operation: first(data?.tool, data?.mcp_method),
      // A user changed by someone else is the target.
      resourceIds: [...list(data?.resource_ids), ...(type === 'human' && aboutOther && userId !== undefined ? [userId] : [])],
    },
    mcp: mcpOf({
      server: str(data?.mcp_server),
      method: str(data?.mcp_method),
      tool: str(data?.tool),
      session: str(data?.mcp_session_id),
      jsonrpcId: str(data?.jsonrpc_id),
    }),
    src: { ip: str(r.remoteAddress), userAgent: first(data?.user_agent, data?.userAgent) },
    correlation: {
      traceId: str(data?.trace_id),
      spanId: str(data?.span_id),
      requestId: first(data?.request_id, data?.okta_request_id),
      conversationId: str(data?.conversation_id),
      toolCallId: str(data?.tool_call_id),
      sessionId: first(data?.session_id, data?.okta_session_id),
    },
  });
}

const MAPPED = [
  'id', 'action', 'occurred', 'userId', 'actorId', 'externalIds', 'tenants', 'remoteAddress', 'method', 'device', 'type',
  ...['decision', 'reason', 'error', 'error_description', 'error_message', 'agent_id', 'agentId', 'access_key_name', 'access_key_id', 'client_id',
    'on_behalf_of', 'subject', 'act', 'jti', 'issued_at', 'token_issued_at', 'expires_at', 'token_expires_at', 'session_expires_at', 'audience',
    'mfa', 'challenge', 'scopes_granted', 'token_scopes', 'scopes_requested', 'scopes_required', 'mcp_server', 'sso_app', 'tool', 'mcp_method',
    'resource_ids', 'mcp_session_id', 'jsonrpc_id', 'user_agent', 'userAgent', 'trace_id', 'span_id', 'request_id', 'okta_request_id',
    'conversation_id', 'tool_call_id', 'session_id', 'okta_session_id', 'login_id', 'loginId', 'scopes', 'scope', 'grantedScopes', 'requestedScopes',
    'requested_scopes', 'onBehalfOf', 'clientId', 'agent_name', 'accessKeyName', 'thirdPartyAppId', 'third_party_app_id', 'thirdPartyApplicationId',
    'inboundAppId', 'inbound_app_id', 'appId', 'app_id', 'thirdPartyAppName', 'third_party_app_name', 'thirdPartyApplicationName', 'inboundAppName',
    'inbound_app_name', 'appName', 'app_name'].map((k) => `data.${k}`),
];

export const descopeReader = defineAccessLogReader({
  format: 'descope-audit',
  sniff: (s) => verdict(s, (r) => typeof r.action === 'string' && r.occurred !== undefined && (r.userId !== undefined || r.projectId !== undefined || r.actorId !== undefined), 'Descope audit (action, occurred, userId)'),
  normalize: normalizeDescope,
  unmapped: (record) => unmappedPaths(record, MAPPED),
});
