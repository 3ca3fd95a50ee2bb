// The contract between the access-log workbench (views) and the log engine, which
// runs in one dedicated Web Worker: it owns ingest, the columnar store and queries.
// Views only ever see these shapes; the worker's internals can change freely.
//
// NOTE FOR THE WORKBENCH (engine owner, all changes additive / backward compatible):
//  - ingest() also takes an IngestSource {name, size, stream(), slice?()} besides a File.
//  - IngestProgress.phase: 'checking' (hashing a file that looks already imported),
//    'reading', 'finishing'. `events` counts records read; exact totals come in the result.
//  - Re-picking a file whose import was interrupted or cancelled-and-kept RESUMES it
//    (matched by size + SHA-256 of its first/last MiB). interruptedImports() lists them;
//    removeSource(sourceId) removes one cleanly. A source of an interrupted import is
//    'partial' and its committed events are queryable.
//  - EventRow.source is the source id (as before); new optional row fields: actor, line.
//  - LineProblem.sample ("#n" for JSON-array elements). At most 10,000 problems are
//    stored per source; LogSource.errorCount counts all of them.
//  - EventDetail.annotation; rawSha256 is "sha256:<hex>" (computed on demand).
//  - Optional engine methods implemented: savedViews/saveView/deleteView (saving under
//    an existing name replaces it), mappings/saveMapping (FieldMapping, applied at ingest
//    with IngestOptions.mappingId), tags() (tag counts), interruptedImports(), close().
//  - facets(filter, {limit}): top values per field (default 500; selected values always in).
//  - IngestResult.stats: per-phase milliseconds (benchmarks; ignore in the UI).
//  - Facet "agent" = the act-claim actor (RFC 8693) when there is one, else the actor typed
//    an agent. surrounding(row, 'agent') on an event without an agent uses its actor.
//  - Full text: a token matches any substring of the tokens of repeated values (names,
//    scopes, reasons …) but only WHOLE tokens of one-off values (uuids, request / trace
//    ids); timestamps are not indexed (use the time filter). Tokens are AND-ed.
//  - installLogBenchHook(engine) (bench-hook.ts) is already called by LogsScreen: thanks.

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
  /** The acting identity's name or id (human, agent or service). */
  actor?: string;
  /** 1-based line of the record in its file. */
  line?: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface FacetOptions {
  /** Values per field, most frequent first; selected values are always included. Default 500. */
  limit?: number;
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
  /** 0 when the problem is not tied to a line (a truncated gzip stream). */
  line: number;
  message: string;
  /** "#<n>" for the n-th element of a JSON array / wrapper. */
  sample?: string;
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
  phase?: 'checking' | 'reading' | 'finishing';
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
  /** Where the time went (ms per phase, summed over chunks): for benchmarks. */
  stats?: Record<string, number>;
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

/** Anything that can stream a file's bytes (a File is one; so is an Electron file stream). */
export interface IngestSource {
  name: string;
  size: number;
  stream(): ReadableStream<Uint8Array>;
  /** Random access; enables the first/last-MiB fingerprint and a parallel hash. */
  slice?(start: number, end: number): Promise<Uint8Array>;
}

/** An import that stopped before its end (app closed, crash, or cancelled and kept). */
export interface InterruptedImport {
  jobId: string;
  sourceId: string;
  name: string;
  size: number;
  eventsCommitted: number;
  bytesCommitted: number;
  updatedAt: string;
  /** 'cancelled' when the auditor cancelled and kept; 'interrupted' when the app stopped. */
  reason: 'cancelled' | 'interrupted';
}

export interface SavedMapping {
  id: string;
  name: string;
  format: string;
  updatedAt: string;
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
  annotation?: EventAnnotation;
}

/** Everything the workbench asks of the engine. Implemented by a worker client. */
export interface LogEngine {
  /** Loads the store from IndexedDB; resolves once queries can run. */
  open(): Promise<{ events: number; sources: LogSource[] }>;
  ingest(file: (Blob & { name: string }) | IngestSource, options?: IngestOptions): IngestJob;
  sources(): Promise<LogSource[]>;
  removeSource(sourceId: string): Promise<void>;
  problems(sourceId?: string): Promise<LineProblem[]>;
  query(filter: EventFilter, sort: SortOrder, offset: number, limit: number): Promise<{ total: number; rows: EventRow[] }>;
  facets(filter: EventFilter, options?: FacetOptions): Promise<Record<FacetField, FacetCount[]>>;
  histogram(filter: EventFilter, buckets: number): Promise<HistogramBucket[]>;
  /** Full time range of the store, or null when empty. */
  timeRange(): Promise<{ min: number; max: number } | null>;
  event(row: number): Promise<EventDetail>;
  /** Events sharing the row's agent (or session), within ± windowUs, ignoring the current filter. */
  surrounding(row: number, by: 'agent' | 'session', windowUs: number): Promise<EventRow[]>;
  annotate(eventId: string, patch: Partial<Omit<EventAnnotation, 'eventId' | 'updatedAt'>>): Promise<EventAnnotation>;

  // ---- Optional (the worker engine has them all; fakes may leave them out).
  /** The stored complete source with this file's exact bytes (fingerprint, then SHA-256), or null. */
  findImported?(file: Blob & { name: string }): Promise<LogSource | null>;
  interruptedImports?(): Promise<InterruptedImport[]>;
  /** Tags in use with their event counts. */
  tags?(): Promise<FacetCount[]>;
  savedViews?(): Promise<SavedView[]>;
  saveView?(view: Omit<SavedView, 'id' | 'createdAt'>): Promise<SavedView>;
  deleteView?(id: string): Promise<void>;
  mappings?(): Promise<SavedMapping[]>;
  /** A FieldMapping (shared/formats/access-logs/mapping.ts); validated by the engine. */
  saveMapping?(mapping: unknown): Promise<SavedMapping>;
  /**
   * The events the filter selects, in `sort` order, as one Parquet file with the columns of
   * shared/formats/access-logs/parquet.ts (each event re-read from its raw record).
   */
  exportParquet?(filter: EventFilter, sort: SortOrder): Promise<{ blob: Blob; events: number }>;
  /** Stops the worker. */
  close?(): void;
}
