// Timeline columns the auditor can choose. The choice persists per desk (localStorage:
// a UI preference, not evidence); unknown ids from an older build or a shared link are dropped.
import type { EventRow } from '../../logs/engine/contract.ts';

export interface ColumnDef {
  id: string;
  label: string;
  /** Width in px: fixed tracks keep every virtual row aligned with the header. */
  width: number;
  mono?: boolean;
  /** Plain text for a cell; time and decision have their own renderers. */
  text: (row: EventRow) => string;
}

const col = (id: keyof EventRow, label: string, width: number, mono = false): ColumnDef => ({
  id,
  label,
  width,
  mono,
  text: (row) => {
    const v = row[id];
    return Array.isArray(v) ? v.join(', ') : String(v ?? '');
  },
});

/** The time column is always first and cannot be hidden: a timeline without time misleads. */
export const timeColumnId = 'time';

export const allColumns: readonly ColumnDef[] = [
  col('time', 'Time', 184, true),
  { id: 'notes', label: 'Notes', width: 76, text: (r) => [r.starred ? 'starred' : '', r.tags.join(' '), r.hasComment ? 'comment' : ''].join(' ').trim() },
  col('decision', 'Decision', 100),
  col('agent', 'Agent', 170),
  col('actor', 'Actor', 170),
  col('subjectUser', 'On behalf of', 210),
  col('actionNative', 'Action', 240, true),
  col('actionClass', 'Action class', 124),
  col('outcome', 'Outcome', 84),
  col('tenant', 'Tenant', 130),
  col('client', 'Client', 150),
  col('mcpServer', 'MCP server', 140),
  col('tool', 'Tool', 150, true),
  col('targetService', 'Target service', 160),
  col('operation', 'Operation', 140, true),
  col('scopes', 'Scopes', 210, true),
  col('traceId', 'Trace id', 160, true),
  col('toolCallId', 'Tool call id', 150, true),
  col('ip', 'IP', 120, true),
  col('source', 'Source', 180),
  col('id', 'Event id', 170, true),
  col('line', 'Line', 64, true),
];

const byId = new Map(allColumns.map((c) => [c.id, c]));

export const defaultColumns: readonly string[] = ['time', 'notes', 'decision', 'agent', 'subjectUser', 'actionNative', 'tool', 'targetService', 'scopes', 'source'];

export function columnDef(id: string): ColumnDef | undefined {
  return byId.get(id);
}

/** Known ids only, no repeats, time first; an empty choice falls back to the defaults. */
export function normalizeColumns(ids: readonly unknown[]): string[] {
  const known = [...new Set(ids.filter((id): id is string => typeof id === 'string' && byId.has(id) && id !== timeColumnId))];
  return known.length ? [timeColumnId, ...known] : [...defaultColumns];
}

export const columnsStorageKey = 'custody.logs.columns.v1';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): KeyValueStore | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled by policy: the defaults still work
  }
}

export function loadColumns(store: KeyValueStore | undefined = storage()): string[] {
  try {
    const raw = store?.getItem(columnsStorageKey);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return Array.isArray(parsed) ? normalizeColumns(parsed) : [...defaultColumns];
  } catch {
    return [...defaultColumns];
  }
}

export function saveColumns(ids: readonly string[], store: KeyValueStore | undefined = storage()): string[] {
  const normalized = normalizeColumns(ids);
  try {
    store?.setItem(columnsStorageKey, JSON.stringify(normalized));
  } catch {
    // Quota or policy: the choice still applies for this session.
  }
  return normalized;
}

/** Shows or hides one column, keeping the catalogue's order so tables stay predictable. */
export function toggleColumn(current: readonly string[], id: string): string[] {
  if (id === timeColumnId || !byId.has(id)) return normalizeColumns(current);
  const on = current.includes(id) ? current.filter((c) => c !== id) : [...current, id];
  // Hiding the last data column would leave only timestamps: keep it.
  if (!on.some((c) => c !== timeColumnId)) return normalizeColumns(current);
  return normalizeColumns(allColumns.map((c) => c.id).filter((c) => on.includes(c)));
}

/** Fixed tracks, then a filler so rows span the pane when the columns are narrower. */
export function gridTemplate(ids: readonly string[]): string {
  return `${ids.map((id) => `${byId.get(id)?.width ?? 120}px`).join(' ')} minmax(0, 1fr)`;
}
