import { describe, expect, it } from 'vitest';
import { parsePartialJson } from '../../../shared/formats/util/partial-json.ts';
import { contentHash, fnv1a64 } from '../../../shared/formats/util/hash.ts';
import { parseJsonDocument } from '../../../shared/formats/util/text.ts';
import { contentParts, normalizeArguments } from '../../../shared/formats/transcripts/chat-message.ts';

describe('parsePartialJson', () => {
  it('parses complete JSON like JSON.parse', () => {
    const doc = '{"a": [1, -2.5e3, true, null, "q\\"\\u00e9"], "b": {}, "__proto__": 1}';
    expect(parsePartialJson(doc)).toEqual({ value: JSON.parse(doc), end: doc.length, complete: true });
    expect(Object.getPrototypeOf(parsePartialJson(doc)!.value)).toBe(Object.prototype);
  });

  it('closes whatever is open at the end of input', () => {
    expect(parsePartialJson('{"a": [1, 2, {"b": "hel')).toMatchObject({ value: { a: [1, 2, { b: 'hel' }] }, complete: false });
    expect(parsePartialJson('{"a": "x\\u00')!.value).toEqual({ a: 'x' });
    expect(parsePartialJson('{"a": 1, "b')!.value).toEqual({ a: 1 });
    expect(parsePartialJson('[tr')!.value).toEqual([true]);
  });

  it('fails on a syntax error before the end, and stops at the end of the first value', () => {
    expect(parsePartialJson('{"a" 1}')).toBeNull();
    expect(parsePartialJson('[1,, 2]')).toBeNull();
    expect(parsePartialJson('')).toBeNull();
    expect(parsePartialJson('[1] [2]')).toMatchObject({ value: [1], end: 3, complete: true });
    expect(parsePartialJson('['.repeat(10_000))).toBeNull();
  });
});

describe('parseJsonDocument', () => {
  it('treats a broken pretty-printed document as one problem, not a problem per line', () => {
    expect(parseJsonDocument('{\n  "a": 1,\n  "b": \n}\n')).toMatchObject({ shape: 'invalid', message: expect.stringMatching(/^not valid JSON/) });
  });

  it('reads JSON Lines even when the first line is the broken one', () => {
    const doc = parseJsonDocument('{"a": \n{"a": 2}\n"text"\n');
    expect(doc).toEqual({
      shape: 'lines',
      rows: [{ line: 2, value: { a: 2 } }],
      errors: [{ line: 1, message: expect.stringMatching(/^not valid JSON/) }, { line: 3, message: 'line is not a JSON object or array' }],
    });
  });
});

describe('content hashes', () => {
  it('are FNV-1a 64 and ignore key order', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
    expect(contentHash({ a: 1, b: [2] })).toBe(contentHash({ b: [2], a: 1 }));
  });
});

describe('normalizeArguments', () => {
  it('always yields an object, keeping unusable text verbatim', () => {
    expect(normalizeArguments('{"x": 1}')).toEqual({ value: { x: 1 } });
    expect(normalizeArguments({ x: 1 })).toEqual({ value: { x: 1 } });
    expect(normalizeArguments('  ')).toEqual({ value: {} });
    expect(normalizeArguments(undefined)).toEqual({ value: {} });
    expect(normalizeArguments('{"x": ')).toMatchObject({ value: {}, raw: '{"x": ', problem: expect.stringMatching(/not valid JSON/) });
    expect(normalizeArguments('[1, 2]')).toMatchObject({ value: {}, raw: '[1, 2]', problem: expect.stringMatching(/not an object/) });
    expect(normalizeArguments([1, 2])).toMatchObject({ value: {}, raw: '[1,2]', problem: expect.stringMatching(/not an object/) });
  });
});

describe('contentParts', () => {
  it('describes media instead of fetching or copying it', () => {
    expect(contentParts([{ type: 'image_url', image_url: { url: 'https://example.org/cat.png' } }, { type: 'input_audio', audio: 'data:audio/wav;base64,AA' }, { type: 'hologram' }])).toEqual([
      { type: 'media', mime: 'image/*', description: 'image: https://example.org/cat.png' },
      { type: 'media', mime: 'audio/*', description: 'audio (inline data)' },
      { type: 'media', description: 'unsupported content part "hologram"' },
    ]);
  });

  it('keeps text, refusals and reasoning, and drops empty text', () => {
    expect(contentParts(['', { type: 'refusal', refusal: 'No.' }, { type: 'thinking', thinking: 'hmm' }, { type: 'reasoning', reasoning: '', redacted: true }])).toEqual([
      { type: 'text', text: 'No.' },
      { type: 'reasoning', text: 'hmm' },
      { type: 'reasoning', text: '[redacted reasoning]' },
    ]);
  });
});
