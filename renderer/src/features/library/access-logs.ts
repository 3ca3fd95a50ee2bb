// Access logs that arrive through the Library (picked files, the demo workspace) go to
// whichever screen registered to receive them (common/handoff.ts); the Library reports them
// as sent. With no receiver they are reported as not imported here.
import type { FilePayload } from '../../../../shared/ipc/contract.ts';
import { accessLogReceiver } from '../../common/handoff.ts';
import type { ImportOutcome } from './outcome.ts';

function baseName(path: string): string {
  return path.split('/').pop() || path;
}

function forward(file: FilePayload, format: string, ingest: (files: File[]) => void): ImportOutcome {
  const size = file.bytes.byteLength;
  // A copy: the Library may hand the original bytes to its worker afterwards.
  ingest([new File([file.bytes.slice() as Uint8Array<ArrayBuffer>], baseName(file.name))]);
  return { status: 'forwarded', name: file.name, size, kind: 'access-log', format, message: `Access log (${format}): importing on the Logs screen.` };
}

/** For a picked file: hands it over when the receiver calls it an access log, else null. */
export async function routeAccessLog(file: FilePayload): Promise<ImportOutcome | null> {
  const receiver = accessLogReceiver();
  const format = receiver?.recognise(file.name, file.bytes);
  return receiver && format ? forward(file, format, receiver.ingest) : null;
}

/** For files a manifest already names as access logs (the demo workspace). */
export async function forwardAccessLogs(files: FilePayload[]): Promise<ImportOutcome[]> {
  const receiver = accessLogReceiver();
  return files.map((f) =>
    receiver
      ? forward(f, receiver.recognise(f.name, f.bytes) ?? 'access log', receiver.ingest)
      : { status: 'skipped', name: f.name, size: f.bytes.byteLength, kind: 'access-log', format: 'access log', message: 'Access log not imported: no screen here receives access logs.' },
  );
}
