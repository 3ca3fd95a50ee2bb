// Timeline rows fetched page by page as the auditor scrolls: only what is on screen
// (plus a margin) is ever asked of the engine, so a million events scroll like ten.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventFilter, EventRow, SortOrder } from '../../logs/engine/contract.ts';
import { logEngine } from './engine-instance.ts';

export const pageSize = 200;

export interface PagedRows {
  total: number | undefined;
  error: string | undefined;
  rowAt: (index: number) => EventRow | undefined;
  /** Fetches the pages covering [start, end] that are not loaded yet. */
  ensure: (start: number, end: number) => void;
  /** Applies an annotation change to loaded rows without refetching. */
  patch: (eventId: string, change: Partial<EventRow>) => void;
  /** Resolves once the row at `index` is loaded (for keys pressed before it scrolled in). */
  load: (index: number) => Promise<EventRow | undefined>;
}

export function usePagedRows(filter: EventFilter, sort: SortOrder, key: string, enabled = true): PagedRows {
  // `fresh` fills for the current key; `shown` is what the table draws. They differ only
  // between a filter change and its first page, so the old rows stay instead of a blank.
  const fresh = useRef(new Map<number, EventRow[]>());
  const shown = useRef(fresh.current);
  const pending = useRef(new Map<number, Promise<void>>());
  const generation = useRef(0);
  const [total, setTotal] = useState<number>();
  const [error, setError] = useState<string>();
  const [, setTick] = useState(0);

  const fetchPage = useCallback(
    (page: number): Promise<void> => {
      const existing = pending.current.get(page);
      if (existing) return existing;
      const gen = generation.current;
      const target = fresh.current;
      const p = logEngine()
        .query(filter, sort, page * pageSize, pageSize)
        .then(
          (res) => {
            if (gen !== generation.current) return; // a newer filter took over
            target.set(page, res.rows);
            shown.current = target;
            setTotal(res.total);
            setError(undefined);
            setTick((t) => t + 1);
          },
          (err: unknown) => {
            if (gen !== generation.current) return;
            pending.current.delete(page);
            setError(err instanceof Error ? err.message : String(err));
          },
        );
      pending.current.set(page, p);
      return p;
    },
    // `key` covers filter, sort and data versions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  useEffect(() => {
    generation.current += 1;
    fresh.current = new Map();
    pending.current = new Map();
    if (enabled) void fetchPage(0);
  }, [fetchPage, enabled]);

  const ensure = useCallback(
    (start: number, end: number) => {
      if (!enabled || total === undefined || total === 0) return;
      const last = Math.min(end, total - 1);
      for (let page = Math.floor(Math.max(0, start) / pageSize); page <= Math.floor(last / pageSize); page++) {
        if (!pending.current.has(page)) void fetchPage(page);
      }
    },
    [fetchPage, total, enabled],
  );

  const rowAt = useCallback((index: number) => shown.current.get(Math.floor(index / pageSize))?.[index % pageSize], []);

  const patch = useCallback((eventId: string, change: Partial<EventRow>) => {
    for (const rows of shown.current.values()) {
      const i = rows.findIndex((r) => r.id === eventId);
      if (i >= 0) rows[i] = { ...rows[i]!, ...change };
    }
    setTick((t) => t + 1);
  }, []);

  const load = useCallback(
    async (index: number) => {
      await fetchPage(Math.floor(index / pageSize));
      return rowAt(index);
    },
    [fetchPage, rowAt],
  );

  return { total, error, rowAt, ensure, patch, load };
}
