// What the last imports came to, file by file.
import { useMemo, useRef } from 'react';
import type { LogSource } from '../../logs/engine/contract.ts';
import { currentReports, removedSources, useImports, type ImportReport } from './import-store.ts';

const badges: Record<ImportReport['status'], { label: string; cls: string }> = {
  imported: { label: 'Imported', cls: 'badge badge-ok' },
  duplicate: { label: 'Already imported', cls: 'badge badge-warn' },
  cancelled: { label: 'Cancelled', cls: 'badge badge-warn' },
  rejected: { label: 'Rejected', cls: 'badge badge-danger' },
  failed: { label: 'Failed', cls: 'badge badge-danger' },
};

export function ImportReports({ sources }: { sources: LogSource[] | undefined }) {
  const all = useImports((s) => s.reports);
  const seen = useRef(new Set<string>());
  const removed = useMemo(() => removedSources(seen.current, sources ?? []), [sources]);
  const reports = useMemo(() => currentReports(all, removed), [all, removed]);
  const dismiss = useImports((s) => s.dismissReports);
  if (!reports.length) return null;
  return (
    <section className="lg-reports panel" aria-label="Import results">
      <ul>
        {reports.map((r) => (
          <li key={r.key} data-status={r.status}>
            <span className={badges[r.status].cls}>{r.partial ? 'Partial' : badges[r.status].label}</span>
            <strong title={r.name}>{r.name}</strong>
            <span className="muted">{r.message}</span>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-quiet btn-sm" onClick={dismiss}>
        Dismiss
      </button>
    </section>
  );
}
