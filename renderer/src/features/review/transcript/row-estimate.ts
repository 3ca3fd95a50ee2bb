// A message row's height before it is mounted, from its content and the list's width.
// The virtualizer mounts the rows it believes fill the viewport; a flat guess (every
// row 120 px when tool results are 600) mounts rows it then throws away and moves
// every row below each time one is measured. Within a few lines is close enough:
// the measured height replaces the guess as soon as the row is laid out.
// The constants follow review.css (row padding, font sizes, line heights).
import type { ContentPart, Message, ToolCall, ToolResult } from '../../../../../shared/model/transcript.ts';
import { FOLD, foldPoint } from './FoldableText.tsx';

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

function plainHeight(text: string, width: number, line = px.monoLine, charPx = monoCharPx): number {
  const cut = foldPoint(text);
  const shown = cut === null ? text : text.slice(0, cut);
  return px.plainChrome + wrappedLines(shown, Math.max(20, Math.floor((width - 20) / charPx))) * line + (cut === null ? 0 : px.foldButton);
}

function proseHeight(text: string, width: number): number {
  const perLine = Math.max(20, Math.floor(width / proseCharPx));
  // Blank-line separated blocks get a margin; list items are lines of their own.
  const blocks = text.split(/\n\s*\n/);
  let h = (blocks.length - 1) * px.proseBlockGap;
  for (const b of blocks) h += wrappedLines(b.trim(), perLine) * px.proseLine;
  return h;
}

/** Lines of a JSON tree as JsonTree shows it: objects open to depth 3, long strings folded. */
function jsonHeight(value: unknown, width: number, depth = 0): number {
  if (value === null || typeof value !== 'object') {
    const text = typeof value === 'string' ? value : String(value);
    const perLine = Math.max(10, Math.floor((width - 80) / monoCharPx));
    return Math.min(wrappedLines(text, perLine), FOLD.lines) * px.jsonLine;
  }
  const entries = Array.isArray(value) ? value : Object.values(value);
  if (!entries.length || depth >= 3 || entries.length > 50) return px.jsonLine;
  if (Array.isArray(value) && entries.every((v) => v === null || typeof v !== 'object') && entries.length <= 8) return px.jsonLine;
  let h = depth === 0 ? 0 : px.jsonLine; // the toggle line of a nested object
  for (const v of entries.slice(0, 200)) h += jsonHeight(v, width - px.jsonIndent, depth + 1);
  return h;
}

function partHeight(message: Message, part: ContentPart, width: number): number {
  if (part.type === 'reasoning') return px.labelLine + plainHeight(part.text, width, px.reasoningLine, proseCharPx * 0.9) - px.plainChrome + 10;
  if (part.type === 'media') return px.labelLine;
  if (message.role === 'tool' || part.text.length > 12_000) return plainHeight(part.text, width);
  return proseHeight(part.text, width);
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
