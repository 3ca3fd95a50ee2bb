// The UI side of the engine: LogEngine over postMessage to the engine worker. Every call
// is a request with an id; progress of an ingest arrives as events for its job key.
import type { IngestJob, IngestOptions, IngestProgress, IngestSource, LogEngine } from './contract.ts';
import { forwardedMethods, isProgress, type EngineRequests, type EngineMethods, type EngineTuning, type Method, type WireFile, type WorkerMessage } from './protocol.ts';
import { workerName } from '../../db/database.ts';

export interface WorkerEngine extends LogEngine {
  /** Resolves when the full-text index covers every loaded event (benchmarks, tests). */
  textReady(): Promise<void>;
  close(): void;
}

/** Chunk workers for ingest (default: one per core, at most 3) and records per chunk (default 12,500). */
export type EngineWorkerOptions = EngineTuning;

export function createLogEngine(options: EngineWorkerOptions = {}): WorkerEngine {
  // The literal `new Worker(new URL(…))` is what Vite bundles; options go in the first message.
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: workerName('log engine') });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const progress = new Map<string, (p: IngestProgress) => void>();
  let next = 1;
  let jobs = 0;
  let dead: Error | null = null;

  worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
    const m = e.data;
    if (isProgress(m)) {
      progress.get(m.jobKey)?.(m.progress);
      return;
    }
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.result);
    else p.reject(new Error(m.error));
  };
  worker.onerror = (e) => {
    dead = new Error(`the log engine stopped: ${e.message || 'worker error'}`);
    for (const p of pending.values()) p.reject(dead);
    pending.clear();
  };

  function call<M extends Method>(method: M, ...args: EngineRequests[M][0]): Promise<EngineRequests[M][1]> {
    if (dead) return Promise.reject(dead);
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, method, args }, transfers(args));
    });
  }

  if (options.chunkWorkers || options.batchRecords) void call('configure', options);

  // Every forwarded method is the same call: its name and arguments cross as they are.
  const forwarded = Object.fromEntries(forwardedMethods.map((m) => [m, (...args: unknown[]) => call(m, ...(args as EngineRequests[typeof m][0]))])) as EngineMethods;

  return {
    ...forwarded,
    ingest(file: (Blob & { name: string }) | IngestSource, opts: IngestOptions = {}): IngestJob {
      const jobKey = `job${++jobs}`;
      const { onProgress, ...wire } = opts;
      if (onProgress) progress.set(jobKey, onProgress);
      const done = call('ingest', jobKey, toWire(file), wire).finally(() => progress.delete(jobKey));
      return { done, cancel: () => void call('cancel', jobKey) };
    },
    findImported: (file) => call('findImported', toWire(file)),
    textReady: () => call('textReady'),
    close() {
      dead ??= new Error('the log engine was closed');
      for (const p of pending.values()) p.reject(dead);
      pending.clear();
      worker.terminate();
    },
  };
}

function toWire(file: (Blob & { name: string }) | IngestSource): WireFile {
  if (file instanceof Blob) return { kind: 'blob', blob: file, name: file.name };
  return { kind: 'stream', stream: file.stream(), name: file.name, size: file.size };
}

/** A stream crosses by transfer; everything else is small and cloned. */
function transfers(args: unknown[]): Transferable[] {
  const wire = args.find((a): a is WireFile => typeof a === 'object' && a !== null && (a as WireFile).kind === 'stream');
  return wire && wire.kind === 'stream' ? [wire.stream as unknown as Transferable] : [];
}
