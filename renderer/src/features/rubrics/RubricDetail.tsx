// One sealed version, read-only, with what can be done with it.
import { formatWhen } from '../../common/format.ts';
import type { Criterion } from '../../../../shared/model/rubric.ts';
import type { RubricRow } from '../../db/rows.ts';
import { shortHash } from './RubricList.tsx';

function ScaleCell({ c }: { c: Criterion }) {
  switch (c.scale.kind) {
    case 'binary':
      return <span className="nowrap">met / not met</span>;
    case 'ordinal': {
      const levels = [...c.scale.levels].sort((a, b) => a.value - b.value);
      return (
        <ul className="scale-list" aria-label={`ordinal, ${levels.length} levels`}>
          {levels.map((l) => (
            <li key={l.value}>
              <span className="mono">{l.value}</span> {l.anchor}
            </li>
          ))}
        </ul>
      );
    }
    case 'categorical':
      return (
        <ul className="scale-list" aria-label="categories">
          {c.scale.options.map((o) => (
            <li key={o.id}>
              {o.label} <span className="mono faint">×{o.credit}</span>
            </li>
          ))}
        </ul>
      );
  }
}

interface Props {
  rubric: RubricRow;
  parent?: RubricRow;
  isActive: boolean;
  /** 'todo' queue items bound to older versions of this family. */
  rebindable: number;
  onEdit: () => void;
  onActivate: () => void;
  onRebind: () => void;
}

export function RubricDetail({ rubric, parent, isActive, rebindable, onEdit, onActivate, onRebind }: Props) {
  return (
    <article className="panel rubric-detail" aria-label={`${rubric.title} version ${rubric.version}`}>
      <div className="panel-head">
        <div className="grow">
          <h2>
            {rubric.title} <span className="muted">v{rubric.version}</span>
          </h2>
          <p className="muted meta">
            <span className="mono">{rubric.id}</span> · <span className="mono" title={rubric.hash}>{shortHash(rubric.hash)}</span> · created {formatWhen(rubric.createdAt)}
            {parent ? ` · edited from v${parent.version}` : ''}
          </p>
        </div>
        {isActive ? <span className="badge badge-accent">used for new assignments</span> : null}
      </div>
      <div className="panel-body stack">
        {rubric.description ? <p>{rubric.description}</p> : null}
        <div className="toolbar">
          <button type="button" className="btn btn-primary" onClick={onEdit}>
            Edit as new version
          </button>
          <button type="button" className="btn" onClick={onActivate} disabled={isActive}>
            Use for new assignments
          </button>
          <button type="button" className="btn" onClick={onRebind} disabled={rebindable === 0} title="Queue items not yet started that use an older version of this rubric">
            Re-bind untouched queue items to this version{rebindable ? ` (${rebindable})` : ''}
          </button>
        </div>
        <table className="table criteria" aria-label="Criteria">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>Criterion</th>
              <th className="num">Points</th>
              <th>Scale</th>
              <th>Tags</th>
            </tr>
          </thead>
          <tbody>
            {rubric.criteria.map((c, i) => (
              <tr key={c.id}>
                <td className="num faint">{i + 1}</td>
                <td className="wrap">
                  {c.text}
                  {c.rationaleRequired ? <span className="badge" style={{ marginLeft: 6 }}>rationale required</span> : null}
                </td>
                <td className={`num points ${c.points < 0 ? 'negative' : ''}`}>{c.points > 0 ? `+${c.points}` : c.points}</td>
                <td className="muted scale">
                  <ScaleCell c={c} />
                </td>
                <td>
                  <div className="tags">
                    {c.tags.map((t) => (
                      <span key={t} className="badge">
                        {t}
                      </span>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
