// SHA-256 through WebCrypto (present in browsers, workers and Node 20), the one-shot form.
// Digests are written "sha256:<hex>" wherever they are stored or shown; sha256Hex gives the
// bare hex for ids and fingerprints.
import { toHex } from './hex.ts';

const encoder = new TextEncoder();

/** SHA-256 of bytes, or of a string's UTF-8 encoding, as lowercase hex. */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

/** SHA-256 as "sha256:<hex>", the form digests are stored and shown in. */
export async function sha256Digest(data: Uint8Array | string): Promise<string> {
  return `sha256:${await sha256Hex(data)}`;
}
