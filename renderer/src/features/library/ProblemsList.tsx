// Problems found while reading files: the good records were imported, these were not.
import type { ImportProblemRow } from '../../db/rows.ts';

export const shownProblems = 500;

export function ProblemsList({ problems, total }: { problems: ImportProblemRow[]; total: number }) {
  if (!total) return <p className="empty">No problems: every record in every file was read.</p>;
  return (
    <>
      <table className="table" aria-label="Import problems">
        <thead>
          <tr>
            <th>File</th>
            <th>Line / sample</th>
            <th>Message</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p) => (
            <tr key={p.id}>
              <td className="nowrap">{p.sourceName}</td>
              <td className="mono nowrap">{p.line !== undefined ? `line ${p.line}` : (p.sample ?? '—')}</td>
              <td className="wrap">{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > problems.length ? (
        <p className="muted pad">
          Showing the first {problems.length} of {total}. Export CSV for all of them.
        </p>
      ) : null}
    </>
  );
}
