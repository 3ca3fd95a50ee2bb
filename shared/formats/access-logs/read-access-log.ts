// The convenience entry for small in-memory files (tests, the CLI's callers, a preview):
// detect, then stream the bytes through the chosen reader. Large files use
// createAccessLogStream directly with their own chunks.
import type { AccessEvent } from '../../model/access-event.ts';
import type { ReadProblem } from '../../model/import-report.ts';
import type { Detection, InputFile } from '../types.ts';
import { detectFormat } from '../detect.ts';
import { readerById } from '../registry.ts';
import { isAccessLogReader, type AccessLogReader } from './reader.ts';
import { readWith, type ReadWithOptions } from './pipeline.ts';

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
    detection = detectFormat(file);
    const found = detection.format === null ? undefined : readerById(detection.format);
    if (!found || !isAccessLogReader(found)) {
      const why = detection.kind === 'unknown' ? detection.reason : `${file.name} is ${detection.kind} (${detection.format}), not an access log`;
      return { format: null, detection, events: [], errors: [{ message: why }], errorCount: 1 };
    }
    reader = found;
  }
  const out = readWith(reader, file, options);
  return { format: reader.format, detection, events: out.events, errors: out.errors, errorCount: out.errorCount };
}
