import { describe, expect, it } from 'vitest';
import {
  addEvidence,
  choicesFor,
  describeValue,
  freshAnnotation,
  removeEvidence,
  reopenAnnotation,
  setRationale,
  setValue,
  submitAnnotation,
  submitProblems,
  describeSubmitProblems,
  numberList,
} from '../../../renderer/src/features/review/annotation-logic.ts';
import { rubricContent } from './seed.ts';

const item = { id: 't|r|a', transcriptId: 't', rubricHash: 'r', annotatorId: 'a' };
const span = { messageId: 'm1', path: 'content/0', start: 0, end: 5, text: 'hello' };

function complete() {
  let a = freshAnnotation(item, 'T0');
  a = setValue(a, 'c1', { kind: 'met' }, 'T1');
  a = setValue(a, 'c2', { kind: 'not_met' }, 'T1');
  a = setRationale(a, 'c2', 'No dose was given.', 'T1');
  return setValue(a, 'c3', { kind: 'ordinal', level: 3 }, 'T2');
}

describe('annotation edits', () => {
  it('starts as an empty draft, revision 1', () => {
    const a = freshAnnotation(item, 'T0');
    expect(a).toMatchObject({ id: 't|r|a', status: 'draft', revision: 1, criteria: {}, history: [], createdAt: 'T0' });
  });

  it('sets and clears values without touching rationale or evidence', () => {
    let a = setRationale(freshAnnotation(item, 'T0'), 'c1', 'why', 'T1');
    a = addEvidence(a, 'c1', span, 'T1');
    a = setValue(a, 'c1', { kind: 'met' }, 'T2');
    expect(a.criteria.c1).toEqual({ value: { kind: 'met' }, rationale: 'why', evidence: [span] });
    a = setValue(a, 'c1', undefined, 'T3');
    expect(a.criteria.c1).toEqual({ rationale: 'why', evidence: [span] });
    expect(a.updatedAt).toBe('T3');
  });

  it('does not duplicate the same evidence span, and removes by index', () => {
    let a = addEvidence(freshAnnotation(item, 'T0'), 'c1', span, 'T1');
    expect(addEvidence(a, 'c1', { ...span }, 'T2')).toBe(a);
    a = addEvidence(a, 'c1', { ...span, start: 6, end: 11, text: 'world' }, 'T2');
    expect(a.criteria.c1!.evidence).toHaveLength(2);
    a = removeEvidence(a, 'c1', 0, 'T3');
    expect(a.criteria.c1!.evidence.map((e) => e.text)).toEqual(['world']);
  });

  it('lists choices in digit order per scale', () => {
    const [binary, , ordinal] = rubricContent.criteria;
    expect(choicesFor(binary!).map((c) => c.label)).toEqual(['Met', 'Not met']);
    expect(choicesFor(ordinal!).map((c) => [c.label, c.hint])).toEqual([['1', 'unclear'], ['2', 'mixed'], ['3', 'clear']]);
    expect(describeValue(ordinal!, { kind: 'ordinal', level: 2 })).toBe('2');
    expect(describeValue(binary!, { kind: 'na' })).toBe('N/A');
    const cat = { ...binary!, scale: { kind: 'categorical' as const, options: [{ id: 'x', label: 'Harmful', credit: 0 }, { id: 'y', label: 'Fine', credit: 1 }] } };
    expect(choicesFor(cat).map((c) => c.value)).toEqual([{ kind: 'category', option: 'x' }, { kind: 'category', option: 'y' }]);
  });
});

describe('submit and reopen', () => {
  it('refuses to submit until every criterion is marked and required rationales are written', () => {
    let a = freshAnnotation(item, 'T0');
    expect(submitProblems(rubricContent, a).map((p) => p.criterionId)).toEqual(['c1', 'c2', 'c3']);
    a = setValue(a, 'c1', { kind: 'met' }, 'T1');
    a = setValue(a, 'c2', { kind: 'na' }, 'T1');
    a = setValue(a, 'c3', { kind: 'ordinal', level: 1 }, 'T1');
    expect(submitProblems(rubricContent, a)).toEqual([{ criterionId: 'c2', number: 2, kind: 'rationale', message: 'Criterion 2 needs a rationale' }]);
    expect(() => submitAnnotation(a, rubricContent, 'T2')).toThrow(/rationale/);
    a = setRationale(a, 'c2', '   ', 'T2');
    expect(submitProblems(rubricContent, a)).toHaveLength(1); // whitespace is not a rationale
  });

  it('says which criteria are unmarked and which lack a rationale, separately and by number', () => {
    const p = (number: number, kind: 'unmarked' | 'rationale') => ({ criterionId: `c${number}`, number, kind, message: '' });
    expect(describeSubmitProblems([p(4, 'rationale')])).toBe('criterion 4 needs a rationale');
    expect(describeSubmitProblems([p(2, 'unmarked'), p(4, 'rationale'), p(3, 'unmarked'), p(5, 'unmarked'), p(9, 'unmarked'), p(11, 'rationale')])).toBe(
      'criteria 2, 3, 5 and 9 are not marked; criteria 4 and 11 need a rationale',
    );
    expect(describeSubmitProblems([1, 2, 3, 4, 7].map((n) => p(n, 'unmarked')))).toBe('criteria 1–4 and 7 are not marked');
    expect(numberList([9, 1, 2])).toBe('1, 2 and 9');
    expect(describeSubmitProblems([])).toBe('');
  });

  it('submits, then reopens as revision + 1 with the submitted state in history', () => {
    const submitted = submitAnnotation(complete(), rubricContent, 'T5');
    expect(submitted).toMatchObject({ status: 'submitted', revision: 1, submittedAt: 'T5' });

    const reopened = reopenAnnotation(submitted, rubricContent, 'T6');
    expect(reopened.status).toBe('draft');
    expect(reopened.revision).toBe(2);
    expect(reopened.submittedAt).toBeUndefined();
    expect(reopened.history).toHaveLength(1);
    // score = (5 met + 0 for the not-met penalty + 2 × full ordinal) / 7 positive points
    expect(reopened.history[0]).toEqual({ revision: 1, submittedAt: 'T5', criteria: submitted.criteria, score: 1 });
    // the history is a copy: editing the new revision leaves it alone
    const edited = setValue(reopened, 'c1', { kind: 'not_met' }, 'T7');
    expect(edited.history[0]!.criteria.c1!.value).toEqual({ kind: 'met' });

    const twice = reopenAnnotation(submitAnnotation(edited, rubricContent, 'T8'), rubricContent, 'T9');
    expect(twice.revision).toBe(3);
    expect(twice.history.map((h) => [h.revision, h.score])).toEqual([[1, 1], [2, 2 / 7]]);
  });

  it('reopening a draft is a no-op', () => {
    const a = complete();
    expect(reopenAnnotation(a, rubricContent, 'T9')).toBe(a);
  });
});
