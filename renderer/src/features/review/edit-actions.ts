// Edits to the focused criterion, and evidence: attach, remove, jump to.
import type { CriterionValue } from '../../../../shared/model/annotation.ts';
import type { Criterion } from '../../../../shared/model/rubric.ts';
import {
  addEvidence,
  choicesFor,
  criterionOf,
  removeEvidence,
  setRationale,
  setValue,
} from './annotation-logic.ts';
import { activity, commit, persistSession } from './actions.ts';
import { selectionToSpan } from './evidence.ts';
import { type Desk, notify, requestScroll, revealPath, useReview } from './store.ts';

const now = () => new Date().toISOString();

/** The desk and focused criterion, when edits are allowed. */
function editable(): { desk: Desk; criterion: Criterion } | null {
  const { desk, focused } = useReview.getState();
  const criterion = desk?.rubric.criteria[focused];
  if (!desk || !criterion) return null;
  activity.poke();
  if (desk.annotation.status === 'submitted') {
    notify('info', 'This review is submitted. Press o to reopen it as a new revision.');
    return null;
  }
  return { desk, criterion };
}

export function focusCriterion(index: number): void {
  const { desk, focused } = useReview.getState();
  if (!desk) return;
  const clamped = Math.max(0, Math.min(desk.rubric.criteria.length - 1, index));
  if (clamped === focused) return;
  useReview.setState({ focused: clamped, activeEvidence: null });
  void persistSession();
}

export function moveCriterion(delta: number): void {
  focusCriterion(useReview.getState().focused + delta);
}

export function applyValue(value: CriterionValue | undefined): void {
  const ctx = editable();
  if (!ctx) return;
  commit(setValue(ctx.desk.annotation, ctx.criterion.id, value, now()), 'immediate');
}

export function markKey(kind: 'met' | 'not_met' | 'na' | 'clear'): void {
  const ctx = editable();
  if (!ctx) return;
  if ((kind === 'met' || kind === 'not_met') && ctx.criterion.scale.kind !== 'binary') {
    notify('info', `This criterion uses a ${ctx.criterion.scale.kind} scale: pick with 1–${choicesFor(ctx.criterion).length}.`);
    return;
  }
  applyValue(kind === 'clear' ? undefined : { kind });
}

export function pickChoice(index: number): void {
  const ctx = editable();
  if (!ctx) return;
  const choice = choicesFor(ctx.criterion)[index];
  if (choice) applyValue(choice.value);
}

export function typeRationale(criterionId: string, text: string): void {
  const { desk } = useReview.getState();
  if (!desk || desk.annotation.status === 'submitted') return;
  activity.poke();
  commit(setRationale(desk.annotation, criterionId, text, now()), 'typing');
}

export function attachSelection(): boolean {
  const ctx = editable();
  if (!ctx) return false;
  const span = selectionToSpan(window.getSelection());
  if (!span) {
    notify('info', 'Select text in the transcript first (or press v to select with the keyboard).');
    return false;
  }
  const before = criterionOf(ctx.desk.annotation, ctx.criterion.id).evidence.length;
  const next = addEvidence(ctx.desk.annotation, ctx.criterion.id, span, now());
  if (criterionOf(next, ctx.criterion.id).evidence.length === before) {
    notify('info', 'That text is already evidence for this criterion.');
    return false;
  }
  commit(next, 'immediate');
  window.getSelection()?.removeAllRanges();
  useReview.setState({ activeEvidence: { criterionId: ctx.criterion.id, index: before } });
  const n = useReview.getState().focused + 1;
  notify('info', `Evidence attached to criterion ${n}: “${span.text.length > 60 ? `${span.text.slice(0, 60)}…` : span.text}”`);
  return true;
}

export function dropEvidence(criterionId: string, index: number): void {
  const { desk } = useReview.getState();
  if (!desk || desk.annotation.status === 'submitted') return;
  commit(removeEvidence(desk.annotation, criterionId, index, now()), 'immediate');
  useReview.setState({ activeEvidence: null });
}

export function jumpToEvidence(criterionId: string, index: number): void {
  const { desk } = useReview.getState();
  const span = desk ? criterionOf(desk.annotation, criterionId).evidence[index] : undefined;
  if (!desk || !span) return;
  const at = desk.messageIndex.get(span.messageId);
  if (at === undefined) {
    notify('error', 'That evidence points to a message this transcript no longer has.');
    return;
  }
  // Evidence inside folded output or a collapsed JSON node must be shown to be highlighted.
  revealPath(span.messageId, span.path);
  useReview.setState({ activeEvidence: { criterionId, index }, currentMessage: at });
  requestScroll(at, 'center');
}

/** h: the focused criterion's next piece of evidence, round and round. */
export function cycleEvidence(): void {
  const { desk, focused, activeEvidence } = useReview.getState();
  const criterion = desk?.rubric.criteria[focused];
  if (!desk || !criterion) return;
  const { evidence } = criterionOf(desk.annotation, criterion.id);
  if (!evidence.length) {
    notify('info', 'No evidence on this criterion yet: select text and press e.');
    return;
  }
  const next = activeEvidence?.criterionId === criterion.id ? (activeEvidence.index + 1) % evidence.length : 0;
  jumpToEvidence(criterion.id, next);
}
