// The desk's way to save an annotation: through the annotation writer worker, or on this
// thread where no worker can run (Node tests) or the worker failed to start.
import type { Annotation } from '../../../../shared/model/annotation.ts';
import { saveAnnotation } from '../../db/annotation-writes.ts';
import { db } from '../../db/database.ts';
import type { QueueItem } from '../../db/rows.ts';
import type { WarmRequest, WriteReply, WriteRequest } from '../../workers/annotation-writer-protocol.ts';

/** When the annotation put resolved and when its transaction committed (performance.now() times). */
export interface WriteTimes {
  putAt: number;
  savedAt: number;
}

interface Pending {
  resolve: (times: WriteTimes) => void;
  reject: (error: Error) => void;
  fallback: () => void;
}

let worker: Worker | null | undefined;
let seq = 0;
const pending = new Map<number, Pending>();

const fromEpoch = (t: number) => t - performance.timeOrigin;

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const w = new Worker(new URL('../../workers/annotation-writer.worker.ts', import.meta.url), { type: 'module', name: 'annotation writer' });
    w.onmessage = ({ data }: MessageEvent<WriteReply>) => {
      const p = pending.get(data.seq);
      if (!p) return;
      pending.delete(data.seq);
      if (data.ok) p.resolve({ putAt: fromEpoch(data.putAt), savedAt: fromEpoch(data.savedAt) });
      else p.reject(new Error(data.message));
    };
    // A worker that cannot run: write here from now on, the ones in flight included.
    w.onerror = (e) => {
      e.preventDefault();
      w.terminate();
      worker = null;
      const waiting = [...pending.values()];
      pending.clear();
      for (const p of waiting) p.fallback();
    };
    return w;
  } catch {
    return null;
  }
}

async function writeHere(annotation: Annotation, queueStatus: QueueItem['status'] | undefined): Promise<WriteTimes> {
  let putAt = 0;
  await saveAnnotation(db(), annotation, { queueStatus, onPut: () => (putAt = performance.now()) });
  return { putAt, savedAt: performance.now() };
}

/** The worker, started on first use; null where none can run. */
function writer(): Worker | null {
  if (worker === undefined) worker = startWorker();
  return worker;
}

/** Starts the worker and opens its database while the desk loads, so the first save is not slower. */
export function warmAnnotationWriter(): void {
  const warm: WarmRequest = { warm: true, database: db().name };
  writer()?.postMessage(warm);
}

/** Saves the annotation (and its queue status when it changed) in one transaction. */
export function writeAnnotation(annotation: Annotation, queueStatus?: QueueItem['status']): Promise<WriteTimes> {
  const w = writer();
  if (!w) return writeHere(annotation, queueStatus);
  return new Promise<WriteTimes>((resolve, reject) => {
    const request: WriteRequest = { seq: ++seq, database: db().name, annotation, queueStatus };
    pending.set(request.seq, { resolve, reject, fallback: () => writeHere(annotation, queueStatus).then(resolve, reject) });
    w.postMessage(request);
  });
}
