// Queue filtering and progress as pure functions over QueueItem rows (which carry
// denormalized title/agent/tags, so nothing here ever needs a transcript body).
import type { QueueItem, QueueStatus } from '../../db/rows.ts';

export interface QueueFilter {
  status: QueueStatus | 'all';
  agent: string | null;
  tag: string | null;
}

export const emptyFilter: QueueFilter = { status: 'all', agent: null, tag: null };

export function matchesFilter(item: QueueItem, f: QueueFilter): boolean {
  if (f.status !== 'all' && item.status !== f.status) return false;
  if (f.agent !== null && item.agentName !== f.agent) return false;
  if (f.tag !== null && !item.tags.includes(f.tag)) return false;
  return true;
}

/** Items are expected in queue order already (loadQueue sorts once). */
export function filterQueue(items: readonly QueueItem[], f: QueueFilter): QueueItem[] {
  if (f.status === 'all' && f.agent === null && f.tag === null) return items.slice();
  return items.filter((i) => matchesFilter(i, f));
}

export interface QueueProgress {
  total: number;
  /** Submitted counts as done. */
  done: number;
  draft: number;
  todo: number;
  /** Set aside without a review (not done, not undone). */
  skipped: number;
  /** Todo items with no response to grade. */
  noResponse: number;
}

export function queueProgress(items: readonly QueueItem[]): QueueProgress {
  let done = 0;
  let draft = 0;
  let skipped = 0;
  let noResponse = 0;
  for (const i of items) {
    if (i.status === 'submitted') done++;
    else if (i.status === 'draft') draft++;
    else if (i.status === 'skipped') skipped++;
    else if (i.noResponse) noResponse++;
  }
  return { total: items.length, done, draft, skipped, noResponse, todo: items.length - done - draft - skipped };
}

/** "82%" for a score in 0..1; "—" when nothing positive was scored. */
export function formatScore(score: number | null | undefined): string {
  return typeof score === 'number' ? `${Math.round(score * 100)}%` : '—';
}

export function queueFacets(items: readonly QueueItem[]): { agents: string[]; tags: string[] } {
  const agents = new Set<string>();
  const tags = new Set<string>();
  for (const i of items) {
    if (i.agentName) agents.add(i.agentName);
    for (const t of i.tags) tags.add(t);
  }
  const sort = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
  return { agents: sort(agents), tags: sort(tags) };
}

/**
 * The next item that is not submitted, after `afterOrder` in queue order, wrapping
 * to the start; never `excludeId` (the one just finished). Items must be in order.
 */
export function pickNextUndone(items: readonly QueueItem[], afterOrder: number, excludeId?: string): QueueItem | undefined {
  const undone = (i: QueueItem) => (i.status === 'todo' || i.status === 'draft') && i.id !== excludeId;
  return items.find((i) => i.order > afterOrder && undone(i)) ?? items.find(undone);
}

/** The queue cursor kept inside a list of `length` rows (0 for an empty list). */
export function clampCursor(cursor: number, length: number): number {
  return Math.max(0, Math.min(cursor, length - 1));
}
