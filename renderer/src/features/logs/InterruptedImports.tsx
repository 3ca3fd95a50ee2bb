// Imports that stopped before their end (app closed, crash, or cancelled and kept). Their
// committed events are queryable as a partial source; picking the same file resumes.
import { formatBytes, formatWhen, plural } from '../../common/format.ts';
import { useStatus } from '../../common/status.ts';
import { logEngine } from './engine-instance.ts';

import { useLogsUi } from './store.ts';
import { useEngineQuery } from './use-query.ts';

export function InterruptedImports({ ready, busy }: { ready: boolean; busy: boolean }) {
  const dataVersion = useLogsUi((s) => s.dataVersion);
  const dataChanged = useLogsUi((s) => s.dataChanged);
  const { data = [] } = useEngineQuery(async () => (await logEngine().interruptedImports?.()) ?? [], `interrupted|${dataVersion}`, ready && !busy);
  if (busy || !data.length) return null;
  const remove = async (sourceId: string, name: string) => {
    await logEngine().removeSource(sourceId);
    useStatus.getState().say(`Removed the partial import of ${name}`, 'ok');
    dataChanged();
  };
  return (
    <section className="lg-interrupted panel" aria-label="Unfinished imports">
      <strong>Unfinished imports</strong>
      <ul>
        {data.map((j) => (
          <li key={j.jobId}>
            <span className="badge badge-warn">{j.reason === 'cancelled' ? 'cancelled, kept' : 'interrupted'}</span>
            <span className="lg-int-name">{j.name}</span>
            <span className="muted">
              {plural(j.eventsCommitted, 'event')} kept ({formatBytes(j.bytesCommitted)} of {formatBytes(j.size)}) · {formatWhen(j.updatedAt)} · import the same file again to resume
            </span>
            <button type="button" className="btn btn-quiet btn-sm" onClick={() => void remove(j.sourceId, j.name)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
