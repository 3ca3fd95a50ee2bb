// What the detector knows about a file before reading it: its name and the structure
// visible in its first SNIFF_BYTES, so detecting a 1 GB file costs the same as a small one.
import type { InputFile } from './types.ts';
import { chooseJsonShape, decodeText, extensionOf, looksLikeJsonLines, onOneLine, parseJson } from './util/text.ts';
import { parsePartialJson } from './util/partial-json.ts';

export const SNIFF_BYTES = 64 * 1024;

export type SniffShape = 'empty' | 'zip' | 'json' | 'jsonl' | 'text' | 'binary';

export interface SniffValue {
  value: unknown;
  /** False when the value was cut off (by the sniff window or a damaged file): later keys are unknown. */
  complete: boolean;
}

export interface Sniff {
  name: string;
  extension: string;
  size: number;
  shape: SniffShape;
  /** json: the one document; jsonl: the first lines that parse as objects or arrays. */
  values: SniffValue[];
  /** Name in a zip's first local file header (the central directory is at the end, out of reach). */
  firstZipEntry: string | null;
  /** The decoded window ('' for empty and zip files), for readers of text formats such as CSV. */
  text: string;
  /** Set when the document in the window has damage that readers skip (a broken array element …). */
  damaged?: boolean;
  /** Set when the window was inflated from a gzip file; only readers that stream gzip accept it. */
  compression?: 'gzip';
}

const JSONL_PROBE = 8;

export function sniffFile(file: InputFile): Sniff {
  const head = file.bytes.subarray(0, SNIFF_BYTES);
  const base = { name: file.name, extension: extensionOf(file.name), size: file.bytes.length, values: [], firstZipEntry: null, text: '' };
  if (head.length === 0) return { ...base, shape: 'empty' };
  if (isZip(head)) return { ...base, shape: 'zip', firstZipEntry: firstZipEntry(head) };
  if (head.includes(0)) return { ...base, shape: 'binary', text: decodeText(head) };
  const text = decodeText(head);
  if (text.trim() === '') return { ...base, shape: 'empty' };
  const cutByWindow = file.bytes.length > head.length;
  base.text = text;

  const first = parsePartialJson(text);
  if (first && (!first.complete || text.slice(first.end).trim() === '')) {
    return { ...base, shape: 'json', values: [{ value: first.value, complete: first.complete && !cutByWindow }] };
  }
  // Not one clean document: JSON Lines, or a document with damage that readers skip.
  const lastIsCut = cutByWindow && !/\n\s*$/.test(text);
  const lines = text.split(/\r?\n/);
  const recovered = looksLikeJsonLines(lastIsCut ? lines.slice(0, -1) : lines) ? null : parsePartialJson(text, 0, { recover: true });
  const shape = chooseJsonShape(lastIsCut ? lines.slice(0, -1) : lines, {
    parsed: recovered !== null,
    cut: recovered?.complete === false && !cutByWindow,
    oneLine: recovered?.complete === true && onOneLine(text, recovered.end),
  });
  if (shape === 'json' && recovered) {
    // Keys of a skipped member are unknown, as after a cut: complete is false.
    return { ...base, shape: 'json', values: [{ value: recovered.value, complete: false }], damaged: true };
  }
  const values = jsonLines(text, cutByWindow);
  return values.length > 0 ? { ...base, shape: 'jsonl', values } : { ...base, shape: 'text' };
}

function jsonLines(text: string, cutByWindow: boolean): SniffValue[] {
  const lines = text.split(/\r?\n/);
  const lastIsCut = cutByWindow && !/\n\s*$/.test(text);
  const values: SniffValue[] = [];
  lines.forEach((line, index) => {
    if (values.length >= JSONL_PROBE || line.trim() === '') return;
    if (lastIsCut && index === lines.length - 1) {
      const partial = parsePartialJson(line);
      if (partial && typeof partial.value === 'object' && partial.value !== null) values.push({ value: partial.value, complete: false });
      return;
    }
    const parsed = parseJson(line);
    if (parsed.ok && typeof parsed.value === 'object' && parsed.value !== null) values.push({ value: parsed.value, complete: true });
  });
  return values;
}

function isZip(head: Uint8Array): boolean {
  // Local file header, or the end record of an empty archive.
  return head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));
}

function firstZipEntry(head: Uint8Array): string | null {
  if (head[2] !== 3 || head.length < 30) return null;
  const nameLength = head[26]! | (head[27]! << 8);
  if (30 + nameLength > head.length) return null;
  return decodeText(head.subarray(30, 30 + nameLength));
}

/** Why a file that is not JSON at all was turned down, in the words of a sniff verdict. */
export function notJsonReason(sniff: Sniff): string {
  switch (sniff.shape) {
    case 'empty':
      return 'file is empty';
    case 'zip':
      return 'a zip archive, not JSON';
    case 'binary':
      return 'binary data, not JSON';
    case 'jsonl':
      return 'JSON Lines, not a single JSON document';
    default:
      return 'not JSON or JSON Lines';
  }
}

/** The JSON document seen by the sniffer, or undefined for any other shape. */
export function sniffedJson(sniff: Sniff): SniffValue | undefined {
  return sniff.shape === 'json' ? sniff.values[0] : undefined;
}
