// Timeline keys: j/k move, Enter opens, Escape closes, / searches, s stars, ? shows them
// all. Plain keys only (no modifier), and never while typing or on a control that owns
// the key. The "?" sheet is generated from LOGS_KEY_HELP below, next to the rules.
import type { KeyHelpGroup } from '../../common/KeySheet.tsx';

export type LogsKey = 'down' | 'up' | 'open' | 'close' | 'search' | 'star' | 'help';

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
}

function isTextEntry(el: Element): boolean {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range'].includes(el.type);
  return (el as HTMLElement).isContentEditable === true;
}

/** Controls that act on Enter themselves. */
function ownsEnter(el: Element): boolean {
  return el.closest('button, a[href], summary, select, [role="button"], [role="menuitem"], [role="option"]') !== null;
}

export function resolveLogsKey(e: KeyLike): LogsKey | null {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return null;
  const el = e.target instanceof Element ? e.target : null;
  // Dialogs (mapping, cancel, remove) own their keys, Escape included.
  if (el?.closest('[role="dialog"], [role="alertdialog"]')) return null;
  if (el && isTextEntry(el)) return null;
  switch (e.key) {
    case 'j':
      return 'down';
    case 'k':
      return 'up';
    // Arrows move the cursor only with the timeline focused; elsewhere they scroll.
    case 'ArrowDown':
      return el?.closest('[data-timeline]') ? 'down' : null;
    case 'ArrowUp':
      return el?.closest('[data-timeline]') ? 'up' : null;
    case 'Enter':
      return el && ownsEnter(el) ? null : 'open';
    case 'Escape':
      return 'close';
    case '/':
      return 'search';
    case 's':
      return 'star';
    case '?':
      return 'help';
    default:
      return null;
  }
}

/** Every key the Logs screen answers, as the "?" sheet lists them (a unit test holds the two together). */
export const LOGS_KEY_HELP: readonly KeyHelpGroup[] = [
  {
    title: 'Timeline',
    rows: [
      { keys: ['j', '↓'], what: 'Next event (arrows with the timeline focused)' },
      { keys: ['k', '↑'], what: 'Previous event (arrows with the timeline focused)' },
      { keys: ['Enter'], what: 'Open the event under the cursor in the drawer' },
      { keys: ['Esc'], what: 'Close the event drawer' },
    ],
  },
  {
    title: 'Event and search',
    rows: [
      { keys: ['s'], what: 'Star or unstar the open event (or the one under the cursor)' },
      { keys: ['/'], what: 'Search fields and raw records' },
      { keys: ['?'], what: 'This sheet' },
    ],
  },
];
