// One rubric criterion. The focused one opens up (rationale box, evidence, anchor
// texts); the others stay one or two lines so a long rubric fits on screen.
import { memo, useEffect, useRef } from 'react';
import type { CriterionAnnotation, CriterionValue } from '../../../../../shared/model/annotation.ts';
import type { Criterion } from '../../../../../shared/model/rubric.ts';
import { describeValue } from '../annotation-logic.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { ScaleControl } from './ScaleControl.tsx';

export interface CriterionHandlers {
  focus: (index: number) => void;
  pick: (index: number, value: CriterionValue | undefined) => void;
  type: (criterionId: string, text: string) => void;
  leaveRationale: () => void;
  jump: (criterionId: string, index: number) => void;
  remove: (criterionId: string, index: number) => void;
  attach: () => void;
  messageNumber: (id: string) => number | undefined;
}

interface Props {
  criterion: Criterion;
  index: number;
  ca: CriterionAnnotation | undefined;
  focused: boolean;
  readOnly: boolean;
  problem: boolean;
  activeEvidence: number | null;
  rationaleRequest: number;
  on: CriterionHandlers;
}

function Points({ points }: { points: number }) {
  return (
    <span className="rv-points" data-sign={points < 0 ? 'neg' : 'pos'} title={points < 0 ? 'Penalty when met' : 'Points when met'}>
      {points > 0 ? `+${points}` : points}
    </span>
  );
}

export const CriterionCard = memo(function CriterionCard(p: Props) {
  const { criterion: c, index, ca, focused, readOnly, on } = p;
  const cardRef = useRef<HTMLLIElement>(null);
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const rationale = ca?.rationale ?? '';

  useEffect(() => {
    if (!focused || !cardRef.current) return;
    cardRef.current.scrollIntoView({ block: 'nearest' });
    // Keep DOM focus with the highlight when the keyboard is already in the panel.
    const active = document.activeElement;
    if (active && active !== document.body && active.closest('.rv-criteria') && !cardRef.current.contains(active)) {
      cardRef.current.focus({ preventScroll: true });
    }
  }, [focused]);

  useEffect(() => {
    if (focused && p.rationaleRequest) boxRef.current?.focus();
    // Only a new request moves focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p.rationaleRequest]);

  return (
    <li
      ref={cardRef}
      className="rv-crit"
      data-focused={focused ? '' : undefined}
      data-problem={p.problem ? '' : undefined}
      data-marked={ca?.value ? '' : undefined}
      aria-current={focused ? 'true' : undefined}
      tabIndex={-1}
      onFocus={() => on.focus(index)}
      onMouseDown={() => on.focus(index)}
    >
      <div className="rv-crit-head">
        <span className="rv-crit-num">{index + 1}</span>
        <Points points={c.points} />
        <span className="rv-crit-value" data-kind={ca?.value?.kind ?? 'none'}>
          {describeValue(c, ca?.value)}
        </span>
        {c.rationaleRequired ? <span className="rv-required" title="Rationale required">rationale required</span> : null}
      </div>
      <p className="rv-crit-text">{c.text}</p>
      {c.tags.length ? (
        <div className="rv-crit-tags">
          {c.tags.map((t) => (
            <span key={t} className="rv-tag">
              {t}
            </span>
          ))}
        </div>
      ) : null}
      <ScaleControl criterion={c} value={ca?.value} expanded={focused} readOnly={readOnly} onPick={(v) => on.pick(index, v)} />
      {focused ? (
        <>
          <textarea
            ref={boxRef}
            className="rv-rationale"
            aria-label={`Rationale for criterion ${index + 1}`}
            placeholder={c.rationaleRequired ? 'Rationale (required)' : 'Rationale'}
            value={rationale}
            readOnly={readOnly}
            rows={Math.min(8, Math.max(2, rationale.split('\n').length))}
            onChange={(e) => on.type(c.id, e.target.value)}
            onBlur={on.leaveRationale}
          />
          <EvidenceList
            evidence={ca?.evidence ?? []}
            messageNumber={on.messageNumber}
            activeIndex={p.activeEvidence}
            readOnly={readOnly}
            onJump={(i) => on.jump(c.id, i)}
            onRemove={(i) => on.remove(c.id, i)}
          />
          {readOnly ? null : (
            <div className="rv-attach">
              {/* mousedown would clear the transcript selection before the click lands */}
              <button type="button" className="rv-link-button" onMouseDown={(e) => e.preventDefault()} onClick={on.attach}>
                Attach selection <kbd>e</kbd>
              </button>
              {!ca?.evidence.length ? <span className="rv-hint">select text, or press v to select by keyboard</span> : null}
            </div>
          )}
        </>
      ) : rationale || ca?.evidence.length ? (
        <p className="rv-crit-summary">
          {ca?.evidence.length ? <span className="rv-ev-count">{ca.evidence.length} evidence</span> : null}
          {rationale ? <span className="rv-rationale-preview">{rationale}</span> : null}
        </p>
      ) : null}
    </li>
  );
});
