// The typed message protocol between the client (UI thread) and the engine worker:
// one request → one response, matched by id; progress is pushed as events.
import type {
  EventAnnotation,
  EventDetail,
  EventFilter,
  EventRow,
  FacetCount,
  FacetField,
  FacetOptions,
  HistogramBucket,
  IngestOptions,
  IngestProgress,
  IngestResult,
  InterruptedImport,
  LineProblem,
  LogSource,
  SavedMapping,
  SavedView,
  SortOrder,
} from './contract.ts';

/** A file as it crosses to the worker: a Blob (cloned by reference) or a transferred stream. */
export type WireFile = { kind: 'blob'; blob: Blob; name: string } | { kind: 'stream'; stream: ReadableStream<Uint8Array>; name: string; size: number };

export type WireIngestOptions = Omit<IngestOptions, 'onProgress'>;

/** Every request the worker answers: method → [arguments, result]. */
export interface EngineRequests {
  configure: [[options: { chunkWorkers?: number; batchRecords?: number }], void];
  open: [[], { events: number; sources: LogSource[] }];
  ingest: [[jobKey: string, file: WireFile, options: WireIngestOptions], IngestResult];
  cancel: [[jobKey: string], void];
  sources: [[], LogSource[]];
  removeSource: [[sourceId: string], void];
  findImported: [[file: WireFile], LogSource | null];
  problems: [[sourceId?: string], LineProblem[]];
  query: [[filter: EventFilter, sort: SortOrder, offset: number, limit: number], { total: number; rows: EventRow[] }];
  facets: [[filter: EventFilter, options?: FacetOptions], Record<FacetField, FacetCount[]>];
  histogram: [[filter: EventFilter, buckets: number], HistogramBucket[]];
  timeRange: [[], { min: number; max: number } | null];
  event: [[row: number], EventDetail];
  surrounding: [[row: number, by: 'agent' | 'session', windowUs: number], EventRow[]];
  annotate: [[eventId: string, patch: Partial<Omit<EventAnnotation, 'eventId' | 'updatedAt'>>], EventAnnotation];
  interruptedImports: [[], InterruptedImport[]];
  tags: [[], FacetCount[]];
  savedViews: [[], SavedView[]];
  saveView: [[view: Omit<SavedView, 'id' | 'createdAt'>], SavedView];
  deleteView: [[id: string], void];
  mappings: [[], SavedMapping[]];
  saveMapping: [[mapping: unknown], SavedMapping];
  /** Bench and tests: resolves when the text index covers the store. */
  textReady: [[], void];
}

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
