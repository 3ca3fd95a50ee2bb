// Auditor annotations go to the engine's annotation store, never into the event:
// the raw record and its digest stay exactly as imported.
import type { EventAnnotation, EventRow } from '../../logs/engine/contract.ts';
import { logEngine } from './engine-instance.ts';
import { useLogsUi } from './store.ts';

type Patch = Partial<Omit<EventAnnotation, 'eventId' | 'updatedAt'>>;

export async function annotateEvent(eventId: string, patch: Patch): Promise<EventAnnotation> {
  const saved = await logEngine().annotate(eventId, patch);
  useLogsUi.getState().noted(saved);
  return saved;
}

/** A fetched row with this session's annotation changes laid over it. */
export function withNotes(row: EventRow, note: EventAnnotation | undefined): EventRow {
  if (!note) return row;
  return { ...row, starred: note.starred, tags: note.tags, hasComment: note.comment.trim() !== '' };
}

/** Tags as typed: trimmed, no blanks, no repeats, bounded length. */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().slice(0, 60)).filter(Boolean))];
}
