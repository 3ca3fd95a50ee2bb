// A small synchronous content hash for stable record ids (not for security: signatures
// and rubric hashes use SHA-256 through WebCrypto, which is async only).
import { canonicalJson } from '../../crypto/index.ts';

// FNV-1a, 64-bit, over UTF-16 code units, computed as two 32-bit halves.
// The prime is 2^40 + 0x1b3, so multiplying by it is (x * 0x1b3) + (x << 40).
export function fnv1a64(text: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    lo = (lo ^ text.charCodeAt(i)) >>> 0;
    const loProduct = lo * 0x1b3;
    const carry = Math.floor(loProduct / 0x1_0000_0000);
    hi = (Math.imul(hi, 0x1b3) + (lo << 8) + carry) >>> 0;
    lo = loProduct >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** Hash of a JSON value that ignores key order and whitespace. */
export function contentHash(value: unknown): string {
  return fnv1a64(canonicalJson(value));
}
