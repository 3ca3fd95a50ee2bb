// The streaming layer on its own: framing, chunk boundaries, BOM/CRLF, caps, gzip.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { stream, utf8 } from './helpers.ts';
import { createRecordStream } from '../../../shared/formats/stream/record-stream.ts';
import { parseCsvRow } from '../../../shared/formats/stream/csv.ts';

const texts = (s: { records: { text: string }[] }) => s.records.map((r) => r.text);
const lines = (s: { records: { line: number }[] }) => s.records.map((r) => r.line);

describe('JSON Lines framing', () => {
  const body = '{"a":1}\r\n\r\n{"b":"é ü 😀"}\n   \n{"c":3}';

  it('cuts lines with their numbers, skips blank lines, drops CR and the BOM', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(body)]);
    const s = stream('jsonl', withBom);
    expect(texts(s)).toEqual(['{"a":1}', '{"b":"é ü 😀"}', '{"c":3}']);
    expect(lines(s)).toEqual([1, 3, 5]);
    expect(s.records.map((r) => r.ordinal)).toEqual([1, 2, 3]);
    expect(s.problems).toEqual([]);
  });

  it('gives the same records whatever the chunk sizes (multi-byte characters split across chunks)', () => {
    const bytes = utf8(body);
    const whole = stream('jsonl', bytes);
    for (const sizes of [[1], [2, 3], [7], [5, 1, 11]]) expect(stream('jsonl', bytes, sizes)).toEqual(whole);
  });

  it('reports a line over the cap with its number and keeps the lines after it', () => {
    const long = `{"pad":"${'x'.repeat(5000)}"}`;
    const s = stream('jsonl', utf8(`{"a":1}\n${long}\n{"b":2}\n`), [777], { maxRecordChars: 1000 });
    expect(texts(s)).toEqual(['{"a":1}', '{"b":2}']);
    expect(lines(s)).toEqual([1, 3]);
    expect(s.problems).toEqual([{ line: 2, message: expect.stringMatching(/line is longer than 1000 characters \(5\d{3}\); skipped/) }]);
  });
});

describe('JSON framing (structural splitter)', () => {
  it('cuts a pretty array into its elements, each with the line it starts on', () => {
    const s = stream('json', utf8('[\n  {"a": "x]}\\"{"},\n  {"b": [1, {"c": 2}]},\n  "scalar", 42\n]\n'), [3]);
    expect(texts(s)).toEqual(['{"a": "x]}\\"{"}', '{"b": [1, {"c": 2}]}', '"scalar"', '42']);
    expect(lines(s)).toEqual([2, 3, 4, 4]);
  });

  it('takes the records of a {"Records": [...]} envelope and ignores its other keys', () => {
    const s = stream('json', utf8('{"meta": {"Records": 1}, "Records": [{"n":1},{"n":2}], "next": [{"x":1}]}'), [4]);
    expect(texts(s)).toEqual(['{"n":1}', '{"n":2}']);
  });

  it('reads a lone object as one record, and concatenated values one by one', () => {
    expect(texts(stream('json', utf8('{"data": {"a": [1]}, "b": 2}\n')))).toEqual(['{"data": {"a": [1]}, "b": 2}']);
    // Only the file's first value can be an envelope; later objects are records even with "data": [...].
    expect(texts(stream('json', utf8('{"a":1}\n{"data":[{"x":1}]}\n')))).toEqual(['{"a":1}', '{"data":[{"x":1}]}']);
  });

  it('keeps every complete element of a truncated array and names the cut one', () => {
    const s = stream('json', utf8('[{"a":1},\n{"b":2},\n{"c":'));
    expect(texts(s)).toEqual(['{"a":1}', '{"b":2}']);
    expect(s.problems).toEqual([{ line: 3, sample: '#3', message: expect.stringMatching(/cut off at the end of the file/) }]);
  });

  it('reports an unclosed array whose last element was complete, and stray text outside values', () => {
    expect(stream('json', utf8('[{"a":1}, ')).problems).toEqual([{ line: 1, message: expect.stringMatching(/array starting here is not closed/) }]);
    const s = stream('json', utf8('garbage here\n{"a":1}\n'));
    expect(texts(s)).toEqual(['{"a":1}']);
    expect(s.problems).toEqual([{ line: 1, message: expect.stringMatching(/text outside any JSON value/) }]);
  });

  it('confines a lost closing quote to its record when records start lines of their own, at any chunk size', () => {
    const body = '[\n  {\n    "id": "a",\n    "actor": {"type": "User"}\n  },\n  {\n    "id": "b",\n    "actor": {"type": "User}\n  },\n  {\n    "id": "c"\n  }\n]\n';
    for (const sizes of [[1 << 20], [1], [7]]) {
      const s = stream('json', utf8(body), sizes);
      expect(s.records.map((r) => [r.line, r.ordinal])).toEqual([[2, 1], [6, 2], [10, 3]]);
      expect(JSON.parse(s.records[2]!.text)).toEqual({ id: 'c' });
      expect(() => JSON.parse(s.records[1]!.text)).toThrow();
      expect(s.problems).toEqual([]);
    }
  });

  it('skips an element over the cap and keeps the next', () => {
    const s = stream('json', utf8(`[{"a":"${'y'.repeat(3000)}"}, {"b":1}]`), [100], { maxRecordChars: 500 });
    expect(texts(s)).toEqual(['{"b":1}']);
    expect(s.problems[0]).toMatchObject({ sample: '#1', message: expect.stringMatching(/larger than 500 characters/) });
  });
});

describe('CSV framing', () => {
  it('reads RFC 4180 rows: quoted delimiters, doubled quotes, quoted newlines, CRLF, BOM', () => {
    const body = '\ufefftime,user,note\r\n1,ada,"a, b"\r\n2,bob,"say ""hi"""\r\n3,cat,"two\r\nlines"\r\n';
    const s = stream('csv', utf8(body), [5]);
    expect(s.records.map((r) => r.fields)).toEqual([
      { time: '1', user: 'ada', note: 'a, b' },
      { time: '2', user: 'bob', note: 'say "hi"' },
      { time: '3', user: 'cat', note: 'two\nlines' },
    ]);
    expect(lines(s)).toEqual([2, 3, 4]);
    expect(s.records[2]!.text).toBe('3,cat,"two\nlines"');
  });

  it('guesses the delimiter from the header (tab, semicolon)', () => {
    expect(stream('csv', utf8('a\tb\n1\t2\n')).records[0]!.fields).toEqual({ a: '1', b: '2' });
    expect(stream('csv', utf8('a;b\n1;2\n')).records[0]!.fields).toEqual({ a: '1', b: '2' });
  });

  it('reports ragged rows by line and keeps the rest; a trailing empty field is fine', () => {
    const s = stream('csv', utf8('a,b,c\n1,2,3\n1,2\n1,2,3,4\n1,2,3,\n'));
    expect(s.records.map((r) => r.line)).toEqual([2, 5]);
    expect(s.problems).toEqual([
      { line: 3, message: 'row has 2 fields, the header has 3; skipped' },
      { line: 4, message: 'row has 4 fields, the header has 3; skipped' },
    ]);
  });

  it('confines a stray quote to its own line: the lines it swallowed are re-read', () => {
    const s = stream('csv', utf8('a,b\n1,2\n3,"4\n5,6\n7,8\n'), [3], { csvMaxRowLines: 10 });
    expect(s.records.map((r) => r.fields)).toEqual([{ a: '1', b: '2' }, { a: '5', b: '6' }, { a: '7', b: '8' }]);
    expect(s.problems.map((p) => p.line)).toEqual([3]);
  });

  it('says when a quoted field is still open at the end of the file', () => {
    const s = stream('csv', utf8('a,b\n1,"cut'));
    expect(s.problems).toEqual([{ line: 2, message: expect.stringMatching(/quoted field is not closed/) }]);
  });

  it('parses one row leniently', () => {
    expect(parseCsvRow('x,"a""b",5" screen,', ',')).toEqual(['x', 'a"b', '5" screen', '']);
  });
});

describe('gzip', () => {
  const body = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ i, pad: 'p'.repeat(i % 40) })).join('\n') + '\n';
  const gz = gzipSync(utf8(body));

  it('is recognised by its magic bytes and inflated as it streams (even 1 byte at a time at first)', () => {
    const s = stream('jsonl', gz, [1, 1, 500, 4096]);
    expect(s.records).toHaveLength(2000);
    expect(s.problems).toEqual([]);
  });

  it('reads concatenated members', () => {
    const two = new Uint8Array([...gzipSync(utf8('{"a":1}\n')), ...gzipSync(utf8('{"b":2}\n'))]);
    expect(texts(stream('jsonl', two))).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('keeps the records before a truncation and says where it was cut', () => {
    const cut = gz.subarray(0, Math.floor(gz.length / 2));
    const s = stream('jsonl', cut, [1000]);
    expect(s.records.length).toBeGreaterThan(500);
    expect(s.records.length).toBeLessThan(2000);
    expect(s.records.map((r) => r.ordinal)).toEqual(s.records.map((_, i) => i + 1));
    const problem = s.problems.find((p) => p.message.startsWith('gzip'));
    expect(problem?.message).toMatch(new RegExp(`^gzip stream truncated after ${cut.length} bytes`));
  });

  it('notices a missing trailer and a cut header', () => {
    expect(stream('jsonl', gz.subarray(0, gz.length - 8)).problems[0]?.message).toMatch(/gzip stream truncated after/);
    expect(stream('jsonl', gz.subarray(0, 5)).problems[0]?.message).toMatch(/gzip stream truncated after 5 bytes/);
  });

  it('reports a damaged stream once and stops reading it', () => {
    const broken = gz.slice();
    broken.fill(0xff, 20, 60);
    const s = stream('jsonl', broken, [10]);
    expect(s.problems.filter((p) => p.message.startsWith('gzip'))).toHaveLength(1);
  });

  it('counts compressed bytes for progress', () => {
    const s = createRecordStream('jsonl', () => undefined, () => undefined);
    s.push(gz);
    s.end();
    expect(s.bytesIn).toBe(gz.length);
    expect(s.compressed).toBe(true);
  });
});

describe('choosing the framing from the sniff', () => {
  it('reads JSON Lines whose first line is longer than the detection window line by line', async () => {
    const { readAccessLog } = await import('../../../shared/formats/access-logs/read-access-log.ts');
    const line = (i: number, pad = '') => JSON.stringify({ eventType: 'user.session.start', published: '2026-03-02T09:00:00Z', uuid: `u${i}`, actor: { id: 'a', type: 'User' }, pad });
    const body = [line(0, 'x'.repeat(100_000)), line(1), '{"broken', line(3)].join('\n');
    const out = readAccessLog({ name: 'big-first.jsonl', bytes: utf8(body) });
    expect(out.format).toBe('okta-system-log');
    expect(out.events.map((e) => e.nativeId)).toEqual(['u0', 'u1', 'u3']);
    expect(out.errors).toEqual([{ line: 3, message: expect.stringMatching(/not valid JSON/) }]);
  });
});
