// The running import: a bar, events, bytes, rate and time left, and Cancel, which asks
// whether to keep the events committed so far (a partial source) or discard them.
import { formatBytes, formatCount, plural } from '../../common/format.ts';
import { ConfirmDialog } from '../../common/ConfirmDialog.tsx';
import { formatDuration } from './format.ts';
import { useImports } from './import-store.ts';

function CancelDialog() {
  const asking = useImports((s) => s.askingCancel);
  const running = useImports((s) => s.running);
  const answer = useImports((s) => s.answerCancel);
  const events = running?.progress?.events ?? 0;
  return (
    <ConfirmDialog
      alert
      open={asking}
      onDismiss={() => answer('continue')}
      title={`Stop importing ${running?.name}?`}
      description={
        <div className="stack muted">
          <p>
            {plural(events, 'event')} read so far. Keep what has been stored (whole batches) as a <strong>partial</strong> source — marked as such,
            and resumed by importing the same file again — or discard it so the store is as it was before.
          </p>
          <p>The import keeps running until you choose.</p>
        </div>
      }
      cancelLabel="Continue importing"
      actions={
        <>
          <button type="button" className="btn btn-danger" onClick={() => answer('discard')}>
            Discard events
          </button>
          <button type="button" className="btn btn-primary" onClick={() => answer('keep')}>
            Keep partial
          </button>
        </>
      }
    />
  );
}

export function ImportProgress() {
  const running = useImports((s) => s.running);
  const queued = useImports((s) => s.queue.length);
  const askCancel = useImports((s) => s.askCancel);
  const cancelling = useImports((s) => s.cancelChoice !== null);
  if (!running) return null;
  const p = running.progress;
  const total = p?.bytesTotal || running.size;
  const read = p?.bytesRead ?? 0;
  const pct = total ? Math.min(100, (read / total) * 100) : 0;
  const phase = p?.phase === 'checking' ? 'checking whether it was imported before…' : p?.phase === 'finishing' ? 'finishing…' : null;
  return (
    <section className="lg-progress panel" aria-label="Import progress">
      <div className="lg-progress-head">
        <strong className="lg-progress-name" title={running.name}>
          {running.name}
        </strong>
        {phase ? <span className="muted">{phase}</span> : null}
        {queued ? <span className="muted">+ {queued} waiting</span> : null}
        <button type="button" className="btn btn-sm" onClick={askCancel} disabled={cancelling}>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
      <div className="lg-bar" role="progressbar" aria-label={`Importing ${running.name}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct)}>
        <div className="lg-bar-fill" style={{ width: `${pct}%` }} />
      </div>
      <dl className="lg-progress-stats">
        <div>
          <dt>events</dt>
          <dd className="num" data-testid="progress-events">{formatCount(p?.events ?? 0)}</dd>
        </div>
        <div>
          <dt>bytes</dt>
          <dd className="num">
            {formatBytes(read)} of {formatBytes(total)} ({pct.toFixed(0)}%)
          </dd>
        </div>
        <div>
          <dt>rate</dt>
          <dd className="num">{p ? `${formatCount(Math.round(p.rate))} events/s` : '—'}</dd>
        </div>
        <div>
          <dt>time left</dt>
          <dd className="num">{formatDuration(p?.remaining ?? null)}</dd>
        </div>
        <div>
          <dt>problems</dt>
          <dd className="num">{p?.problems ? <span className="warn-text">{formatCount(p.problems)}</span> : '0'}</dd>
        </div>
      </dl>
      <CancelDialog />
    </section>
  );
}
