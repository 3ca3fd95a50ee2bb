// Timeline columns the auditor can choose. The choice persists per desk (localStorage:
// a UI preference, not evidence); unknown ids from an older build or a shared link are dropped.
import type { EventRow } from '../../logs/engine/contract.ts';

export interface ColumnDef {
  id: string;
  label: string;
  /** Preferred width in px; spare room is shared in proportion to it. */
  width: number;
  /** Narrowest useful width in px: below this the column is hidden rather than crushed. */
  min: number;
  /** Lower stays longer when the pane is narrow (the drawer open): the audit question first. */
  priority: number;
  mono?: boolean;
  /** Plain text for a cell; time and decision have their own renderers. */
  text: (row: EventRow) => string;
}

const col = (id: keyof EventRow, label: string, width: number, min: number, priority: number, mono = false): ColumnDef => ({
  id,
  label,
  width,
  min,
  priority,
  mono,
  text: (row) => {
    const v = row[id];
    return Array.isArray(v) ? v.join(', ') : String(v ?? '');
  },
});

/** The time column is always first and cannot be hidden: a timeline without time misleads. */
export const timeColumnId = 'time';

export const allColumns: readonly ColumnDef[] = [
  col('time', 'Time', 184, 172, 0, true),
  {
    id: 'notes',
    label: 'Notes',
    width: 120,
    min: 92,
    priority: 6,
    text: (r) => [r.starred ? 'starred' : '', r.tags.length ? `tags: ${r.tags.join(', ')}` : '', r.hasComment ? 'commented' : ''].filter(Boolean).join('; '),
  },
  col('decision', 'Decision', 100, 84, 1),
  col('agent', 'Agent', 170, 110, 3),
  col('actor', 'Actor', 170, 110, 5),
  col('subjectUser', 'On behalf of', 210, 130, 4),
  col('actionNative', 'Action', 240, 150, 2, true),
  col('actionClass', 'Action class', 124, 96, 7),
  col('outcome', 'Outcome', 84, 72, 8),
  col('tenant', 'Tenant', 130, 90, 12),
  col('client', 'Client', 150, 100, 11),
  col('mcpServer', 'MCP server', 140, 100, 9),
  col('tool', 'Tool', 150, 100, 8, true),
  col('targetService', 'Target service', 160, 110, 9),
  col('operation', 'Operation', 140, 100, 10, true),
  col('scopes', 'Scopes', 210, 110, 10, true),
  col('traceId', 'Trace id', 160, 110, 13, true),
  col('toolCallId', 'Tool call id', 150, 110, 13, true),
  col('ip', 'IP', 120, 100, 14, true),
  col('source', 'Source', 180, 110, 12),
  col('id', 'Event id', 170, 110, 15, true),
  col('line', 'Line', 64, 56, 15, true),
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

export interface FittedColumns {
  shown: string[];
  /** Chosen columns left out because the pane is too narrow for them, most important first. */
  hidden: string[];
  /** Sum of the shown columns' minimum widths (px): the row never gets narrower. */
  minWidth: number;
}

/**
 * The chosen columns that fit `available` px at their minimum widths, taken by priority
 * (time, decision, action, agent, on behalf of … first; `prefer`, the one just turned on,
 * right after the first two), shown in the chosen order. Time and the next most important
 * column are always kept.
 */
export function fitColumns(ids: readonly string[], available: number, prefer?: string): FittedColumns {
  const known = ids.filter((id) => byId.has(id));
  const ranked = [...known].sort((a, b) => byId.get(a)!.priority - byId.get(b)!.priority || known.indexOf(a) - known.indexOf(b));
  // The column the auditor just turned on comes right after the two always kept: choosing
  // it and not seeing it would be a surprise.
  if (prefer && ranked.indexOf(prefer) > 2) ranked.splice(2, 0, ...ranked.splice(ranked.indexOf(prefer), 1));
  const keep = new Set<string>();
  let used = 0;
  for (const id of ranked) {
    const min = byId.get(id)!.min;
    if (keep.size >= 2 && used + min > available) continue;
    keep.add(id);
    used += min;
  }
  return { shown: known.filter((id) => keep.has(id)), hidden: ranked.filter((id) => !keep.has(id)), minWidth: used };
}

/** Flexible tracks: each at least its minimum, spare room shared in proportion to the preferred width. */
export function gridTemplate(ids: readonly string[]): string {
  return ids.map((id) => `minmax(${byId.get(id)?.min ?? 100}px, ${byId.get(id)?.width ?? 120}fr)`).join(' ');
}
