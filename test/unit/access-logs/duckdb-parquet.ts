// Reads a Parquet file back with DuckDB, the way an analyst would (read_parquet), for the
// export tests: column types as DuckDB names them, rows in file order with timestamps as
// epoch microseconds (a JS Date would drop them) and each raw record's UTF-8 bytes; and the
// row an event must become, written out from the model field by field.
import { DuckDBInstance } from '@duckdb/node-api';
import type { AccessEvent } from '../../../shared/model/access-event.ts';

export interface ParquetReadBack {
  /** Column name → DuckDB type, in file order. */
  types: [string, string][];
  /** Rows in file order; TIMESTAMP columns as bigint µs, plus `raw_utf8` (bytes of `raw`) when there is a raw column. */
  rows: Record<string, unknown>[];
  rowGroups: number;
  keyValues: Record<string, string>;
}

const sql = (path: string) => `'${path.replaceAll("'", "''")}'`;

export async function readParquetBack(path: string): Promise<ParquetReadBack> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    const described = (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${sql(path)})`)).getRowObjectsJS();
    const types = described.map((r): [string, string] => [String(r.column_name), String(r.column_type)]);
    const micros = types.filter(([, t]) => t.startsWith('TIMESTAMP')).map(([n]) => `epoch_us("${n}") AS "${n}"`);
    const replace = micros.length > 0 ? ` REPLACE (${micros.join(', ')})` : '';
    const rawBytes = types.some(([n]) => n === 'raw') ? ', encode(raw) AS raw_utf8' : '';
    const result = await c.runAndReadAll(
      `SELECT * EXCLUDE (file_row_number)${replace}${rawBytes} FROM read_parquet(${sql(path)}, file_row_number = true) ORDER BY file_row_number`,
    );
    const rows = result.getRowObjectsJS().map((row) => {
      if (row.raw_utf8 instanceof Uint8Array) row.raw_utf8 = new Uint8Array(row.raw_utf8);
      return row as Record<string, unknown>;
    });
    const groups = (await c.runAndReadAll(`SELECT count(DISTINCT row_group_id) AS n FROM parquet_metadata(${sql(path)})`)).getRowObjectsJS();
    const kv = (await c.runAndReadAll(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata(${sql(path)})`)).getRowObjectsJS();
    return { types, rows, rowGroups: Number(groups[0]?.n ?? 0), keyValues: Object.fromEntries(kv.map((r) => [String(r.key), String(r.value)])) };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

const orNull = <T>(value: T | undefined | null): T | null => value ?? null;
const micros = (value: number | null | undefined): bigint | null => (value === null || value === undefined ? null : BigInt(value));

/** One event as the documented row (shared/formats/README.md), written out from the model field by field. */
export function expectedRow(e: AccessEvent, digest: string): Record<string, unknown> {
  const hop = e.delegation[0];
  return {
    id: e.id,
    native_id: orNull(e.nativeId),
    source_id: e.source.id,
    source_format: e.source.format,
    source_line: BigInt(e.source.line),
    source_record: BigInt(e.source.record),
    time: micros(e.time),
    action_native: e.actionNative,
    action_class: e.actionClass,
    outcome: e.outcome,
    decision: e.decision,
    reason: orNull(e.reason),
    actor_id: orNull(e.actor.id),
    actor_type: e.actor.type,
    actor_name: orNull(e.actor.name),
    actor_client_id: orNull(e.actor.clientId),
    subject_user: orNull(e.subjectUser),
    delegation: e.delegation.map((h) => ({ actor: h.actor, client_id: orNull(h.clientId), via: orNull(h.via) })),
    delegation_actor: hop ? hop.actor : null,
    delegation_client_id: orNull(hop?.clientId),
    delegation_via: orNull(hop?.via),
    credential_type: orNull(e.credential?.type),
    credential_id: orNull(e.credential?.id),
    credential_jti: orNull(e.credential?.jti),
    credential_issued: micros(e.credential?.issued),
    credential_expires: micros(e.credential?.expires),
    credential_audience: e.credential ? e.credential.audience : null,
    mfa_performed: e.mfa ? e.mfa.performed : null,
    mfa_method: orNull(e.mfa?.method),
    step_up: e.stepUp,
    scopes_granted: e.scopesGranted,
    scopes_requested: e.scopesRequested,
    tenant: orNull(e.tenant),
    target_service: orNull(e.target.service),
    target_operation: orNull(e.target.operation),
    target_resource_ids: e.target.resourceIds,
    mcp_server: orNull(e.mcp?.server),
    mcp_method: orNull(e.mcp?.method),
    mcp_tool: orNull(e.mcp?.tool),
    mcp_session: orNull(e.mcp?.session),
    mcp_jsonrpc_id: orNull(e.mcp?.jsonrpcId),
    src_ip: orNull(e.src.ip),
    src_user_agent: orNull(e.src.userAgent),
    trace_id: orNull(e.correlation.traceId),
    span_id: orNull(e.correlation.spanId),
    parent_span_id: orNull(e.correlation.parentSpanId),
    request_id: orNull(e.correlation.requestId),
    transaction_id: orNull(e.correlation.transactionId),
    conversation_id: orNull(e.correlation.conversationId),
    tool_call_id: orNull(e.correlation.toolCallId),
    session_id: orNull(e.correlation.sessionId),
    unmapped: e.unmapped ?? null,
    raw: e.raw,
    raw_digest: digest,
  };
}
