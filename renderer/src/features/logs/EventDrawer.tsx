// The open event: delegation first (the audit question), then the normalized fields,
// the auditor's notes (apart from the evidence), surrounding events, and the raw record.
import { useMemo } from 'react';
import type { EventDetail } from '../../logs/engine/contract.ts';
import { withNotes } from './annotate.ts';
import { DecisionBadge } from './DecisionBadge.tsx';
import { DelegationView } from './DelegationView.tsx';
import { describeDelegation } from './delegation.ts';
import { logEngine } from './engine-instance.ts';
import { groupFields } from './event-fields.ts';
import { FieldGroups } from './FieldGroups.tsx';
import { formatTime, zoneLabel } from './format.ts';
import { NotesEditor } from './NotesEditor.tsx';
import { RawTree } from './RawTree.tsx';
import { useLogsUi } from './store.ts';
import { Surrounding } from './Surrounding.tsx';
import { useEngineQuery } from './use-query.ts';

function Body({ detail, sourceName }: { detail: EventDetail; sourceName: (id: string) => string }) {
  const zone = useLogsUi((s) => s.zone);
  const note = useLogsUi((s) => s.annotations[detail.row.id]);
  const row = withNotes(detail.row, note);
  const fmt = useMemo(() => (us: number) => `${formatTime(us, zone)} ${zoneLabel(zone, us)}`, [zone]);
  const delegation = useMemo(() => describeDelegation(detail.normalized, fmt), [detail.normalized, fmt]);
  const groups = useMemo(() => groupFields(detail.normalized, fmt), [detail.normalized, fmt]);
  return (
    <>
      <div className="lg-drawer-title">
        <DecisionBadge decision={row.decision} />
        <h2 className="mono" title={row.actionNative}>
          {row.actionNative || '(no action)'}
        </h2>
      </div>
      <p className="mono muted lg-drawer-time">
        {fmt(row.time)}
        {row.starred ? <span className="lg-star" aria-label="starred"> ★</span> : null}
      </p>
      <DelegationView delegation={delegation} />
      <NotesEditor row={row} initial={detail.annotation} />
      <FieldGroups groups={groups} />
      <Surrounding current={row} />
      <section className="lg-raw" aria-label="Raw record">
        <h3>Raw record</h3>
        <p className="faint lg-raw-meta">
          {sourceName(row.source)} · line {detail.line} · <span className="mono" title={detail.rawSha256}>sha256 {detail.rawSha256.replace(/^sha256:/, '').slice(0, 16)}…</span>
        </p>
        <RawTree raw={detail.raw} />
      </section>
    </>
  );
}

export function EventDrawer({ sourceName }: { sourceName: (id: string) => string }) {
  const openRow = useLogsUi((s) => s.openRow);
  const open = useLogsUi((s) => s.open);
  const dataVersion = useLogsUi((s) => s.dataVersion);
  const { data, error } = useEngineQuery(() => logEngine().event(openRow!), `${openRow}|${dataVersion}`, openRow !== null);
  if (openRow === null) return null;
  const current = data && data.row.row === openRow ? data : undefined;
  return (
    <aside className="lg-drawer" aria-label="Event details">
      <div className="lg-drawer-head">
        <span className="muted">Event</span>
        <span className="faint lg-drawer-keys">j / k next · s star · Esc close · ? keys</span>
        <button type="button" className="btn btn-quiet btn-sm" onClick={() => open(null)} aria-label="Close event details">
          ✕
        </button>
      </div>
      <div className="lg-drawer-body">
        {error ? <p className="error">Could not load the event: {error}</p> : null}
        {current ? <Body detail={current} sourceName={sourceName} /> : !error ? <p className="muted">Loading…</p> : null}
      </div>
    </aside>
  );
}
