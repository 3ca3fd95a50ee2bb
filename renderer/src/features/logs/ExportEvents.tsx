// Export: the events of the current filter, in the timeline's order, as one Parquet file
// (columns documented in shared/formats/README.md) for DuckDB, ClickHouse or Spark when
// an audit outgrows the laptop. The engine writes it in its worker, re-reading each event
// from its raw record; this only asks, says how it goes and saves the result.
import { useState } from 'react';
import { formatCount, plural } from '../../common/format.ts';
import { useStatus } from '../../common/status.ts';
import { platform } from '../../platform/index.ts';
import { logEngine } from './engine-instance.ts';
import { useLogsUi } from './store.ts';

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

export function ExportEvents({ total }: { total: number | undefined }) {
  const { filter, sort } = useLogsUi();
  const [busy, setBusy] = useState(false);
  const engine = logEngine();
  if (!engine.exportParquet) return null;

  const run = async () => {
    const status = useStatus.getState();
    setBusy(true);
    status.work(`Exporting ${plural(total ?? 0, 'event')} as Parquet…`);
    try {
      const { blob, events } = await engine.exportParquet!(filter, sort);
      const saved = await platform.saveFile({ suggestedName: `custody-events-${stamp()}.parquet`, bytes: new Uint8Array(await blob.arrayBuffer()) });
      if (saved) status.say(`Saved ${plural(events, 'event')} as Parquet to ${saved}`, 'ok');
      else status.say('Export not saved.', 'info');
    } catch (error) {
      status.say(`Export failed: ${error instanceof Error ? error.message : String(error)}`, 'danger');
    } finally {
      setBusy(false);
    }
  };

  return (
    <button
      type="button"
      className="btn btn-sm"
      onClick={() => void run()}
      disabled={busy || !total}
      title={total ? `Save the ${formatCount(total)} events of this view as Parquet` : 'No events in this view'}
    >
      {busy ? 'Exporting…' : 'Export Parquet'}
    </button>
  );
}
