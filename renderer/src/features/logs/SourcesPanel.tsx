// Every imported access-log file: name, format, size, SHA-256, events, problems, when,
// and whether it is complete or a kept partial import; each can be removed.
import { formatBytes, formatCount, formatWhen, plural } from '../../common/format.ts';
import { ConfirmDialog } from '../../common/ConfirmDialog.tsx';
import { useState } from 'react';
import type { LogSource } from '../../logs/engine/contract.ts';
import { useStatus } from '../../common/status.ts';
import { logEngine } from './engine-instance.ts';

import { useLogsUi } from './store.ts';

function RemoveDialog({ source, onClose }: { source: LogSource | null; onClose: () => void }) {
  const dataChanged = useLogsUi((s) => s.dataChanged);
  const [busy, setBusy] = useState(false);
  const remove = async (s: LogSource) => {
    setBusy(true);
    try {
      await logEngine().removeSource(s.id);
      useStatus.getState().say(`Removed ${s.name} (${plural(s.eventCount, 'event')})`, 'ok');
      dataChanged();
    } catch (err) {
      useStatus.getState().say(`Could not remove ${s.name}: ${err instanceof Error ? err.message : String(err)}`, 'danger');
    } finally {
      setBusy(false);
      onClose();
    }
  };
  return (
    <ConfirmDialog
      open={source !== null}
      onDismiss={onClose}
      title={`Remove ${source?.name}?`}
      description={
        <p className="muted">
          Its {plural(source?.eventCount ?? 0, 'event')} and line problems leave the workbench. Annotations on them are kept, and return if the same
          file is imported again.
        </p>
      }
      cancelLabel="Keep it"
      actions={
        <button type="button" className="btn btn-danger solid" disabled={busy} onClick={() => source && void remove(source)}>
          Remove source
        </button>
      }
    />
  );
}

export function SourcesPanel({ sources, sourceName = (id) => sources?.find((s) => s.id === id)?.name ?? id }: { sources: LogSource[] | undefined; sourceName?: (id: string) => string }) {
  const [removing, setRemoving] = useState<LogSource | null>(null);
  if (!sources) return <p className="muted pad">Loading sources…</p>;
  if (!sources.length) return <p className="empty">No access logs imported yet. Use “Import logs…” or drop files here.</p>;
  return (
    <div className="lg-tablewrap">
      <table className="table" aria-label="Log sources">
        <thead>
          <tr>
            <th>Name</th>
            <th>Format</th>
            <th className="num">Size</th>
            <th>SHA-256</th>
            <th className="num">Events</th>
            <th className="num">Problems</th>
            <th>Imported</th>
            <th>State</th>
            <th>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.id}>
              <td className="wrap">{s.name}</td>
              <td className="mono">{s.format}</td>
              <td className="num">{formatBytes(s.size)}</td>
              <td className="mono muted" title={s.sha256}>
                {s.sha256 ? `${s.sha256.slice(0, 12)}…` : '—'}
              </td>
              <td className="num">{formatCount(s.eventCount)}</td>
              <td className="num">{s.errorCount ? <span className="badge badge-warn">{formatCount(s.errorCount)}</span> : <span className="faint">0</span>}</td>
              <td className="nowrap muted">{formatWhen(s.importedAt)}</td>
              <td>{s.state === 'partial' ? <span className="badge badge-warn">partial</span> : <span className="badge badge-ok">complete</span>}</td>
              <td className="num">
                <button type="button" className="btn btn-quiet btn-sm" onClick={() => setRemoving(s)} aria-label={`Remove ${sourceName(s.id)}`}>
                  Remove…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <RemoveDialog source={removing} onClose={() => setRemoving(null)} />
    </div>
  );
}
