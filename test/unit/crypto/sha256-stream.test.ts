// The streaming SHA-256 (hash-wasm) against @noble/hashes and node:crypto: known vectors,
// then random lengths cut into random pieces (block boundaries, padding edge cases).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Sha256, sha256DigestSync } from '../../../shared/crypto/index.ts';

const hexOf = async (bytes: Uint8Array, cuts: number[] = []) => {
  const h = await Sha256.create();
  let at = 0;
  for (const c of [...cuts, bytes.length]) {
    h.update(bytes.subarray(at, Math.max(at, c)));
    at = Math.max(at, c);
  }
  return h.hex();
};

describe('Sha256', () => {
  it('matches the FIPS 180-4 examples', async () => {
    const enc = new TextEncoder();
    expect(await hexOf(enc.encode(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await hexOf(enc.encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await hexOf(enc.encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('equals noble and node:crypto for random data cut anywhere', async () => {
    let seed = 42;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let k = 0; k < 300; k++) {
      const n = k < 130 ? k : Math.floor(rand() * 5000);
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
      const cuts = Array.from({ length: Math.floor(rand() * 5) }, () => Math.floor(rand() * (n + 1))).sort((a, b) => a - b);
      const want = createHash('sha256').update(bytes).digest('hex');
      expect(await hexOf(bytes, cuts)).toBe(want);
      expect(bytesToHex(sha256(bytes))).toBe(want);
    }
  });

  it('refuses to be used after its digest', async () => {
    const h = (await Sha256.create()).update(new Uint8Array(3));
    h.digest();
    expect(() => h.update(new Uint8Array(1))).toThrow();
    expect(() => h.digest()).toThrow();
  });

  it('gives one-shot digests synchronously, the hasher reused between them', async () => {
    const digest = await sha256DigestSync();
    for (const text of ['', 'abc', 'Zoë 🦜'.repeat(100)]) {
      const bytes = new TextEncoder().encode(text);
      expect(digest(bytes)).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    }
  });
});
