// Runs readAny off the UI thread: one short-lived worker per file, so a huge or
// hostile file can be cancelled by terminating it.
import type { FilePayload } from '../../../../shared/ipc/contract.ts';
import type { ReadAnyOutput } from '../../workers/import-protocol.ts';
import type { WorkerReply } from '../../workers/import.worker.ts';

export function parseInWorker(file: FilePayload, signal?: AbortSignal): Promise<ReadAnyOutput> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('import cancelled', 'AbortError'));
    const worker = new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module', name: `read ${file.name}` });
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new DOMException('import cancelled', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      finish();
      if (e.data.ok) resolve(e.data.output);
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      finish();
      reject(new Error(e.message || 'the reader worker failed to start'));
    };
    // Transfer, not copy: large files would otherwise sit in memory twice.
    const { bytes } = file;
    const transferable = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
    worker.postMessage({ name: file.name, bytes }, transferable ? [bytes.buffer] : []);
  });
}
