// Earlier submitted revisions of this review (newest first).
import type { AnnotationRevision } from '../../../../../shared/model/annotation.ts';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function HistoryList({ history }: { history: readonly AnnotationRevision[] }) {
  if (!history.length) return null;
  return (
    <details className="rv-history">
      <summary>History · {history.length} earlier {history.length === 1 ? 'revision' : 'revisions'}</summary>
      <ol reversed>
        {[...history].reverse().map((h) => (
          <li key={h.revision}>
            <span>Revision {h.revision}</span>
            <span className="rv-muted">submitted {when(h.submittedAt)}</span>
            <span className="rv-muted">score {h.score === null ? '—' : `${Math.round(h.score * 100)}%`}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
