// Building AccessEvents with one consistent shape (same keys in the same order, so the
// engine keeps a single hidden class for a million of them) and the defaults in one place.
import type { AccessEvent, ActionClass, Actor, Credential, Decision, DelegationHop, Mcp, Mfa, Outcome, Target, Correlation } from '../../model/access-event.ts';
import type { RecordContext } from './reader.ts';

export interface EventFields {
  nativeId?: string | undefined;
  time: number | null;
  actionNative: string;
  actionClass: ActionClass;
  outcome: Outcome;
  decision: Decision | null;
  reason?: string | undefined;
  actor: Actor;
  subjectUser?: string | undefined;
  delegation?: DelegationHop[];
  credential?: Credential | undefined;
  mfa?: Mfa | undefined;
  stepUp?: boolean;
  scopesGranted?: string[];
  scopesRequested?: string[];
  tenant?: string | undefined;
  target?: Partial<Target>;
  mcp?: Mcp | undefined;
  src?: { ip?: string | undefined; userAgent?: string | undefined };
  correlation?: Correlation;
}

/**
 * The event for one record. `part` numbers the events of a record that holds several
 * (OTLP spans): ids stay `<source>:<record>` for the usual one-per-record case.
 */
export function makeEvent(ctx: RecordContext, f: EventFields, part?: number, raw?: string): AccessEvent {
  const id = part === undefined ? `${ctx.sourceId}:${ctx.ordinal}` : `${ctx.sourceId}:${ctx.ordinal}.${part}`;
  return {
    id,
    nativeId: f.nativeId,
    source: { id: ctx.sourceId, format: ctx.format, line: ctx.line, record: ctx.ordinal },
    raw: raw ?? ctx.raw,
    rawDigest: undefined,
    time: f.time,
    actionNative: f.actionNative,
    actionClass: f.actionClass,
    outcome: f.outcome,
    decision: f.decision,
    reason: f.reason,
    actor: f.actor,
    subjectUser: f.subjectUser,
    delegation: f.delegation ?? [],
    credential: f.credential,
    mfa: f.mfa,
    stepUp: f.stepUp ?? false,
    scopesGranted: f.scopesGranted ?? [],
    scopesRequested: f.scopesRequested ?? [],
    tenant: f.tenant,
    target: { service: f.target?.service, operation: f.target?.operation, resourceIds: f.target?.resourceIds ?? [] },
    mcp: f.mcp,
    src: f.src ?? {},
    correlation: f.correlation ?? {},
    unmapped: undefined,
  };
}

/** A credential only when something is known about it. */
export function credentialOf(c: Partial<Credential>): Credential | undefined {
  if (c.type === undefined && c.id === undefined && c.jti === undefined && c.expires === undefined && c.issued === undefined && (c.audience?.length ?? 0) === 0) return undefined;
  return { type: c.type, id: c.id, jti: c.jti, issued: c.issued, expires: c.expires, audience: c.audience ?? [] };
}

/** MCP context only when the record names some of it. */
export function mcpOf(m: Mcp): Mcp | undefined {
  return m.server === undefined && m.method === undefined && m.tool === undefined && m.session === undefined && m.jsonrpcId === undefined ? undefined : m;
}

const DECIDING = new Set<ActionClass>(['token_issue', 'token_exchange', 'authz_decision', 'consent']);

/** For events that are decisions by nature (a grant, a policy check), success is an allow and failure a deny. */
export function impliedDecision(actionClass: ActionClass, outcome: Outcome): Decision | null {
  if (!DECIDING.has(actionClass)) return null;
  return outcome === 'success' ? 'allow' : outcome === 'failure' ? 'deny' : null;
}
