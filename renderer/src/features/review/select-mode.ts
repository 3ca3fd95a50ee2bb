// Keyboard text selection inside one message. The transcript is not editable, so
// there is no native caret: we place a collapsed Selection at the start of the
// message's first text piece and move it with Selection.modify (the same
// character/word/line steps a text editor uses). The selection may not leave the
// message; a step that would is undone. A drawn caret (TranscriptView) shows where
// the collapsed selection sits.
import type { SelectionUnit } from './keymap.ts';
import { notify, requestScroll, useReview } from './store.ts';
import { firstRowInView, isRowInView, nextFrame, rowElement } from './transcript/dom.ts';
import { PATH_ATTR } from './evidence.ts';

function firstTextIn(row: Element): Text | null {
  for (const piece of Array.from(row.querySelectorAll(`[${PATH_ATTR}]`))) {
    const walker = document.createTreeWalker(piece, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.trim()) return n as Text;
  }
  return null;
}

export async function startSelect(): Promise<void> {
  const { currentMessage, desk } = useReview.getState();
  if (!desk) return;
  const index = isRowInView(currentMessage) ? currentMessage : (firstRowInView() ?? currentMessage);
  // Enter the mode at once so the very next keys already steer the selection.
  useReview.setState({ currentMessage: index, selecting: true });
  let row = rowElement(index);
  if (!row || !isRowInView(index)) {
    requestScroll(index, 'auto');
    await nextFrame();
    await nextFrame();
    row = rowElement(index);
  }
  const text = row && firstTextIn(row);
  if (!row || !text) {
    useReview.setState({ selecting: false });
    notify('info', 'This message has no text to select. Move to another with J / K.');
    return;
  }
  const start = text.data.length - text.data.trimStart().length;
  row.querySelector<HTMLElement>('[data-msg]')?.focus({ preventScroll: true });
  window.getSelection()?.collapse(text, start);
  notify('info', 'Selecting: arrows move, Shift+arrows extend, Alt/Ctrl for words, e attaches, Esc leaves.');
}

export function moveSelection(forward: boolean, unit: SelectionUnit, extend: boolean): void {
  const sel = window.getSelection();
  const row = rowElement(useReview.getState().currentMessage);
  if (!sel || !row || !sel.anchorNode || !sel.focusNode) return;
  const before = [sel.anchorNode, sel.anchorOffset, sel.focusNode, sel.focusOffset] as const;
  sel.modify(extend ? 'extend' : 'move', forward ? 'forward' : 'backward', unit);
  if (!sel.focusNode || !row.contains(sel.focusNode)) sel.setBaseAndExtent(...before);
}

export function exitSelect(keepSelection = false): void {
  if (!keepSelection) window.getSelection()?.removeAllRanges();
  useReview.setState({ selecting: false });
}
