// A message row's height before it is mounted, from its content and the list's width.
// The virtualizer mounts the rows it believes fill the viewport; a flat guess (every
// row 120 px when tool results are 600) mounts rows it then throws away and moves
// every row below each time one is measured. Within a few lines is close enough:
// the measured height replaces the guess as soon as the row is laid out.
// The constants follow review.css (row padding, font sizes, line heights).
// The rules for what is shown (folds, markdown or plain, which JSON is open) are the
// components' own, imported, so an estimate cannot drift from what is rendered.
import type { ContentPart, Message, ToolCall, ToolResult } from '../../../../../shared/model/transcript.ts';
import { foldPoint } from './FoldableText.tsx';
import { isInlineList, opensByDefault, shownChildren } from './JsonTree.tsx';
import { isMarkdown } from './MessageRow.tsx';

const px = {
  rowChrome: 27 + 21, // padding and border, then the role/time header
  proseLine: 14.5 * 1.55,
  proseBlockGap: 8, // paragraph and list margins
  monoLine: 12.5 * 1.5,
  jsonLine: 12.5 * 1.55,
  reasoningLine: 13 * 1.5,
  labelLine: 18,
  boxChrome: 10 + 14 + 2 + 18, // call/result box: margin, padding, border, head
  plainChrome: 8 + 16, // plain text block: margin and padding
  foldButton: 22,
  jsonIndent: 17,
};
const proseCharPx = 7.1; // average advance of 14.5 px sans text
const monoCharPx = 7.6; // 12.5 px monospace

/** Lines a text takes at a given number of characters per line. */
function wrappedLines(text: string, perLine: number): number {
  let lines = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const len = (end < 0 ? text.length : end) - start;
    lines += Math.max(1, Math.ceil(len / perLine));
    if (end < 0) return lines;
    start = end + 1;
  }
}

/** Lines of a foldable text as FoldableText shows it (folded), and whether it folds. */
function foldedLines(text: string, perLine: number): { lines: number; folds: boolean } {
  const cut = foldPoint(text);
  return { lines: wrappedLines(cut === null ? text : text.slice(0, cut), perLine), folds: cut !== null };
}

function plainHeight(text: string, width: number, line = px.monoLine, charPx = monoCharPx): number {
  const { lines, folds } = foldedLines(text, Math.max(20, Math.floor((width - 20) / charPx)));
  return px.plainChrome + lines * line + (folds ? px.foldButton : 0);
}

function proseHeight(text: string, width: number): number {
  const perLine = Math.max(20, Math.floor(width / proseCharPx));
  // Blank-line separated blocks get a margin; list items are lines of their own.
  const blocks = text.split(/\n\s*\n/);
  let h = (blocks.length - 1) * px.proseBlockGap;
  for (const b of blocks) h += wrappedLines(b.trim(), perLine) * px.proseLine;
  return h;
}

/** Height of a JSON tree as JsonTree shows it before any toggle: its open rule, folds and inline lists. */
function jsonHeight(value: unknown, width: number, depth = 0): number {
  if (value === null || typeof value !== 'object') {
    const perLine = Math.max(10, Math.floor((width - 80) / monoCharPx));
    return foldedLines(typeof value === 'string' ? value : String(value), perLine).lines * px.jsonLine;
  }
  const entries = Array.isArray(value) ? value : Object.values(value);
  if (!entries.length || (Array.isArray(value) && isInlineList(value))) return px.jsonLine;
  // The root object is always open and has no toggle line; anything else has one.
  const rootObject = depth === 0 && !Array.isArray(value);
  if (!rootObject && !opensByDefault(depth, entries.length)) return px.jsonLine;
  let h = rootObject ? 0 : px.jsonLine;
  for (let i = 0; i < Math.min(entries.length, shownChildren); i++) h += jsonHeight(entries[i], width - px.jsonIndent, depth + 1);
  return h;
}

function partHeight(message: Message, part: ContentPart, width: number): number {
  if (part.type === 'reasoning') return px.labelLine + plainHeight(part.text, width, px.reasoningLine, proseCharPx * 0.9) - px.plainChrome + 10;
  if (part.type === 'media') return px.labelLine;
  return isMarkdown(message, part) ? proseHeight(part.text, width) : plainHeight(part.text, width);
}

function callHeight(call: ToolCall, width: number): number {
  const inner = width - 22;
  return px.boxChrome + (call.argumentsRaw !== undefined ? px.labelLine + plainHeight(call.argumentsRaw, inner) : jsonHeight(call.arguments, inner));
}

function resultHeight(result: ToolResult, width: number): number {
  const inner = width - 22;
  const { content } = result;
  if (typeof content === 'string') return px.boxChrome + plainHeight(content, inner);
  if (content === undefined || content === null) return px.boxChrome + px.labelLine;
  return px.boxChrome + jsonHeight(content, inner);
}

/** Estimated height in px of a message row whose text column is `width` px wide. */
export function estimateRowHeight(message: Message, width: number): number {
  let h = px.rowChrome;
  for (const part of message.content) h += partHeight(message, part, width);
  for (const call of message.toolCalls) h += callHeight(call, width);
  if (message.toolResult) h += resultHeight(message.toolResult, width);
  return Math.round(h);
}
