// What a chunk stores, by part name, and in what order: the store's resident columns first
// (read in one span when the store opens), then the text index's resident parts, then what
// a page shows (lines, ids), then what is read rarely (raw records, rare text, its filter).
import type { CodedColumn, PackedColumn, SealedColumns } from '../columns.ts';
import { codedColumns, packedColumns } from '../columns.ts';
import type { TextChunkParts } from '../text-extract.ts';
import { buildGramFilter } from '../text-grams.ts';
import { utf8WithEnds, type RawBytes } from '../raw-chunk.ts';
import { ChunkEncoder, decodePart, type EncodedChunk, type PartTable, type PartValue } from './chunk-codec.ts';

export const part = {
  time: 'time',
  dict: (c: CodedColumn) => `d.${c}`,
  codes: (c: CodedColumn) => `c.${c}`,
  values: 't.values',
  valueOffsets: 't.offsets',
  valueRows: 't.rows',
  rareEnds: 't.rareEnds',
  lines: 'lines',
  packedOffsets: (c: PackedColumn) => `p.${c}.o`,
  packedBytes: (c: PackedColumn) => `p.${c}.b`,
  rawEnds: 'raw.ends',
  raw: 'raw',
  rare: 't.rare',
  grams: 't.grams',
} as const;

/** Parts read together; each group is contiguous on disk. */
export const residentParts = [part.time, ...codedColumns.flatMap((c) => [part.dict(c), part.codes(c)])];
/** The text index's resident parts: the vocabulary with its offsets, and the rows' rare-text ends. Its rows (t.rows) stay on disk. */
export const vocabularyParts = [part.values, part.valueOffsets];
export const rareEndParts = [part.rareEnds];
export const displayParts = [part.lines, ...packedColumns.flatMap((c) => [part.packedOffsets(c), part.packedBytes(c)])];

/** The byte range covering the named parts that exist ([0, 0) when none does). */
export function spanOf(parts: PartTable, names: readonly string[]): { at: number; length: number } {
  let from = Infinity;
  let to = 0;
  for (const n of names) {
    const p = parts[n];
    if (!p) continue;
    from = Math.min(from, p.at);
    to = Math.max(to, p.at + p.length);
  }
  return from === Infinity ? { at: 0, length: 0 } : { at: from, length: to - from };
}

/** The named parts of a chunk, decoded from ONE read of the group's span. Undefined for a part the chunk lacks. */
export function readParts(parts: PartTable, group: readonly string[], read: (at: number, length: number) => Uint8Array): (name: string) => PartValue | Uint8Array | undefined {
  const span = spanOf(parts, group);
  const data = read(span.at, span.length);
  return (name) => {
    if (!group.includes(name)) throw new Error(`part ${name} is not in the group read`);
    const ref = parts[name];
    return ref ? decodePart(data, ref, span.at) : undefined;
  };
}

export interface ChunkContent {
  columns: SealedColumns;
  /** The events' verbatim records as UTF-8, back to back, and each one's byte end. */
  raw: RawBytes;
  text: TextChunkParts;
}

export function encodeChunk({ columns, raw, text }: ChunkContent): EncodedChunk {
  const e = new ChunkEncoder();
  e.add(part.time, columns.time);
  for (const c of codedColumns) {
    e.add(part.dict(c), columns.dicts[c]);
    e.add(part.codes(c), columns.codes[c]);
  }
  const rare = utf8WithEnds(text.rare, text.rareEnds);
  e.add(part.values, text.values);
  e.add(part.valueOffsets, text.valueOffsets);
  e.add(part.valueRows, text.valueRows);
  e.add(part.rareEnds, rare.ends);
  e.add(part.lines, columns.lines);
  for (const c of packedColumns) {
    const p = columns.packed[c];
    if (!p) continue;
    e.add(part.packedOffsets(c), p.offsets);
    e.add(part.packedBytes(c), p.bytes, { bytes: true });
  }
  e.add(part.rawEnds, raw.ends);
  e.add(part.raw, raw.bytes, { bytes: true });
  e.add(part.rare, rare.bytes, { bytes: true });
  e.add(part.grams, buildGramFilter(rare.bytes, rare.ends));
  return e.finish();
}
