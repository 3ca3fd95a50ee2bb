// Selection ↔ EvidenceSpan.
//
// Every selectable piece of a message is rendered inside an element carrying
// data-path (and an ancestor carrying data-msg). Offsets are UTF-16 code-unit
// offsets into that element's *logical text*: the concatenation of its text nodes,
// skipping subtrees marked data-ev-skip (UI chrome such as a link's shown target).
// For plain parts (tool arguments, tool results, reasoning) the logical text is the
// source string itself (or its folded prefix), so offsets are source offsets. For
// markdown parts it is the rendered text, not the markdown source; the stored
// `text` lets a span be found again if the rendering ever changes.
import type { EvidenceSpan } from '../../../../shared/model/annotation.ts';

export const MSG_ATTR = 'data-msg';
export const PATH_ATTR = 'data-path';
export const SKIP_ATTR = 'data-ev-skip';

function textNodes(root: Element): Text[] {
  const out: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
    acceptNode: (n) =>
      n.nodeType === Node.ELEMENT_NODE && (n as Element).hasAttribute(SKIP_ATTR) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeType === Node.TEXT_NODE) out.push(n as Text);
  return out;
}

export function logicalText(root: Element): string {
  return textNodes(root)
    .map((t) => t.data)
    .join('');
}

/** Character offset of the DOM boundary point (node, offset) within root's logical text. */
export function offsetWithin(root: Element, node: Node, offset: number): number {
  const point = root.ownerDocument.createRange();
  point.setStart(node, offset);
  let total = 0;
  for (const t of textNodes(root)) {
    if (t === node) return total + offset;
    // t starts at or after the point: nothing of t counts (also covers skipped regions).
    if (point.comparePoint(t, 0) >= 0) return total;
    total += t.length;
  }
  return total;
}

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

function pathElementOf(node: Node): Element | null {
  const el = elementOf(node)?.closest(`[${PATH_ATTR}]`) ?? null;
  return el?.closest(`[${MSG_ATTR}]`) ? el : null;
}

/** When a range starts outside any piece (a role label, say): the first piece it touches. */
function firstPieceIn(range: Range): Element | null {
  const scope = elementOf(range.commonAncestorContainer);
  if (!scope) return null;
  const pieces = Array.from(scope.querySelectorAll(`[${PATH_ATTR}]`));
  return pieces.find((p) => range.intersectsNode(p) && p.closest(`[${MSG_ATTR}]`)) ?? null;
}

/**
 * The span a DOM range selects. A range crossing several text pieces is clamped to
 * the piece where it starts (or, when it starts outside any, the one where it ends).
 * Surrounding whitespace is trimmed. Null when nothing selectable is selected.
 */
export function rangeToSpan(range: Range): EvidenceSpan | null {
  const startEl = pathElementOf(range.startContainer);
  const endEl = pathElementOf(range.endContainer);
  const el = startEl ?? firstPieceIn(range) ?? endEl;
  if (!el) return null;
  const text = logicalText(el);
  let start = startEl === el ? offsetWithin(el, range.startContainer, range.startOffset) : 0;
  let end = endEl === el ? offsetWithin(el, range.endContainer, range.endOffset) : text.length;
  if (end < start) [start, end] = [end, start];
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start === end) return null;
  const messageId = el.closest(`[${MSG_ATTR}]`)!.getAttribute(MSG_ATTR)!;
  return { messageId, path: el.getAttribute(PATH_ATTR)!, start, end, text: text.slice(start, end) };
}

export function selectionToSpan(selection: Selection | null): EvidenceSpan | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  return rangeToSpan(selection.getRangeAt(0));
}

/**
 * Where a stored span sits in the current text: its own offsets when they still
 * select the same text, else the first occurrence of its text, else null.
 */
export function resolveOffsets(text: string, span: Pick<EvidenceSpan, 'start' | 'end' | 'text'>): [number, number] | null {
  if (span.end <= text.length && text.slice(span.start, span.end) === span.text) return [span.start, span.end];
  const at = span.text ? text.indexOf(span.text) : -1;
  return at >= 0 ? [at, at + span.text.length] : null;
}

/** A DOM Range covering [start, end) of root's logical text. */
export function rangeForOffsets(root: Element, start: number, end: number): Range | null {
  const range = root.ownerDocument.createRange();
  let total = 0;
  let started = false;
  for (const t of textNodes(root)) {
    const next = total + t.length;
    if (!started && start <= next) {
      range.setStart(t, start - total);
      started = true;
    }
    if (started && end <= next) {
      range.setEnd(t, end - total);
      return range;
    }
    total = next;
  }
  return null;
}

export function spanToRange(root: Element, span: EvidenceSpan): Range | null {
  const offsets = resolveOffsets(logicalText(root), span);
  return offsets ? rangeForOffsets(root, offsets[0], offsets[1]) : null;
}

/** The rendered element holding a span's text, if that message row is mounted. */
export function findPathElement(container: ParentNode, messageId: string, path: string): Element | null {
  const msg = container.querySelector(`[${MSG_ATTR}=${cssString(messageId)}]`);
  return msg?.querySelector(`[${PATH_ATTR}=${cssString(path)}]`) ?? null;
}

/** A quoted CSS string for attribute selectors (ids come from untrusted files). */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\a ').replace(/\r/g, '\\d ')}"`;
}
