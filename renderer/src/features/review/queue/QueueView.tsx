// The annotator's queue: progress, filters and a virtualized list that stays fast
// at 10,000 items (rows come from the queue table only, never transcript bodies).
import { useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { db } from '../../../db/database.ts';
import { useLiveQuery } from '../../../common/live-query.ts';
import type { QueueItem } from '../../../db/rows.ts';
import { goNextUndone, openItem } from '../actions.ts';
import { MARK, markOnce } from '../perf.ts';
import { clampCursor, filterQueue, formatScore, queueFacets, queueProgress } from '../queue-filter.ts';
import { loadQueue, loadRubricTitles } from '../review-data.ts';
import { useReview } from '../store.ts';
import { QueueFilters } from './QueueFilters.tsx';

const rowHeight = 44;
const statusText = { todo: 'To do', draft: 'Draft', submitted: 'Submitted', skipped: 'Skipped' } as const;

function Row({ item, rubric, selected, onOpen }: { item: QueueItem; rubric: string | undefined; selected: boolean; onOpen: () => void }) {
  return (
    <div
      role="option"
      id={`rv-q-${item.order}`}
      aria-selected={selected}
      className="rv-qrow"
      data-status={item.status}
      onClick={onOpen}
    >
      <span className="rv-qdot" aria-hidden="true" />
      <span className="rv-qtitle">
        {item.noResponse && item.status !== 'submitted' ? (
          <span className="rv-qhint" title="The transcript has a prompt but no response to grade; open it to skip (g s).">
            No response to grade
          </span>
        ) : null}
        {item.title || item.transcriptId}
      </span>
      <span className="rv-qagent">{item.agentName}</span>
      <span className="rv-qtags">
        {item.tags.slice(0, 3).map((t) => (
          <span key={t} className="rv-tag">
            {t}
          </span>
        ))}
      </span>
      <span className="rv-qrubric">{rubric ?? ''}</span>
      <span className="rv-qstatus">
        {statusText[item.status]}
        {item.status === 'submitted' && item.score !== undefined ? (
          <span className="rv-qscore" data-testid="queue-score" title="Score of the submitted review">
            {' '}
            {formatScore(item.score)}
          </span>
        ) : null}
      </span>
    </div>
  );
}

export function QueueView({ annotatorName }: { annotatorName: string }) {
  const opened = useRef(false);
  if (!opened.current) {
    opened.current = true;
    markOnce(MARK.queueOpen);
  }
  const annotatorId = useReview((s) => s.annotatorId);
  const filter = useReview((s) => s.queueFilter);
  const cursor = useReview((s) => s.queueCursor);
  const items = useLiveQuery(() => (annotatorId ? loadQueue(db(), annotatorId) : []), [annotatorId]);
  const titles = useLiveQuery(() => loadRubricTitles(db()), [], new Map<string, string>());
  const filtered = useMemo(() => (items ? filterQueue(items, filter) : []), [items, filter]);
  const progress = useMemo(() => queueProgress(items ?? []), [items]);
  const facets = useMemo(() => queueFacets(items ?? []), [items]);
  const scrollerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Until the queue has loaded there is nothing to clamp to: keep the cursor where the
    // desk left it (the item just reviewed), or `g q` would land on row 1.
    if (items === undefined) return;
    useReview.setState((s) => ({ queueList: filtered, queueCursor: clampCursor(s.queueCursor, filtered.length) }));
  }, [items, filtered]);

  const virtualizer = useVirtualizer({
    count: filtered.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();

  useEffect(() => {
    if (items !== undefined) requestAnimationFrame(() => markOnce(MARK.queuePainted));
  }, [items]);

  // Arriving on the screen puts the keyboard in the list (as a route change would),
  // unless the user is already in a form control.
  const hasList = filtered.length > 0;
  useEffect(() => {
    const active = document.activeElement;
    if (hasList && !active?.closest('input, textarea, select, [role="dialog"]')) scrollerRef.current?.focus({ preventScroll: true });
  }, [hasList]);

  useEffect(() => {
    if (filtered.length) virtualizer.scrollToIndex(Math.min(cursor, filtered.length - 1), { align: 'auto' });
  }, [cursor, filtered.length, virtualizer]);

  const pct = progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  const activeId = filtered[cursor] ? `rv-q-${filtered[cursor].order}` : undefined;

  return (
    <section className="rv-queue" aria-label="Review queue">
      <header className="rv-queue-head">
        <div>
          <h1 className="rv-h1">Review queue</h1>
          <div className="rv-muted">{annotatorName}</div>
        </div>
        <div className="rv-queue-progress" aria-label="Progress">
          <div className="rv-progress-text">
            <strong data-testid="queue-done">{progress.done.toLocaleString()}</strong> of {progress.total.toLocaleString()} submitted
            {progress.draft ? <span className="rv-muted"> · {progress.draft.toLocaleString()} in draft</span> : null}
            {progress.skipped ? <span className="rv-muted"> · {progress.skipped.toLocaleString()} skipped</span> : null}
            {progress.noResponse ? (
              <span className="rv-muted" data-testid="queue-no-response">
                {' '}
                · {progress.noResponse.toLocaleString()} with no response to grade
              </span>
            ) : null}
          </div>
          <div className="rv-progress rv-progress-wide" aria-hidden="true">
            <span style={{ width: `${pct}%` }} />
          </div>
        </div>
        <button type="button" className="rv-button rv-primary" onClick={() => void goNextUndone()} disabled={progress.todo + progress.draft === 0}>
          Next undone <kbd>]</kbd>
        </button>
      </header>
      <QueueFilters filter={filter} facets={facets} progress={progress} shown={filtered.length} />
      {items === undefined ? (
        <p className="rv-empty">Loading the queue…</p>
      ) : !items.length ? (
        <p className="rv-empty">Nothing to review yet. Import transcripts in the Library; each one joins this queue once per rubric.</p>
      ) : !filtered.length ? (
        <p className="rv-empty">No items match these filters.</p>
      ) : (
        <div
          className="rv-qlist"
          ref={scrollerRef}
          role="listbox"
          aria-label="Queue items"
          tabIndex={0}
          aria-activedescendant={activeId}
          data-testid="queue-list"
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {rows.map((r) => {
              const item = filtered[r.index]!;
              return (
                <div key={item.id} className="rv-qslot" style={{ height: rowHeight, transform: `translateY(${r.start}px)` }}>
                  <Row
                    item={item}
                    rubric={titles.get(item.rubricHash)}
                    selected={r.index === cursor}
                    onOpen={() => {
                      useReview.setState({ queueCursor: r.index });
                      void openItem(item.id);
                    }}
                  />
                </div>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
