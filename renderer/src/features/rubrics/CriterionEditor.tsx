// One criterion in the editor: text, signed points, tags, scale and rationale rule.
import { addOption, resizeLevels, type CriterionDraft, type DraftErrors, type ScaleKind } from './draft.ts';
import { Field } from './Field.tsx';

interface Props {
  index: number;
  criterion: CriterionDraft;
  errors: DraftErrors;
  count: number;
  onChange: (next: CriterionDraft) => void;
  onRemove: () => void;
  onMove: (delta: -1 | 1) => void;
}

export function CriterionEditor({ index, criterion: c, errors, count, onChange, onRemove, onMove }: Props) {
  const at = (field: string) => errors[`criteria.${index}.${field}`];
  const set = (patch: Partial<CriterionDraft>) => onChange({ ...c, ...patch });
  const points = Number(c.points);
  return (
    <fieldset className="criterion">
      <legend className="sr-only">Criterion {index + 1}</legend>
      <div className="criterion-head">
        <span className="criterion-number" aria-hidden="true">
          {index + 1}
        </span>
        <span className="mono faint">{c.id}</span>
        <span className="grow" />
        <button type="button" className="btn btn-quiet btn-sm" onClick={() => onMove(-1)} disabled={index === 0} aria-label={`Move criterion ${index + 1} up`}>
          ↑
        </button>
        <button type="button" className="btn btn-quiet btn-sm" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={`Move criterion ${index + 1} down`}>
          ↓
        </button>
        <button type="button" className="btn btn-quiet btn-sm" onClick={onRemove} disabled={count === 1} aria-label={`Remove criterion ${index + 1}`}>
          Remove
        </button>
      </div>
      <div className="criterion-grid">
        <Field label="Criterion text" error={at('text')} className="span-all">
          <textarea rows={2} value={c.text} onChange={(e) => set({ text: e.target.value })} placeholder="What the response must (or must not) do" />
        </Field>
        <Field label="Points" error={at('points')} hint={Number.isFinite(points) && points < 0 ? 'penalty when met' : 'negative = penalty'}>
          <input type="text" inputMode="decimal" value={c.points} onChange={(e) => set({ points: e.target.value })} className={points < 0 ? 'negative' : ''} />
        </Field>
        <Field label="Tags" error={at('tags')} hint="comma-separated, e.g. axis:accuracy, level:example">
          <input type="text" value={c.tags} onChange={(e) => set({ tags: e.target.value })} />
        </Field>
        <Field label="Scale">
          <select value={c.scale} onChange={(e) => set({ scale: e.target.value as ScaleKind })}>
            <option value="binary">Met / not met</option>
            <option value="ordinal">Ordinal levels</option>
            <option value="categorical">Categories</option>
          </select>
        </Field>
        <label className="check">
          <input type="checkbox" checked={c.rationaleRequired} onChange={(e) => set({ rationaleRequired: e.target.checked })} />
          Rationale required
        </label>
      </div>

      {c.scale === 'ordinal' ? (
        <div className="scale-block">
          <Field label="Levels" error={at('levels')}>
            <input type="number" min={2} max={10} value={c.levels.length} onChange={(e) => set({ levels: resizeLevels(c.levels, Number(e.target.value)) })} className="narrow" />
          </Field>
          <div className="levels-grid">
            {c.levels.map((l, i) => (
              <Field key={i} label={`Level ${i + 1} anchor`} error={at(`levels.${i}`)}>
                <input
                  type="text"
                  value={l.anchor}
                  placeholder={i === 0 ? 'lowest, e.g. absent or wrong' : i === c.levels.length - 1 ? 'highest, e.g. complete and correct' : ''}
                  onChange={(e) => set({ levels: c.levels.map((x, j) => (j === i ? { anchor: e.target.value } : x)) })}
                />
              </Field>
            ))}
          </div>
        </div>
      ) : null}

      {c.scale === 'categorical' ? (
        <div className="scale-block">
          {errors[`criteria.${index}.options`] ? <span className="field-error">{errors[`criteria.${index}.options`]}</span> : null}
          {c.options.map((o, i) => (
            <div key={o.id} className="option-row">
              <Field label={`Option ${i + 1}`} error={at(`options.${i}.label`)} className="grow">
                <input type="text" value={o.label} onChange={(e) => set({ options: c.options.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)) })} />
              </Field>
              <Field label="Credit (0–1)" error={at(`options.${i}.credit`)}>
                <input type="text" inputMode="decimal" className="narrow" value={o.credit} onChange={(e) => set({ options: c.options.map((x, j) => (j === i ? { ...x, credit: e.target.value } : x)) })} />
              </Field>
              <button type="button" className="btn btn-quiet btn-sm" disabled={c.options.length <= 2} onClick={() => set({ options: c.options.filter((_, j) => j !== i) })} aria-label={`Remove option ${i + 1}`}>
                Remove
              </button>
            </div>
          ))}
          <button type="button" className="btn btn-sm" onClick={() => set({ options: addOption(c.options) })}>
            Add option
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
