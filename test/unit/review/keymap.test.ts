import { describe, expect, it } from 'vitest';
import { resolveKey, KEY_HELP, type KeyContext, type KeyInput } from '../../../renderer/src/features/review/keymap.ts';

const desk: KeyContext = { view: 'desk', inTextField: false, onControl: false, selecting: false, dialogOpen: false, pending: null };
const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, shift: false, ctrl: false, meta: false, alt: false, ...mods });
const action = (k: KeyInput, ctx: Partial<KeyContext> = {}) => resolveKey(k, { ...desk, ...ctx }).action;

describe('review keymap', () => {
  it('moves between criteria with j/k and arrows', () => {
    expect(action(key('j'))).toEqual({ type: 'nextCriterion' });
    expect(action(key('ArrowDown'))).toEqual({ type: 'nextCriterion' });
    expect(action(key('k'))).toEqual({ type: 'prevCriterion' });
    expect(action(key('ArrowUp'))).toEqual({ type: 'prevCriterion' });
  });

  it('marks values and picks scale points with digits', () => {
    expect(action(key('m'))).toEqual({ type: 'setValue', value: 'met' });
    expect(action(key('n'))).toEqual({ type: 'setValue', value: 'not_met' });
    expect(action(key('a'))).toEqual({ type: 'setValue', value: 'na' });
    expect(action(key('0'))).toEqual({ type: 'setValue', value: 'clear' });
    expect(action(key('1'))).toEqual({ type: 'pickChoice', index: 0 });
    expect(action(key('9'))).toEqual({ type: 'pickChoice', index: 8 });
  });

  it('Enter and r focus the rationale; Shift+Enter and Ctrl/Cmd+Enter submit', () => {
    expect(action(key('Enter'))).toEqual({ type: 'focusRationale' });
    expect(action(key('r'))).toEqual({ type: 'focusRationale' });
    expect(action(key('Enter', { shift: true }))).toEqual({ type: 'submitAndNext' });
    expect(action(key('Enter', { ctrl: true }))).toEqual({ type: 'submitAndNext' });
    expect(action(key('Enter', { meta: true }))).toEqual({ type: 'submitAndNext' });
  });

  it('only Escape and Ctrl/Cmd+Enter act inside a text field', () => {
    const inField = { inTextField: true };
    for (const k of ['j', 'm', 'n', 'a', '1', 'e', 'v', '?', ']', 'g', 'Enter', 'ArrowDown', ' ']) {
      expect(action(key(k), inField)).toBeNull();
    }
    expect(action(key('Enter', { shift: true }), inField)).toBeNull(); // a newline, not a submit
    expect(action(key('Escape'), inField)).toEqual({ type: 'leaveField' });
    expect(action(key('Enter', { ctrl: true }), inField)).toEqual({ type: 'submitAndNext' });
  });

  it('leaves browser and OS shortcuts alone', () => {
    for (const k of ['w', 'q', 'r', 't', 'n', 'Tab', 'l', 'f', 'c', 'v']) {
      expect(action(key(k, { ctrl: true }))).toBeNull();
      expect(action(key(k, { meta: true }))).toBeNull();
    }
    expect(action(key('Tab'))).toBeNull();
    expect(action(key('ArrowLeft', { alt: true }))).toBeNull();
  });

  it('keeps native Enter/Space on a focused button', () => {
    expect(action(key('Enter'), { onControl: true })).toBeNull();
    expect(action(key(' '), { onControl: true })).toBeNull();
    expect(action(key('j'), { onControl: true })).toEqual({ type: 'nextCriterion' });
  });

  it('does nothing while a dialog owns the keyboard', () => {
    expect(action(key('j'), { dialogOpen: true })).toBeNull();
    expect(action(key('Escape'), { dialogOpen: true })).toBeNull();
  });

  it('supports g-sequences: g n next undone, g q queue', () => {
    const first = resolveKey(key('g'), desk);
    expect(first).toEqual({ action: null, pending: 'g' });
    expect(resolveKey(key('n'), { ...desk, pending: 'g' }).action).toEqual({ type: 'nextUndone' });
    expect(resolveKey(key('q'), { ...desk, pending: 'g' }).action).toEqual({ type: 'toQueue' });
    expect(resolveKey(key('s'), { ...desk, pending: 'g' }).action).toEqual({ type: 'skip' });
    expect(resolveKey(key('s'), desk).action).toBeNull(); // a lone s does nothing
    expect(resolveKey(key('x'), { ...desk, pending: 'g' })).toEqual({ action: null, pending: null });
    expect(action(key(']'))).toEqual({ type: 'nextUndone' });
  });

  it('evidence keys: e attaches, v selects, h cycles, J/K move between messages', () => {
    expect(action(key('e'))).toEqual({ type: 'attachEvidence' });
    expect(action(key('v'))).toEqual({ type: 'startSelect' });
    expect(action(key('h'))).toEqual({ type: 'jumpEvidence' });
    expect(action(key('J', { shift: true }))).toEqual({ type: 'nextMessage' });
    expect(action(key('K', { shift: true }))).toEqual({ type: 'prevMessage' });
    expect(action(key('?', { shift: true }))).toEqual({ type: 'help' });
  });

  it('in selection mode arrows move or extend the selection like a text editor', () => {
    const sel = { selecting: true };
    expect(action(key('ArrowRight'), sel)).toEqual({ type: 'selMove', forward: true, unit: 'character', extend: false });
    expect(action(key('ArrowRight', { shift: true }), sel)).toEqual({ type: 'selMove', forward: true, unit: 'character', extend: true });
    expect(action(key('ArrowLeft', { shift: true, alt: true }), sel)).toEqual({ type: 'selMove', forward: false, unit: 'word', extend: true });
    expect(action(key('ArrowRight', { ctrl: true, shift: true }), sel)).toEqual({ type: 'selMove', forward: true, unit: 'word', extend: true });
    expect(action(key('ArrowDown', { shift: true }), sel)).toEqual({ type: 'selMove', forward: true, unit: 'line', extend: true });
    expect(action(key('End', { shift: true }), sel)).toEqual({ type: 'selMove', forward: true, unit: 'lineboundary', extend: true });
    expect(action(key('e'), sel)).toEqual({ type: 'attachEvidence' });
    expect(action(key('Enter'), sel)).toEqual({ type: 'attachEvidence' });
    expect(action(key('Escape'), sel)).toEqual({ type: 'exitSelect' });
    expect(action(key('m'), sel)).toBeNull(); // no accidental marking mid-selection
    expect(action(key('c', { meta: true }), sel)).toBeNull(); // copy still works
  });

  it('queue keys move the cursor and open items', () => {
    const q = { view: 'queue' as const };
    expect(action(key('j'), q)).toEqual({ type: 'queueMove', delta: 1 });
    expect(action(key('ArrowUp'), q)).toEqual({ type: 'queueMove', delta: -1 });
    expect(action(key('Enter'), q)).toEqual({ type: 'queueOpen' });
    expect(action(key('End'), q)).toEqual({ type: 'queueMove', delta: Infinity });
    expect(action(key('Home'), q)).toEqual({ type: 'queueMove', delta: -Infinity });
    expect(action(key(']'), q)).toEqual({ type: 'nextUndone' });
    expect(action(key('m'), q)).toBeNull();
    expect(action(key('Enter', { ctrl: true }), q)).toBeNull();
  });

  it('documents every group in the cheat-sheet', () => {
    expect(KEY_HELP.map((g) => g.title)).toEqual(['Queue', 'Criteria', 'Transcript and evidence', 'Finish']);
    const keys = KEY_HELP.flatMap((g) => g.rows.flatMap((r) => r.keys));
    for (const k of ['m', 'n', 'a', 'e', 'v', 'h', '?', 'g n', 'g q']) expect(keys).toContain(k);
  });
});
