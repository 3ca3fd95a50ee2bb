// AccessEvent (shared/model) → the engine's columns. The one place that decides what a
// facet means, e.g. "agent": the current actor of a delegation (RFC 8693 act claim: the
// agent acting for the user), else the actor itself when the reader typed it an agent.
import type { AccessEvent } from '../../../../shared/model/access-event.ts';
import type { EventFields } from './columns.ts';

const s = (v: string | undefined | null): string => v ?? '';

export function agentOf(e: AccessEvent): string {
  const hop = e.delegation[0];
  if (hop) return hop.actor;
  return e.actor.type === 'agent' ? s(e.actor.name ?? e.actor.id) : '';
}

/** The "same session" key for surrounding events: MCP session, then the log's own session ids. */
export function sessionOf(e: AccessEvent): string {
  return s(e.mcp?.session ?? e.correlation.sessionId ?? e.correlation.conversationId ?? e.credential?.jti);
}

/** The id in the store without the `<sourceId>:` prefix every id of a source shares. */
export function localId(e: AccessEvent, sourceId: string): string {
  return e.id.startsWith(sourceId) && e.id.charCodeAt(sourceId.length) === 58 ? e.id.slice(sourceId.length + 1) : e.id;
}

export function eventFields(e: AccessEvent, sourceId: string): EventFields {
  return {
    time: e.time,
    line: e.source.line,
    coded: {
      agent: agentOf(e),
      subjectUser: s(e.subjectUser),
      tenant: s(e.tenant),
      client: s(e.actor.clientId),
      mcpServer: s(e.mcp?.server),
      tool: s(e.mcp?.tool),
      targetService: s(e.target.service),
      actionClass: e.actionClass,
      decision: s(e.decision),
      actionNative: e.actionNative,
      outcome: e.outcome,
      operation: s(e.target.operation ?? e.mcp?.method),
      scopes: e.scopesGranted.length > 0 ? e.scopesGranted.join(' ') : e.scopesRequested.join(' '),
      ip: s(e.src.ip),
      actor: s(e.actor.name ?? e.actor.id),
    },
    packed: {
      eventId: localId(e, sourceId),
      traceId: s(e.correlation.traceId),
      toolCallId: s(e.correlation.toolCallId),
      session: sessionOf(e),
    },
  };
}
