// JSON Lines cut in two steps, without decoding on the thread that reads the file:
//  1. createLineBatcher (the reading thread) looks only for newline bytes (0x0A never
//     occurs inside a multi-byte UTF-8 sequence) and the first bytes of each line, and
//     hands on batches of whole lines with their first line number and record ordinal;
//  2. splitLines (a worker) cuts a batch into its records.
// Same record rules as the text splitter (lines.ts + record-stream.ts): a UTF-8 BOM at the
// start is dropped, a trailing CR is not part of the record, blank lines (whitespace as
// String#trim has it) are not records, and a line longer than the cap is reported and
// skipped without being held — it still takes a record ordinal, as in the text splitter.
import type { ByteSink } from './gunzip.ts';

const LF = 10;
const CR = 13;

/** ASCII whitespace as String#trim has it: tab, LF, VT, FF, CR, space. */
const isAsciiSpace = (b: number) => b === 32 || (b >= 9 && b <= 13);

/** A line (without its LF) that is not a record: only whitespace, however written. */
export function isBlankLine(bytes: Uint8Array): boolean {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 128 && !isAsciiSpace(b)) return false;
    if (b >= 128) ascii = false;
  }
  return ascii || new TextDecoder().decode(bytes).trim() === '';
}

export interface LineBatch {
  /** Whole lines, each with its line break (the file's last line may have none). */
  bytes: Uint8Array;
  /** 1-based number of the batch's first line. */
  firstLine: number;
  /** Lines in the batch, blank ones included. */
  lines: number;
  /** The ordinal the batch's first record takes. */
  firstOrdinal: number;
  /** Records (non-blank lines) in the batch. */
  records: number;
}

export interface LineBatcherOptions {
  /** A batch is cut after the line that makes it this many records… */
  records: number;
  /** …or this many bytes. */
  bytes: number;
  /** Longest line kept; a longer one is reported and skipped. */
  maxLineBytes: number;
}

/** How far the current line's first bytes have shown whether it is a record. */
const enum Kind {
  /** Nothing but ASCII whitespace so far (possibly no byte yet). */
  Blank,
  /** A non-space ASCII byte seen: a record. */
  Record,
  /** Whitespace then a non-ASCII byte: decided at its end (Unicode spaces are rare). */
  Unsure,
}

export function createLineBatcher(options: LineBatcherOptions, onBatch: (batch: LineBatch) => void, onOversize: (line: number, bytes: number) => void): ByteSink {
  // The batch so far: views of pushed chunks (the chunks are never reused by the reader).
  let pieces: Uint8Array[] = [];
  let held = 0;
  let firstLine = 1;
  let firstOrdinal = 1;
  let lines = 0;
  let records = 0;
  // The current (unfinished) line.
  let lineBytes = 0;
  let kind = Kind.Blank;
  let unsure: Uint8Array[] = [];
  let oversize = false;
  let start = true;

  const emit = (): void => {
    if (lines > 0) {
      // Always a buffer of its own: the batch may be transferred to a worker and compacted there.
      onBatch({ bytes: concatBytes(pieces, held), firstLine, lines, firstOrdinal, records });
    }
    firstLine += lines;
    firstOrdinal += records;
    pieces = [];
    held = 0;
    lines = 0;
    records = 0;
  };

  /** The line's first bytes: does it hold anything but ASCII whitespace? */
  const classify = (chunk: Uint8Array, from: number, to: number): void => {
    for (let i = from; i < to && kind === Kind.Blank; i++) {
      const b = chunk[i]!;
      if (b >= 128) kind = Kind.Unsure;
      else if (!isAsciiSpace(b)) kind = Kind.Record;
    }
  };

  const endLine = (newline: boolean, at: number): void => {
    if (oversize) {
      // The batch before the line went on when it grew too long (take); the skipped line
      // takes its line number and an ordinal, and the next batch starts after it.
      onOversize(firstLine, lineBytes - (newline ? 1 : 0));
      firstLine += 1;
      firstOrdinal += 1;
    } else {
      if (kind === Kind.Record || (kind === Kind.Unsure && !isBlankLine(stripCr(concatBytes(unsure))))) records++;
      lines++;
    }
    lineBytes = 0;
    kind = Kind.Blank;
    unsure = [];
    oversize = false;
    if (records >= options.records || held + at - region >= options.bytes) {
      cutRegion(at);
      emit();
    }
  };

  // Bytes of the chunk being pushed that the batch holds from `region` on (pieces are
  // taken per chunk, not per line: a view per line cost more than the scan).
  let chunk: Uint8Array = new Uint8Array(0);
  let region = 0;

  const take = (from: number, to: number): void => {
    if (to <= from) return;
    if (kind === Kind.Blank) classify(chunk, from, to);
    if (kind === Kind.Unsure) unsure.push(chunk.subarray(from, to));
    lineBytes += to - from;
    if (oversize) {
      region = to;
      return;
    }
    if (lineBytes > options.maxLineBytes) {
      // Everything before this line goes on as a batch; the line's bytes are dropped.
      cutRegion(from);
      dropTail(lineBytes - (to - from));
      emit();
      oversize = true;
      unsure = [];
      region = to;
    }
  };

  /** Moves the held part of the current chunk, up to `to`, into the batch's pieces. */
  const cutRegion = (to: number): void => {
    if (to > region) {
      pieces.push(chunk.subarray(region, to));
      held += to - region;
    }
    region = to;
  };

  /** Drops the last `n` held bytes (the start of an oversize line). */
  const dropTail = (n: number): void => {
    let left = n;
    while (left > 0) {
      const last = pieces[pieces.length - 1]!;
      if (last.length <= left) {
        pieces.pop();
        left -= last.length;
      } else {
        pieces[pieces.length - 1] = last.subarray(0, last.length - left);
        left = 0;
      }
    }
    held -= n;
  };

  return {
    push(bytes) {
      chunk = bytes;
      region = 0;
      let at = 0;
      if (start && chunk.length > 0) {
        start = false;
        if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) region = at = 3;
      }
      while (at < chunk.length) {
        const newline = chunk.indexOf(LF, at);
        if (newline < 0) {
          take(at, chunk.length);
          break;
        }
        take(at, newline + 1);
        at = newline + 1;
        endLine(true, at);
      }
      cutRegion(chunk.length);
    },
    end() {
      if (lineBytes > 0 || oversize) endLine(false, region);
      emit();
    },
  };
}

function stripCr(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === LF) end--;
  if (end > 0 && bytes[end - 1] === CR) end--;
  return bytes.subarray(0, end);
}

/** The pieces back to back in a buffer of their own. */
export function concatBytes(pieces: readonly Uint8Array[], length = pieces.reduce((n, p) => n + p.length, 0)): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface SplitRecords {
  /** The records back to back (line breaks and blank lines removed), in the batch's buffer. */
  bytes: Uint8Array;
  /** Byte end of each record in `bytes`. */
  ends: Uint32Array;
  lines: Uint32Array;
  ordinals: Uint32Array;
}

/**
 * A batch's records, compacted in place: each record moves left over the line breaks and
 * blank lines before it, so the records end up back to back at the buffer's start. Records
 * with an ordinal up to `skipThrough` (already stored by an earlier, interrupted import)
 * are left out.
 */
export function splitLines(batch: LineBatch, skipThrough = 0): SplitRecords {
  const { bytes } = batch;
  const ends = new Uint32Array(batch.records);
  const lines = new Uint32Array(batch.records);
  const ordinals = new Uint32Array(batch.records);
  let n = 0;
  let out = 0;
  let ordinal = batch.firstOrdinal;
  let at = 0;
  for (let line = batch.firstLine; at < bytes.length; line++) {
    let newline = bytes.indexOf(LF, at);
    if (newline < 0) newline = bytes.length;
    let end = newline;
    if (end > at && bytes[end - 1] === CR) end--;
    if (end > at && !isBlankLine(bytes.subarray(at, end))) {
      if (ordinal > skipThrough) {
        if (out !== at) bytes.copyWithin(out, at, end);
        out += end - at;
        ends[n] = out;
        lines[n] = line;
        ordinals[n++] = ordinal;
      }
      ordinal++;
    }
    at = newline + 1;
  }
  return { bytes: bytes.subarray(0, out), ends: ends.subarray(0, n), lines: lines.subarray(0, n), ordinals: ordinals.subarray(0, n) };
}
