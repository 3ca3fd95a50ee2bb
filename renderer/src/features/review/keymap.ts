// The review keymap as a pure function: key + context → action. No DOM here, so
// every rule is unit-tested, and the cheat-sheet is generated from KEY_HELP below.
//
// Rules that keep it safe for long sessions:
// - Inside a text field only Escape (leave) and Ctrl/Cmd+Enter (submit) act.
// - Ctrl/Cmd/Alt combinations are left to the OS and browser, except Ctrl/Cmd+Enter
//   and, in selection mode, the usual word-step modifiers on arrows.
// - Enter/Space on a focused button keep their native meaning.

export type SelectionUnit = 'character' | 'word' | 'line' | 'lineboundary';

export type Action =
  | { type: 'nextCriterion' }
  | { type: 'prevCriterion' }
  | { type: 'nextMessage' }
  | { type: 'prevMessage' }
  | { type: 'setValue'; value: 'met' | 'not_met' | 'na' | 'clear' }
  | { type: 'pickChoice'; index: number }
  | { type: 'focusRationale' }
  | { type: 'attachEvidence' }
  | { type: 'jumpEvidence' }
  | { type: 'startSelect' }
  | { type: 'selMove'; forward: boolean; unit: SelectionUnit; extend: boolean }
  | { type: 'exitSelect' }
  | { type: 'submitAndNext' }
  | { type: 'nextUndone' }
  | { type: 'toQueue' }
  | { type: 'skip' }
  | { type: 'reopen' }
  | { type: 'help' }
  | { type: 'leaveField' }
  | { type: 'escape' }
  | { type: 'queueMove'; delta: number }
  | { type: 'queueOpen' };

export interface KeyInput {
  key: string;
  shift: boolean;
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
}

export interface KeyContext {
  view: 'queue' | 'desk';
  /** Focus is in an input, textarea, select or contenteditable. */
  inTextField: boolean;
  /** Focus is on a button, link or summary, whose Enter/Space are native. */
  onControl: boolean;
  /** Keyboard text-selection mode in the transcript. */
  selecting: boolean;
  /** A modal dialog is open (it owns the keyboard). */
  dialogOpen: boolean;
  /** First key of a two-key sequence ("g"). */
  pending: 'g' | null;
}

export interface KeyResult {
  action: Action | null;
  pending: 'g' | null;
}

const none = (pending: 'g' | null = null): KeyResult => ({ action: null, pending });
const act = (action: Action): KeyResult => ({ action, pending: null });

function selectionKey(k: KeyInput): KeyResult {
  const extend = k.shift;
  const byWord = k.alt || k.ctrl;
  switch (k.key) {
    case 'ArrowRight':
    case 'ArrowLeft':
      return act({ type: 'selMove', forward: k.key === 'ArrowRight', unit: byWord ? 'word' : 'character', extend });
    case 'ArrowDown':
    case 'ArrowUp':
      return act({ type: 'selMove', forward: k.key === 'ArrowDown', unit: 'line', extend });
    case 'Home':
    case 'End':
      return act({ type: 'selMove', forward: k.key === 'End', unit: 'lineboundary', extend });
    case 'Enter':
    case 'e':
      return act({ type: 'attachEvidence' });
    case 'Escape':
    case 'v':
      return act({ type: 'exitSelect' });
    case '?':
      return act({ type: 'help' });
    default:
      return none();
  }
}

function queueKey(k: KeyInput, pending: 'g' | null): KeyResult {
  if (pending === 'g') return k.key === 'n' ? act({ type: 'nextUndone' }) : none();
  switch (k.key) {
    case 'j':
    case 'ArrowDown':
      return act({ type: 'queueMove', delta: 1 });
    case 'k':
    case 'ArrowUp':
      return act({ type: 'queueMove', delta: -1 });
    case 'PageDown':
      return act({ type: 'queueMove', delta: 20 });
    case 'PageUp':
      return act({ type: 'queueMove', delta: -20 });
    case 'Home':
      return act({ type: 'queueMove', delta: -Infinity });
    case 'End':
      return act({ type: 'queueMove', delta: Infinity });
    case 'Enter':
    case 'o':
      return act({ type: 'queueOpen' });
    case ']':
      return act({ type: 'nextUndone' });
    case 'g':
      return none('g');
    case '?':
      return act({ type: 'help' });
    default:
      return none();
  }
}

function deskKey(k: KeyInput, pending: 'g' | null): KeyResult {
  if (pending === 'g') {
    if (k.key === 'n') return act({ type: 'nextUndone' });
    if (k.key === 'q') return act({ type: 'toQueue' });
    if (k.key === 's') return act({ type: 'skip' });
    return none();
  }
  if (k.key === 'Enter') return act(k.shift ? { type: 'submitAndNext' } : { type: 'focusRationale' });
  if (/^[1-9]$/.test(k.key)) return act({ type: 'pickChoice', index: Number(k.key) - 1 });
  switch (k.key) {
    case 'j':
    case 'ArrowDown':
      return act({ type: 'nextCriterion' });
    case 'k':
    case 'ArrowUp':
      return act({ type: 'prevCriterion' });
    case 'J':
      return act({ type: 'nextMessage' });
    case 'K':
      return act({ type: 'prevMessage' });
    case 'm':
      return act({ type: 'setValue', value: 'met' });
    case 'n':
      return act({ type: 'setValue', value: 'not_met' });
    case 'a':
      return act({ type: 'setValue', value: 'na' });
    case '0':
      return act({ type: 'setValue', value: 'clear' });
    case 'r':
      return act({ type: 'focusRationale' });
    case 'e':
      return act({ type: 'attachEvidence' });
    case 'h':
      return act({ type: 'jumpEvidence' });
    case 'v':
      return act({ type: 'startSelect' });
    case 'o':
      return act({ type: 'reopen' });
    case ']':
      return act({ type: 'nextUndone' });
    case 'g':
      return none('g');
    case '?':
      return act({ type: 'help' });
    case 'Escape':
      return act({ type: 'escape' });
    default:
      return none();
  }
}

export function resolveKey(k: KeyInput, ctx: KeyContext): KeyResult {
  if (ctx.dialogOpen) return none();
  const commandEnter = k.key === 'Enter' && (k.ctrl || k.meta) && !k.alt;
  if (ctx.inTextField) {
    if (commandEnter && ctx.view === 'desk') return act({ type: 'submitAndNext' });
    if (k.key === 'Escape') return act({ type: 'leaveField' });
    return none();
  }
  if (ctx.view === 'desk' && ctx.selecting) {
    if (k.meta) return none();
    return selectionKey(k);
  }
  if (commandEnter && ctx.view === 'desk') return act({ type: 'submitAndNext' });
  // Everything else with a command modifier belongs to the OS/browser.
  if (k.ctrl || k.meta || k.alt) return none();
  if (ctx.onControl && (k.key === 'Enter' || k.key === ' ')) return none();
  return ctx.view === 'queue' ? queueKey(k, ctx.pending) : deskKey(k, ctx.pending);
}

/** The cheat-sheet, grouped. Kept beside resolveKey so the two cannot drift apart unnoticed. */
export const KEY_HELP: { title: string; rows: { keys: string[]; what: string }[] }[] = [
  {
    title: 'Queue',
    rows: [
      { keys: ['j', 'k', '↓', '↑'], what: 'Move through the queue' },
      { keys: ['Home', 'End', 'PgUp', 'PgDn'], what: 'Jump to the top, the bottom, or by a page' },
      { keys: ['Enter', 'o'], what: 'Open the highlighted transcript' },
      { keys: [']', 'g n'], what: 'Open the next undone transcript' },
    ],
  },
  {
    title: 'Criteria',
    rows: [
      { keys: ['j', '↓'], what: 'Next criterion' },
      { keys: ['k', '↑'], what: 'Previous criterion' },
      { keys: ['m'], what: 'Met (binary criteria)' },
      { keys: ['n'], what: 'Not met (binary criteria)' },
      { keys: ['a'], what: 'Not applicable' },
      { keys: ['1–9'], what: 'Pick the n-th choice: met/not met, ordinal level, or option' },
      { keys: ['0'], what: 'Clear the value' },
      { keys: ['r', 'Enter'], what: 'Write the rationale (Esc leaves the box)' },
      { keys: ['o'], what: 'Reopen a submitted review (new revision)' },
    ],
  },
  {
    title: 'Transcript and evidence',
    rows: [
      { keys: ['J', 'K'], what: 'Next / previous message (Shift+j, Shift+k)' },
      { keys: ['v'], what: 'Select text in the current message with the keyboard' },
      { keys: ['← →'], what: 'In selection: move by character (Alt/Ctrl: by word)' },
      { keys: ['↑ ↓', 'Home End'], what: 'In selection: move by line / to line edge' },
      { keys: ['Shift + move'], what: 'In selection: extend the selection' },
      { keys: ['e', 'Enter'], what: 'Attach the selected text as evidence (mouse selections too)' },
      { keys: ['h'], what: 'Show the next piece of evidence for this criterion' },
      { keys: ['Esc'], what: 'Leave selection mode' },
    ],
  },
  {
    title: 'Finish',
    rows: [
      { keys: ['Shift+Enter', 'Ctrl/⌘+Enter'], what: 'Submit and open the next undone transcript' },
      { keys: [']', 'g n'], what: 'Next undone transcript (work is saved as you go)' },
      { keys: ['g s'], what: 'Skip this transcript (nothing to grade), or take a skipped one back' },
      { keys: ['g q'], what: 'Back to the queue' },
      { keys: ['?'], what: 'This sheet' },
    ],
  },
];
