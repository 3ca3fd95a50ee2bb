// Lines the readers could not use, with line number and reason; the valid rest was
// imported. Exportable as CSV for whoever fixes the export at the source.
import { formatCount, plural } from '../../common/format.ts';
import { useState } from 'react';
import type { LineProblem, LogSource } from '../../logs/engine/contract.ts';
import { useStatus } from '../../common/status.ts';
import { platform } from '../../platform/index.ts';
import { problemsCsvBytes } from '../../../../shared/formats/problems-csv.ts';

const shown = 500;

export function ProblemsPanel({ problems, sources }: { problems: LineProblem[] | undefined; sources: LogSource[] }) {
  const [only, setOnly] = useState('');
  const nameOf = (id: string) => sources.find((s) => s.id === id)?.name ?? id;
  if (!problems) return <p className="muted pad">Loading problems…</p>;
  const list = only ? problems.filter((p) => p.sourceId === only) : problems;

  const exportCsv = async () => {
    const rows = list.map((p) => ({ sourceId: p.sourceId, sourceName: nameOf(p.sourceId), ...(p.line ? { line: p.line } : {}), ...(p.sample ? { sample: p.sample } : {}), message: p.message }));
    const saved = await platform.saveFile({ suggestedName: 'access-log-problems.csv', bytes: problemsCsvBytes(rows) });
    if (saved) useStatus.getState().say(`Saved ${plural(rows.length, 'problem')} to ${saved}`, 'ok');
  };

  return (
    <div className="lg-problems">
      <div className="toolbar lg-problems-bar">
        <label htmlFor="lg-problem-source" className="muted">
          Source
        </label>
        <select id="lg-problem-source" className="lg-select-sm" value={only} onChange={(e) => setOnly(e.target.value)}>
          <option value="">All sources</option>
          {sources
            .filter((s) => s.errorCount > 0)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
        </select>
        <span className="muted">{plural(list.length, 'problem')}</span>
        <button type="button" className="btn btn-sm lg-push" onClick={() => void exportCsv()} disabled={!list.length}>
          Export CSV
        </button>
      </div>
      {list.length === 0 ? (
        <p className="empty">No problems: every line that was read became an event.</p>
      ) : (
        <div className="lg-tablewrap">
          <table className="table" aria-label="Import problems">
            <thead>
              <tr>
                <th>Source</th>
                <th className="num">Where</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {list.slice(0, shown).map((p, i) => (
                <tr key={`${p.sourceId}:${p.line}:${i}`}>
                  <td className="nowrap">{nameOf(p.sourceId)}</td>
                  <td className="num mono">{p.line ? `line ${p.line}` : (p.sample ?? '—')}</td>
                  <td className="wrap">{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.length > shown ? <p className="muted pad">Showing the first {shown} of {formatCount(list.length)}; the CSV has them all.</p> : null}
        </div>
      )}
    </div>
  );
}
