// Live HealthBench score (achieved / positive points) with the per-axis breakdown.
import type { RubricScore } from '../../../../../shared/rubric/score.ts';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const pts = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

export function ScoreSummary({ score }: { score: RubricScore }) {
  const axes = Object.entries(score.byAxis).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="rv-score" aria-live="off">
      <div className="rv-score-main">
        <span className="rv-score-value" data-testid="live-score">
          {pct(score.score)}
        </span>
        <span className="rv-score-detail">
          {pts(score.achieved)} of {pts(score.possible)} points · {score.marked}/{score.total} marked
        </span>
      </div>
      <div className="rv-progress" aria-hidden="true">
        <span style={{ width: `${score.total ? (score.marked / score.total) * 100 : 0}%` }} />
      </div>
      {axes.length ? (
        <dl className="rv-axes">
          {axes.map(([axis, s]) => (
            <div key={axis} className="rv-axis" title={`${axis}: ${s.marked} of ${s.total} marked`}>
              <dt>{axis}</dt>
              <dd>
                <span className="rv-axis-bar" aria-hidden="true">
                  <span style={{ width: `${s.marked ? Math.max(0, (s.score ?? 0) * 100) : 0}%` }} />
                </span>
                <span className="rv-axis-pct">{s.marked ? pct(s.score) : '—'}</span>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
