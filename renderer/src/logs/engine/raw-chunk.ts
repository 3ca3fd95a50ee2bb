// Verbatim records of a chunk: the records' text back to back plus their end offsets.
// Kept as a JS string end to end (measured in Chromium: TextEncoder on a 42 MB batch costs
// ~150 ms, deflate in JS ~700 ms), while IndexedDB stores an ASCII string one byte per
// character and compresses large values natively (168 MB of Okta JSON → 44 MB on disk).
import type { RawChunkRow } from '../../db/rows.ts';

export interface RawText {
  text: string;
  ends: Uint32Array;
}

/** Events' raw records as one text; the batch text itself when they are its slices in order. */
export function joinRaw(raws: string[], batchText: string, contiguous: boolean): RawText {
  const ends = new Uint32Array(raws.length);
  let at = 0;
  for (let i = 0; i < raws.length; i++) ends[i] = at += raws[i]!.length;
  return { text: contiguous && at === batchText.length ? batchText : raws.join(''), ends };
}

export function rawRow(id: string, sourceId: string, raw: RawText): RawChunkRow {
  return { id, sourceId, count: raw.ends.length, text: raw.text, ends: raw.ends.buffer as ArrayBuffer };
}

/** The record at `index` of a stored chunk. */
export function recordOf(row: RawChunkRow, index: number): string {
  const ends = new Uint32Array(row.ends);
  return row.text.slice(index === 0 ? 0 : ends[index - 1]!, ends[index]!);
}
