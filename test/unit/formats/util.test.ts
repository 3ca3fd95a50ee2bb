import { describe, expect, it } from 'vitest';
import { parsePartialJson } from '../../../shared/formats/util/partial-json.ts';
import { contentHash, fnv1a64 } from '../../../shared/formats/util/hash.ts';
import { parseJsonDocument } from '../../../shared/formats/util/text.ts';
import { contentParts, normalizeArguments } from '../../../shared/formats/transcripts/chat-message.ts';

describe('parsePartialJson', () => {
  it('parses complete JSON like JSON.parse', () => {
    const doc = '{"a": [1, -2.5e3, true, null, "q\\"\\u00e9"], "b": {}, "__proto__": 1}';
    expect(parsePartialJson(doc)).toEqual({ value: JSON.parse(doc), end: doc.length, complete: true, damage: [] });
    expect(Object.getPrototypeOf(parsePartialJson(doc)!.value)).toBe(Object.prototype);
  });

  it('closes whatever is open at the end of input', () => {
    expect(parsePartialJson('{"a": [1, 2, {"b": "hel')).toMatchObject({ value: { a: [1, 2, { b: 'hel' }] }, complete: false });
    expect(parsePartialJson('{"a": "x\\u00')!.value).toEqual({ a: 'x' });
    expect(parsePartialJson('{"a": 1, "b')!.value).toEqual({ a: 1 });
    expect(parsePartialJson('[tr')!.value).toEqual([true]);
  });

  it('with recover, skips the damaged element of the outermost array and says where the damage is', () => {
    const text = '{"x": [1, 2], "rows": [\n {"id": 1, "tags": ["a"]},\n {"id": 2, "tags": ["b" "c"]},\n {"id": 3}\n]}';
    const parsed = parsePartialJson(text, 0, { recover: true, holes: true })!;
    // eslint-disable-next-line no-sparse-arrays -- the hole is the point
    expect(parsed.value).toEqual({ x: [1, 2], rows: [{ id: 1, tags: ['a'] }, , { id: 3 }] });
    expect(1 in (parsed.value as { rows: unknown[] }).rows).toBe(false);
    expect(parsed.damage).toEqual([{ index: text.indexOf('"c"'), kind: 'syntax', message: 'not valid JSON: expected "," or "]" after an array element, found "\\""; element 2 of this array skipped' }]);
    // Without holes the array closes up; a member of an object no array encloses is skipped alone.
    expect(parsePartialJson('[1, tru, 3]', 0, { recover: true })!.value).toEqual([1, 3]);
    expect(parsePartialJson('{"a": 1, "b": nul, "c": 3}', 0, { recover: true })!.value).toEqual({ a: 1, c: 3 });
  });

  it('with recover, repairs a trailing or missing comma, drops a cut element, and survives a lost quote or bracket', () => {
    expect(parsePartialJson('[1, 2, ]', 0, { recover: true })).toMatchObject({ value: [1, 2], damage: [{ kind: 'trailing-comma' }] });
    expect(parsePartialJson('{"a": 1,}', 0, { recover: true })).toMatchObject({ value: { a: 1 }, damage: [{ kind: 'trailing-comma' }] });
    expect(parsePartialJson('[{"a": 1} {"a": 2}]', 0, { recover: true })).toMatchObject({ value: [{ a: 1 }, { a: 2 }], damage: [{ kind: 'missing-comma', index: 10 }] });
    expect(parsePartialJson('[{"a": 1}, {"a": [2', 0, { recover: true, dropCut: true })).toMatchObject({ value: [{ a: 1 }], complete: false, damage: [{ kind: 'cut', index: 11 }] });
    // A string missing its closing quote ends at the line break; a lost "}" is closed by the "]".
    expect(parsePartialJson('[\n{"a": "x},\n{"a": 2}\n]', 0, { recover: true })!.value).toEqual([{ a: 2 }]);
    expect(parsePartialJson('[{"a": {"b": 1},\n{"a": 2}\n]', 0, { recover: true })).toMatchObject({ value: [], complete: true });
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
  it('reads a broken pretty-printed document as a document with one problem at the damage, not a problem per line', () => {
    expect(parseJsonDocument('{\n  "a": 1,\n  "b": \n}\n')).toEqual({
      shape: 'json',
      value: { a: 1 },
      problems: [{ line: 4, message: 'not valid JSON (column 1): unexpected "}"; property "b" skipped' }],
    });
    // A compact last element stands alone on its line but is indented: still one document.
    const pretty = '[\n  {"a": 1}\n  {"a": 2},\n  {"a": 3 "b": 4},\n  {"a": 5}\n]\n';
    // eslint-disable-next-line no-sparse-arrays -- the skipped element leaves a hole
    expect(parseJsonDocument(pretty)).toMatchObject({ shape: 'json', value: [{ a: 1 }, { a: 2 }, , { a: 5 }] });
  });

  it('says where a text that is no JSON at all goes wrong', () => {
    expect(parseJsonDocument('hello\nworld\n')).toEqual({ shape: 'invalid', problem: { line: 1, message: 'not valid JSON (column 1): unexpected "h"' } });
  });

  it('reads JSON Lines even when the first line is the broken one', () => {
    const doc = parseJsonDocument('{"a": \n{"a": 2}\n"text"\n{"a": 3}\n{"a": 4');
    expect(doc).toEqual({
      shape: 'lines',
      rows: [{ line: 2, value: { a: 2 } }, { line: 4, value: { a: 3 } }],
      errors: [
        { line: 1, message: 'not valid JSON (column 7): it ends before the JSON value is complete (truncated?)' },
        { line: 3, message: 'line is not a JSON object or array' },
        { line: 5, message: 'not valid JSON (column 8): it ends before the JSON value is complete (truncated?)' },
      ],
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
