// Canonical JSON against RFC 8785's own examples, and the one-shot SHA-256 against node:crypto.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Digest, sha256Hex, toHex } from '../../../shared/crypto/index.ts';

describe('canonicalJson (RFC 8785)', () => {
  it('serializes numbers, strings and literals as section 3.2.2 shows', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units, as section 3.2.3 shows', () => {
    const input = { '\u20ac': 0, '\r': 0, '\ufb33': 0, '1': 0, '\ud83d\ude00': 0, '\u0080': 0, '\u00f6': 0 };
    const keys = Object.keys(JSON.parse(canonicalJson(input)) as object);
    // Integer-like keys come first in any JS object, so compare the serialized order instead.
    const order = [...canonicalJson(input).matchAll(/"((?:[^"\\]|\\.)*)":/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    expect(order).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
    expect(keys).toHaveLength(7);
  });

  it('ignores key order and whitespace, drops undefined members, refuses non-finite numbers', () => {
    expect(canonicalJson({ b: [1, { d: 2, c: undefined }], a: 'x' })).toBe(canonicalJson(JSON.parse('{ "a" : "x", "b" : [ 1, { "d" : 2 } ] }')));
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson([Infinity])).toThrow(/non-finite/);
  });
});

describe('sha256Hex / sha256Digest', () => {
  it('match node:crypto for bytes and for a string’s UTF-8', async () => {
    for (const text of ['', 'abc', 'é€😀', 'x'.repeat(100_000)]) {
      const want = createHash('sha256').update(text, 'utf8').digest('hex');
      expect(await sha256Hex(text)).toBe(want);
      expect(await sha256Hex(new TextEncoder().encode(text))).toBe(want);
      expect(await sha256Digest(text)).toBe(`sha256:${want}`);
    }
  });

  it('toHex is lowercase, two digits a byte', () => {
    expect(toHex(Uint8Array.from([0, 1, 15, 16, 255]))).toBe('00010f10ff');
  });
});
