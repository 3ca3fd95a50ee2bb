// The engine worker: owns ingest, the in-memory columnar store and queries (core.ts),
// answering the client's requests (protocol.ts), and the chunk files (OPFS sync access
// handles exist only in workers). Chunk building fans out to a pool of chunk workers; the
// file digest runs in a hash worker.
import '../../runtime/strict-csp.ts';
import { CustodyDb, currentDbName } from '../../db/database.ts';
import { OpfsFileStore } from './storage/opfs-files.ts';
import { ChunkPool, hashInWorker } from './chunk-pool.ts';
import { LogEngineCore } from './core.ts';
import { inputFromBlob, type IngestInput } from './digest.ts';
import type { IngestControl } from './ingest.ts';
import { forwardedMethods, type EngineRequests, type Forwarded, type Method, type ProgressEvent, type Reply, type Request, type WireFile } from './protocol.ts';

interface Scope {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(message: Reply | ProgressEvent): void;
}

const scope = self as unknown as Scope;
// One chunk worker per core, at most 3 (each holds a chunk or two in flight): measured on
// 2 cores, two workers ingest 1M events in ~17 s against ~20 s with one.
const config = { chunkWorkers: Math.max(1, Math.min(3, navigator.hardwareConcurrency || 2)) };
let pool: ChunkPool | null = null;
const tuning: { batchRecords?: number } = {};
const core = new LogEngineCore({
  db: new CustodyDb(),
  files: new OpfsFileStore(currentDbName()),
  get batchRecords() {
    return tuning.batchRecords;
  },
  build: (b) => (pool ??= new ChunkPool(config.chunkWorkers)).build(b),
  hashFile: hashInWorker,
});
const controls = new Map<string, IngestControl>();

function inputOf(file: WireFile): IngestInput {
  if (file.kind === 'blob') return inputFromBlob(file.blob, file.name);
  let used = false;
  return {
    name: file.name,
    size: file.size,
    stream: () => {
      if (used) throw new Error('this file can be read only once');
      used = true;
      return file.stream;
    },
  };
}

type Handler<M extends Method> = (...args: EngineRequests[M][0]) => Promise<EngineRequests[M][1]>;
type Handlers = { [M in Method]: Handler<M> };

// The forwarded methods are the core's own (LogEngineCore implements them); the rest are
// the worker's: tuning, ingest with its progress events and cancel.
const forwarded = Object.fromEntries(forwardedMethods.map((m) => [m, (...args: unknown[]) => (core[m] as (...a: unknown[]) => unknown)(...args)])) as {
  [M in Forwarded]: Handler<M>;
};

const handlers: Handlers = {
  ...forwarded,
  async configure(options) {
    if (options.chunkWorkers) config.chunkWorkers = options.chunkWorkers;
    if (options.batchRecords) tuning.batchRecords = options.batchRecords;
    pool?.terminate();
    pool = null;
  },
  open: () => core.open(),
  async ingest(jobKey, file, options) {
    const control: IngestControl = { cancelled: false };
    controls.set(jobKey, control);
    try {
      return await core.ingest(inputOf(file), { ...options, onProgress: (progress) => scope.postMessage({ type: 'progress', jobKey, progress }) }, control);
    } finally {
      controls.delete(jobKey);
      // Idle chunk workers give their memory back; the next import starts new ones.
      if (controls.size === 0) {
        pool?.terminate();
        pool = null;
      }
    }
  },
  async cancel(jobKey) {
    const control = controls.get(jobKey);
    if (control) control.cancelled = true;
  },
  findImported: (file) => core.findImported(inputOf(file)),
  textReady: () => core.textReady(),
};

scope.onmessage = async (e) => {
  const { id, method, args } = e.data;
  try {
    if (!Object.hasOwn(handlers, method)) throw new Error(`the log engine has no method "${String(method)}"`);
    const handler = handlers[method] as (...a: unknown[]) => Promise<unknown>;
    const result = await handler(...(args as unknown[]));
    scope.postMessage({ id, ok: true, result });
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
