// Per-file results of the last import: what landed, what was skipped and why.
import { plural } from '../../common/format.ts';
import type { ImportOutcome } from './outcome.ts';
import { summarizeOutcome } from './outcome.ts';

const badge: Record<ImportOutcome['status'], { label: string; className: string }> = {
  imported: { label: 'Imported', className: 'badge badge-ok' },
  duplicate: { label: 'Already imported', className: 'badge badge-warn' },
  skipped: { label: 'Not stored', className: 'badge' },
  forwarded: { label: 'Sent to Logs', className: 'badge badge-accent' },
  rejected: { label: 'Rejected', className: 'badge badge-danger' },
  cancelled: { label: 'Cancelled', className: 'badge' },
};

function Detail({ outcome }: { outcome: ImportOutcome }) {
  if (outcome.status === 'imported') {
    return (
      <>
        <span>
          {plural(outcome.transcripts, 'transcript')}, {plural(outcome.rubrics, 'rubric')}
          {outcome.queued ? `, ${outcome.queued} queued` : ''}
          {' · '}
          <span className={outcome.problems ? 'warn-text' : 'muted'}>{plural(outcome.problems, 'problem')}</span>
          {outcome.activatedRubricHash ? <span className="muted"> · now used for new assignments</span> : null}
        </span>
        {outcome.notes.map((n) => (
          <span key={n} className="muted">
            {n}
          </span>
        ))}
      </>
    );
  }
  if (outcome.status === 'rejected') {
    const shown = outcome.problems.slice(0, 5);
    return (
      <>
        <span>{outcome.message}</span>
        {outcome.tried?.length ? (
          <details className="result-more">
            <summary>What each reader saw</summary>
            <dl className="tried">
              {outcome.tried.map((t) => (
                <div key={t.format}>
                  <dt className="mono">{t.format}</dt>
                  <dd className="muted">{t.reason}</dd>
                </div>
              ))}
            </dl>
          </details>
        ) : null}
        {shown.length ? (
          <ul className="result-problems">
            {shown.map((p, i) => (
              <li key={i}>
                <span className="mono muted">{p.line ? `line ${p.line}` : (p.sample ?? '—')}</span> {p.message}
              </li>
            ))}
            {outcome.problems.length > shown.length ? <li className="muted">and {outcome.problems.length - shown.length} more</li> : null}
          </ul>
        ) : null}
      </>
    );
  }
  return <span>{summarizeOutcome(outcome)}</span>;
}

export function ImportResults({ outcomes, onDismiss }: { outcomes: ImportOutcome[]; onDismiss?: () => void }) {
  if (!outcomes.length) return null;
  return (
    <section className="panel" aria-label="Import results">
      <div className="panel-head">
        <h2>Import results</h2>
        {onDismiss ? (
          <button type="button" className="btn btn-quiet btn-sm" style={{ marginLeft: 'auto' }} onClick={onDismiss}>
            Dismiss
          </button>
        ) : null}
      </div>
      <table className="table results">
        <thead className="sr-only">
          <tr>
            <th>Result</th>
            <th>File</th>
            <th>Details</th>
          </tr>
        </thead>
        <tbody>
          {outcomes.map((o, i) => (
            <tr key={`${o.name}-${i}`} className="result" data-status={o.status}>
              <td className="result-badge">
                <span className={badge[o.status].className}>{badge[o.status].label}</span>
              </td>
              <td className="result-name">{o.name}</td>
              <td>
                <div className="result-detail">
                  <Detail outcome={o} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
