// The one home of hashing and canonical JSON. Nothing else in Custody computes a digest.
export { canonicalJson } from './canonical-json.ts';
export { toHex } from './hex.ts';
export { sha256Digest, sha256Hex } from './sha256.ts';
export { Sha256, sha256DigestSync } from './sha256-stream.ts';
