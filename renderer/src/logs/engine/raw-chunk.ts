// Verbatim records of a chunk as UTF-8: the records' bytes back to back plus each one's
// byte end. A JSON Lines batch arrives this way already (its bytes are the raw part as
// they are); records that must be re-joined (a reader that splits one record into several
// events, a batch with rejected records) are encoded here. Reading one back is a slice
// between two byte ends.

export interface RawBytes {
  bytes: Uint8Array;
  ends: Uint32Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 of a text whose pieces end at `ends` (UTF-16 units), with each piece's byte end. */
export function utf8WithEnds(text: string, ends: Uint32Array): RawBytes {
  // Sized for ASCII (the usual log): then byte ends are the character ends, and no buffer
  // three times the text is allocated for every chunk.
  const ascii = new Uint8Array(text.length);
  const { read } = encoder.encodeInto(text, ascii);
  if (read === text.length) return { bytes: ascii, ends };
  const buffer = new Uint8Array(text.length * 3);
  const byteEnds = new Uint32Array(ends.length);
  let at = 0;
  let from = 0;
  for (let i = 0; i < ends.length; i++) {
    at += encoder.encodeInto(text.slice(from, ends[i]!), buffer.subarray(at)).written;
    byteEnds[i] = at;
    from = ends[i]!;
  }
  return { bytes: buffer.slice(0, at), ends: byteEnds };
}

/** Texts as one UTF-8 buffer with each one's byte end. */
export function utf8Joined(texts: readonly string[]): RawBytes {
  const ends = new Uint32Array(texts.length);
  let at = 0;
  for (let i = 0; i < texts.length; i++) ends[i] = at += texts[i]!.length;
  return utf8WithEnds(texts.join(''), ends);
}

/**
 * The records of a UTF-8 batch as text: one string and each record's end in it (UTF-16
 * units). Pure ASCII decodes once; otherwise record by record, so invalid bytes at the end
 * of one record can never combine with the next record's first bytes.
 */
export function decodeRecords(raw: RawBytes): { text: string; ends: Uint32Array } {
  const whole = decoder.decode(raw.bytes);
  if (whole.length === raw.bytes.length) return { text: whole, ends: raw.ends };
  const texts: string[] = new Array(raw.ends.length);
  const ends = new Uint32Array(raw.ends.length);
  let from = 0;
  let at = 0;
  for (let i = 0; i < raw.ends.length; i++) {
    texts[i] = decoder.decode(raw.bytes.subarray(from, raw.ends[i]!));
    ends[i] = at += texts[i]!.length;
    from = raw.ends[i]!;
  }
  return { text: texts.join(''), ends };
}
