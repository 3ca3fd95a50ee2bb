// Reads one file with the shared readers, off the UI thread. Input: {name, bytes};
// output: readAny's detection + result, or the error message.
import '../runtime/strict-csp.ts';
import { readAny } from '../../../shared/formats/read.ts';
import type { ReadAnyOutput } from './import-protocol.ts';

export type WorkerReply = { ok: true; output: ReadAnyOutput } | { ok: false; message: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent<{ name: string; bytes: Uint8Array }>) => void) | null;
  postMessage(message: WorkerReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = async (e) => {
  try {
    const output: ReadAnyOutput = await readAny(e.data);
    scope.postMessage({ ok: true, output });
  } catch (err) {
    scope.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
