// Binds the pure keymap to the window and runs the chosen action.
import { useEffect } from 'react';
import { closeDesk, goNextUndone, openItem, reopen, submitAndNext, toggleSkip } from './actions.ts';
import { attachSelection, cycleEvidence, markKey, moveCriterion, pickChoice } from './edit-actions.ts';
import { resolveKey, type Action } from './keymap.ts';
import { exitSelect, moveSelection, startSelect } from './select-mode.ts';
import { requestScroll, useReview } from './store.ts';
import { firstRowInView, isRowInView } from './transcript/dom.ts';

function isTextField(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(el.type);
  return (el as HTMLElement).isContentEditable === true;
}

function isControl(el: Element | null): boolean {
  return !!el?.closest('button, a[href], summary, [role="button"], input[type="checkbox"], input[type="radio"]');
}

function moveMessage(delta: number): void {
  const { desk, currentMessage } = useReview.getState();
  if (!desk) return;
  // Start from what is on screen when the current message was scrolled away.
  const from = isRowInView(currentMessage) ? currentMessage : (firstRowInView() ?? currentMessage) - (delta > 0 ? 1 : 0);
  const next = Math.max(0, Math.min(desk.transcript.messages.length - 1, from + delta));
  useReview.setState({ currentMessage: next });
  requestScroll(next, 'start');
}

function leaveField(): void {
  const el = document.activeElement as HTMLElement | null;
  const card = el?.closest<HTMLElement>('.rv-crit');
  el?.blur();
  card?.focus({ preventScroll: true });
}

function escape(): void {
  const s = useReview.getState();
  if (s.activeEvidence) useReview.setState({ activeEvidence: null });
  else window.getSelection()?.removeAllRanges();
}

export function runAction(action: Action): void {
  const s = useReview.getState();
  switch (action.type) {
    case 'nextCriterion':
      return moveCriterion(1);
    case 'prevCriterion':
      return moveCriterion(-1);
    case 'nextMessage':
      return moveMessage(1);
    case 'prevMessage':
      return moveMessage(-1);
    case 'setValue':
      return markKey(action.value);
    case 'pickChoice':
      return pickChoice(action.index);
    case 'focusRationale':
      useReview.setState({ rationaleRequest: s.rationaleRequest + 1 });
      return;
    case 'attachEvidence':
      if (attachSelection() || s.selecting) exitSelect(true);
      return;
    case 'jumpEvidence':
      return cycleEvidence();
    case 'startSelect':
      void startSelect();
      return;
    case 'selMove':
      return moveSelection(action.forward, action.unit, action.extend);
    case 'exitSelect':
      return exitSelect();
    case 'submitAndNext':
      void submitAndNext();
      return;
    case 'nextUndone':
      void goNextUndone();
      return;
    case 'toQueue':
      void closeDesk();
      return;
    case 'skip':
      void toggleSkip();
      return;
    case 'reopen':
      return reopen();
    case 'help':
      useReview.setState({ helpOpen: true });
      return;
    case 'leaveField':
      return leaveField();
    case 'escape':
      return escape();
    case 'queueMove':
      useReview.setState({ queueCursor: Math.max(0, Math.min(s.queueList.length - 1, s.queueCursor + action.delta)) });
      return;
    case 'queueOpen': {
      const item = s.queueList[s.queueCursor];
      if (item) void openItem(item.id);
      return;
    }
  }
}

export function useReviewKeys(): void {
  useEffect(() => {
    let pending: 'g' | null = null;
    let pendingTimer: ReturnType<typeof setTimeout> | undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const s = useReview.getState();
      const target = e.target instanceof Element ? e.target : null;
      const result = resolveKey(
        { key: e.key, shift: e.shiftKey, ctrl: e.ctrlKey, meta: e.metaKey, alt: e.altKey },
        {
          view: s.view,
          inTextField: isTextField(target),
          onControl: isControl(target),
          selecting: s.selecting,
          dialogOpen: s.helpOpen || !!document.querySelector('[role="dialog"], [role="alertdialog"]'),
          pending,
        },
      );
      clearTimeout(pendingTimer);
      pending = result.pending;
      if (pending) pendingTimer = setTimeout(() => (pending = null), 1500);
      if (!result.action && !result.pending) return;
      e.preventDefault();
      if (result.action) runAction(result.action);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      clearTimeout(pendingTimer);
    };
  }, []);
}
