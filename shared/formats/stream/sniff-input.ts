// The detector's view of a file that may be gzip-compressed: the sniff of the inflated
// start, named without ".gz", so `.json.gz` CloudTrail is recognised like `.json`.
import type { InputFile } from '../types.ts';
import { SNIFF_BYTES, sniffFile, type Sniff } from '../sniff.ts';
import { inflateHead, isGzip } from './gunzip.ts';

/** One byte past the window is inflated so a cut-off window is seen as cut off. */
export function sniffInput(file: InputFile): Sniff {
  if (!isGzip(file.bytes)) return sniffFile(file);
  const name = file.name.replace(/\.gz$/i, '');
  const head = inflateHead(file.bytes, SNIFF_BYTES + 1);
  return { ...sniffFile({ name, bytes: head }), size: file.bytes.length, compression: 'gzip' };
}
