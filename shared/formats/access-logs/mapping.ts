// Column mappings: how the fields of any JSONL / JSON / CSV log become an AccessEvent.
// A mapping is data (zod-validated JSON), so the import dialog can build one, save it and
// apply it again next time. Each field names one path or a list of candidate paths (the
// first that holds a value wins): dotted paths into JSON ("actor.user.email"), or column
// names for CSV (matched ignoring case, spaces and punctuation). The default mapping used
// for logs without a dedicated reader is itself just such a value (defaults.ts).
import { z } from 'zod';
import type { AccessEvent } from '../../model/access-event.ts';
import { ActionClass, ActorType } from '../../model/access-event.ts';
import { credentialOf, makeEvent, mcpOf } from './event.ts';
import { classifyAction } from './classify.ts';
import { obj, objOrJson, str, type Obj } from './fields.ts';
import { columnKey } from './kit.ts';
import type { NormalizeResult, RecordContext } from './reader.ts';
import { toMicros } from './time.ts';

const Paths = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const MAPPED_FIELDS = [
  'time', 'action', 'nativeId', 'actorId', 'actorName', 'agentId', 'clientId', 'subjectUser', 'tenant', 'target', 'operation', 'resourceId',
  'outcome', 'decision', 'reason', 'scopes', 'scopesRequested', 'traceId', 'spanId', 'parentSpanId', 'requestId', 'transactionId', 'sessionId',
  'conversationId', 'toolCallId', 'ip', 'userAgent', 'credentialType', 'credentialId', 'jti', 'expires', 'audience', 'mcpServer', 'mcpMethod',
  'mcpTool', 'mcpSession', 'jsonrpcId',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

const optionalPaths = Object.fromEntries(MAPPED_FIELDS.filter((f) => f !== 'time' && f !== 'action').map((f) => [f, Paths.optional()])) as Record<Exclude<MappedField, 'time' | 'action'>, z.ZodOptional<typeof Paths>>;

export const TimeFormatSchema = z.enum(['auto', 'iso', 'epoch-s', 'epoch-ms', 'epoch-us', 'epoch-ns']);

const lowerList = z.array(z.string().transform((s) => s.toLowerCase()));

export const FieldMapping = z.object({
  version: z.literal(1).default(1),
  name: z.string().min(1),
  format: z.enum(['jsonl', 'json', 'csv']),
  fields: z.object({ time: Paths, action: Paths, ...optionalPaths }),
  timeFormat: TimeFormatSchema.default('auto'),
  /** What actorId names, unless agentId is present (then the actor is that agent). */
  actorType: ActorType.default('unknown'),
  /** Characters that separate scopes in one string; whitespace and commas by default. */
  scopeSeparators: z.string().min(1).default(' ,'),
  outcomeValues: z.object({ success: lowerList, failure: lowerList }).default({
    success: ['success', 'succeeded', 'successful', 'ok', 'allow', 'allowed', 'granted', 'approved', 'true', 'yes', 'pass', 'passed'],
    failure: ['failure', 'failed', 'fail', 'error', 'deny', 'denied', 'blocked', 'rejected', 'false', 'no', 'fraud', 'invalid', 'unauthorized'],
  }),
  decisionValues: z.object({ allow: lowerList, deny: lowerList, challenge: lowerList }).default({
    allow: ['allow', 'allowed', 'granted', 'permit', 'permitted', 'approved'],
    deny: ['deny', 'denied', 'blocked', 'rejected', 'forbidden', 'unauthorized', 'fraud'],
    challenge: ['challenge', 'challenged', 'mfa_required', 'step_up', 'stepup', 'pending'],
  }),
  /** Exact action value → class; other actions are classified by their name. */
  actionClasses: z.record(z.string(), ActionClass).default({}),
});
export type FieldMapping = z.infer<typeof FieldMapping>;
export type FieldMappingInput = z.input<typeof FieldMapping>;

/** Column names of the current CSV header → the actual key for each mapped path (null: absent). */
type Columns = Map<string, string | null>;
type Getter = (record: Obj, columns: Columns | undefined) => unknown;

/** Dotted path, tolerant of case, with a literal key tried first (flat maps hold dotted keys). */
function jsonGetter(path: string): Getter {
  const steps = path.split('.');
  const lower = steps.map((s) => s.toLowerCase());
  return (record, columns) => {
    if (columns) {
      // CSV: a column by name, exact or ignoring case and punctuation (resolved once per header).
      const column = columns.get(path);
      if (column !== undefined) return column === null ? undefined : record[column];
    }
    const literal = record[path];
    if (literal !== undefined) return literal;
    let cur: unknown = record;
    for (let i = 0; i < steps.length; i++) {
      // A nested object stored as JSON text (Entra's InitiatedBy) is read through.
      const o = obj(cur) ?? (typeof cur === 'string' ? objOrJson(cur) : undefined);
      if (!o) return undefined;
      const next = o[steps[i]!];
      cur = next !== undefined ? next : o[lower[i]!];
    }
    return cur;
  };
}

type Compiled = Partial<Record<MappedField, Getter[]>>;

export interface CompiledMapping {
  mapping: FieldMapping;
  getters: Compiled;
  /** Per CSV header (its column names joined): where each mapped path is found. */
  headers: Map<string, Columns>;
}

export function compileMapping(mapping: FieldMapping): CompiledMapping {
  const getters: Compiled = {};
  for (const field of MAPPED_FIELDS) {
    const paths = mapping.fields[field];
    if (paths === undefined) continue;
    getters[field] = (Array.isArray(paths) ? paths : [paths]).map(jsonGetter);
  }
  return { mapping, getters, headers: new Map() };
}

const MAX_HEADERS = 64;

function columnsOf(c: CompiledMapping, row: Obj): Columns {
  const keys = Object.keys(row);
  const signature = keys.join('\u0000');
  let columns = c.headers.get(signature);
  if (columns) return columns;
  columns = new Map();
  const byKey = new Map<string, string>();
  for (const k of keys) if (!byKey.has(columnKey(k))) byKey.set(columnKey(k), k);
  for (const path of mappedPaths(c.mapping)) columns.set(path, path in row ? path : (byKey.get(columnKey(path)) ?? null));
  if (c.headers.size >= MAX_HEADERS) c.headers.clear();
  c.headers.set(signature, columns);
  return columns;
}

interface Reading {
  c: CompiledMapping;
  r: Obj;
  columns: Columns | undefined;
}

/** A scalar, or a list of scalars: what a field can take (an object or a list of objects cannot). */
function usable(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return false;
  if (Array.isArray(v)) return v.length > 0 && (v[0] === null || typeof v[0] !== 'object');
  return typeof v !== 'object';
}

/** The first candidate holding a usable value ("actor" may be an object or a name). */
function value(x: Reading, field: MappedField): unknown {
  const list = x.c.getters[field];
  if (!list) return undefined;
  for (const get of list) {
    const v = get(x.r, x.columns);
    if (usable(v)) return v;
  }
  return undefined;
}

function text(x: Reading, field: MappedField): string | undefined {
  const v = value(x, field);
  return Array.isArray(v) ? str(v[0]) : typeof v === 'boolean' ? String(v) : str(v);
}

function texts(x: Reading, field: MappedField): string[] {
  const v = value(x, field);
  if (Array.isArray(v)) return v.map(str).filter((s): s is string => s !== undefined);
  const s = typeof v === 'boolean' ? String(v) : str(v);
  if (s === undefined) return [];
  const separators = x.c.mapping.scopeSeparators;
  const parts: string[] = [];
  let current = '';
  for (const ch of s) {
    if (separators.includes(ch)) {
      if (current !== '') parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current !== '') parts.push(current);
  return parts;
}

/** The path each field was actually read from in this record (the first candidate holding a value). */
export function usedPaths(c: CompiledMapping, record: unknown): string[] {
  const r = obj(record);
  if (!r) return [];
  const columns = c.mapping.format === 'csv' ? columnsOf(c, r) : undefined;
  const used: string[] = [];
  for (const field of MAPPED_FIELDS) {
    const paths = c.mapping.fields[field];
    const getters = c.getters[field];
    if (paths === undefined || !getters) continue;
    const list = Array.isArray(paths) ? paths : [paths];
    for (let i = 0; i < getters.length; i++) {
      if (!usable(getters[i]!(r, columns))) continue;
      used.push(columns?.get(list[i]!) ?? list[i]!);
      break;
    }
  }
  return used;
}

/** Which paths of a record a mapping may read (every candidate). */
export function mappedPaths(mapping: FieldMapping): string[] {
  return MAPPED_FIELDS.flatMap((f) => {
    const p = mapping.fields[f];
    return p === undefined ? [] : Array.isArray(p) ? p : [p];
  });
}

/** One record through a mapping. Records without any mapped value are still events: nothing is dropped. */
export function applyMapping(c: CompiledMapping, record: unknown, ctx: RecordContext): NormalizeResult {
  const r = obj(record);
  if (!r) return { problem: `record is ${Array.isArray(record) ? 'a JSON array' : `a JSON ${record === null ? 'null' : typeof record}`}, not an object` };
  const m = c.mapping;
  const x: Reading = { c, r, columns: m.format === 'csv' ? columnsOf(c, r) : undefined };
  const action = text(x, 'action') ?? '(no action)';
  const outcomeText = text(x, 'outcome')?.toLowerCase();
  const decisionText = (text(x, 'decision') ?? outcomeText)?.toLowerCase();
  const outcome = outcomeText === undefined ? 'unknown' : m.outcomeValues.success.includes(outcomeText) ? 'success' : m.outcomeValues.failure.includes(outcomeText) ? 'failure' : 'unknown';
  const decision = decisionText === undefined ? null
    : m.decisionValues.allow.includes(decisionText) ? 'allow'
      : m.decisionValues.deny.includes(decisionText) ? 'deny'
        : m.decisionValues.challenge.includes(decisionText) ? 'challenge' : null;
  const agentId = text(x, 'agentId');
  const actorId = text(x, 'actorId');
  const actionClass = m.actionClasses[action] ?? classifyAction(action);
  const jti = text(x, 'jti');
  const event: AccessEvent = makeEvent(ctx, {
    nativeId: text(x, 'nativeId'),
    time: toMicros(value(x, 'time'), m.timeFormat),
    actionNative: action,
    actionClass,
    outcome,
    decision,
    reason: text(x, 'reason'),
    actor: agentId !== undefined
      ? { id: agentId, type: 'agent', name: text(x, 'actorName'), clientId: text(x, 'clientId') }
      : { id: actorId, type: actorId === undefined ? 'unknown' : m.actorType, name: text(x, 'actorName'), clientId: text(x, 'clientId') },
    subjectUser: text(x, 'subjectUser') ?? (agentId !== undefined ? actorId : m.actorType === 'human' ? actorId : undefined),
    credential: credentialOf({
      type: text(x, 'credentialType'),
      id: text(x, 'credentialId') ?? jti,
      jti,
      expires: toMicros(value(x, 'expires')) ?? undefined,
      audience: texts(x, 'audience'),
    }),
    stepUp: decision === 'challenge' || actionClass === 'stepup',
    scopesGranted: texts(x, 'scopes'),
    scopesRequested: texts(x, 'scopesRequested'),
    tenant: text(x, 'tenant'),
    target: { service: text(x, 'target'), operation: text(x, 'operation'), resourceIds: texts(x, 'resourceId') },
    mcp: mcpOf({ server: text(x, 'mcpServer'), method: text(x, 'mcpMethod'), tool: text(x, 'mcpTool'), session: text(x, 'mcpSession'), jsonrpcId: text(x, 'jsonrpcId') }),
    src: { ip: text(x, 'ip'), userAgent: text(x, 'userAgent') },
    correlation: {
      traceId: text(x, 'traceId'),
      spanId: text(x, 'spanId'),
      parentSpanId: text(x, 'parentSpanId'),
      requestId: text(x, 'requestId'),
      transactionId: text(x, 'transactionId'),
      sessionId: text(x, 'sessionId'),
      conversationId: text(x, 'conversationId'),
      toolCallId: text(x, 'toolCallId'),
    },
  });
  return event;
}

/** A mapping from untrusted JSON (a saved file, the dialog): the value or the zod message. */
export function parseFieldMapping(input: unknown): { ok: true; mapping: FieldMapping } | { ok: false; message: string } {
  const parsed = FieldMapping.safeParse(input);
  if (parsed.success) return { ok: true, mapping: parsed.data };
  return { ok: false, message: parsed.error.issues.slice(0, 4).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
}
