// Row sets as bitsets over dense row numbers: the text index and annotation filters
// produce them, the query scan tests them. 1M rows = 128 KB.

export type Bitset = Uint32Array;

export const newBitset = (rows: number): Bitset => new Uint32Array((rows + 31) >>> 5);

export function setBit(bits: Bitset, row: number): void {
  bits[row >>> 5]! |= 1 << (row & 31);
}

export function hasBit(bits: Bitset, row: number): boolean {
  return (bits[row >>> 5]! & (1 << (row & 31))) !== 0;
}

/** a &= b, in place. */
export function andInto(a: Bitset, b: Bitset): Bitset {
  for (let i = 0; i < a.length; i++) a[i]! &= b[i]!;
  return a;
}

export function countBits(bits: Bitset): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) {
    let v = bits[i]!;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}
