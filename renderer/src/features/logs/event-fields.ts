// The normalized event, grouped the way an auditor asks about it: what happened, who,
// on whose behalf, with which credential and scopes, against what, through which MCP
// server, and how it correlates. Every value becomes plain text.
export interface FieldLine {
  path: string;
  value: string;
}

export interface FieldGroup {
  id: string;
  title: string;
  fields: FieldLine[];
}

/** Top-level keys of the AccessEvent (shared/model/access-event.ts) per group, in reading order. */
const groups: { id: string; title: string; keys: string[] }[] = [
  { id: 'what', title: 'What', keys: ['time', 'actionNative', 'actionClass', 'outcome', 'decision', 'reason', 'stepUp'] },
  { id: 'who', title: 'Who', keys: ['actor'] },
  { id: 'behalf', title: 'On whose behalf', keys: ['subjectUser', 'delegation'] },
  { id: 'credential', title: 'Credential', keys: ['credential', 'mfa'] },
  { id: 'scopes', title: 'Scopes', keys: ['scopesGranted', 'scopesRequested'] },
  { id: 'target', title: 'Target', keys: ['target', 'tenant'] },
  { id: 'mcp', title: 'MCP', keys: ['mcp'] },
  { id: 'correlation', title: 'Correlation', keys: ['correlation', 'src'] },
  { id: 'origin', title: 'Origin', keys: ['id', 'nativeId', 'source', 'rawDigest', 'unmapped'] },
];

/** Shown elsewhere (the raw tree) or not a field. */
const skipped = new Set(['raw']);

/** Keys whose number values are µs timestamps. */
const timeKeys = new Set(['time', 'issued', 'expires']);

function scalarText(key: string, value: unknown, formatMicros: (us: number) => string): string {
  if (typeof value === 'number' && timeKeys.has(key)) return formatMicros(value);
  if (value === null) return '—';
  return String(value);
}

function flatten(path: string, key: string, value: unknown, out: FieldLine[], formatMicros: (us: number) => string): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    if (value.length === 0) return;
    if (value.every((v) => v === null || typeof v !== 'object')) {
      out.push({ path, value: value.map((v) => String(v)).join(', ') });
      return;
    }
    value.forEach((v, i) => flatten(`${path}[${i}]`, key, v, out, formatMicros));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(`${path}.${k}`, k, v, out, formatMicros);
    return;
  }
  if (value === '') return;
  out.push({ path, value: scalarText(key, value, formatMicros) });
}

export function groupFields(normalized: Record<string, unknown>, formatMicros: (us: number) => string): FieldGroup[] {
  const placed = new Set<string>(skipped);
  const out: FieldGroup[] = [];
  for (const g of groups) {
    const fields: FieldLine[] = [];
    for (const key of g.keys) {
      placed.add(key);
      flatten(key, key, normalized[key], fields, formatMicros);
    }
    if (fields.length) out.push({ id: g.id, title: g.title, fields });
  }
  // Anything a newer reader adds still shows, never silently dropped.
  const rest: FieldLine[] = [];
  for (const [key, value] of Object.entries(normalized)) if (!placed.has(key)) flatten(key, key, value, rest, formatMicros);
  if (rest.length) out.push({ id: 'other', title: 'Other', fields: rest });
  return out;
}
