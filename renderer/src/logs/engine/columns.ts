// Columns of the event store. A chunk is built with chunk-local dictionaries (so each
// stored chunk stands alone and can be removed with its source); in memory every coded
// column is remapped to one global dictionary per column, so a filter value is one code.
// Mostly-unique strings (ids, sessions) are never coded: a global dictionary of ten million
// session ids would cost more than the rest of the store.
import { codeArrayFor, Dictionary } from './dictionary.ts';
import { facetFields, type FacetField } from './contract.ts';

/** Every facet but "source" (known per chunk, not per row). */
const facetColumns = facetFields.filter((f): f is Exclude<FacetField, 'source'> => f !== 'source');

/** Dictionary-coded columns: facets plus the other short, repeating timeline fields. Order is storage layout. */
export const codedColumns = [...facetColumns, 'actionNative', 'outcome', 'operation', 'scopes', 'ip', 'actor'] as const;
export type CodedColumn = (typeof codedColumns)[number];

/** Mostly-unique strings, kept as UTF-8 bytes + offsets, read per chunk when a page shows them. */
export const packedColumns = ['eventId', 'traceId', 'toolCallId', 'session'] as const;
export type PackedColumn = (typeof packedColumns)[number];

/** One event as the column builder takes it (see event-fields.ts for the mapping). */
export interface EventFields {
  time: number | null;
  line: number;
  coded: Record<CodedColumn, string>;
  packed: Record<PackedColumn, string>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A built chunk's columns, as the chunk codec stores them. */
export interface SealedColumns {
  count: number;
  minTime: number;
  maxTime: number;
  time: Float64Array;
  lines: Uint32Array;
  dicts: Record<CodedColumn, string[]>;
  codes: Record<CodedColumn, Uint8Array | Uint16Array | Uint32Array>;
  /** Null for a column with no value in the chunk (toolCallId in an Okta log). */
  packed: Record<PackedColumn, PackedStrings | null>;
}

/** Collects a batch of events (12.5k by default) and seals its columns. */
export class ChunkBuilder {
  count = 0;
  time: Float64Array;
  lines: Uint32Array;
  // Arrays indexed like codedColumns / packedColumns: no Map lookups per event.
  private readonly dicts = codedColumns.map(() => new Dictionary());
  private codes: Uint32Array[];
  private readonly packed: string[][] = packedColumns.map(() => []);

  constructor(capacity: number) {
    this.time = new Float64Array(capacity);
    this.lines = new Uint32Array(capacity);
    this.codes = codedColumns.map(() => new Uint32Array(capacity));
  }

  add(e: EventFields): void {
    const i = this.count++;
    if (i >= this.time.length) {
      this.time = grow(this.time, i + 1);
      this.lines = grow(this.lines, i + 1);
      this.codes = this.codes.map((c) => grow(c, i + 1));
    }
    this.time[i] = e.time ?? NaN;
    this.lines[i] = e.line;
    for (let c = 0; c < codedColumns.length; c++) this.codes[c]![i] = this.dicts[c]!.code(e.coded[codedColumns[c]!]);
    for (let c = 0; c < packedColumns.length; c++) this.packed[c]!.push(e.packed[packedColumns[c]!]);
  }

  seal(): SealedColumns {
    const n = this.count;
    let minTime = Infinity;
    let maxTime = -Infinity;
    for (let i = 0; i < n; i++) {
      const t = this.time[i]!;
      if (t < minTime) minTime = t;
      if (t > maxTime) maxTime = t;
    }
    const dicts = {} as SealedColumns['dicts'];
    const codes = {} as SealedColumns['codes'];
    codedColumns.forEach((c, k) => {
      const dict = this.dicts[k]!;
      const narrow = codeArrayFor(dict.size, n);
      narrow.set(this.codes[k]!.subarray(0, n));
      dicts[c] = dict.values.slice();
      codes[c] = narrow;
    });
    const packed = {} as SealedColumns['packed'];
    packedColumns.forEach((c, k) => (packed[c] = packStrings(this.packed[k]!)));
    return {
      count: n,
      minTime: minTime === Infinity ? NaN : minTime,
      maxTime: maxTime === -Infinity ? NaN : maxTime,
      time: this.time.slice(0, n),
      lines: this.lines.slice(0, n),
      dicts,
      codes,
      packed,
    };
  }
}

export function packStrings(values: string[]): PackedStrings | null {
  // A column with no value at all (toolCallId in an Okta log) is stored as nothing.
  if (values.every((v) => v === '')) return null;
  const offsets = new Uint32Array(values.length + 1);
  let bytes = new Uint8Array(Math.max(16, values.length * 8));
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    // Worst case 3 bytes per UTF-16 unit.
    if (at + v.length * 3 > bytes.length) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, at + v.length * 3));
      grown.set(bytes.subarray(0, at));
      bytes = grown;
    }
    // Ids are ASCII: copying char codes beats a TextEncoder call per value.
    let k = 0;
    for (; k < v.length; k++) {
      const c = v.charCodeAt(k);
      if (c >= 128) break;
      bytes[at + k] = c;
    }
    at += k === v.length ? k : encoder.encodeInto(v, bytes.subarray(at)).written;
    offsets[i + 1] = at;
  }
  return { bytes: bytes.slice(0, at), offsets };
}

export interface PackedStrings {
  bytes: Uint8Array;
  offsets: Uint32Array;
}

export function packedAt(p: PackedStrings | null, i: number): string {
  if (!p || p.offsets.length === 0) return '';
  const from = p.offsets[i]!;
  const to = p.offsets[i + 1]!;
  return from === to ? '' : decoder.decode(p.bytes.subarray(from, to));
}

/** Growable typed array: doubling keeps appends amortized O(1). */
export function grow<T extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2, 1024));
  next.set(a);
  return next;
}
