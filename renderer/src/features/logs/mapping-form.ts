// The column-mapping form for generic JSONL / CSV logs, as pure data: which column feeds
// each normalized field, how to read times, decisions and scopes, and what is wrong with it.
import { toMicros, type TimeFormat } from '../../../../shared/formats/access-logs/time.ts';
import { parseFieldMapping, type FieldMapping, type MappedField } from '../../../../shared/formats/access-logs/mapping.ts';
import type { ActorType } from '../../../../shared/model/access-event.ts';

/**
 * Normalized fields a mapping can fill, in the order the dialog shows them. Ids are the
 * shared FieldMapping's field names (shared/formats/access-logs/mapping.ts).
 */
export const mappingTargets = [
  { id: 'time', label: 'Time', required: true },
  { id: 'actorId', label: 'Actor (who acted)', required: true },
  { id: 'agentId', label: 'Agent id (when the actor column names the user)', required: false },
  { id: 'clientId', label: 'Client id', required: false },
  { id: 'subjectUser', label: 'On behalf of (user)', required: false },
  { id: 'action', label: 'Action', required: true },
  { id: 'decision', label: 'Decision', required: false },
  { id: 'outcome', label: 'Outcome', required: false },
  { id: 'reason', label: 'Reason', required: false },
  { id: 'target', label: 'Target service', required: false },
  { id: 'operation', label: 'Operation', required: false },
  { id: 'mcpServer', label: 'MCP server', required: false },
  { id: 'mcpTool', label: 'Tool', required: false },
  { id: 'scopes', label: 'Scopes granted', required: false },
  { id: 'credentialId', label: 'Credential id', required: false },
  { id: 'expires', label: 'Credential expiry', required: false },
  { id: 'tenant', label: 'Tenant', required: false },
  { id: 'traceId', label: 'Trace id', required: false },
  { id: 'sessionId', label: 'Session id', required: false },
  { id: 'requestId', label: 'Request id', required: false },
  { id: 'toolCallId', label: 'Tool call id', required: false },
  { id: 'ip', label: 'Source IP', required: false },
  { id: 'nativeId', label: 'Event id', required: false },
] as const satisfies readonly { id: MappedField; label: string; required: boolean }[];

export type MappingTarget = (typeof mappingTargets)[number]['id'];

export const timeFormats: { id: TimeFormat; label: string }[] = [
  { id: 'auto', label: 'Detect (ISO-8601 or epoch)' },
  { id: 'iso', label: 'ISO-8601 / RFC 3339' },
  { id: 'epoch-s', label: 'Epoch seconds' },
  { id: 'epoch-ms', label: 'Epoch milliseconds' },
  { id: 'epoch-us', label: 'Epoch microseconds' },
  { id: 'epoch-ns', label: 'Epoch nanoseconds' },
];

export interface MappingForm {
  name: string;
  /** Column name (CSV) or dotted path (JSON) per target; "" = not mapped. */
  columns: Partial<Record<MappingTarget, string>>;
  timeFormat: TimeFormat;
  /** What the actor column names (an agent column, when mapped, wins). */
  actorType: ActorType;
  /** Source values (comma-separated, case-insensitive) meaning each decision. */
  decisionValues: { allow: string; deny: string; challenge: string };
  /** Characters that separate scopes inside one value. */
  scopesSeparator: string;
}

export const scopeSeparatorChoices = [
  { value: ' ,', label: 'space or comma' },
  { value: ' ', label: 'space' },
  { value: ',', label: 'comma' },
  { value: ';', label: 'semicolon' },
  { value: '|', label: 'pipe' },
];

export function emptyMappingForm(): MappingForm {
  return {
    name: '',
    columns: {},
    timeFormat: 'auto',
    actorType: 'agent',
    decisionValues: { allow: 'allow, allowed, granted, permit', deny: 'deny, denied, blocked, forbidden', challenge: 'challenge, mfa_required, step_up' },
    scopesSeparator: ' ,',
  };
}

export type MappingErrors = Partial<Record<'name' | MappingTarget | 'decisionValues' | 'scopesSeparator', string>>;

export function splitValues(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
}

/** Reads a dotted path in a preview record; CSV rows are flat, so the path is the column. */
export function cell(record: Record<string, unknown>, path: string): unknown {
  if (path in record) return record[path];
  let cur: unknown = record;
  for (const step of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[step];
  }
  return cur;
}

/**
 * What keeps the form from saving. `columns` are the ones seen in the preview and `rows`
 * the preview records: a time column that parses in none of them is an error now, not a
 * thousand problems after import.
 */
export function validateMapping(form: MappingForm, columns: readonly string[], rows: readonly Record<string, unknown>[], takenNames: readonly string[] = []): MappingErrors {
  const errors: MappingErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = 'Give the mapping a name to find it again.';
  else if (name.length > 100) errors.name = 'At most 100 characters.';
  else if (takenNames.some((n) => n.toLowerCase() === name.toLowerCase())) errors.name = 'A mapping with this name exists; choose another name.';

  for (const t of mappingTargets) {
    const col = form.columns[t.id]?.trim();
    if (!col) {
      if (t.required) errors[t.id] = `Choose the column for ${t.label.toLowerCase()}.`;
      continue;
    }
    if (columns.length && !columns.includes(col)) errors[t.id] = `"${col}" is not a column of this file.`;
  }

  const timeCol = form.columns.time?.trim();
  if (timeCol && !errors.time && rows.length) {
    const values = rows.map((r) => cell(r, timeCol)).filter((v) => v !== undefined && v !== null && v !== '');
    const parsed = values.filter((v) => toMicros(v, form.timeFormat) !== null);
    if (values.length === 0) errors.time = `"${timeCol}" is empty in the preview rows.`;
    else if (parsed.length === 0) errors.time = `"${timeCol}" does not read as ${timeFormats.find((f) => f.id === form.timeFormat)?.label ?? form.timeFormat} (e.g. "${String(values[0]).slice(0, 40)}").`;
  }

  if (form.columns.decision?.trim()) {
    const seen = new Map<string, string>();
    const lists = Object.entries(form.decisionValues) as [keyof MappingForm['decisionValues'], string][];
    if (lists.every(([, text]) => splitValues(text).length === 0)) errors.decisionValues = 'List at least one value for allow, deny or challenge.';
    for (const [decision, text] of lists) {
      for (const v of splitValues(text)) {
        const other = seen.get(v);
        if (other && other !== decision) errors.decisionValues = `"${v}" is listed for both ${other} and ${decision}.`;
        seen.set(v, decision);
      }
    }
  }

  if (form.columns.scopes?.trim() && form.scopesSeparator === '') errors.scopesSeparator = 'Say what separates scopes (a space, a comma…).';
  return errors;
}

export function isValid(errors: MappingErrors): boolean {
  return Object.keys(errors).length === 0;
}

/** Column names that usually mean a field, for a first guess the auditor then checks. */
const hints: [MappingTarget, RegExp][] = [
  ['time', /^(time|timestamp|ts|@timestamp|date|datetime|event_?time|occurred|published|created_?at)$/i],
  ['actorId', /^(actor|actor_?id|principal|user_?id|username|identity|caller|sub)$/i],
  ['agentId', /^(agent|agent_?id)$/i],
  ['clientId', /^(client|client_?id|app|app_?id|application)$/i],
  ['subjectUser', /^(on_?behalf_?of|subject|subject_?user|delegator|end_?user|user)$/i],
  ['action', /^(action|event|event_?type|event_?name|operation_?name|activity|method)$/i],
  ['decision', /^(decision|verdict|authz|effect|allowed)$/i],
  ['outcome', /^(outcome|result|status)$/i],
  ['reason', /^(reason|message|detail|error)$/i],
  ['target', /^(target|service|resource|target_?service|audience|api)$/i],
  ['operation', /^(operation|op|endpoint|path)$/i],
  ['mcpServer', /^(mcp_?server|server)$/i],
  ['mcpTool', /^(tool|tool_?name|function)$/i],
  ['scopes', /^(scopes?|scp|permissions|grants?)$/i],
  ['credentialId', /^(credential|credential_?id|token_?id|jti|key_?id|access_?key_?id)$/i],
  ['expires', /^(expires|exp|expires_?at|expiry)$/i],
  ['tenant', /^(tenant|tenant_?id|org|org_?id|organization|account)$/i],
  ['traceId', /^(trace_?id|traceid|trace)$/i],
  ['sessionId', /^(session|session_?id|mcp_?session)$/i],
  ['requestId', /^(request_?id|req_?id|correlation_?id)$/i],
  ['toolCallId', /^(tool_?call_?id)$/i],
  ['ip', /^(ip|ip_?address|src_?ip|source_?ip|remote_?addr(ess)?|client_?ip)$/i],
  ['nativeId', /^(id|event_?id|uuid|log_?id)$/i],
];

/** Fills unmapped targets from column names; each column is used once. */
export function suggestColumns(columns: readonly string[], current: MappingForm['columns'] = {}): MappingForm['columns'] {
  const out = { ...current };
  const used = new Set(Object.values(out).filter(Boolean));
  for (const [target, re] of hints) {
    if (out[target]) continue;
    const leaf = (c: string) => c.split('.').pop() ?? c;
    const hit = columns.find((c) => !used.has(c) && re.test(leaf(c)));
    if (hit) {
      out[target] = hit;
      used.add(hit);
    }
  }
  return out;
}

/** The form as the shared FieldMapping, validated by its own schema (the engine applies it). */
export function toFieldMapping(form: MappingForm, format: FieldMapping['format']): { ok: true; mapping: FieldMapping } | { ok: false; message: string } {
  const fields = Object.fromEntries(Object.entries(form.columns).filter((e): e is [string, string] => Boolean(e[1]?.trim())).map(([k, c]) => [k, c.trim()]));
  return parseFieldMapping({
    version: 1,
    name: form.name.trim(),
    format,
    fields,
    timeFormat: form.timeFormat,
    actorType: form.actorType,
    scopeSeparators: form.scopesSeparator || ' ,',
    decisionValues: {
      allow: splitValues(form.decisionValues.allow),
      deny: splitValues(form.decisionValues.deny),
      challenge: splitValues(form.decisionValues.challenge),
    },
  });
}
