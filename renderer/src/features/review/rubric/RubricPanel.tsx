// The rubric beside the transcript: live score, criteria, submit / reopen, history.
import { useMemo } from 'react';
import { scoreRubric } from '../../../../../shared/rubric/score.ts';
import { describeValue, submitProblems } from '../annotation-logic.ts';
import { flushSaves, reopen, submitAndNext } from '../actions.ts';
import { applyValue, attachSelection, dropEvidence, focusCriterion, jumpToEvidence, typeRationale } from '../edit-actions.ts';
import { useReview, type Desk } from '../store.ts';
import { CriterionCard, type CriterionHandlers } from './CriterionCard.tsx';
import { HistoryList } from './HistoryList.tsx';
import { ScoreSummary } from './ScoreSummary.tsx';

export function RubricPanel({ desk }: { desk: Desk }) {
  const focused = useReview((s) => s.focused);
  const active = useReview((s) => s.activeEvidence);
  const rationaleRequest = useReview((s) => s.rationaleRequest);
  const problemsShown = useReview((s) => s.problemsShown);
  const { rubric, annotation, messageIndex } = desk;
  const readOnly = annotation.status === 'submitted';
  const current = rubric.criteria[focused];
  const score = useMemo(() => scoreRubric(rubric, annotation.criteria), [rubric, annotation.criteria]);
  const problems = useMemo(
    () => (problemsShown ? new Set(submitProblems(rubric, annotation).map((p) => p.criterionId)) : new Set<string>()),
    [problemsShown, rubric, annotation],
  );

  const handlers = useMemo<CriterionHandlers>(
    () => ({
      focus: focusCriterion,
      pick: (index, value) => {
        focusCriterion(index);
        applyValue(value);
      },
      type: typeRationale,
      leaveRationale: () => void flushSaves(),
      jump: jumpToEvidence,
      remove: dropEvidence,
      attach: () => void attachSelection(),
      messageNumber: (id) => {
        const i = messageIndex.get(id);
        return i === undefined ? undefined : i + 1;
      },
    }),
    [messageIndex],
  );

  return (
    <aside className="rv-rubric" aria-label="Rubric">
      <div className="rv-rubric-head">
        <div className="rv-rubric-title">
          {rubric.title} <span className="rv-muted">v{rubric.version}</span>
        </div>
        <ScoreSummary score={score} />
      </div>
      <div className="sr-only" aria-live="polite">
        {current ? `Criterion ${focused + 1} of ${rubric.criteria.length}, ${describeValue(current, annotation.criteria[current.id]?.value)}: ${current.text}` : ''}
      </div>
      <ol className="rv-criteria" aria-label="Criteria">
        {rubric.criteria.map((c, i) => (
          <CriterionCard
            key={c.id}
            criterion={c}
            index={i}
            ca={annotation.criteria[c.id]}
            focused={i === focused}
            readOnly={readOnly}
            problem={problems.has(c.id)}
            activeEvidence={active?.criterionId === c.id ? active.index : null}
            rationaleRequest={rationaleRequest}
            on={handlers}
          />
        ))}
      </ol>
      <footer className="rv-rubric-foot">
        {readOnly ? (
          <>
            <span className="rv-muted">Submitted as revision {annotation.revision}.</span>
            <button type="button" className="rv-button" onClick={reopen}>
              Reopen <kbd>o</kbd>
            </button>
            <button type="button" className="rv-button rv-primary" onClick={() => void submitAndNext()}>
              Next undone <kbd>]</kbd>
            </button>
          </>
        ) : (
          <>
            <span className="rv-muted">
              {score.marked}/{score.total} marked
            </span>
            <button type="button" className="rv-button rv-primary" onClick={() => void submitAndNext()}>
              Submit &amp; next <kbd>⇧ Enter</kbd>
            </button>
          </>
        )}
        <HistoryList history={annotation.history} />
      </footer>
    </aside>
  );
}
