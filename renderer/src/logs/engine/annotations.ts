// Auditor annotations (star, tags, comment), kept apart from the evidence: their own
// table keyed by event id, never written into chunks or raw records. In memory they set
// per-row flags (starred / commented / tagged) that filters test like any column.
import type { CustodyDb } from '../../db/database.ts';
import type { EventAnnotationRow } from '../../db/rows.ts';
import type { EventAnnotation } from './contract.ts';
import { newBitset, setBit, type Bitset } from './bitset.ts';
import { rowOfEventId } from './event-ids.ts';
import { COMMENTED, STARRED, TAGGED, type EventStore } from './store.ts';

export type AnnotationPatch = Partial<Omit<EventAnnotation, 'eventId' | 'updatedAt'>>;

export class Annotations {
  private readonly byId = new Map<string, EventAnnotationRow>();
  /** Rows of annotated events in the current store (an id may be absent: source removed). */
  private readonly rowOf = new Map<string, number>();

  async load(db: CustodyDb): Promise<void> {
    this.byId.clear();
    for (const a of await db.eventAnnotations.toArray()) this.byId.set(a.eventId, a);
  }

  /** Recomputes rows and flags after the store changed (open, ingest, removal). */
  attach(store: EventStore): void {
    this.rowOf.clear();
    store.flags.fill(0);
    for (const a of this.byId.values()) {
      const row = rowOfEventId(store, a.eventId);
      if (row < 0) continue;
      this.rowOf.set(a.eventId, row);
      store.flags[row] = flagsOf(a);
    }
    store.touch();
  }

  get(eventId: string): EventAnnotationRow | undefined {
    return this.byId.get(eventId);
  }

  async put(db: CustodyDb, store: EventStore, eventId: string, patch: AnnotationPatch, now: () => Date): Promise<EventAnnotation> {
    const prev = this.byId.get(eventId);
    const next: EventAnnotationRow = {
      eventId,
      starred: patch.starred ?? prev?.starred ?? false,
      tags: normalizeTags(patch.tags ?? prev?.tags ?? []),
      comment: patch.comment ?? prev?.comment ?? '',
      updatedAt: now().toISOString(),
    };
    const empty = !next.starred && next.tags.length === 0 && next.comment.trim() === '';
    if (empty) await db.eventAnnotations.delete(eventId);
    else await db.eventAnnotations.put(next);
    if (empty) this.byId.delete(eventId);
    else this.byId.set(eventId, next);
    let row = this.rowOf.get(eventId);
    if (row === undefined) {
      const found = rowOfEventId(store, eventId);
      if (found >= 0) this.rowOf.set(eventId, (row = found));
    }
    if (row !== undefined) store.flags[row] = empty ? 0 : flagsOf(next);
    store.touch();
    return { eventId, starred: next.starred, tags: next.tags, comment: next.comment, updatedAt: next.updatedAt };
  }

  /** Rows carrying `tag`. */
  tagBits(tag: string, rows: number): Bitset {
    const bits = newBitset(rows);
    for (const [id, row] of this.rowOf) if (this.byId.get(id)?.tags.includes(tag)) setBit(bits, row);
    return bits;
  }

  /** Every tag in use, with how many events carry it. */
  tagCounts(): { value: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const a of this.byId.values()) for (const t of a.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  }
}

function flagsOf(a: EventAnnotationRow): number {
  return (a.starred ? STARRED : 0) | (a.comment.trim() !== '' ? COMMENTED : 0) | (a.tags.length > 0 ? TAGGED : 0);
}

function normalizeTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))].sort();
}
