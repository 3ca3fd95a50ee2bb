// The virtualized timeline: a grid of rows fetched page by page from the engine.
// Text cells are plain text (log content is attacker-controlled), clipped with a title.
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { EventRow } from '../../logs/engine/contract.ts';
import { withNotes } from './annotate.ts';
import { columnDef, fitColumns, gridTemplate, timeColumnId } from './columns.ts';
import { DecisionBadge } from './DecisionBadge.tsx';
import { formatTime, zoneLabel } from './format.ts';
import type { PagedRows } from './row-pages.ts';
import { useLogsUi } from './store.ts';

const rowHeight = 28;
/** Browsers stop laying out near 33.5M px; past this many rows the list asks for a narrower filter. */
export const maxListedRows = 1_000_000;

/** The auditor's own marks, in words: a star, how many tags (named in the tooltip), a comment. */
function Notes({ row }: { row: EventRow }) {
  const parts: string[] = [];
  if (row.starred) parts.push('Starred');
  if (row.tags.length) parts.push(`tags: ${row.tags.join(', ')}`);
  if (row.hasComment) parts.push('has a comment');
  if (!parts.length) return null;
  return (
    <span className="lg-notes" title={parts.join('; ')}>
      {row.starred ? (
        <span className="lg-star" role="img" aria-label="starred">
          ★
        </span>
      ) : null}
      {row.tags.length ? (
        <span className="lg-note-tags">
          {row.tags.length === 1 ? '1 tag' : `${row.tags.length} tags`}
          <span className="sr-only">: {row.tags.join(', ')}</span>
        </span>
      ) : null}
      {row.hasComment ? (
        <span className="lg-note-comment">
          <span aria-hidden="true">✎ </span>comment
        </span>
      ) : null}
    </span>
  );
}

/** Width of the element, kept current (the pane narrows when the drawer opens). */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(Number.POSITIVE_INFINITY);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(el.clientWidth || Number.POSITIVE_INFINITY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

function Cell({ id, row, sourceName }: { id: string; row: EventRow; sourceName: (id: string) => string }) {
  const zone = useLogsUi((s) => s.zone);
  if (id === timeColumnId) return <span className="mono">{formatTime(row.time, zone)}</span>;
  if (id === 'decision') return <DecisionBadge decision={row.decision} />;
  if (id === 'notes') return <Notes row={row} />;
  const def = columnDef(id);
  const text = id === 'source' ? sourceName(row.source) : (def?.text(row) ?? '');
  if (!text) return <span className="faint">—</span>;
  return (
    <span className={def?.mono ? 'mono' : undefined} title={text}>
      {text}
    </span>
  );
}

export interface TimelineProps {
  rows: PagedRows;
  sourceName: (id: string) => string;
  onActivate: (index: number) => void;
  /** Changes with the query (filter, sort, data). */
  resetKey: string;
}

export function Timeline({ rows, sourceName, onActivate, resetKey }: TimelineProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { columns: chosen, lastAdded, sort, setSort, zone, cursor, openRow, setCursor, annotations } = useLogsUi();
  // The table fits its pane: columns that do not fit at their minimum width step aside,
  // least important first, and the note above the table names them.
  const fitted = fitColumns(chosen, useWidth(scrollRef), lastAdded);
  const columns = fitted.shown;
  const total = Math.min(rows.total ?? 0, maxListedRows);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 24 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  const { ensure } = rows;
  useEffect(() => {
    ensure(first, last);
  }, [ensure, first, last]);
  useEffect(() => {
    if (total) virtualizer.scrollToIndex(Math.min(cursor, total - 1), { align: 'auto' });
  }, [cursor, total, virtualizer]);
  // A new result starts at its top, wherever the last one was scrolled to.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const template = gridTemplate(columns);
  const timeSort = sort === 'time-asc' ? 'ascending' : 'descending';

  const hiddenLabels = fitted.hidden.map((id) => columnDef(id)?.label ?? id);
  const rowWidth = { minWidth: fitted.minWidth };

  return (
    <div className="lg-timeline">
      {hiddenLabels.length ? (
        <p className="lg-hidden-cols faint" data-testid="hidden-columns">
          Hidden to fit this width: {hiddenLabels.join(', ')}. {openRow !== null ? 'Close the event drawer or widen the window to show them.' : 'Widen the window to show them.'}
        </p>
      ) : null}
      <div
        className="lg-scroll"
        ref={scrollRef}
        tabIndex={0}
        role="grid"
        aria-label="Events"
        aria-description="j / k to move, Enter to open, s to star"
        aria-readonly="true"
        aria-rowcount={total + 1}
        data-timeline
      >
        <div className="lg-row lg-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, ...rowWidth }}>
          {columns.map((id) =>
            id === timeColumnId ? (
              <div key={id} role="columnheader" aria-sort={timeSort}>
                <button
                  type="button"
                  className="lg-sort"
                  onClick={() => setSort(sort === 'time-asc' ? 'time-desc' : 'time-asc')}
                  title="Sort by time"
                >
                  Time ({zoneLabel(zone)}) <span aria-hidden="true">{sort === 'time-asc' ? '▲' : '▼'}</span>
                  <span className="sr-only">{sort === 'time-asc' ? 'oldest first' : 'newest first'}</span>
                </button>
              </div>
            ) : id === 'notes' ? (
              <div key={id} role="columnheader" title="Auditor notes: your stars, tags and comments (kept apart from the evidence)">
                {columnDef(id)?.label ?? id}
              </div>
            ) : (
              <div key={id} role="columnheader">
                {columnDef(id)?.label ?? id}
              </div>
            ),
          )}
        </div>
        <div className="lg-body" style={{ height: virtualizer.getTotalSize(), ...rowWidth }} role="rowgroup">
          {items.map((item) => {
            const fetched = rows.rowAt(item.index);
            // Notes changed this session show at once, without refetching the page.
            const row = fetched && withNotes(fetched, annotations[fetched.id]);
            const selected = item.index === cursor;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className="lg-row"
                data-open={row !== undefined && row.row === openRow ? true : undefined}
                data-tone={row?.decision || undefined}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, ...rowWidth }}
                onClick={() => {
                  setCursor(item.index);
                  onActivate(item.index);
                }}
              >
                {row ? (
                  columns.map((id) => (
                    <div key={id} role="gridcell" className={`lg-cell lg-c-${id}`}>
                      <Cell id={id} row={row} sourceName={sourceName} />
                    </div>
                  ))
                ) : (
                  <div role="gridcell" className="lg-cell faint">
                    loading…
                  </div>
                )}
              </div>
            );
          })}
        </div>
        {(rows.total ?? 0) > total ? (
          <p className="lg-more-rows muted">
            Showing the first {total.toLocaleString('en-US')} of {(rows.total ?? 0).toLocaleString('en-US')} events: narrow the filter, zoom the
            histogram or reverse the sort to reach the rest.
          </p>
        ) : null}
      </div>
    </div>
  );
}
