// String ↔ dense code. Code 0 is always "" (not set), so a zeroed column means "none".

/**
 * A string of its own, not a slice keeping a larger one alive (values decoded from a chunk
 * are slices of the chunk's whole block of strings; a dictionary keeps only what it needs).
 */
export function ownCopy(value: string): string {
  return (' ' + value).slice(1);
}

export class Dictionary {
  readonly values: string[] = [''];
  private readonly codes = new Map<string, number>([['', 0]]);

  get size(): number {
    return this.values.length;
  }

  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      const own = ownCopy(value);
      this.values.push(own);
      this.codes.set(own, c);
    }
    return c;
  }

  /** The code of a value, or -1 when the dictionary has never seen it. */
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }

  value(code: number): string {
    return this.values[code] ?? '';
  }
}

/** The narrowest unsigned array that holds codes below `size`. */
export function codeArrayFor(size: number, length: number): Uint8Array | Uint16Array | Uint32Array {
  if (size <= 0x100) return new Uint8Array(length);
  if (size <= 0x10000) return new Uint16Array(length);
  return new Uint32Array(length);
}

/** Reads stored codes back whatever width they were written with. */
export function codesFrom(buffer: ArrayBuffer, length: number): Uint8Array | Uint16Array | Uint32Array {
  const width = length === 0 ? 1 : buffer.byteLength / length;
  if (width === 1) return new Uint8Array(buffer);
  if (width === 2) return new Uint16Array(buffer);
  return new Uint32Array(buffer);
}
