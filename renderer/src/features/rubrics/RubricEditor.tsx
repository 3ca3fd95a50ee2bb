// Creates a rubric, or stores an edit of a sealed version as the family's next version.
import { useMemo, useState, type FormEvent } from 'react';
import type { RubricRow } from '../../db/rows.ts';
import { blankCriterion, blankDraft, draftFromRubric, slugify, validateDraft, type CriterionDraft, type DraftErrors, type RubricDraft } from './draft.ts';
import { createRubric, saveNewVersion } from './actions.ts';
import { CriterionEditor } from './CriterionEditor.tsx';
import { Field } from './Field.tsx';

interface Props {
  /** Absent: a new rubric family. */
  parent?: RubricRow;
  /** The family's newest version number (the save makes it + 1). */
  latestVersion?: number;
  takenFamilyIds: string[];
  onSaved: (saved: RubricRow) => void;
  onCancel: () => void;
}

export function RubricEditor({ parent, latestVersion, takenFamilyIds, onSaved, onCancel }: Props) {
  const isNew = !parent;
  const [draft, setDraft] = useState<RubricDraft>(() => (parent ? draftFromRubric(parent) : blankDraft()));
  const [idTouched, setIdTouched] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const validation = useMemo(() => validateDraft(draft, { isNew, takenFamilyIds }), [draft, isNew, takenFamilyIds]);
  // Messages appear once the user has tried to save, then follow every keystroke.
  const errors: DraftErrors = submitted ? validation.errors : {};
  const errorCount = Object.keys(validation.errors).length;

  const update = (patch: Partial<RubricDraft>) =>
    setDraft((d) => {
      const next = { ...d, ...patch };
      // A new family's id follows its title until the user types one.
      if (isNew && !idTouched && patch.title !== undefined) next.id = slugify(patch.title);
      return next;
    });
  const setCriterion = (i: number, c: CriterionDraft) => update({ criteria: draft.criteria.map((x, j) => (j === i ? c : x)) });
  const moveCriterion = (i: number, delta: -1 | 1) => {
    const list = [...draft.criteria];
    const [item] = list.splice(i, 1);
    list.splice(i + delta, 0, item!);
    update({ criteria: list });
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setSaveError(undefined);
    if (!validation.content) return;
    setSaving(true);
    try {
      onSaved(parent ? await saveNewVersion(parent, validation.content) : await createRubric(validation.content));
    } catch (err) {
      setSaveError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  const nextVersion = (latestVersion ?? parent?.version ?? 0) + 1;
  return (
    <form className="panel rubric-editor" onSubmit={save} noValidate aria-label={isNew ? 'New rubric' : `Edit ${parent.title}`}>
      <div className="panel-head">
        <div className="grow">
          <h2>{isNew ? 'New rubric' : `Edit ${parent.title}`}</h2>
          <p className="muted meta">
            {isNew ? 'Saved as version 1 of a new family.' : `Saved as version ${nextVersion}; version ${parent.version} stays as it is.`}
          </p>
        </div>
      </div>
      <div className="panel-body stack">
        {submitted && errorCount ? (
          <p role="alert" className="form-alert">
            {errorCount === 1 ? '1 field needs attention' : `${errorCount} fields need attention`} before saving.
          </p>
        ) : null}
        {saveError ? (
          <p role="alert" className="form-alert">
            {saveError}
          </p>
        ) : null}
        <div className="editor-grid">
          <Field label="Title" error={errors.title}>
            <input type="text" value={draft.title} onChange={(e) => update({ title: e.target.value })} autoFocus />
          </Field>
          <Field label="Family id" error={errors.id} hint={isNew ? 'stable across versions' : 'fixed for this family'}>
            <input
              type="text"
              className="mono"
              value={draft.id}
              readOnly={!isNew}
              onChange={(e) => {
                setIdTouched(true);
                update({ id: e.target.value });
              }}
            />
          </Field>
          <Field label="Description" className="span-all">
            <textarea rows={2} value={draft.description} onChange={(e) => update({ description: e.target.value })} />
          </Field>
        </div>

        <div className="criteria-head">
          <h3>Criteria</h3>
          <span className="muted">{draft.criteria.length}</span>
          {errors.criteria ? <span className="field-error">{errors.criteria}</span> : null}
        </div>
        {draft.criteria.map((c, i) => (
          <CriterionEditor
            key={c.id}
            index={i}
            criterion={c}
            errors={errors}
            count={draft.criteria.length}
            onChange={(next) => setCriterion(i, next)}
            onRemove={() => update({ criteria: draft.criteria.filter((_, j) => j !== i) })}
            onMove={(delta) => moveCriterion(i, delta)}
          />
        ))}
        <div>
          <button type="button" className="btn" onClick={() => update({ criteria: [...draft.criteria, blankCriterion(draft.criteria)] })}>
            Add criterion
          </button>
        </div>
      </div>
      <div className="editor-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {isNew ? 'Create rubric' : `Save as version ${nextVersion}`}
        </button>
      </div>
    </form>
  );
}
