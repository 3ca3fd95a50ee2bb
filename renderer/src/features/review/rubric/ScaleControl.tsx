// The value picker of one criterion: the scale's choices (digits 1..9 pick them)
// and N/A (a). Buttons are real buttons, so mouse and Tab users have them too.
import type { CriterionValue } from '../../../../../shared/model/annotation.ts';
import type { Criterion } from '../../../../../shared/model/rubric.ts';
import { choicesFor, sameValue } from '../annotation-logic.ts';

interface Props {
  criterion: Criterion;
  value: CriterionValue | undefined;
  expanded: boolean;
  readOnly: boolean;
  onPick: (value: CriterionValue | undefined) => void;
}

export function ScaleControl({ criterion, value, expanded, readOnly, onPick }: Props) {
  const choices = choicesFor(criterion);
  const vertical = expanded && criterion.scale.kind !== 'binary';
  const na = value?.kind === 'na';
  const pick = (v: CriterionValue) => onPick(sameValue(v, value) ? undefined : v);
  return (
    <div className={vertical ? 'rv-scale rv-scale-list' : 'rv-scale'} role="group" aria-label="Value">
      {choices.map((c, i) => {
        const on = sameValue(c.value, value);
        return (
          <button
            key={i}
            type="button"
            className="rv-choice"
            data-kind={c.value.kind}
            aria-pressed={on}
            disabled={readOnly}
            title={c.hint}
            onClick={() => pick(c.value)}
          >
            {i < 9 ? <kbd>{i + 1}</kbd> : null}
            <span className="rv-choice-label">{c.label}</span>
            {vertical && c.hint ? <span className="rv-choice-hint">{c.hint}</span> : null}
          </button>
        );
      })}
      <button type="button" className="rv-choice" data-kind="na" aria-pressed={na} disabled={readOnly} onClick={() => pick({ kind: 'na' })}>
        <kbd>a</kbd>
        <span className="rv-choice-label">N/A</span>
      </button>
    </div>
  );
}
