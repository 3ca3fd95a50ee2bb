// Access logs without a dedicated reader (Entra ID, Google Cloud and Workspace, GitHub,
// Duo, OneLogin, Slack, Snowflake, 1Password, Microsoft 365, OpenAI and Anthropic audit
// logs …): read as generic JSON Lines, JSON or CSV through a best-effort default mapping
// of the keys such logs share, so every record is counted and kept. A saved mapping
// (mapping.ts) reads the same files field for field.
import type { SniffVerdict } from '../types.ts';
import type { Sniff } from '../sniff.ts';
import type { Framing } from '../stream/record-stream.ts';
import { applyMapping, compileMapping, FieldMapping, usedPaths, type FieldMappingInput } from './mapping.ts';
import { csvColumns, columnKey, defineAccessLogReader, sampleRecords } from './kit.ts';
import type { AccessLogReader } from './reader.ts';
import { unmappedPaths } from './unmapped.ts';
import { toMicros } from './time.ts';
import type { Obj } from './fields.ts';

// Candidate keys, most specific first; objects are skipped, so "actor" only counts as a name.
const TIME = ['eventTime', 'published', 'timestamp', '@timestamp', 'time', 'created_at', 'createdAt', 'occurred', 'occurred_at', 'effective_at', 'date',
  'date_create', 'isotimestamp', 'TimeGenerated', 'ActivityDateTime', 'CreationTime', 'EVENT_TIMESTAMP', 'event_time', 'eventDateTime', 'id.time',
  'receiveTimestamp', 'ts', 'p_event_time'];
const ACTOR = ['actor.user.email', 'actor.user.id', 'actor.session.user.email', 'actor.session.user.id', 'actor.api_key.id', 'actor.email_address',
  'actor.email', 'actor.user_id', 'actor.id', 'actor.alternateId', 'actor', 'actorId', 'actor_id', 'actor_user_name', 'actor_user_id',
  'protoPayload.authenticationInfo.principalEmail', 'properties.userPrincipalName', 'identity.arn', 'InitiatedBy.user.userPrincipalName',
  'InitiatedBy.app.displayName', 'user.email', 'user.name', 'user.id', 'userPrincipalName', 'UserId', 'userId', 'user_id', 'username', 'user_name',
  'USER_NAME', 'principal', 'email', 'user', 'target_user.email'];
const ACTION = ['eventName', 'eventType', 'action', 'event_type', 'event_type_id', 'operationName', 'OperationName', 'Operation', 'protoPayload.methodName',
  'methodName', 'activityDisplayName', 'ActivityDisplayName', 'EVENT_TYPE', 'name', 'type', 'operation', 'event', 'p_log_type'];
const NOT_ACCESS = ['message', 'messages', 'content', 'role', 'prompt', 'completion', 'choices', 'traj', 'trajectory', 'conversation', 'question'];

export const DEFAULT_MAPPING: FieldMappingInput = {
  name: 'Best-effort default',
  format: 'jsonl',
  fields: {
    time: TIME,
    action: ACTION,
    nativeId: ['uuid', 'eventID', 'event_id', 'log_id', 'insertId', 'EVENT_ID', '_document_id', 'Id', 'id.uniqueQualifier', 'id'],
    actorId: ACTOR,
    actorName: ['actor.name', 'actor.displayName', 'actor.user.name', 'actorName', 'actor_user_name', 'user.name', 'InitiatedBy.user.displayName', 'properties.userDisplayName'],
    agentId: ['agent_id', 'agentId', 'gen_ai.agent.id'],
    clientId: ['client_id', 'clientId', 'application.key', 'properties.appId', 'app_id', 'client.app_name', 'application_id'],
    // Only who an actor acted for: a user an action was done to (target_user) is no principal.
    subjectUser: ['on_behalf_of', 'onBehalfOf', 'subject_user', 'impersonated_user'],
    tenant: ['tenant', 'tenantId', 'tenant_id', 'TenantId', 'organization_id', 'org', 'org_id', 'recipientAccountId', 'id.customerId', 'customer_id',
      'enterprise_id', 'account_id', 'project_id', 'resource.labels.project_id'],
    target: ['eventSource', 'protoPayload.serviceName', 'service', 'serviceName', 'application.name', 'app_name', 'id.applicationName', 'OfficeWorkload',
      'Workload', 'entity.type', 'repo', 'resource.type', 'LoggedByService', 'target'],
    operation: ['operation', 'methodName', 'protoPayload.methodName', 'api.operation'],
    resourceId: ['resource_id', 'resourceId', 'protoPayload.resourceName', 'item_uuid', 'ObjectId', 'repository', 'target_user.uuid', 'target_user.id'],
    outcome: ['outcome.result', 'outcome', 'result', 'status', 'IS_SUCCESS', 'ResultStatus', 'Result', 'resultType', 'properties.status.errorCode',
      'success', 'conclusion', 'severity'],
    decision: ['decision', 'disposition', 'authorization.decision'],
    reason: ['reason', 'outcome.reason', 'errorMessage', 'error_message', 'ERROR_MESSAGE', 'ResultReasonType', 'properties.status.failureReason', 'description'],
    scopes: ['scopes', 'scope', 'granted_scopes', 'grantedScopes', 'scopes_granted', 'details.new_scopes'],
    scopesRequested: ['requested_scopes', 'requestedScopes', 'scopes_requested'],
    traceId: ['traceId', 'trace_id', 'trace.id', 'traceID', 'otel.trace_id', 'dd.trace_id'],
    spanId: ['spanId', 'span_id', 'span.id'],
    requestId: ['requestId', 'request_id', 'requestID', 'RequestId', 'x_request_id'],
    transactionId: ['transaction.id', 'transactionId', 'transaction_id', 'CorrelationId', 'correlationId', 'operation.id'],
    sessionId: ['sessionId', 'session_id', 'session.id', 'session_uuid', 'properties.sessionId', 'SessionId'],
    conversationId: ['conversation_id', 'conversationId', 'gen_ai.conversation.id'],
    toolCallId: ['tool_call_id', 'toolCallId', 'gen_ai.tool.call.id'],
    ip: ['sourceIPAddress', 'ip', 'actor_ip', 'ip_address', 'ipAddress', 'ipaddr', 'client_ip', 'CLIENT_IP', 'clientIp', 'callerIpAddress', 'ClientIP',
      'Client_IPAddress', 'context.ip_address', 'actor.ip_address', 'actor.session.ip_address', 'client.ip_address', 'client.ipAddress',
      'access_device.ip', 'protoPayload.requestMetadata.callerIP', 'remoteAddress', 'src_ip', 'source_ip', 'properties.ipAddress'],
    userAgent: ['userAgent', 'user_agent', 'UserAgent', 'ua', 'context.ua', 'actor.user_agent', 'actor.session.user_agent',
      'protoPayload.requestMetadata.callerSuppliedUserAgent', 'client.userAgent.rawUserAgent', 'http.user_agent'],
    jti: ['jti', 'token_id', 'tokenId'],
    mcpServer: ['mcp_server', 'mcp_server_name', 'mcp.server.name'],
    mcpMethod: ['mcp_method', 'mcp.method.name'],
    mcpTool: ['tool', 'tool_name', 'gen_ai.tool.name'],
    mcpSession: ['mcp_session_id', 'mcp.session.id'],
    jsonrpcId: ['jsonrpc_id', 'jsonrpc.request.id'],
  },
  actorType: 'unknown',
};

const DEFAULT = FieldMapping.parse(DEFAULT_MAPPING);
const compiledJson = compileMapping(DEFAULT);
const compiledCsv = compileMapping({ ...DEFAULT, format: 'csv' });

/** Which of the telling fields a record has (through the same getters the mapping uses). */
function features(record: Obj): { time: boolean; actor: boolean; action: boolean; transcript: boolean } {
  const has = (field: 'time' | 'actorId' | 'action'): unknown => {
    for (const get of compiledJson.getters[field] ?? []) {
      const v = get(record, undefined);
      if (v !== undefined && v !== null && v !== '' && (typeof v !== 'object' || Array.isArray(v))) return v;
    }
    return undefined;
  };
  return {
    time: toMicros(has('time')) !== null,
    actor: has('actorId') !== undefined,
    action: has('action') !== undefined,
    transcript: NOT_ACCESS.some((k) => k in record),
  };
}

function judgeRecords(records: Obj[], what: string): SniffVerdict {
  if (records.length === 0) return { confidence: 0, reason: 'no JSON objects in the first 64 KB' };
  let fit = 0;
  let chat = 0;
  for (const r of records) {
    const f = features(r);
    if ((f.action && (f.time || f.actor)) || (f.time && f.actor)) fit++;
    if (f.transcript) chat++;
  }
  if (fit === 0) return { confidence: 0, reason: `no time, actor or action keys in the first ${records.length} records` };
  if (chat * 2 >= records.length) return { confidence: 0.3, reason: `records carry conversation keys (message, content …): more like a transcript than an access log` };
  const confidence = fit * 2 >= records.length ? 0.6 : 0.5;
  return { confidence, reason: `${what}: ${fit} of the first ${records.length} records have a time, actor or action key; read with the default mapping` };
}

function genericReader(format: string, framing: Framing, sniff: (s: Sniff) => SniffVerdict): AccessLogReader {
  const compiled = framing === 'csv' ? compiledCsv : compiledJson;
  return defineAccessLogReader({
    format,
    framing: () => framing,
    sniff,
    normalize: (record, ctx) => applyMapping(compiled, record, ctx),
    unmapped: (record) => unmappedPaths(record, usedPaths(compiled, record)),
  });
}

export const genericJsonlReader = genericReader('generic-jsonl', 'jsonl', (s) =>
  s.shape === 'jsonl' ? judgeRecords(sampleRecords(s), 'JSON Lines') : { confidence: 0, reason: `not JSON Lines (${s.shape})` });

export const genericJsonReader = genericReader('generic-json', 'json', (s) =>
  s.shape === 'json' ? judgeRecords(sampleRecords(s), 'JSON') : { confidence: 0, reason: `not a JSON document (${s.shape})` });

export const genericCsvReader = genericReader('generic-csv', 'csv', (s) => {
  const columns = csvColumns(s);
  if (!columns) return { confidence: 0, reason: s.shape === 'text' ? 'no CSV header' : `not CSV (${s.shape})` };
  const byExtension = ['csv', 'tsv'].includes(s.extension);
  const keys = new Set(columns.map(columnKey));
  const known = (list: string[]): boolean => list.some((c) => keys.has(columnKey(c)));
  const telling = [known(TIME), known(ACTOR), known(ACTION)].filter(Boolean).length;
  // Plain text that merely contains commas is not claimed unless its name says CSV.
  if (!byExtension && telling < 2) return { confidence: 0, reason: 'text without a .csv name or recognisable log columns' };
  return {
    confidence: telling >= 2 ? 0.6 : 0.5,
    reason: `CSV with ${columns.length} columns${telling < 2 ? '; no time/actor/action columns recognised: map them in the import dialog' : ''}`,
  };
});

/** A reader for a saved mapping (not in the registry: the user picks it). */
export function mappingReader(mapping: FieldMapping): AccessLogReader {
  const compiled = compileMapping(mapping);
  const framing: Framing = mapping.format;
  return defineAccessLogReader({
    format: `mapping:${mapping.name}`,
    framing: () => framing,
    sniff: () => ({ confidence: 0, reason: 'a saved mapping is applied when chosen, never detected' }),
    normalize: (record, ctx) => applyMapping(compiled, record, ctx),
    unmapped: (record) => unmappedPaths(record, usedPaths(compiled, record)),
  });
}
