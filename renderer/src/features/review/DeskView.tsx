// The review desk: a thin bar, the transcript, the rubric.
import { useLayoutEffect } from 'react';
import { lacksResponse } from '../../../../shared/model/transcript-facts.ts';
import { closeDesk, toggleSkip } from './actions.ts';
import { noteCommit } from './perf.ts';
import { RubricPanel } from './rubric/RubricPanel.tsx';
import { useReview } from './store.ts';
import { TranscriptView } from './transcript/TranscriptView.tsx';

const statusWords = { submitted: 'Submitted', skipped: 'Skipped', draft: 'Draft', todo: 'To do' } as const;

/** Said above the transcript when there is nothing to grade, with the way out. */
function NothingToGrade() {
  const desk = useReview((s) => s.desk);
  if (!desk || !lacksResponse(desk.transcript) || desk.annotation.status === 'submitted') return null;
  return (
    <p className="rv-nothing" role="note" data-testid="no-response">
      <strong>No response to grade.</strong> This transcript has a prompt but no reply from the agent.{' '}
      {desk.item.status === 'skipped' ? 'It is skipped.' : <>Skip it with <kbd>g s</kbd>, or grade what is there.</>}
    </p>
  );
}

const saveText = { saved: 'Saved', pending: 'Saving…', saving: 'Saving…', error: 'Not saved, retrying' } as const;

function DeskBar() {
  const desk = useReview((s) => s.desk);
  const saveState = useReview((s) => s.saveState);
  const position = useReview((s) => (s.desk ? s.queueList.findIndex((i) => i.id === s.desk!.item.id) : -1));
  const total = useReview((s) => s.queueList.length);
  if (!desk) return null;
  const { item, annotation } = desk;
  const status =
    annotation.status === 'submitted'
      ? 'submitted'
      : item.status === 'skipped'
        ? 'skipped'
        : Object.keys(annotation.criteria).length || annotation.history.length
          ? 'draft'
          : 'todo';
  return (
    <div className="rv-deskbar">
      <button type="button" className="rv-button rv-back" onClick={() => void closeDesk()} title="Back to the queue (g q)">
        ← Queue
      </button>
      <div className="rv-desk-title">
        <h1 className="rv-title-text">{item.title || item.transcriptId}</h1>
        {position >= 0 ? (
          <span className="rv-muted">
            {position + 1} of {total.toLocaleString()}
          </span>
        ) : null}
      </div>
      <span className="rv-status" data-status={status} data-testid="review-status">
        {statusWords[status]}
        {annotation.revision > 1 ? ` · r${annotation.revision}` : ''}
      </span>
      <span className="rv-save" data-state={saveState} data-testid="save-state" aria-live="polite">
        {saveText[saveState]}
      </span>
      {status !== 'submitted' ? (
        <button type="button" className="rv-button rv-quiet" onClick={() => void toggleSkip()} title={status === 'skipped' ? 'Take it back into the queue (g s)' : 'Set aside without a review (g s)'}>
          {status === 'skipped' ? 'Unskip' : 'Skip'} <kbd>g s</kbd>
        </button>
      ) : null}
      <button type="button" className="rv-button rv-quiet" onClick={() => useReview.setState({ helpOpen: true })}>
        Keys <kbd>?</kbd>
      </button>
    </div>
  );
}

export function DeskView() {
  const desk = useReview((s) => s.desk);
  const loading = useReview((s) => s.loading);
  const loadError = useReview((s) => s.loadError);
  useLayoutEffect(noteCommit, [desk?.annotation]);
  if (loadError) {
    return (
      <div className="rv-empty">
        <p role="alert">This review could not be opened: {loadError}</p>
        <button type="button" className="rv-button" onClick={() => void closeDesk()}>
          Back to the queue
        </button>
      </div>
    );
  }
  if (!desk) return <p className="rv-empty">{loading ? 'Opening…' : ''}</p>;
  return (
    <div className="rv-desk" aria-busy={loading}>
      <DeskBar />
      <NothingToGrade />
      <div className="rv-desk-body">
        <TranscriptView key={desk.item.id} transcript={desk.transcript} />
        <RubricPanel desk={desk} />
      </div>
    </div>
  );
}
