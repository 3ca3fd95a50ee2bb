// The shape readAny (shared/formats/read.ts) hands back, restated here so the import
// pipeline and its tests do not depend on any particular reader being present.
import type { FilePayload } from '../../../../shared/ipc/contract.ts';
import type { DataKind, ReadProblem } from '../../../../shared/model/import-report.ts';
import type { Transcript } from '../../../../shared/model/transcript.ts';
import type { RubricContent } from '../../../../shared/model/rubric.ts';

export interface Detection {
  kind: DataKind;
  /** Null when nothing recognized the file. */
  format: string | null;
  confidence: number;
  reason: string;
  /** Formats the detector considered; entries may be names or {format, reason} objects. */
  tried: readonly unknown[];
}

export interface ReadResult {
  format: string;
  transcripts: Transcript[];
  rubrics: RubricContent[];
  errors: ReadProblem[];
}

export interface ReadAnyOutput {
  detection: Detection;
  result: ReadResult;
}

export function formatOf(read: ReadAnyOutput): string {
  return read.result.format || read.detection.format || 'unknown';
}

/** Parses one file; the app runs readAny in a worker, tests pass a function. */
export type ParseFn = (file: FilePayload, signal?: AbortSignal) => Promise<ReadAnyOutput>;

/** Each reader the detector consulted, with what it said (entries may be bare names). */
export function triedReaders(tried: readonly unknown[]): { format: string; reason: string }[] {
  return tried.map((t) => {
    if (typeof t === 'string') return { format: t, reason: '' };
    if (t && typeof t === 'object' && 'format' in t) {
      const { format, reason } = t as { format: unknown; reason?: unknown };
      return { format: String(format), reason: typeof reason === 'string' ? reason : '' };
    }
    return { format: JSON.stringify(t), reason: '' };
  });
}
