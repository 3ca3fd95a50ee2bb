// The engine worker: owns ingest, the in-memory columnar store and queries (core.ts),
// answering the client's requests (protocol.ts). Chunk building fans out to a pool of
// chunk workers; the file digest runs in a hash worker.
import '../../app/strict-csp.ts';
import { CustodyDb } from '../../db/database.ts';
import { ChunkPool, hashInWorker } from './chunk-pool.ts';
import { LogEngineCore } from './core.ts';
import { inputFromBlob, type IngestInput } from './digest.ts';
import type { IngestControl } from './ingest.ts';
import type { EngineRequests, Method, ProgressEvent, Reply, Request, WireFile } from './protocol.ts';

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

type Handlers = { [M in Method]: (...args: EngineRequests[M][0]) => Promise<EngineRequests[M][1]> };

const handlers: Handlers = {
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
  sources: () => core.sources(),
  removeSource: (id) => core.removeSource(id),
  findImported: (file) => core.findImported(inputOf(file)),
  problems: (sourceId) => core.problems(sourceId),
  query: (filter, sort, offset, limit) => core.query(filter, sort, offset, limit),
  facets: (filter, options) => core.facets(filter, options),
  histogram: (filter, buckets) => core.histogram(filter, buckets),
  timeRange: () => core.timeRange(),
  event: (row) => core.event(row),
  surrounding: (row, by, windowUs) => core.surrounding(row, by, windowUs),
  annotate: (eventId, patch) => core.annotate(eventId, patch),
  interruptedImports: () => core.interruptedImports(),
  tags: () => core.tags(),
  savedViews: () => core.savedViews(),
  saveView: (view) => core.saveView(view),
  deleteView: (id) => core.deleteView(id),
  mappings: () => core.mappings(),
  saveMapping: (mapping) => core.saveMapping(mapping),
  textReady: () => core.textReady(),
};

scope.onmessage = async (e) => {
  const { id, method, args } = e.data;
  try {
    const handler = handlers[method] as (...a: unknown[]) => Promise<unknown>;
    const result = await handler(...(args as unknown[]));
    scope.postMessage({ id, ok: true, result });
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
