// The contract between file readers, the format detector and their callers.
import type { Transcript } from '../model/transcript.ts';
import type { RubricContent } from '../model/rubric.ts';
import type { DataKind, ReadProblem } from '../model/import-report.ts';
import type { AccessEvent } from '../model/access-event.ts';
import type { Sniff } from './sniff.ts';

/** A file as bytes: from a dialog, a drop, a bundle or the CLI. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * What a reader returns. Problems are data: a bad line or sample becomes an entry in
 * `errors` (`line` for line-oriented files, `sample` for containers: the entry name or
 * "#<1-based index>" in a JSON array) and everything else is still read.
 */
export interface ReadResult {
  format: string;
  transcripts: Transcript[];
  rubrics: RubricContent[];
  errors: ReadProblem[];
  /** Access-log readers only: the normalized events (large files stream instead: access-logs/pipeline.ts). */
  events?: AccessEvent[];
}

/** How sure a reader is that it can read a file; confidence 0 means "not mine". */
export interface SniffVerdict {
  confidence: number;
  reason: string;
}

export interface FormatReader {
  /** Stable format id, also written to Transcript.sourceFormat. */
  format: string;
  kind: DataKind;
  /** Judges the file from its first bytes only (see sniff.ts). */
  sniff(sniff: Sniff): SniffVerdict;
  /** Reads the whole file; never throws on bad input. */
  read(file: InputFile): ReadResult;
}

export interface Detection {
  kind: DataKind;
  format: string | null;
  confidence: number;
  reason: string;
  /** Every reader consulted, with its verdict. */
  tried: { format: string; reason: string }[];
}
