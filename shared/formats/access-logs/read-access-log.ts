// The convenience entry for small in-memory files (tests, the CLI's callers, a preview):
// detect, then stream the bytes through the chosen reader. Large files use
// createAccessLogStream directly with their own chunks.
import type { AccessEvent } from '../../model/access-event.ts';
import type { ReadProblem } from '../../model/import-report.ts';
import type { Detection, InputFile } from '../types.ts';
import type { AccessLogReader } from './reader.ts';
import { readWith, type ReadWithOptions } from './pipeline.ts';
import { chooseReader } from './choose-reader.ts';
import { accessLogReaders } from './index.ts';

export interface ReadAccessLogOptions extends ReadWithOptions {
  /** Read with this reader instead of the detected one (the user's override). */
  reader?: AccessLogReader;
}

export interface ReadAccessLogResult {
  /** Null when the file is not an access log. */
  format: string | null;
  detection: Detection | null;
  events: AccessEvent[];
  errors: ReadProblem[];
  errorCount: number;
}

export function readAccessLog(file: InputFile, options: ReadAccessLogOptions = {}): ReadAccessLogResult {
  let reader = options.reader;
  let detection: Detection | null = null;
  if (!reader) {
    const choice = chooseReader({ name: file.name, head: file.bytes, readers: accessLogReaders });
    if (!choice.ok) return { format: null, detection: choice.detection, events: [], errors: [{ message: choice.message }], errorCount: 1 };
    ({ reader, detection } = choice);
  }
  const out = readWith(reader, file, options);
  return { format: reader.format, detection, events: out.events, errors: out.errors, errorCount: out.errorCount };
}
