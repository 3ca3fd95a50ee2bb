// Row heights guessed before layout: they must follow what the row will show (folds,
// JSON opened to depth 3, wrapping at the column's width), since the virtualizer
// places and mounts rows by them until each is measured.
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/model/transcript.ts';
import { estimateRowHeight } from '../../../renderer/src/features/review/transcript/row-estimate.ts';

const text = (role: Message['role'], body: string): Message => ({ id: 'm', role, content: [{ type: 'text', text: body }], toolCalls: [] });
const result = (content: unknown): Message => ({ id: 't', role: 'tool', content: [], toolCalls: [], toolResult: { toolCallId: 'c', content } as Message['toolResult'] });
const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`).join('\n');

describe('estimateRowHeight', () => {
  it('grows with prose and with a narrower column', () => {
    const short = estimateRowHeight(text('assistant', 'A short reply.'), 880);
    const long = estimateRowHeight(text('assistant', 'word '.repeat(400)), 880);
    expect(long).toBeGreaterThan(short + 100);
    expect(estimateRowHeight(text('assistant', 'word '.repeat(400)), 400)).toBeGreaterThan(long * 1.8);
  });

  it('counts paragraphs and list items as lines of their own', () => {
    const oneLine = estimateRowHeight(text('user', 'a b c d'), 880);
    const fourBlocks = estimateRowHeight(text('user', 'a\n\nb\n\n- c\n- d'), 880);
    expect(fourBlocks - oneLine).toBeGreaterThan(3 * 20);
  });

  it('stops at the fold: a 5,000-line tool output is as tall as a 41-line one', () => {
    const folded = estimateRowHeight(text('tool', lines(41)), 880);
    expect(estimateRowHeight(text('tool', lines(5000)), 880)).toBe(folded);
    expect(folded).toBeGreaterThan(estimateRowHeight(text('tool', lines(39)), 880));
  });

  it('follows the JSON tree: one line per open leaf, closed below depth 3 or past 50 keys', () => {
    const flat = estimateRowHeight(result({ a: 1, b: 2 }), 880);
    const four = estimateRowHeight(result({ a: 1, b: 2, c: 3, d: 4 }), 880);
    expect(four - flat).toBeCloseTo(2 * 12.5 * 1.55, 0);
    const deep = estimateRowHeight(result({ a: { b: { c: { d: { e: { f: 1 } } } } } }), 880);
    const deeper = estimateRowHeight(result({ a: { b: { c: { d: { e: { f: { g: { h: 1 } } } } } } } }), 880);
    expect(deeper).toBe(deep);
    const wide = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    expect(estimateRowHeight(result({ wide }), 880)).toBe(estimateRowHeight(result({ wide: {} }), 880));
  });

  it('is finite and positive for every kind of part', () => {
    const m: Message = {
      id: 'x',
      role: 'assistant',
      content: [
        { type: 'reasoning', text: 'thinking' },
        { type: 'media', mime: 'image/png', description: 'a chart' },
        { type: 'text', text: '' },
      ],
      toolCalls: [{ id: 'c', name: 'f', arguments: {}, argumentsRaw: '{not json' }],
    };
    const h = estimateRowHeight(m, 880);
    expect(Number.isFinite(h) && h > 48).toBe(true);
  });
});
