// JSON Lines cut as batches of whole lines (the bulk import's reader) and split into records
// in a worker give exactly the records, line numbers and ordinals the text framing gives,
// whatever the chunk boundaries and batch sizes.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { createJsonlBatchStream, createRecordStream, type StreamProblem } from '../../../shared/formats/stream/record-stream.ts';
import { splitLines, type LineBatch } from '../../../shared/formats/stream/byte-lines.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

function chunked(bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const n = sizes[k % sizes.length]!;
    out.push(bytes.slice(at, at + n));
    at += n;
  }
  return out;
}

function viaText(bytes: Uint8Array, sizes: number[], maxRecordChars?: number) {
  const records: [string, number, number][] = [];
  const problems: StreamProblem[] = [];
  const s = createRecordStream('jsonl', (r) => records.push([r.text, r.line, r.ordinal]), (p) => problems.push(p), maxRecordChars ? { maxRecordChars } : {});
  for (const c of chunked(bytes, sizes)) s.push(c);
  s.end();
  return { records, problems };
}

function viaBytes(bytes: Uint8Array, sizes: number[], maxLineBytes?: number, perBatch = 2) {
  const batches: LineBatch[] = [];
  const problems: StreamProblem[] = [];
  const s = createJsonlBatchStream({ records: perBatch, bytes: 1 << 20, ...(maxLineBytes ? { maxLineBytes } : {}) }, (b) => batches.push(b), (p) => problems.push(p));
  for (const c of chunked(bytes, sizes)) s.push(c);
  s.end();
  return { records: recordsOf(batches), problems, compressed: s.compressed, batches };
}

function recordsOf(batches: LineBatch[], skipThrough = 0): [string, number, number][] {
  const decoder = new TextDecoder();
  return batches.flatMap((b) => {
    // splitLines compacts in place: split a copy, so a batch can be split again.
    const split = splitLines({ ...b, bytes: b.bytes.slice() }, skipThrough);
    expect(split.ends.length).toBe(Math.max(0, Math.min(b.records, b.firstOrdinal + b.records - 1 - skipThrough)));
    return [...split.ends].map((end, i): [string, number, number] => [decoder.decode(split.bytes.subarray(i === 0 ? 0 : split.ends[i - 1]!, end)), split.lines[i]!, split.ordinals[i]!]);
  });
}

describe('JSON Lines as bytes', () => {
  const body = '{"a":1}\r\n\r\n{"b":"é ü 😀"}\n   \n\t\r\n{"c":3}\n\u00a0\n{"d":"\u2028"}';

  it('gives the text framing’s records, lines and ordinals (BOM, CRLF, blank and Unicode-blank lines)', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(body)]);
    for (const [sizes, perBatch] of [[[1 << 20], 1], [[2], 2], [[3, 1], 3], [[7], 100], [[5, 1, 11], 2]] as const) {
      const got = viaBytes(withBom, [...sizes], undefined, perBatch);
      expect(got.records).toEqual(viaText(withBom, [...sizes]).records);
      expect(got.records.map((r) => r[0])).toEqual(['{"a":1}', '{"b":"é ü 😀"}', '{"c":3}', '{"d":"\u2028"}']);
      expect(got.problems).toEqual([]);
    }
  });

  it('keeps invalid UTF-8 bytes in the record (decoding is the reader’s business)', () => {
    const bytes = new Uint8Array([...utf8('{"a":"'), 0xff, 0xfe, ...utf8('"}\n\x01\n{"b":2}\n')]);
    const { batches } = viaBytes(bytes, [4]);
    const split = batches.map((b) => splitLines({ ...b, bytes: b.bytes.slice() }));
    expect(split.flatMap((s) => [...s.ends].map((end, i) => end - (i === 0 ? 0 : s.ends[i - 1]!)))).toEqual([10, 1, 7]);
    expect(split[0]!.bytes[6]).toBe(0xff);
    // A control character is not whitespace (String#trim keeps it): that line is a record.
    expect(viaBytes(bytes, [4]).records.map((r) => r[1])).toEqual(viaText(bytes, [4]).records.map((r) => r[1]));
  });

  it('leaves out the records an interrupted import already stored', () => {
    const bytes = utf8('{"a":1}\n\n{"b":2}\n{"c":3}\n{"d":4}\n');
    const { batches } = viaBytes(bytes, [1 << 20], undefined, 3);
    expect(recordsOf(batches, 2)).toEqual([['{"c":3}', 4, 3], ['{"d":4}', 5, 4]]);
  });

  it('reports a line over the cap with its number, counts it, and keeps the lines after it', () => {
    const long = `{"pad":"${'x'.repeat(5000)}"}`;
    const bytes = utf8(`{"a":1}\n${long}\n{"b":2}\n`);
    for (const sizes of [[1 << 20], [64], [999, 7]]) {
      const got = viaBytes(bytes, sizes, 1000);
      expect(got.records).toEqual([['{"a":1}', 1, 1], ['{"b":2}', 3, 3]]);
      expect(got.problems).toEqual([{ line: 2, message: 'line is longer than 1000 bytes (5010); skipped' }]);
    }
  });

  it('inflates gzip on the fly', () => {
    const plain = utf8('{"a":1}\n{"b":2}\n');
    const got = viaBytes(gzipSync(plain), [5]);
    expect(got.compressed).toBe(true);
    expect(got.records).toEqual(viaText(plain, [1 << 20]).records);
  });
});
