// Hands batches to chunk workers (least busy first) and relays commit / discard for the
// chunks they hold; the file's digest runs in a hash worker. Lives in the engine worker.
import type { CommitRows, PendingChunk, RecordBatch } from './chunk-build.ts';
import type { ChunkReply, ChunkTask } from './chunk.worker.ts';
import { workerName } from '../../db/database.ts';

interface Waiter {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Builds in progress (the load measure) and every outstanding reply. */
  building: number;
  waiting: Map<string, Waiter>;
}

export class ChunkPool {
  private readonly slots: Slot[] = [];
  private next = 1;

  constructor(private readonly size: number) {}

  private spawn(): Slot {
    const worker = new Worker(new URL('./chunk.worker.ts', import.meta.url), { type: 'module', name: workerName(`log chunks ${this.slots.length + 1}`) });
    const slot: Slot = { worker, building: 0, waiting: new Map() };
    worker.onmessage = (e: MessageEvent<ChunkReply>) => {
      const key = `${e.data.kind}:${e.data.id}`;
      const w = slot.waiting.get(key);
      if (!w) return;
      slot.waiting.delete(key);
      if (e.data.ok) w.resolve(e.data.kind === 'built' ? e.data.built : undefined);
      else w.reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      for (const w of slot.waiting.values()) w.reject(new Error(e.message || 'a chunk worker failed'));
      slot.waiting.clear();
    };
    this.slots.push(slot);
    return slot;
  }

  private ask<T>(slot: Slot, task: ChunkTask, reply: 'built' | 'committed', transfer: Transferable[] = []): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      slot.waiting.set(`${reply}:${task.id}`, { resolve: resolve as (v: unknown) => void, reject });
      slot.worker.postMessage(task, transfer);
    });
  }

  async build(batch: RecordBatch): Promise<PendingChunk> {
    if (this.slots.length < this.size) this.spawn();
    const slot = this.slots.reduce((a, b) => (b.building < a.building ? b : a));
    const id = this.next++;
    slot.building++;
    let built;
    try {
      built = await this.ask<Omit<PendingChunk, 'commit' | 'discard'>>(slot, { kind: 'build', id, batch }, 'built', [batch.lengths.buffer, batch.lines.buffer, batch.ordinals.buffer] as ArrayBuffer[]);
    } finally {
      slot.building--;
    }
    return {
      ...built,
      commit: (rows: CommitRows) => this.ask<void>(slot, { kind: 'commit', id, rows }, 'committed'),
      discard: () => slot.worker.postMessage({ kind: 'discard', id } satisfies ChunkTask),
    };
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
