// Every imported file, newest first.
import { formatBytes, formatWhen, plural } from '../../common/format.ts';
import type { SourceRow } from '../../db/rows.ts';

/** What the file brought, counted as what it is: "30 transcripts, each with its rubric". */
export function describeContents(s: SourceRow): string {
  if (s.kind === 'access-log') return plural(s.recordCount, 'event');
  const transcripts = s.transcriptCount;
  const rubrics = s.rubricCount;
  if (transcripts === undefined || rubrics === undefined) return plural(s.recordCount, 'record');
  if (transcripts && s.pairedCount === transcripts && rubrics <= transcripts) return `${plural(transcripts, 'transcript')}, each with its rubric`;
  return [transcripts ? plural(transcripts, 'transcript') : '', rubrics ? plural(rubrics, 'rubric') : ''].filter(Boolean).join(', ') || 'nothing';
}

export function SourcesTable({
  sources,
  unqueued,
  onRemove,
  onBind,
}: {
  sources: SourceRow[];
  /** Transcripts of each source not in this annotator's queue, by source id. */
  unqueued: ReadonlyMap<string, number>;
  onRemove: (s: SourceRow) => void;
  onBind: (s: SourceRow) => void;
}) {
  if (!sources.length) return <p className="empty">No files imported yet. Import transcripts or rubrics to start.</p>;
  return (
    <table className="table" aria-label="Sources">
      <thead>
        <tr>
          <th>Name</th>
          <th>Kind</th>
          <th>Format</th>
          <th className="num">Size</th>
          <th>SHA-256</th>
          <th>Contents</th>
          <th className="num">Problems</th>
          <th>Imported</th>
          <th>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sources.map((s) => {
          const waiting = unqueued.get(s.id) ?? 0;
          const hasTranscripts = (s.transcriptCount ?? s.recordCount) > 0 && s.kind !== 'rubric';
          return (
            <tr key={s.id}>
              <td className="wrap">{s.name}</td>
              <td>{s.kind}</td>
              <td className="mono">{s.format}</td>
              <td className="num">{formatBytes(s.size)}</td>
              <td className="mono muted" title={s.sha256}>
                {s.sha256.slice(0, 12)}
              </td>
              <td data-testid="source-contents">
                {describeContents(s)}
                {waiting ? (
                  <span className="badge badge-warn source-waiting" data-testid="source-unqueued">
                    {waiting} not queued
                  </span>
                ) : null}
              </td>
              <td className="num">{s.problemCount ? <span className="badge badge-warn">{s.problemCount}</span> : <span className="faint">0</span>}</td>
              <td className="nowrap muted">{formatWhen(s.importedAt)}</td>
              <td className="num nowrap">
                {hasTranscripts ? (
                  <button type="button" className="btn btn-sm" onClick={() => onBind(s)} aria-label={`Queue against a rubric: ${s.name}`}>
                    Queue against…
                  </button>
                ) : null}
                <button type="button" className="btn btn-quiet btn-sm" onClick={() => onRemove(s)} aria-label={`Remove ${s.name}`}>
                  Remove…
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
