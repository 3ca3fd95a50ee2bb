// OpenTelemetry traces as OTLP/JSON (ExportTraceServiceRequest: resourceSpans → scopeSpans
// → spans), one event per span. A whole document arrives one resourceSpans element at a
// time (the splitter cuts that array), a collector's file export one request per line.
// GenAI and MCP semantic conventions give the linking ids: gen_ai.tool.call.id,
// gen_ai.conversation.id, mcp.session.id, jsonrpc.request.id, and the trace/span ids.
// A span's raw is the span object re-serialized (OTLP nests spans, so no verbatim slice of
// the file is one span); resource attributes are folded in under "resource".
import type { ActionClass, Outcome } from '../../model/access-event.ts';
import { arr, first, obj, str, type Obj } from './fields.ts';
import { makeEvent, mcpOf } from './event.ts';
import { defineAccessLogReader, sampleRecords } from './kit.ts';
import type { NormalizeResult, RecordContext } from './reader.ts';
import type { AccessEvent } from '../../model/access-event.ts';
import { toMicros } from './time.ts';

/** OTLP AnyValue → a plain value. */
function anyValue(v: unknown): unknown {
  const o = obj(v);
  if (!o) return v;
  if ('stringValue' in o) return o.stringValue;
  if ('intValue' in o) return typeof o.intValue === 'string' ? Number(o.intValue) : o.intValue;
  if ('doubleValue' in o) return o.doubleValue;
  if ('boolValue' in o) return o.boolValue;
  if ('bytesValue' in o) return o.bytesValue;
  if ('arrayValue' in o) return arr(obj(o.arrayValue)?.values).map(anyValue);
  if ('kvlistValue' in o) return attributes(obj(o.kvlistValue)?.values);
  return undefined;
}

/** OTLP's [{key, value}] list (or an already flat map) → {key: value}. */
export function attributes(list: unknown): Obj {
  if (!Array.isArray(list)) return obj(list) ?? {};
  const out: Obj = {};
  for (const item of list) {
    const kv = obj(item);
    const key = str(kv?.key);
    if (key !== undefined) out[key] = anyValue(kv?.value);
  }
  return out;
}

/** OTLP/JSON ids are hex; protobuf-JSON mappings write base64. Either way: lower-case hex. */
export function hexId(value: unknown, bytes: number): string | undefined {
  const s = str(value);
  if (s === undefined) return undefined;
  if (s.length === bytes * 2 && /^[0-9a-fA-F]+$/.test(s)) return s.toLowerCase();
  try {
    const raw = atob(s);
    if (raw.length === bytes) return Array.from(raw, (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
  } catch {
    // not base64 either: keep it as written
  }
  return s;
}

/** A vendor-namespaced attribute such as "carecoord.mcp.server", found by its ending. */
function suffixed(a: Obj, suffix: string): string | undefined {
  for (const key of Object.keys(a)) if (key.endsWith(suffix)) return str(a[key]);
  return undefined;
}

export function otelClass(op: string | undefined, mcpMethod: string | undefined, kind: unknown): ActionClass {
  if (op === 'execute_tool' || mcpMethod === 'tools/call') return 'tool_call';
  if (op === 'chat' || op === 'text_completion' || op === 'generate_content' || op === 'embeddings') return 'api_call';
  if (mcpMethod !== undefined) return 'api_call';
  if (op === 'invoke_agent' || op === 'create_agent') return 'other';
  // SERVER (2) and CLIENT (3) spans are calls between services.
  return kind === 2 || kind === 3 || kind === 'SPAN_KIND_SERVER' || kind === 'SPAN_KIND_CLIENT' ? 'api_call' : 'other';
}

function outcomeOf(status: Obj | undefined, a: Obj): Outcome {
  const code = status?.code;
  if (code === 2 || code === 'STATUS_CODE_ERROR' || a['error.type'] !== undefined) return 'failure';
  if (code === 1 || code === 'STATUS_CODE_OK') return 'success';
  return 'unknown';
}

interface Scoped {
  span: Obj;
  /** Resource attributes as a flat map. */
  resource: Obj;
  /** The resource as written, folded into each span's raw. */
  resourceRaw: Obj | undefined;
}

/** Spans of a request, of one resourceSpans element, or a lone span object. */
function spansOf(record: Obj): Scoped[] {
  const out: Scoped[] = [];
  const resourceSpans = Array.isArray(record.resourceSpans) ? record.resourceSpans : record.scopeSpans !== undefined ? [record] : [];
  if (resourceSpans.length === 0 && record.spanId !== undefined) return [{ span: record, resource: attributes(obj(record.resource)?.attributes), resourceRaw: undefined }];
  for (const rs of resourceSpans) {
    const resourceRaw = obj(obj(rs)?.resource);
    const resource = attributes(resourceRaw?.attributes);
    for (const ss of arr(obj(rs)?.scopeSpans ?? obj(rs)?.instrumentationLibrarySpans)) {
      for (const span of arr(obj(ss)?.spans)) {
        const o = obj(span);
        if (o) out.push({ span: o, resource, resourceRaw });
      }
    }
  }
  return out;
}

export function normalizeOtel(record: unknown, ctx: RecordContext): NormalizeResult {
  const r = obj(record);
  if (!r) return { problem: 'record is not a JSON object' };
  const spans = spansOf(r);
  if (spans.length === 0) return { problem: 'no OTLP spans in this record (expected resourceSpans → scopeSpans → spans)' };
  const parsed = spans.map((s) => ({ ...s, a: attributes(s.span.attributes) }));

  // The user and conversation are often set once, on the trace's root span.
  const userOfTrace = new Map<string, string>();
  const conversationOfTrace = new Map<string, string>();
  const agentOfTrace = new Map<string, { id: string; name: string | undefined }>();
  for (const { span, a } of parsed) {
    const trace = str(span.traceId);
    if (trace === undefined) continue;
    const user = first(a['enduser.id'], a['user.id'], a['user.email']);
    if (user !== undefined && !userOfTrace.has(trace)) userOfTrace.set(trace, user);
    const conversation = str(a['gen_ai.conversation.id']);
    if (conversation !== undefined && !conversationOfTrace.has(trace)) conversationOfTrace.set(trace, conversation);
    const agent = first(a['gen_ai.agent.id'], a['gen_ai.agent.name']);
    if (agent !== undefined && !agentOfTrace.has(trace)) agentOfTrace.set(trace, { id: agent, name: str(a['gen_ai.agent.name']) });
  }

  const events: AccessEvent[] = [];
  parsed.forEach(({ span, resource, resourceRaw, a }, index) => {
    const traceRaw = str(span.traceId);
    const op = str(a['gen_ai.operation.name']);
    const mcpMethod = str(a['mcp.method.name']);
    const status = obj(span.status);
    const tool = str(a['gen_ai.tool.name']);
    // An MCP client span under an agent's tool span acts for that agent.
    const traceAgent = traceRaw === undefined ? undefined : agentOfTrace.get(traceRaw);
    const agentId = first(a['gen_ai.agent.id'], a['gen_ai.agent.name'], traceAgent?.id);
    const server = first(a['mcp.server.name'], suffixed(a, '.mcp.server'));
    const isMcp = mcpMethod !== undefined || a['mcp.session.id'] !== undefined || server !== undefined;
    const raw = JSON.stringify(resourceRaw ? { ...span, resource: resourceRaw } : span);
    const name = str(span.name) ?? op ?? 'span';
    events.push(makeEvent(ctx, {
      nativeId: hexId(span.spanId, 8),
      // Named nanoseconds, but a converter may have written ms or µs (or ISO): the magnitude decides.
      time: toMicros(span.startTimeUnixNano ?? span.startTime ?? span.start_time),
      actionNative: name,
      actionClass: otelClass(op, mcpMethod, span.kind),
      outcome: outcomeOf(status, a),
      decision: null,
      reason: first(status?.message, a['error.type']),
      actor: agentId !== undefined
        ? { id: agentId, type: 'agent', name: first(a['gen_ai.agent.name'], traceAgent?.name), clientId: undefined }
        : { id: first(resource['service.name']), type: resource['service.name'] !== undefined ? 'service' : 'unknown', name: first(resource['service.name']), clientId: undefined },
      subjectUser: first(a['enduser.id'], a['user.id'], a['user.email'], traceRaw === undefined ? undefined : userOfTrace.get(traceRaw)),
      tenant: first(a['tenant.id'], suffixed(a, '.tenant')),
      target: {
        service: first(server, a['server.address'], a['peer.service'], a['gen_ai.provider.name'], a['gen_ai.system']),
        operation: first(tool, mcpMethod, op),
        resourceIds: [],
      },
      mcp: isMcp || op === 'execute_tool'
        ? mcpOf({ server, method: mcpMethod, tool, session: str(a['mcp.session.id']), jsonrpcId: str(a['jsonrpc.request.id']) })
        : undefined,
      src: { ip: first(a['client.address'], a['source.address']), userAgent: str(a['user_agent.original']) },
      correlation: {
        traceId: hexId(span.traceId, 16),
        spanId: hexId(span.spanId, 8),
        parentSpanId: hexId(span.parentSpanId, 8),
        toolCallId: str(a['gen_ai.tool.call.id']),
        conversationId: first(a['gen_ai.conversation.id'], traceRaw === undefined ? undefined : conversationOfTrace.get(traceRaw)),
        sessionId: str(a['session.id']),
        requestId: str(a['http.request.header.x-request-id']),
      },
    }, index + 1, raw));
  });
  return events;
}

const MAPPED_ATTRIBUTES = new Set([
  'gen_ai.operation.name', 'gen_ai.tool.name', 'gen_ai.tool.call.id', 'gen_ai.agent.id', 'gen_ai.agent.name', 'gen_ai.conversation.id',
  'gen_ai.provider.name', 'gen_ai.system', 'mcp.method.name', 'mcp.session.id', 'mcp.server.name', 'jsonrpc.request.id', 'enduser.id', 'user.id',
  'user.email', 'tenant.id', 'server.address', 'peer.service', 'client.address', 'source.address', 'user_agent.original', 'session.id',
  'error.type', 'http.request.header.x-request-id',
]);
const MAPPED_SPAN = new Set(['traceId', 'spanId', 'parentSpanId', 'name', 'startTimeUnixNano', 'startTime', 'start_time', 'status', 'attributes', 'kind', 'resource']);

/** A span's unmapped parts: its own keys and attribute names no field came from. */
function unmappedOfSpan(span: unknown): string[] {
  const s = obj(span);
  if (!s) return [];
  const out = Object.keys(s).filter((k) => !MAPPED_SPAN.has(k));
  for (const key of Object.keys(attributes(s.attributes))) {
    if (!MAPPED_ATTRIBUTES.has(key) && !key.endsWith('.mcp.server') && !key.endsWith('.tenant')) out.push(`attributes.${key}`);
  }
  return out;
}

export const otelReader = defineAccessLogReader({
  format: 'otel-spans',
  sniff: (s) => {
    const records = sampleRecords(s);
    const otlp = records.filter((r) => r.resourceSpans !== undefined || r.scopeSpans !== undefined || (r.traceId !== undefined && r.spanId !== undefined && r.name !== undefined)).length;
    if (otlp === 0) return { confidence: 0, reason: s.shape === 'json' || s.shape === 'jsonl' ? 'no resourceSpans or spans' : `not JSON (${s.shape})` };
    const genai = /"(gen_ai|mcp)\./.test(s.text);
    return genai
      ? { confidence: 0.95, reason: `OTLP trace with GenAI/MCP attributes (${s.shape === 'jsonl' ? 'JSON Lines' : 'JSON'})` }
      : { confidence: 0.7, reason: 'OTLP trace; no gen_ai.* or mcp.* attributes in the first 64 KB' };
  },
  normalize: normalizeOtel,
  unmapped: unmappedOfSpan,
});
