// Event ids are `<sourceId>:<record>` (or `<record>.<part>`), so the row of an id is found
// by binary search: over its source's chunks by their first and last ids (in the catalog),
// then within the one chunk that can hold it — no id → row map for a million events, and
// one chunk's ids read.
import { packedAt } from './columns.ts';
import type { EventStore, LoadedChunk } from './store.ts';

export function eventIdOf(store: EventStore, row: number): string {
  const chunk = store.chunkOf(row);
  const local = packedAt(store.display(chunk).packed.eventId, row - chunk.base);
  return local.includes(':') ? local : `${chunk.sourceId}:${local}`;
}

/** [record, part] of a local id like "17" or "17.2"; NaN when not numeric. */
function ordinalOf(local: string): [number, number] {
  const dot = local.indexOf('.');
  return dot < 0 ? [Number(local), 0] : [Number(local.slice(0, dot)), Number(local.slice(dot + 1))];
}

function compare(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

function searchChunk(store: EventStore, chunk: LoadedChunk, key: [number, number], local: string): number {
  const ids = store.display(chunk).packed.eventId;
  let lo = 0;
  let hi = chunk.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const here = packedAt(ids, mid);
    if (here === local) return chunk.base + mid;
    const d = compare(ordinalOf(here), key);
    if (Number.isNaN(d)) break;
    if (d < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  // Ids that are not record numbers: scan (only for such sources).
  for (let i = 0; i < chunk.count; i++) if (packedAt(ids, i) === local) return chunk.base + i;
  return -1;
}

export function rowOfEventId(store: EventStore, eventId: string): number {
  const colon = eventId.indexOf(':');
  if (colon < 0) return -1;
  const sourceId = eventId.slice(0, colon);
  const local = eventId.slice(colon + 1);
  const key = ordinalOf(local);
  const numeric = !Number.isNaN(key[0]) && !Number.isNaN(key[1]);
  for (const chunk of store.chunks) {
    if (chunk.sourceId !== sourceId || chunk.count === 0) continue;
    if (numeric) {
      const first = ordinalOf(chunk.row.firstId);
      const last = ordinalOf(chunk.row.lastId);
      if (compare(key, first) < 0 || compare(key, last) > 0) continue;
    }
    const row = searchChunk(store, chunk, key, local);
    if (row >= 0) return row;
  }
  return -1;
}
