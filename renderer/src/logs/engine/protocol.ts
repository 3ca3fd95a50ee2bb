// The typed message protocol between the client (UI thread) and the engine worker:
// one request → one response, matched by id; progress is pushed as events. Nothing here
// restates the engine's API: the requests are derived from LogEngine (contract.ts), and
// the one list of forwarded method names is checked against it at compile time.
import type { IngestOptions, IngestProgress, IngestResult, LogEngine, LogSource } from './contract.ts';

/** A file as it crosses to the worker: a Blob (cloned by reference) or a transferred stream. */
export type WireFile = { kind: 'blob'; blob: Blob; name: string } | { kind: 'stream'; stream: ReadableStream<Uint8Array>; name: string; size: number };

export type WireIngestOptions = Omit<IngestOptions, 'onProgress'>;

/** Benchmarks only: chunk workers and records per chunk. */
export interface EngineTuning {
  chunkWorkers?: number;
  batchRecords?: number;
}

/** LogEngine methods that cross as they are: same arguments, same result (the others carry a file or a job). */
export type Forwarded = Exclude<keyof LogEngine, 'ingest' | 'findImported' | 'close'>;

/** What the engine core implements and the client forwards: those methods, all required. */
export type EngineMethods = { [M in Forwarded]-?: NonNullable<LogEngine[M]> };

export const forwardedMethods = [
  'open', 'sources', 'removeSource', 'problems', 'query', 'facets', 'histogram', 'timeRange', 'event', 'surrounding', 'annotate',
  'interruptedImports', 'tags', 'savedViews', 'saveView', 'deleteView', 'mappings', 'saveMapping', 'exportParquet',
] as const satisfies readonly Forwarded[];

// Fails to compile when LogEngine gains a method the list above does not forward.
type Unforwarded = Exclude<Forwarded, (typeof forwardedMethods)[number]>;
export const everyMethodForwarded: [Unforwarded] extends [never] ? true : Unforwarded = true;

type Call<F> = F extends (...args: infer A) => Promise<infer R> ? [A, R] : never;

/** Every request the worker answers: method → [arguments, result]. */
export type EngineRequests = { [M in Forwarded]-?: Call<NonNullable<LogEngine[M]>> } & {
  configure: [[options: EngineTuning], void];
  ingest: [[jobKey: string, file: WireFile, options: WireIngestOptions], IngestResult];
  cancel: [[jobKey: string], void];
  findImported: [[file: WireFile], LogSource | null];
  /** Bench and tests: resolves when the text index covers the store. */
  textReady: [[], void];
};

export type Method = keyof EngineRequests;

export interface Request<M extends Method = Method> {
  id: number;
  method: M;
  args: EngineRequests[M][0];
}

export type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export interface ProgressEvent {
  type: 'progress';
  jobKey: string;
  progress: IngestProgress;
}

export type WorkerMessage = Reply | ProgressEvent;

export const isProgress = (m: WorkerMessage): m is ProgressEvent => (m as ProgressEvent).type === 'progress';
