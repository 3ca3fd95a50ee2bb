// The trigram filter over a chunk's rare text (one-off values: ids, request ids …). A
// substring can only be in a block of rows that holds every trigram of it, so a search reads
// and scans only such blocks; a block lacking one cannot hold the term (no hit is lost).
// Stored gram-major — for each of GRAM_SLOTS hashed trigrams, one bit per block of
// BLOCK_ROWS rows — so a search reads a few small slices, not the whole filter. 32 rows hold
// ~3,900 distinct trigrams of Okta ids: ~11% of the 32,768 slots, so three trigrams leave
// about 0.1% of blocks to scan.

export const BLOCK_ROWS = 32;
export const GRAM_SLOTS = 1 << 15;
/** Trigrams of a term used at most: enough to rule out nearly every block, few reads. */
export const MAX_TERM_GRAMS = 8;

const slotOf = (a: number, b: number, c: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d)) >>> 17;

export const blockCount = (rows: number): number => Math.ceil(rows / BLOCK_ROWS);
/** 32-bit words in one gram's slice for a chunk of `rows` rows. */
export const sliceWords = (rows: number): number => Math.ceil(blockCount(rows) / 32);

/** `rare`: UTF-8 bytes, each value followed by NUL; `ends[i]`: end of row i's values. */
export function buildGramFilter(rare: Uint8Array, ends: Uint32Array): Uint32Array {
  const rows = ends.length;
  const words = sliceWords(rows);
  const filter = new Uint32Array(GRAM_SLOTS * words);
  for (let b = 0; b * BLOCK_ROWS < rows; b++) {
    const from = b === 0 ? 0 : ends[b * BLOCK_ROWS - 1]!;
    const to = ends[Math.min(rows, (b + 1) * BLOCK_ROWS) - 1]!;
    const word = b >>> 5;
    const bit = 1 << (b & 31);
    for (let i = from; i + 2 < to; i++) {
      const c = rare[i + 2]!;
      // A trigram across a value's NUL end is never part of a term.
      if (c === 0) {
        i += 2;
        continue;
      }
      const a = rare[i]!;
      const m = rare[i + 1]!;
      if (a === 0 || m === 0) continue;
      filter[slotOf(a, m, c) * words + word]! |= bit;
    }
  }
  return filter;
}

/** The slots of up to MAX_TERM_GRAMS distinct trigrams of a term's bytes, spread along it. */
export function termSlots(term: Uint8Array): number[] {
  const all: number[] = [];
  for (let i = 0; i + 2 < term.length; i++) {
    const s = slotOf(term[i]!, term[i + 1]!, term[i + 2]!);
    if (!all.includes(s)) all.push(s);
  }
  if (all.length <= MAX_TERM_GRAMS) return all;
  const step = all.length / MAX_TERM_GRAMS;
  return Array.from({ length: MAX_TERM_GRAMS }, (_, k) => all[Math.floor(k * step)]!);
}
