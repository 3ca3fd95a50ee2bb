// Status / agent / tag filters for the queue. Plain form controls: Tab reaches them,
// and the review keys stay out of their way (they are text fields to the keymap).
import type { QueueStatus } from '../../../db/rows.ts';
import { emptyFilter, type QueueFilter, type QueueProgress } from '../queue-filter.ts';
import { useReview } from '../store.ts';

interface Props {
  filter: QueueFilter;
  facets: { agents: string[]; tags: string[] };
  progress: QueueProgress;
  shown: number;
}

const set = (patch: Partial<QueueFilter>) => useReview.setState((s) => ({ queueFilter: { ...s.queueFilter, ...patch }, queueCursor: 0 }));

export function QueueFilters({ filter, facets, progress, shown }: Props) {
  const statuses: { id: QueueStatus | 'all'; label: string; count: number }[] = [
    { id: 'all', label: 'All', count: progress.total },
    { id: 'todo', label: 'To do', count: progress.todo },
    { id: 'draft', label: 'Draft', count: progress.draft },
    { id: 'submitted', label: 'Submitted', count: progress.done },
    ...(progress.skipped || filter.status === 'skipped' ? [{ id: 'skipped' as const, label: 'Skipped', count: progress.skipped }] : []),
  ];
  const filtered = filter.status !== 'all' || filter.agent !== null || filter.tag !== null;
  return (
    <div className="rv-filters">
      <div className="rv-segmented" role="group" aria-label="Status">
        {statuses.map((s) => (
          <button key={s.id} type="button" aria-pressed={filter.status === s.id} onClick={() => set({ status: s.id })}>
            {s.label} <span className="rv-count">{s.count.toLocaleString()}</span>
          </button>
        ))}
      </div>
      <label className="rv-select">
        <span>Agent</span>
        <select value={filter.agent ?? ''} onChange={(e) => set({ agent: e.target.value || null })}>
          <option value="">Any</option>
          {facets.agents.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className="rv-select">
        <span>Tag</span>
        <select value={filter.tag ?? ''} onChange={(e) => set({ tag: e.target.value || null })}>
          <option value="">Any</option>
          {facets.tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <span className="rv-muted rv-shown">
        {shown.toLocaleString()} shown
        {filtered ? (
          <button type="button" className="rv-link-button" onClick={() => useReview.setState({ queueFilter: emptyFilter, queueCursor: 0 })}>
            Clear filters
          </button>
        ) : null}
      </span>
    </div>
  );
}
