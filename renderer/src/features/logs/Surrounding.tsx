// Events around the open one (same agent or same session, ± a window), fetched apart
// from the timeline so the auditor's filter stays exactly as it was.
import { useState } from 'react';
import type { EventRow } from '../../logs/engine/contract.ts';
import { DecisionBadge } from './DecisionBadge.tsx';
import { logEngine } from './engine-instance.ts';
import { formatTime, surroundingWindows } from './format.ts';
import { useLogsUi } from './store.ts';
import { useEngineQuery } from './use-query.ts';

const shownRows = 100;

function delta(us: number): string {
  const s = Math.round(us / 1e6);
  const sign = s < 0 ? '−' : '+';
  const a = Math.abs(s);
  return `${sign}${Math.floor(a / 60)}:${String(a % 60).padStart(2, '0')}`;
}

export function Surrounding({ current }: { current: EventRow }) {
  const [by, setBy] = useState<'agent' | 'session'>('agent');
  const [windowUs, setWindowUs] = useState<number>(surroundingWindows[1].us);
  const zone = useLogsUi((s) => s.zone);
  const open = useLogsUi((s) => s.open);
  const dataVersion = useLogsUi((s) => s.dataVersion);
  const { data, error, loading } = useEngineQuery(() => logEngine().surrounding(current.row, by, windowUs), `${current.row}|${by}|${windowUs}|${dataVersion}`);
  const rows = data ?? [];
  return (
    <section className="lg-around" aria-label="Surrounding events">
      <div className="lg-around-head">
        <h3>Surrounding events</h3>
        <div role="group" aria-label="Same" className="lg-seg">
          <button type="button" className="btn btn-sm" aria-pressed={by === 'agent'} onClick={() => setBy('agent')}>
            same agent
          </button>
          <button type="button" className="btn btn-sm" aria-pressed={by === 'session'} onClick={() => setBy('session')}>
            same session
          </button>
        </div>
        <label className="sr-only" htmlFor="lg-around-window">
          Window
        </label>
        <select id="lg-around-window" className="lg-select-sm" value={windowUs} onChange={(e) => setWindowUs(Number(e.target.value))}>
          {surroundingWindows.map((w) => (
            <option key={w.us} value={w.us}>
              {w.label}
            </option>
          ))}
        </select>
      </div>
      {error ? <p className="error">{error}</p> : null}
      {!loading && rows.length === 0 ? <p className="faint">No other events {by === 'agent' ? 'of this agent' : 'in this session'} in the window.</p> : null}
      <ul className="lg-around-list">
        {rows.slice(0, shownRows).map((r) => (
          <li key={r.row}>
            <button type="button" className="lg-around-row" aria-current={r.row === current.row ? 'true' : undefined} onClick={() => open(r.row)}>
              <span className="mono faint">{delta(r.time - current.time)}</span>
              <span className="mono">{formatTime(r.time, zone).slice(11)}</span>
              <DecisionBadge decision={r.decision} />
              <span className="lg-around-what" title={`${r.actionNative} ${r.tool || r.targetService}`}>
                {r.actionNative}
                {r.tool || r.targetService ? <span className="muted"> · {r.tool || r.targetService}</span> : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {rows.length > shownRows ? <p className="faint">and {rows.length - shownRows} more in the window</p> : null}
    </section>
  );
}
