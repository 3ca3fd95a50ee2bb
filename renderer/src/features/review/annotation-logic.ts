// Pure edits on an Annotation. Every function returns a new object, so the store
// can hand the same snapshot to React and to the autosaver without copies drifting.
import type { Annotation, CriterionAnnotation, CriterionValue, EvidenceSpan } from '../../../../shared/model/annotation.ts';
import type { Criterion, Rubric } from '../../../../shared/model/rubric.ts';
import { scoreRubric } from '../../../../shared/rubric/score.ts';
import type { QueueItem } from '../../db/rows.ts';

export function freshAnnotation(item: Pick<QueueItem, 'id' | 'transcriptId' | 'rubricHash' | 'annotatorId'>, now: string): Annotation {
  return {
    id: item.id,
    transcriptId: item.transcriptId,
    rubricHash: item.rubricHash,
    annotatorId: item.annotatorId,
    status: 'draft',
    revision: 1,
    criteria: {},
    timeSpentMs: 0,
    createdAt: now,
    updatedAt: now,
    history: [],
  };
}

const emptyCriterion: CriterionAnnotation = { rationale: '', evidence: [] };

export function criterionOf(a: Annotation, criterionId: string): CriterionAnnotation {
  return a.criteria[criterionId] ?? emptyCriterion;
}

function patchCriterion(a: Annotation, criterionId: string, patch: Partial<CriterionAnnotation>, now: string): Annotation {
  const next = { ...criterionOf(a, criterionId), ...patch };
  if (next.value === undefined) delete next.value;
  return { ...a, criteria: { ...a.criteria, [criterionId]: next }, updatedAt: now };
}

export function setValue(a: Annotation, criterionId: string, value: CriterionValue | undefined, now: string): Annotation {
  return patchCriterion(a, criterionId, { value }, now);
}

export function setRationale(a: Annotation, criterionId: string, rationale: string, now: string): Annotation {
  return patchCriterion(a, criterionId, { rationale }, now);
}

const sameSpan = (x: EvidenceSpan, y: EvidenceSpan) =>
  x.messageId === y.messageId && x.path === y.path && x.start === y.start && x.end === y.end;

export function addEvidence(a: Annotation, criterionId: string, span: EvidenceSpan, now: string): Annotation {
  const { evidence } = criterionOf(a, criterionId);
  if (evidence.some((e) => sameSpan(e, span))) return a;
  return patchCriterion(a, criterionId, { evidence: [...evidence, span] }, now);
}

export function removeEvidence(a: Annotation, criterionId: string, index: number, now: string): Annotation {
  const { evidence } = criterionOf(a, criterionId);
  return patchCriterion(a, criterionId, { evidence: evidence.filter((_, i) => i !== index) }, now);
}

export interface Choice {
  value: CriterionValue;
  label: string;
  /** Anchor text (ordinal) or credit (categorical). */
  hint?: string;
}

/** The choices a criterion offers, in the order digits 1..9 pick them (N/A is separate). */
export function choicesFor(c: Criterion): Choice[] {
  switch (c.scale.kind) {
    case 'binary':
      return [
        { value: { kind: 'met' }, label: 'Met' },
        { value: { kind: 'not_met' }, label: 'Not met' },
      ];
    case 'ordinal':
      return [...c.scale.levels]
        .sort((x, y) => x.value - y.value)
        .map((l) => ({ value: { kind: 'ordinal', level: l.value }, label: String(l.value), hint: l.anchor }));
    case 'categorical':
      return c.scale.options.map((o) => ({
        value: { kind: 'category', option: o.id },
        label: o.label,
        hint: `${Math.round(o.credit * 100)}% credit`,
      }));
  }
}

export function sameValue(x: CriterionValue | undefined, y: CriterionValue | undefined): boolean {
  if (!x || !y || x.kind !== y.kind) return false;
  if (x.kind === 'ordinal' && y.kind === 'ordinal') return x.level === y.level;
  if (x.kind === 'category' && y.kind === 'category') return x.option === y.option;
  return true;
}

export function describeValue(c: Criterion, v: CriterionValue | undefined): string {
  if (!v) return 'Not marked';
  if (v.kind === 'na') return 'N/A';
  return choicesFor(c).find((ch) => sameValue(ch.value, v))?.label ?? v.kind;
}

export interface SubmitProblem {
  criterionId: string;
  /** 1-based position of the criterion in the rubric. */
  number: number;
  kind: 'unmarked' | 'rationale';
  message: string;
}

/** Every criterion needs a value (N/A counts); flagged ones need a rationale too. */
export function submitProblems(rubric: Pick<Rubric, 'criteria'>, a: Annotation): SubmitProblem[] {
  const problems: SubmitProblem[] = [];
  rubric.criteria.forEach((c, i) => {
    const ca = a.criteria[c.id];
    const number = i + 1;
    if (!ca?.value) problems.push({ criterionId: c.id, number, kind: 'unmarked', message: `Criterion ${number} is not marked` });
    else if (c.rationaleRequired && !ca.rationale.trim())
      problems.push({ criterionId: c.id, number, kind: 'rationale', message: `Criterion ${number} needs a rationale` });
  });
  return problems;
}

/** "4", "4 and 7", "1–3, 5 and 9": ascending numbers with runs of three or more as ranges. */
export function numberList(numbers: readonly number[]): string {
  const parts: string[] = [];
  const sorted = [...numbers].sort((x, y) => x - y);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}–${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? '');
}

/**
 * Why a submit was refused, one clause per kind of problem, naming every criterion:
 * "criteria 2–4 and 9 are not marked; criterion 6 needs a rationale".
 */
export function describeSubmitProblems(problems: readonly SubmitProblem[]): string {
  const clause = (kind: SubmitProblem['kind'], one: string, many: string) => {
    const numbers = problems.filter((p) => p.kind === kind).map((p) => p.number);
    if (!numbers.length) return null;
    return numbers.length === 1 ? `criterion ${numbers[0]} ${one}` : `criteria ${numberList(numbers)} ${many}`;
  };
  return [clause('unmarked', 'is not marked', 'are not marked'), clause('rationale', 'needs a rationale', 'need a rationale')]
    .filter((c): c is string => c !== null)
    .join('; ');
}

export function submitAnnotation(a: Annotation, rubric: Pick<Rubric, 'criteria'>, now: string): Annotation {
  const problems = submitProblems(rubric, a);
  if (problems.length) throw new Error(problems.map((p) => p.message).join('; '));
  if (a.status === 'submitted') return a;
  return { ...a, status: 'submitted', submittedAt: now, updatedAt: now };
}

/** Back to draft as revision + 1; the submitted state is kept in history, oldest first. */
export function reopenAnnotation(a: Annotation, rubric: Pick<Rubric, 'criteria'>, now: string): Annotation {
  if (a.status !== 'submitted') return a;
  const snapshot = {
    revision: a.revision,
    submittedAt: a.submittedAt ?? a.updatedAt,
    criteria: structuredClone(a.criteria),
    score: scoreRubric(rubric, a.criteria).score,
  };
  const { submittedAt: _dropped, ...rest } = a;
  return { ...rest, status: 'draft', revision: a.revision + 1, history: [...a.history, snapshot], updatedAt: now };
}
