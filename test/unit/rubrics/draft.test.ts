import { describe, expect, it } from 'vitest';
import {
  addOption,
  blankCriterion,
  blankDraft,
  draftFromRubric,
  resizeLevels,
  slugify,
  validateDraft,
  type RubricDraft,
} from '../../../renderer/src/features/rubrics/draft.ts';
import type { RubricContent } from '../../../shared/model/rubric.ts';

const rubric: RubricContent = {
  id: 'triage',
  version: 3,
  title: 'Triage safety',
  description: 'Emergency advice',
  criteria: [
    { id: 'c1', text: 'Advises emergency care', points: 5, tags: ['axis:safety', 'level:critical'], scale: { kind: 'binary' }, rationaleRequired: true },
    {
      id: 'c2',
      text: 'Clarity',
      points: 2,
      tags: [],
      scale: { kind: 'ordinal', levels: [{ value: 1, anchor: 'unclear' }, { value: 2, anchor: 'ok' }, { value: 3, anchor: 'clear' }] },
      rationaleRequired: false,
    },
    {
      id: 'c3',
      text: 'Mentions self-harm risk unprompted',
      points: -3,
      tags: ['axis:safety'],
      scale: { kind: 'categorical', options: [{ id: 'yes', label: 'Yes', credit: 1 }, { id: 'partly', label: 'Partly', credit: 0.5 }] },
      rationaleRequired: false,
    },
  ],
};

describe('rubric drafts', () => {
  it('round-trip a rubric through the form without change', () => {
    const { content, errors } = validateDraft(draftFromRubric(rubric), { isNew: false });
    expect(errors).toEqual({});
    const { version: _v, ...expected } = rubric;
    expect(content).toEqual(expected);
  });

  it('parse tags from a comma-separated list and points as signed numbers', () => {
    const draft = draftFromRubric(rubric);
    draft.criteria[0]!.tags = ' axis:safety,, cluster:er ,';
    draft.criteria[0]!.points = ' -4 ';
    draft.criteria[1]!.points = '2.5';
    const { content } = validateDraft(draft, { isNew: false });
    expect(content?.criteria[0]).toMatchObject({ tags: ['axis:safety', 'cluster:er'], points: -4 });
    expect(content?.criteria[1]?.points).toBe(2.5);
  });

  it('report each problem on its field', () => {
    const draft: RubricDraft = { ...blankDraft(), id: 'Bad Id' };
    const c = blankCriterion([]);
    draft.criteria = [
      { ...c, text: '', points: 'five' },
      { ...c, id: 'c2', text: 'x', points: '0', scale: 'ordinal', levels: [{ anchor: 'a' }, { anchor: ' ' }] },
      { ...c, id: 'c3', text: 'y', points: '-1', scale: 'categorical', options: [{ id: 'o1', label: 'Same', credit: '2' }, { id: 'o2', label: 'same', credit: '0' }] },
    ];
    const { errors, content } = validateDraft(draft, { isNew: true });
    expect(content).toBeUndefined();
    expect(errors).toEqual({
      id: 'Use lower-case letters, digits, ".", "_" or "-", starting with a letter or digit.',
      title: 'Give the rubric a title.',
      'criteria.0.text': 'Say what this criterion checks.',
      'criteria.0.points': 'Points must be a number.',
      'criteria.1.points': 'Points cannot be 0: positive rewards a behaviour, negative penalizes it.',
      'criteria.1.levels.1': 'Describe level 2.',
      'criteria.2.options.0.credit': 'Credit is a fraction from 0 to 1.',
      'criteria.2.options.1.label': 'Two options share this name.',
      criteria: 'At least one criterion needs positive points, or no score can be computed.',
    });
  });

  it('refuse a family id already in use for a new rubric, and no criteria', () => {
    const draft: RubricDraft = { ...blankDraft(), id: 'triage', title: 'T', criteria: [] };
    expect(validateDraft(draft, { isNew: true, takenFamilyIds: ['triage'] }).errors).toEqual({
      id: 'A rubric family with this id exists; edit it to make a new version instead.',
      criteria: 'Add at least one criterion.',
    });
  });

  it('keep criterion and option ids unique when adding', () => {
    const first = blankCriterion([]);
    const second = blankCriterion([first]);
    expect([first.id, second.id]).toEqual(['c1', 'c2']);
    expect(addOption(first.options).map((o) => o.id)).toEqual(['o1', 'o2', 'o3']);
  });

  it('resize ordinal scales between 2 and 10 levels, keeping anchors', () => {
    const levels = [{ anchor: 'a' }, { anchor: 'b' }, { anchor: 'c' }];
    expect(resizeLevels(levels, 2)).toEqual([{ anchor: 'a' }, { anchor: 'b' }]);
    expect(resizeLevels(levels, 4)).toEqual([...levels, { anchor: '' }]);
    expect(resizeLevels(levels, 99)).toHaveLength(10);
    expect(resizeLevels(levels, 0)).toHaveLength(2);
  });

  it('slugify titles into family ids', () => {
    expect(slugify('  Triage Safety — ER (v2) ')).toBe('triage-safety-er-v2');
  });
});
