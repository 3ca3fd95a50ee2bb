// The engine as a plain class: ingest, the in-memory columnar store, queries, event
// details, annotations, saved views and mappings. worker.ts wraps it behind postMessage;
// tests drive it directly (fake-indexeddb, in-memory files, chunks built inline).
import type { CustodyDb } from '../../db/database.ts';
import type { LogChunkRow, LogSourceRow } from '../../db/rows.ts';
import type { AccessLogReader } from '../../../../shared/formats/access-logs/reader.ts';
import { parseFieldMapping } from '../../../../shared/formats/access-logs/mapping.ts';
import { EventParquetWriter } from '../../../../shared/formats/access-logs/parquet.ts';
import { nextTask } from '../../runtime/next-task.ts';
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
  IngestResult,
  InterruptedImport,
  LineProblem,
  LogSource,
  SavedMapping,
  SavedView,
  SortOrder,
} from './contract.ts';
import { Annotations, type AnnotationPatch } from './annotations.ts';
import { buildChunk, type BuiltChunk, type RecordBatch } from './chunk-build.ts';
import { ChunkCatalog, sourcesInOrder } from './storage/catalog.ts';
import { writeAll, type FileStore } from './storage/files.ts';
import { moveOldChunks } from './storage/move-old-chunks.ts';
import { fingerprintOf, hashStream, type IngestInput } from './digest.ts';
import { EventDetails } from './event-detail.ts';
import { eventIdOf } from './event-ids.ts';
import { countFacets } from './facets.ts';
import type { EncodedChunk } from './storage/chunk-codec.ts';
import { PostingsCache } from './postings.ts';
import { histogram } from './histogram.ts';
import { ingest, toLogSource, type IngestControl } from './ingest.ts';
import { Lru } from './lru.ts';
import { compile, page, select, timeWindow, type Resolved, type Selection } from './query.ts';
import { defaultReaders, readerFor } from './readers.ts';
import { EventStore, type ChunkReader } from './store.ts';
import { TextIndex } from './text-index.ts';
import { listMappings, listViews, saveMapping, saveView } from './views.ts';
import type { EngineMethods } from './protocol.ts';
import type { Bitset } from './bitset.ts';

export interface CoreOptions {
  db: CustodyDb;
  /** Where chunk bytes live: OPFS in the worker, memory in tests. */
  files: FileStore;
  readers?: readonly AccessLogReader[];
  /** Builds a chunk from a batch; default inline (the worker passes its chunk-worker pool). */
  build?(batch: RecordBatch): Promise<BuiltChunk>;
  /** Full-file SHA-256 of a Blob computed elsewhere (the hash worker); default inline while streaming. */
  hashFile?(blob: Blob, signal: AbortSignal): Promise<string>;
  now?(): Date;
  batchRecords?: number;
  maxInFlight?: number;
  beforeCommit?(seq: number): void | Promise<void>;
}

const SURROUNDING_MAX = 1000;
/** The engine's scratch file for an export, removed with the other unknown files at the next open. */
const EXPORT_FILE = 'export.parquet';

/** The engine itself: every forwarded LogEngine method, plus ingest with its controls. */
export class LogEngineCore implements EngineMethods {
  readonly catalog: ChunkCatalog;
  readonly store: EventStore;
  readonly text: TextIndex;
  private readonly annotations = new Annotations();
  private sourceRows = new Map<string, LogSourceRow>();
  private opening: Promise<void> | null = null;
  private textLoading: Promise<void> | null = null;
  private readonly live = new Set<string>();
  private readonly liveSources = new Set<string>();
  // Small: a selection is a bitset (1.25 MB at 10M rows); paging and the histogram reuse the latest.
  private readonly selections = new Lru<Selection>(3);
  private readonly postings: PostingsCache;
  private readonly textBits = new Lru<Bitset | null>(4);
  private readonly details: EventDetails;
  private readonly db: CustodyDb;
  private readonly readers: readonly AccessLogReader[];

  constructor(private readonly options: CoreOptions) {
    this.db = options.db;
    this.readers = options.readers ?? defaultReaders;
    this.catalog = new ChunkCatalog(this.db, options.files);
    const read: ChunkReader = (row, at, length) => this.catalog.read(row, at, length);
    this.store = new EventStore(read);
    this.postings = new PostingsCache(this.store);
    this.text = new TextIndex(read);
    this.details = new EventDetails(read, this.readers);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  // ---- opening

  async open(): Promise<{ events: number; sources: LogSource[] }> {
    this.opening ??= this.load();
    await this.opening;
    return { events: this.store.rows, sources: await this.sources() };
  }

  /** Columns and dictionaries first (the timeline), the text index in the background. */
  private async load(): Promise<void> {
    const sources = await sourcesInOrder(this.db);
    const jobs = await this.db.ingestJobs.toArray();
    const chunks: LogChunkRow[][] = [];
    for (let s of sources) {
      // A source still "importing" with no live job was interrupted (app closed, crash).
      if (s.state === 'importing' && !this.liveSources.has(s.id)) {
        s.state = 'partial';
        await this.db.logSources.update(s.id, { state: 'partial' });
      }
      await this.catalog.openFile(s);
      s = await moveOldChunks(this.catalog, s);
      this.sourceRows.set(s.id, s);
      chunks.push(await this.catalog.chunksOf(s.id));
    }
    for (const j of jobs) if (!sources.some((s) => s.id === j.sourceId)) await this.db.ingestJobs.delete(j.id);
    await this.catalog.removeOrphans(sources);
    this.store.reserve(chunks.reduce((n, list) => n + list.reduce((m, c) => m + c.count, 0), 0));
    for (const list of chunks) for (const row of list) this.store.append(row);
    await this.annotations.load(this.db);
    this.annotations.attach(this.store);
    this.textLoading = this.loadText();
    this.textLoading.catch(() => {});
  }

  /** The text index's in-memory parts, chunk by chunk, letting queries in every ~20 ms. */
  private async loadText(): Promise<void> {
    let slice = performance.now();
    for (const chunk of [...this.store.chunks]) {
      if (this.text.has(chunk.id) || !this.store.chunks.includes(chunk)) continue;
      this.text.add(chunk.row, chunk.base);
      if (performance.now() - slice > 20) {
        await nextTask();
        slice = performance.now();
      }
    }
  }

  /** Resolves once the text index covers every loaded chunk (tests, the bench). */
  async textReady(): Promise<void> {
    await this.open();
    await this.textLoading;
  }

  // ---- ingest

  async ingest(input: IngestInput, options: IngestOptions, control: IngestControl): Promise<IngestResult> {
    await this.open();
    let mapping;
    if (options.mappingId) {
      const row = await this.db.fieldMappings.get(options.mappingId);
      const parsed = row ? parseFieldMapping(row.mapping) : null;
      if (!parsed?.ok) return { source: null, status: 'rejected', message: row ? `The saved mapping is not valid: ${parsed?.ok === false ? parsed.message : ''}` : 'The chosen mapping no longer exists.' };
      mapping = parsed.mapping;
    }
    const touched = new Set<string>();
    const result = await ingest(input, options, {
      db: this.db,
      catalog: this.catalog,
      readers: this.readers,
      build: this.options.build ?? ((batch) => this.buildInline(batch)),
      ...(this.options.hashFile && input.blob ? { hashFile: (signal: AbortSignal) => this.options.hashFile!(input.blob!, signal) } : {}),
      now: () => this.now(),
      live: this.live,
      ...(mapping ? { mapping } : {}),
      ...(this.options.batchRecords ? { batchRecords: this.options.batchRecords } : {}),
      ...(this.options.maxInFlight ? { maxInFlight: this.options.maxInFlight } : {}),
      ...(this.options.beforeCommit ? { beforeCommit: this.options.beforeCommit } : {}),
      committed: (row, built, source) => {
        touched.add(source.id);
        this.liveSources.add(source.id);
        this.sourceRows.set(source.id, source);
        if (row && built.encoded) this.addChunk(row, built.encoded);
      },
    }, control).finally(() => {
      for (const id of touched) this.liveSources.delete(id);
    });
    // Refresh what the store knows of the source(s) the import touched.
    for (const id of touched) {
      const row = await this.db.logSources.get(id);
      if (row) this.sourceRows.set(id, row);
      else this.dropSource(id);
    }
    if (touched.size > 0) this.annotations.attach(this.store);
    return result;
  }

  private async buildInline(batch: RecordBatch): Promise<BuiltChunk> {
    const reader = readerFor(batch.format, batch.mapping, this.readers);
    if (!reader) throw new Error(`no reader for format ${batch.format}`);
    // Off the current turn, like a worker reply, so ingest interleaves the same way.
    await Promise.resolve();
    return buildChunk(batch, reader);
  }

  /** A just-committed chunk: its resident and text parts come from the bytes in hand. */
  private addChunk(row: LogChunkRow, encoded: EncodedChunk): void {
    const loaded = this.store.append(row, encoded);
    this.text.add(row, loaded.base, encoded);
  }

  private dropSource(sourceId: string): void {
    this.sourceRows.delete(sourceId);
    if (!this.store.chunks.some((c) => c.sourceId === sourceId)) return;
    this.text.rebase(this.store.removeSource(sourceId));
    this.details.clear();
    this.annotations.attach(this.store);
  }

  /**
   * The stored source this file already is, or null: same fingerprint (size + first/last MiB),
   * confirmed by the full SHA-256 (a file altered in the middle is not a duplicate). Cheap for a
   * new file; the full hash runs only on a fingerprint match. Lets staging say so before import.
   */
  async findImported(input: IngestInput): Promise<LogSource | null> {
    await this.open();
    if (!input.slice) return null; // a one-pass stream cannot be checked ahead of its import
    const fingerprint = await fingerprintOf(input);
    const twins = [...this.sourceRows.values()].filter((s) => s.fingerprint === fingerprint && s.state === 'complete' && s.sha256);
    if (!twins.length) return null;
    const digest = this.options.hashFile && input.blob ? await this.options.hashFile(input.blob, new AbortController().signal) : await hashStream(input.stream());
    const twin = twins.find((s) => s.sha256 === digest);
    return twin ? toLogSource(twin) : null;
  }

  // ---- sources and problems

  async sources(): Promise<LogSource[]> {
    return [...this.sourceRows.values()].map(toLogSource);
  }

  async removeSource(sourceId: string): Promise<void> {
    await this.open();
    if (this.liveSources.has(sourceId)) throw new Error('This source is being imported; cancel the import first.');
    await this.catalog.removeSource(sourceId);
    this.dropSource(sourceId);
  }

  async problems(sourceId?: string): Promise<LineProblem[]> {
    const rows = sourceId ? await this.db.lineProblems.where('sourceId').equals(sourceId).toArray() : await this.db.lineProblems.toArray();
    return rows.map((p) => ({ sourceId: p.sourceId, line: p.line, message: p.message, ...(p.sample ? { sample: p.sample } : {}) }));
  }

  async interruptedImports(): Promise<InterruptedImport[]> {
    await this.open();
    const jobs = await this.db.ingestJobs.toArray();
    return jobs
      .filter((j) => !this.liveSources.has(j.sourceId))
      .map((j) => ({
        jobId: j.id,
        sourceId: j.sourceId,
        name: j.name,
        size: j.size,
        eventsCommitted: j.eventsCommitted,
        bytesCommitted: j.bytesCommitted,
        updatedAt: j.updatedAt,
        reason: j.state === 'cancelled' ? 'cancelled' : 'interrupted',
      }));
  }

  // ---- queries

  private async resolve(filter: EventFilter): Promise<Resolved> {
    let text: Bitset | null = null;
    if (filter.text && filter.text.trim() !== '') {
      await this.textLoading;
      const key = `${this.store.version}|${this.text.version}|${filter.text}`;
      const cached = this.textBits.get(key);
      if (cached !== undefined) text = cached;
      else {
        text = this.text.search(filter.text, this.store, this.postings);
        this.textBits.set(key, text);
      }
    }
    const tag = filter.tag ? this.annotations.tagBits(filter.tag, this.store.rows) : null;
    return { text, tag };
  }

  /** Matching rows; cached per filter and store version. */
  private async selection(filter: EventFilter): Promise<Selection> {
    await this.open();
    const key = `${this.store.version}|${this.text.version}|${stableKey(filter)}`;
    const hit = this.selections.get(key);
    if (hit) return hit;
    const rows = select(this.store, compile(this.store, filter, await this.resolve(filter)), this.postings);
    this.selections.set(key, rows);
    return rows;
  }

  async query(filter: EventFilter, sort: SortOrder, offset: number, limit: number): Promise<{ total: number; rows: EventRow[] }> {
    const sel = await this.selection(filter);
    const slice = page(sel, sort === 'time-desc', offset, limit);
    return { total: sel.count, rows: Array.from(slice, (r) => this.row(r)) };
  }

  async facets(filter: EventFilter, options: FacetOptions = {}): Promise<Record<FacetField, FacetCount[]>> {
    await this.open();
    const c = compile(this.store, filter, await this.resolve(filter));
    return countFacets(this.store, c, filter.facets ?? {}, options, this.postings);
  }

  async histogram(filter: EventFilter, buckets: number): Promise<HistogramBucket[]> {
    const sel = await this.selection(filter);
    let { timeFrom, timeTo } = filter;
    if (timeFrom === undefined || timeTo === undefined) {
      const range = await this.timeRange();
      if (!range) return [];
      timeFrom ??= range.min;
      timeTo ??= range.max + 1;
    }
    return histogram(this.store, sel, buckets, timeFrom, timeTo);
  }

  async timeRange(): Promise<{ min: number; max: number } | null> {
    await this.open();
    const { order, timed } = this.store.timeOrder();
    if (timed === 0) return null;
    return { min: this.store.time[order[0]!]!, max: this.store.time[order[timed - 1]!]! };
  }

  async surrounding(row: number, by: 'agent' | 'session', windowUs: number): Promise<EventRow[]> {
    await this.open();
    const s = this.store;
    if (row < 0 || row >= s.rows) throw new Error(`no event at row ${row}`);
    const t = s.time[row]!;
    // Same agent: a coded column (without an agent, the acting identity stands in: a human's
    // or a service's own events). Same session: ids read per chunk, compared as strings.
    const column = by === 'agent' ? (s.cols.agent[row] === 0 ? 'actor' : 'agent') : null;
    const code = column ? s.cols[column][row]! : 0;
    const session = column ? '' : s.packed('session', row);
    if ((column ? code === 0 : session === '') || t !== t) return [this.row(row)];
    const { order, from, to } = timeWindow(s, t - windowUs, t + windowUs + 1);
    const out: EventRow[] = [];
    for (let i = from; i < to && out.length < SURROUNDING_MAX; i++) {
      const r = order[i]!;
      if (column ? s.cols[column][r] === code : s.packed('session', r) === session) out.push(this.row(r));
    }
    return out;
  }

  private row(r: number): EventRow {
    const s = this.store;
    const chunk = s.chunkOf(r);
    const id = eventIdOf(s, r);
    const a = this.annotations.get(id);
    return {
      row: r,
      id,
      time: s.time[r]!,
      source: chunk.sourceId,
      actionNative: s.value('actionNative', r),
      actionClass: s.value('actionClass', r),
      outcome: s.value('outcome', r),
      decision: s.value('decision', r),
      agent: s.value('agent', r),
      subjectUser: s.value('subjectUser', r),
      tenant: s.value('tenant', r),
      client: s.value('client', r),
      mcpServer: s.value('mcpServer', r),
      tool: s.value('tool', r),
      targetService: s.value('targetService', r),
      operation: s.value('operation', r),
      scopes: s.value('scopes', r),
      traceId: s.packed('traceId', r),
      toolCallId: s.packed('toolCallId', r),
      ip: s.value('ip', r),
      starred: a?.starred ?? false,
      tags: a?.tags ?? [],
      hasComment: (a?.comment.trim() ?? '') !== '',
      actor: s.value('actor', r),
      line: s.display(chunk).lines[r - chunk.base]!,
    };
  }

  // ---- one event: raw record on demand

  async event(row: number): Promise<EventDetail> {
    await this.open();
    const summary = this.row(row);
    const chunk = this.store.chunkOf(row);
    const annotation = this.annotations.get(summary.id);
    return this.details.detail(chunk, row - chunk.base, summary, this.sourceRows.get(chunk.sourceId), annotation);
  }

  // ---- export

  async exportParquet(filter: EventFilter, sort: SortOrder): Promise<{ blob: Blob; events: number }> {
    const sel = await this.selection(filter);
    const rows = page(sel, sort === 'time-desc', 0, sel.count);
    const file = await this.options.files.open(EXPORT_FILE);
    file.truncate(0);
    let at = 0;
    const writer = await EventParquetWriter.create({
      write: (bytes) => {
        writeAll(file, bytes, at);
        at += bytes.length;
      },
    });
    for (const r of rows) {
      const chunk = this.store.chunkOf(r);
      const source = this.sourceRows.get(chunk.sourceId);
      const id = eventIdOf(this.store, r);
      const stored = { id, line: this.store.line(r), subjectUser: this.store.value('subjectUser', r), tenant: this.store.value('tenant', r) };
      const event = source ? this.details.normalized(source, stored, this.details.record(chunk, r - chunk.base)) : null;
      if (!event) throw new Error(`event ${id} could not be read again from its raw record; nothing was exported`);
      const full = writer.add(event);
      if (full) await full;
    }
    await writer.finish();
    file.flush();
    return { blob: await this.options.files.blob(EXPORT_FILE), events: rows.length };
  }

  // ---- annotations, views, mappings

  async annotate(eventId: string, patch: AnnotationPatch): Promise<EventAnnotation> {
    await this.open();
    return this.annotations.put(this.db, this.store, eventId, patch, () => this.now());
  }

  async tags(): Promise<FacetCount[]> {
    await this.open();
    return this.annotations.tagCounts();
  }

  savedViews(): Promise<SavedView[]> {
    return listViews(this.db);
  }

  saveView(view: Omit<SavedView, 'id' | 'createdAt'>): Promise<SavedView> {
    return saveView(this.db, view, this.now());
  }

  deleteView(id: string): Promise<void> {
    return this.db.savedViews.delete(id);
  }

  mappings(): Promise<SavedMapping[]> {
    return listMappings(this.db);
  }

  saveMapping(input: unknown): Promise<SavedMapping> {
    return saveMapping(this.db, input, this.now());
  }
}

/** A filter as a cache key, independent of key order and empty parts. */
export function stableKey(filter: EventFilter): string {
  const facets = Object.entries(filter.facets ?? {})
    .filter(([, v]) => v && v.length > 0)
    .map(([k, v]) => [k, [...v!].sort()] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([filter.timeFrom ?? null, filter.timeTo ?? null, facets, filter.text?.trim() ?? '', filter.starred ?? false, filter.tag ?? '', filter.commented ?? false]);
}
