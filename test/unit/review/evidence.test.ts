// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  logicalText,
  offsetWithin,
  rangeForOffsets,
  rangeToSpan,
  resolveOffsets,
  selectionToSpan,
  spanToRange,
  findPathElement,
  cssString,
} from '../../../renderer/src/features/review/evidence.ts';

// A message as the desk renders it: markdown split over several elements, a link
// target that is UI chrome (data-ev-skip), a tool argument string, and a role label
// outside any path.
beforeEach(() => {
  document.body.innerHTML = `
    <article data-msg="m1">
      <header><span class="role">Assistant</span></header>
      <div data-path="content/0"><p>Call <strong>911</strong> now.</p>
<p>See <span class="md-link">the guide<span data-ev-skip=""> ⟨javascript:alert(1)⟩</span></span> today.</p></div>
      <div class="jt"><span class="jt-key">query</span><span data-path="toolCalls/0/arguments/query">chest pain, adult</span></div>
    </article>
    <article data-msg="m&quot;2"><pre data-path="toolResult">line one
line two</pre></article>`;
});

const el = (path: string) => document.querySelector(`[data-path="${path}"]`)!;
const textOf = (node: Node, i = 0) => {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  let n = walker.nextNode();
  for (let k = 0; k < i; k++) n = walker.nextNode();
  return n as Text;
};

function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Selection {
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  return sel;
}

describe('logical text', () => {
  it('joins text nodes and leaves out data-ev-skip chrome', () => {
    expect(logicalText(el('content/0'))).toBe('Call 911 now.\nSee the guide today.');
  });

  it('maps DOM boundary points to character offsets, across elements', () => {
    const root = el('content/0');
    const strong = root.querySelector('strong')!;
    expect(offsetWithin(root, strong.firstChild!, 0)).toBe(5);
    expect(offsetWithin(root, strong.firstChild!, 3)).toBe(8);
    expect(offsetWithin(root, root, 0)).toBe(0);
    expect(offsetWithin(root, root.querySelector('p')!, 1)).toBe(5); // element boundary: after "Call "
    // a point inside the skipped link target counts as the end of the link text
    const skipped = root.querySelector('[data-ev-skip]')!.firstChild!;
    expect(offsetWithin(root, skipped, 4)).toBe('Call 911 now.\nSee the guide'.length);
  });
});

describe('selection → EvidenceSpan', () => {
  it('maps a selection inside one plain text node', () => {
    const t = textOf(el('toolCalls/0/arguments/query'));
    expect(selectionToSpan(select(t, 0, t, 10))).toEqual({
      messageId: 'm1',
      path: 'toolCalls/0/arguments/query',
      start: 0,
      end: 10,
      text: 'chest pain',
    });
  });

  it('maps a selection across markdown elements to rendered-text offsets', () => {
    const root = el('content/0');
    const span = selectionToSpan(select(textOf(root, 0), 0, root.querySelector('strong')!.firstChild!, 3));
    expect(span).toMatchObject({ path: 'content/0', start: 0, end: 8, text: 'Call 911' });
  });

  it('trims surrounding whitespace (double-click and drag habits)', () => {
    const t = textOf(el('toolCalls/0/arguments/query'));
    const span = selectionToSpan(select(t, 5, t, 12));
    expect(span).toMatchObject({ start: 6, end: 11, text: 'pain,' });
  });

  it('clamps a selection that runs into another piece to the piece where it starts', () => {
    const content = el('content/0');
    const query = textOf(el('toolCalls/0/arguments/query'));
    const span = selectionToSpan(select(content.querySelector('strong')!.firstChild!, 0, query, 5));
    expect(span).toMatchObject({ path: 'content/0', start: 5, text: '911 now.\nSee the guide today.' });
  });

  it('starting in a role label uses the first piece the selection touches', () => {
    const label = document.querySelector('.role')!.firstChild!;
    const t = textOf(el('toolCalls/0/arguments/query'));
    const range = document.createRange();
    range.setStart(label, 2);
    range.setEnd(t, 5);
    expect(rangeToSpan(range)).toMatchObject({ path: 'content/0', start: 0, text: logicalText(el('content/0')) });
    range.setStart(document.querySelector('.jt-key')!.firstChild!, 1);
    expect(rangeToSpan(range)).toMatchObject({ path: 'toolCalls/0/arguments/query', start: 0, end: 5, text: 'chest' });
  });

  it('returns null for collapsed, whitespace-only or unmarked selections', () => {
    const t = textOf(el('toolCalls/0/arguments/query'));
    expect(selectionToSpan(select(t, 3, t, 3))).toBeNull();
    const label = document.querySelector('.role')!.firstChild!;
    expect(selectionToSpan(select(label, 0, label, 4))).toBeNull();
    const content = el('content/0');
    expect(selectionToSpan(select(textOf(content, 0), 4, textOf(content, 0), 5))).toBeNull(); // " "
  });
});

describe('EvidenceSpan → Range (highlighting)', () => {
  it('round-trips through offsets', () => {
    const root = el('content/0');
    const range = rangeForOffsets(root, 5, 19)!;
    expect(range.toString()).toBe('911 now.\nSee t');
    const span = rangeToSpan(range)!;
    expect([span.start, span.end]).toEqual([5, 19]);
  });

  it('skips link chrome when the highlighted span crosses a link', () => {
    const root = el('content/0');
    const text = logicalText(root);
    const start = text.indexOf('guide');
    const range = rangeForOffsets(root, start, start + 'guide today'.length)!;
    // The DOM range covers the skipped target too, but the evidence text does not include it.
    expect(rangeToSpan(range)?.text).toBe('guide today');
  });

  it('falls back to the stored text when offsets no longer match, else gives up', () => {
    expect(resolveOffsets('abc hello', { start: 0, end: 5, text: 'hello' })).toEqual([4, 9]);
    expect(resolveOffsets('hello', { start: 0, end: 5, text: 'hello' })).toEqual([0, 5]);
    expect(resolveOffsets('bye', { start: 0, end: 5, text: 'hello' })).toBeNull();
    const root = el('toolResult');
    expect(spanToRange(root, { messageId: 'm"2', path: 'toolResult', start: 99, end: 103, text: 'line two' })?.toString()).toBe('line two');
  });

  it('finds path elements by message id even with quotes in ids', () => {
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(findPathElement(document, 'm"2', 'toolResult')?.textContent).toContain('line one');
    expect(findPathElement(document, 'm1', 'toolResult')).toBeNull();
  });
});
