// Detect and read in one call: what the import worker and the CLI use.
import type { Detection, FormatReader, InputFile, ReadResult } from './types.ts';
import { detectFormat } from './detect.ts';
import { readers as registry } from './registry.ts';
import { errorMessage } from './util/text.ts';
import { emptyResult } from './util/result.ts';

export interface ReadAnyOutput {
  detection: Detection;
  result: ReadResult;
}

/** Runs one reader; a reader bug on hostile input becomes a problem, not a crash of the import. */
export function readWith(reader: FormatReader, file: InputFile): ReadResult {
  try {
    return reader.read(file);
  } catch (error) {
    return emptyResult(reader.format, [{ message: `reader failed: ${errorMessage(error)}` }]);
  }
}

export function readAny(file: InputFile, readers: readonly FormatReader[] = registry): ReadAnyOutput {
  const detection = detectFormat(file, readers);
  const reader = readers.find((r) => r.format === detection.format);
  if (!reader) return { detection, result: emptyResult('unknown', [{ message: detection.reason }]) };
  return { detection, result: readWith(reader, file) };
}
