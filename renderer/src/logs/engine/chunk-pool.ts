// Hands batches to chunk workers (least busy first) and gets their encoded chunks back;
// the file's digest runs in a hash worker. Lives in the engine worker.
import { batchTransfer, type BuiltChunk, type RecordBatch } from './chunk-build.ts';
import type { ChunkReply, ChunkTask } from './chunk.worker.ts';
import { workerName } from '../../db/database.ts';

interface Waiter {
  resolve: (v: BuiltChunk) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Batches sent and not answered yet (the load measure). */
  waiting: Map<number, Waiter>;
}

export class ChunkPool {
  private readonly slots: Slot[] = [];
  private next = 1;

  constructor(private readonly size: number) {}

  private spawn(): Slot {
    const worker = new Worker(new URL('./chunk.worker.ts', import.meta.url), { type: 'module', name: workerName(`log chunks ${this.slots.length + 1}`) });
    const slot: Slot = { worker, waiting: new Map() };
    worker.onmessage = (e: MessageEvent<ChunkReply>) => {
      const w = slot.waiting.get(e.data.id);
      if (!w) return;
      slot.waiting.delete(e.data.id);
      if (e.data.ok) w.resolve(e.data.built);
      else w.reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      for (const w of slot.waiting.values()) w.reject(new Error(e.message || 'a chunk worker failed'));
      slot.waiting.clear();
    };
    this.slots.push(slot);
    return slot;
  }

  build(batch: RecordBatch): Promise<BuiltChunk> {
    if (this.slots.length < this.size) this.spawn();
    const slot = this.slots.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    const id = this.next++;
    return new Promise<BuiltChunk>((resolve, reject) => {
      slot.waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, batch } satisfies ChunkTask, batchTransfer(batch));
    });
  }

  terminate(): void {
    for (const s of this.slots) s.worker.terminate();
    this.slots.length = 0;
  }
}

/** SHA-256 of a Blob in a short-lived worker; aborting terminates it. */
export function hashInWorker(blob: Blob, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('hash cancelled', 'AbortError'));
    const worker = new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module', name: 'log file hash' });
    signal?.addEventListener(
      'abort',
      () => {
        worker.terminate();
        reject(new DOMException('hash cancelled', 'AbortError'));
      },
      { once: true },
    );
    worker.onmessage = (e: MessageEvent<{ ok: true; hex: string } | { ok: false; error: string }>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.hex);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the hash worker failed'));
    };
    worker.postMessage({ blob });
  });
}
