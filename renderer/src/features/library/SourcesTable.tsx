// Every imported file, newest first.
import { formatBytes, formatWhen } from '../../common/format.ts';
import type { SourceRow } from '../../db/rows.ts';

export function SourcesTable({ sources, onRemove }: { sources: SourceRow[]; onRemove: (s: SourceRow) => void }) {
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
          <th className="num">Records</th>
          <th className="num">Problems</th>
          <th>Imported</th>
          <th>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sources.map((s) => (
          <tr key={s.id}>
            <td className="wrap">{s.name}</td>
            <td>{s.kind}</td>
            <td className="mono">{s.format}</td>
            <td className="num">{formatBytes(s.size)}</td>
            <td className="mono muted" title={s.sha256}>
              {s.sha256.slice(0, 12)}
            </td>
            <td className="num">{s.recordCount}</td>
            <td className="num">{s.problemCount ? <span className="badge badge-warn">{s.problemCount}</span> : <span className="faint">0</span>}</td>
            <td className="nowrap muted">{formatWhen(s.importedAt)}</td>
            <td className="num">
              <button type="button" className="btn btn-quiet btn-sm" onClick={() => onRemove(s)} aria-label={`Remove ${s.name}`}>
                Remove…
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
