// Verbatim records of a chunk: the records' text back to back plus their end offsets.
// The chunk codec stores them as UTF-8 (storage/chunk-parts.ts); reading one back is a
// slice of that part between two byte ends.

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
