// Access logs that arrive through the Library (picked files, the demo workspace) go to
// the log engine instead of the transcript importer. The Library reports them as sent;
// progress and results show on the Logs screen and in the header status line.
import type { FilePayload } from '../../../../shared/ipc/contract.ts';
import type { ImportOutcome } from '../library/outcome.ts';
import { detectBytes } from './detection.ts';

function baseName(path: string): string {
  return path.split('/').pop() || path;
}

function forward(file: FilePayload, format: string): ImportOutcome {
  const size = file.bytes.byteLength;
  // A copy: the Library may hand the original bytes to its worker afterwards.
  const copy = new File([file.bytes.slice() as Uint8Array<ArrayBuffer>], baseName(file.name));
  // Loaded on demand so the Library (and its tests) never load the engine for transcripts.
  void import('./import-store.ts').then(({ useImports }) => useImports.getState().ingest([copy]));
  return { status: 'forwarded', name: file.name, size, kind: 'access-log', format, message: `Access log (${format}): importing on the Logs screen.` };
}

/** For a picked file: forwards it when the detector calls it an access log, else null. */
export async function routeAccessLog(file: FilePayload): Promise<ImportOutcome | null> {
  const d = detectBytes(file.name, file.bytes);
  return d.kind === 'access-log' ? forward(file, d.format ?? 'access log') : null;
}

/** For files a manifest already names as access logs (the demo workspace). */
export async function forwardAccessLogs(files: FilePayload[]): Promise<ImportOutcome[]> {
  return files.map((f) => forward(f, detectBytes(f.name, f.bytes).format ?? 'access log'));
}
