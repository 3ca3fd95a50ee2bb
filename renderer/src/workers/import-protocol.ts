// The import worker's contract: one picked file in, shared/formats/read.ts's readAny output
// back. The types are shared's own, so the worker, the Library and the CLI cannot drift.
import type { FilePayload } from '../../../shared/ipc/contract.ts';
import type { ReadAnyOutput } from '../../../shared/formats/read.ts';

export type { ReadAnyOutput };

export function formatOf(read: ReadAnyOutput): string {
  return read.result.format || read.detection.format || 'unknown';
}

/** Parses one file; the app runs readAny in a worker, tests pass a function. */
export type ParseFn = (file: FilePayload, signal?: AbortSignal) => Promise<ReadAnyOutput>;
