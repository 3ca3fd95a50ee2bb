// The contract between the access-log workbench (views) and the log engine, which
// runs in one dedicated Web Worker: it owns ingest, the columnar store and queries.
// Views only ever see these shapes; the worker's internals can change freely.

/** Fields with facet counts. Dictionary-encoded columns in the store. */
export const facetFields = [
  'agent',
  'subjectUser',
  'tenant',
  'client',
  'mcpServer',
  'tool',
  'targetService',
  'actionClass',
  'decision',
  'source',
] as const;
export type FacetField = (typeof facetFields)[number];

export interface EventFilter {
  /** Inclusive lower / exclusive upper bound, µs since epoch UTC. */
  timeFrom?: number;
  timeTo?: number;
  /** OR within a field, AND across fields. The value "" matches "not set". */
  facets?: Partial<Record<FacetField, string[]>>;
  /** Free text over normalized fields and the raw record. */
  text?: string;
  /** Auditor annotations (kept apart from evidence). */
  starred?: boolean;
  tag?: string;
  commented?: boolean;
}

export type SortOrder = 'time-asc' | 'time-desc';

/** What a timeline row shows. `row` is the engine's dense row number (stable for a store). */
export interface EventRow {
  row: number;
  id: string;
  time: number;
  source: string;
  actionNative: string;
  actionClass: string;
  outcome: string;
  decision: string;
  agent: string;
  subjectUser: string;
  tenant: string;
  client: string;
  mcpServer: string;
  tool: string;
  targetService: string;
  operation: string;
  scopes: string;
  traceId: string;
  toolCallId: string;
  ip: string;
  starred: boolean;
  tags: string[];
  hasComment: boolean;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface HistogramBucket {
  start: number;
  end: number;
  allow: number;
  deny: number;
  challenge: number;
  other: number;
}

export interface LogSource {
  id: string;
  name: string;
  format: string;
  size: number;
  sha256: string;
  eventCount: number;
  errorCount: number;
  importedAt: string;
  /** "complete", or "partial" when an import was cancelled / interrupted and kept. */
  state: 'complete' | 'partial';
}

export interface LineProblem {
  sourceId: string;
  line: number;
  message: string;
}

export interface IngestProgress {
  sourceName: string;
  bytesRead: number;
  bytesTotal: number;
  events: number;
  problems: number;
  /** events per second over the last second */
  rate: number;
  /** seconds, or null when unknown */
  remaining: number | null;
}

export interface EventAnnotation {
  eventId: string;
  starred: boolean;
  tags: string[];
  comment: string;
  updatedAt: string;
}

export interface SavedView {
  id: string;
  name: string;
  filter: EventFilter;
  columns: string[];
  createdAt: string;
}

export interface IngestResult {
  source: LogSource | null;
  status: 'imported' | 'duplicate' | 'cancelled' | 'rejected';
  /** Why, for duplicate / rejected / cancelled. */
  message?: string;
}

export interface IngestOptions {
  /** Reader id to force instead of detection (the user's override). */
  format?: string;
  /** A saved column mapping for generic JSONL / CSV. */
  mappingId?: string;
  /** On cancel: keep what was committed (consistently partial) or remove it. */
  onCancel?: 'keep' | 'discard';
  onProgress?: (p: IngestProgress) => void;
}

export interface IngestJob {
  done: Promise<IngestResult>;
  cancel(): void;
}

export interface EventDetail {
  row: EventRow;
  /** The normalized AccessEvent (shared/model/access-event.ts) as plain data. */
  normalized: Record<string, unknown>;
  /** The verbatim record, byte for byte as read. */
  raw: string;
  rawSha256: string;
  line: number;
}

/** Everything the workbench asks of the engine. Implemented by a worker client. */
export interface LogEngine {
  /** Loads the store from IndexedDB; resolves once queries can run. */
  open(): Promise<{ events: number; sources: LogSource[] }>;
  ingest(file: Blob & { name: string }, options?: IngestOptions): IngestJob;
  sources(): Promise<LogSource[]>;
  removeSource(sourceId: string): Promise<void>;
  problems(sourceId?: string): Promise<LineProblem[]>;
  query(filter: EventFilter, sort: SortOrder, offset: number, limit: number): Promise<{ total: number; rows: EventRow[] }>;
  facets(filter: EventFilter): Promise<Record<FacetField, FacetCount[]>>;
  histogram(filter: EventFilter, buckets: number): Promise<HistogramBucket[]>;
  /** Full time range of the store, or null when empty. */
  timeRange(): Promise<{ min: number; max: number } | null>;
  event(row: number): Promise<EventDetail>;
  /** Events sharing the row's agent (or session), within ± windowUs, ignoring the current filter. */
  surrounding(row: number, by: 'agent' | 'session', windowUs: number): Promise<EventRow[]>;
  annotate(eventId: string, patch: Partial<Omit<EventAnnotation, 'eventId' | 'updatedAt'>>): Promise<EventAnnotation>;
}
