// One import, streaming: bytes → records (shared record stream, on this thread; JSON Lines
// are only cut at newline bytes, never decoded here) → batches of 12.5k records as UTF-8
// → chunks decoded, built and encoded in parallel (chunk workers) →
// committed in file order: bytes appended to the source's file, then one catalog
// transaction (storage/catalog.ts). Only whole chunks are ever stored, so a crash or a
// cancel leaves the store consistent, and the job row says exactly what to skip on resume.
import type { CustodyDb } from '../../db/database.ts';
import type { IngestJobRow, LineProblemRow, LogChunkRow, LogSourceRow } from '../../db/rows.ts';
import type { AccessLogReader } from '../../../../shared/formats/access-logs/reader.ts';
import { createJsonlBatchStream, createRecordStream, type RawRecord, type RecordStream, type StreamProblem } from '../../../../shared/formats/stream/record-stream.ts';
import type { IngestOptions, IngestResult, LogSource } from './contract.ts';
import type { BuiltChunk, RecordBatch, RecordsPayload } from './chunk-build.ts';
import type { LineBatch } from '../../../../shared/formats/stream/byte-lines.ts';
import { chunkKey, type ChunkCatalog } from './storage/catalog.ts';
import { Sha256 } from '../../../../shared/crypto/index.ts';
import { fingerprintOf, hashStream, type IngestInput } from './digest.ts';
import { chooseReader } from '../../../../shared/formats/access-logs/choose-reader.ts';
import type { FieldMapping } from '../../../../shared/formats/access-logs/mapping.ts';
import { csvHeaderOf, readHead } from './head.ts';
import { progressReporter } from './progress.ts';
import { openJob } from './job.ts';
import { utf8Joined } from './raw-chunk.ts';

export interface IngestEnv {
  db: CustodyDb;
  catalog: ChunkCatalog;
  readers: readonly AccessLogReader[];
  /** Turns a batch into an encoded chunk, possibly in another thread. */
  build(batch: RecordBatch): Promise<BuiltChunk>;
  /** SHA-256 of the whole file computed on the side (hash worker); inline when absent. */
  hashFile?(signal: AbortSignal): Promise<string | null>;
  now(): Date;
  /** After each commit, in file order: the engine adds the chunk to its in-memory store. */
  committed(row: LogChunkRow | null, built: BuiltChunk, source: LogSourceRow): void;
  /** Fingerprints of imports running in this session (a second one of the same file is refused). */
  live: Set<string>;
  batchRecords?: number;
  batchChars?: number;
  maxInFlight?: number;
  /** The saved column mapping chosen for this file (generic JSONL / JSON / CSV). */
  mapping?: FieldMapping;
  /** Test seam: runs before each chunk commit (a test closes the database here to "crash"). */
  beforeCommit?(seq: number): void | Promise<void>;
}

export interface IngestControl {
  cancelled: boolean;
}

// Chunks of 12.5k records (~10 MB of Okta JSON), at most 16M characters: measured at 1M
// events on 2 cores, 50k-record chunks kept ~300 MB more in flight (renderer peak over
// 1 GB) for no speed gain; 12.5k with two chunk workers was fastest under 1 GB.
const DEFAULT_BATCH = 12_500;
const DEFAULT_BATCH_CHARS = 16 * 1024 * 1024;
/** Problems stored per source; the count goes on (a file of garbage stays small). */
export const MAX_STORED_PROBLEMS = 10_000;

export function toLogSource(row: LogSourceRow): LogSource {
  return {
    id: row.id,
    name: row.name,
    format: row.format,
    size: row.size,
    sha256: row.sha256 ?? '',
    eventCount: row.eventCount,
    errorCount: row.errorCount,
    importedAt: row.importedAt,
    state: row.state === 'complete' ? 'complete' : 'partial',
  };
}

/** Records waiting to be sent as a batch (text framings), and problems of either kind. */
interface PendingBatch {
  texts: string[];
  lines: number[];
  ordinals: number[];
  fields: Record<string, string>[];
  problems: LineProblemRow[];
  chars: number;
  lastOrdinal: number;
  lastLine: number;
}

const emptyBatch = (lastOrdinal: number, lastLine: number): PendingBatch => ({ texts: [], lines: [], ordinals: [], fields: [], problems: [], chars: 0, lastOrdinal, lastLine });

export async function ingest(input: IngestInput, options: IngestOptions, env: IngestEnv, control: IngestControl): Promise<IngestResult> {
  const { db } = env;
  const started = performance.now();
  const report = progressReporter(input, options.onProgress);
  const stream = input.stream().getReader();
  const { head, chunks: headChunks, done: headDone } = await readHead(stream);
  const choice = chooseReader({ name: input.name, head, readers: env.readers, format: options.format, mapping: env.mapping });
  if (!choice.ok) {
    await stream.cancel();
    return { source: null, status: 'rejected', message: choice.message };
  }
  const { reader: chosen, framing } = choice;
  const fingerprint = await fingerprintOf(input, head);
  if (env.live.has(fingerprint)) {
    await stream.cancel();
    return { source: null, status: 'rejected', message: `${input.name} is already being imported.` };
  }
  env.live.add(fingerprint);
  try {
    return await run();
  } finally {
    env.live.delete(fingerprint);
  }

  async function run(): Promise<IngestResult> {
    // Stopped as soon as the import ends any other way than "imported".
    const hashing = new AbortController();
    const sideHash = env.hashFile?.(hashing.signal);
    sideHash?.catch(() => {});
    try {
      return await pipeline(sideHash);
    } finally {
      hashing.abort();
    }
  }

  async function pipeline(sideHash: Promise<string | null> | undefined): Promise<IngestResult> {
    // Same size and same first/last MiB as a stored file: confirm with the full digest
    // (a file altered in the middle must not pass as a duplicate).
    const twins = (await db.logSources.where('fingerprint').equals(fingerprint).toArray()).filter((s) => s.state === 'complete' && s.sha256);
    // A pure stream cannot be read twice: its duplicate check happens at the end instead.
    if (twins.length > 0 && (sideHash || input.slice)) {
      report.phase('checking');
      const digest = sideHash ? await sideHash : await hashStream(input.stream(), (n) => report.bytes(n));
      const twin = twins.find((s) => s.sha256 === digest);
      if (twin) {
        await stream.cancel();
        return { source: toLogSource(twin), status: 'duplicate', message: `Already imported on ${twin.importedAt.slice(0, 10)} as "${twin.name}" (same SHA-256); not imported again.` };
      }
    }

    let { source, job } = await openJob(db, {
      name: input.name,
      size: input.size,
      fingerprint,
      format: chosen.format,
      now: env.now().toISOString(),
      ...(env.mapping ? { mapping: env.mapping } : {}),
      ...(framing === 'csv' ? { csvHeader: csvHeaderOf(input.name, head) } : {}),
    });
    await env.catalog.beginIngest(source, job);
    const skipRecords = job.recordsCommitted;
    const skipLines = job.linesCommitted;
    const format = chosen.format;
    const inline = sideHash ? null : await Sha256.create();

    let batch = emptyBatch(skipRecords, skipLines);
    let seq = job.chunksCommitted;
    let chain: Promise<void> = Promise.resolve();
    const inflight: Promise<void>[] = [];
    let broken = null as { error: unknown } | null;
    let pendingRecords = 0;
    let stop = false;
    const stats: Record<string, number> = { chunks: 0, commitMs: 0, readMs: 0, finishMs: 0 };
    const addStat = (k: string, v: number) => (stats[k] = (stats[k] ?? 0) + v);

    /** What a commit needs of its batch (not the record texts: they must not stay alive). */
    interface Committed {
      records: number;
      lastOrdinal: number;
      lastLine: number;
      problems: LineProblemRow[];
    }

    const commitOne = async (b: Committed, built: Promise<BuiltChunk>, bytesRead: number, mySeq: number) => {
      const chunk = await built;
      if (control.cancelled || stop) return;
      await env.beforeCommit?.(mySeq);
      const problems = [...b.problems, ...chunk.problems.map((p) => ({ sourceId: source.id, ...p }))];
      const nextJob: IngestJobRow = {
        ...job,
        recordsCommitted: b.lastOrdinal,
        linesCommitted: b.lastLine,
        eventsCommitted: job.eventsCommitted + chunk.events,
        problemsCommitted: job.problemsCommitted + problems.length,
        bytesCommitted: bytesRead,
        chunksCommitted: mySeq + 1,
        updatedAt: env.now().toISOString(),
      };
      const nextSource: LogSourceRow = {
        ...source,
        eventCount: source.eventCount + chunk.events,
        errorCount: source.errorCount + problems.length,
        chunkCount: source.chunkCount + (chunk.encoded ? 1 : 0),
        storedBytes: (source.storedBytes ?? 0) + (chunk.encoded?.length ?? 0),
      };
      const room = Math.max(0, MAX_STORED_PROBLEMS - source.errorCount);
      const stored = problems.length > room ? problems.slice(0, room) : problems;
      const tc = performance.now();
      const row = await env.catalog.commit({
        chunk: chunk.encoded && chunk.summary ? { row: { id: chunkKey(source.id, mySeq), sourceId: source.id, seq: mySeq, ...chunk.summary }, encoded: chunk.encoded } : null,
        problems: stored,
        job: nextJob,
        source: nextSource,
      });
      addStat('commitMs', performance.now() - tc);
      addStat('chunks', 1);
      for (const [k, v] of Object.entries(chunk.timings ?? {})) addStat(`chunk.${k}Ms`, v);
      job = nextJob;
      source = nextSource;
      pendingRecords -= b.records;
      env.committed(row, chunk, source);
      report.committed(job.eventsCommitted, job.problemsCommitted);
    };

    /** Sends the pending batch — or, for JSON Lines, `lines` with the pending problems. */
    const dispatch = (bytesRead: number, lines?: LineBatch) => {
      const b = batch;
      let count = b.texts.length;
      if (lines) {
        b.lastOrdinal = lines.firstOrdinal + lines.records - 1;
        b.lastLine = lines.firstLine + lines.lines - 1;
        count = Math.min(lines.records, b.lastOrdinal - skipRecords);
      }
      batch = emptyBatch(b.lastOrdinal, b.lastLine);
      if (count === 0 && b.problems.length === 0) return;
      const mySeq = seq++;
      pendingRecords += count;
      const base = { sourceId: source.id, format, framing, seq: mySeq, ...(env.mapping ? { mapping: env.mapping } : {}) };
      const built: Promise<BuiltChunk> =
        count === 0
          ? Promise.resolve(problemsOnly())
          : env.build(lines ? { ...base, kind: 'lines', lines, skipThrough: skipRecords } : { ...base, ...recordsOf(b) });
      // Build failures surface at commit time, in order.
      built.catch(() => {});
      const committed: Committed = { records: count, lastOrdinal: b.lastOrdinal, lastLine: b.lastLine, problems: b.problems };
      chain = chain.then(() => commitOne(committed, built, bytesRead, mySeq));
      inflight.push(chain.then(() => {}, (error: unknown) => void (broken ??= { error })));
    };

    const onProblem = (p: StreamProblem) => {
      if (p.line !== undefined && p.line <= skipLines) return;
      batch.problems.push({ sourceId: source.id, line: p.line ?? 0, message: p.message, ...(p.sample ? { sample: p.sample } : {}) });
    };
    const batchRecords = env.batchRecords ?? DEFAULT_BATCH;
    const batchChars = env.batchChars ?? DEFAULT_BATCH_CHARS;
    const records: RecordStream =
      framing === 'jsonl'
        ? createJsonlBatchStream(
            { records: batchRecords, bytes: batchChars },
            (lines) => {
              // Lines an interrupted import already stored are skipped whole.
              if (lines.firstOrdinal + lines.records - 1 > skipRecords) dispatch(records.bytesIn, lines);
            },
            onProblem,
          )
        : createRecordStream(
            framing,
            (r: RawRecord) => {
              if (r.ordinal <= skipRecords) return;
              batch.texts.push(r.text);
              batch.lines.push(r.line);
              batch.ordinals.push(r.ordinal);
              if (r.fields) batch.fields.push(r.fields);
              batch.chars += r.text.length;
              batch.lastOrdinal = r.ordinal;
              batch.lastLine = r.line;
              if (batch.texts.length >= batchRecords || batch.chars >= batchChars) dispatch(records.bytesIn);
            },
            onProblem,
          );

    report.phase('reading');
    let failure: unknown = null;
    const tr = performance.now();
    try {
      const feed = (chunk: Uint8Array) => {
        inline?.update(chunk);
        records.push(chunk);
        report.read(records.bytesIn, pendingRecords + job.eventsCommitted);
      };
      for (const c of headChunks) feed(c);
      while (!headDone && !control.cancelled) {
        const r = await stream.read();
        if (r.done) break;
        feed(r.value);
        while (inflight.length >= (env.maxInFlight ?? 2)) await inflight.shift();
        if (broken) throw broken.error;
      }
      if (control.cancelled) {
        await stream.cancel();
      } else {
        records.end();
        dispatch(records.bytesIn);
      }
      stats.readMs = performance.now() - tr;
      await chain;
    } catch (error) {
      failure = error;
      stop = true;
      await stream.cancel().catch(() => {});
    }

    if (failure) {
      // Committed chunks stay; the job says what they cover, so the import resumes later.
      const kept: LogSourceRow = { ...source, state: 'partial' };
      await env.catalog.finishIngest(kept, job.id, { ...job, state: 'cancelled', updatedAt: env.now().toISOString() }).catch(() => {});
      throw failure;
    }

    if (control.cancelled) {
      if ((options.onCancel ?? 'keep') === 'discard') {
        await env.catalog.removeSource(source.id);
        return { source: null, status: 'cancelled', message: 'Import cancelled; nothing from this file was kept.' };
      }
      const kept: LogSourceRow = { ...source, state: 'partial' };
      await env.catalog.finishIngest(kept, job.id, { ...job, state: 'cancelled', updatedAt: env.now().toISOString() });
      return { source: toLogSource(kept), status: 'cancelled', message: `Import cancelled; ${kept.eventCount} events kept. Pick the same file again to resume.` };
    }

    report.phase('finishing');
    const tf = performance.now();
    const digest = sideHash ? await sideHash : inline!.hex();
    stats.hashWaitMs = performance.now() - tf;
    const twin = digest ? await db.logSources.where('sha256').equals(digest).first() : undefined;
    if (twin && twin.id !== source.id) {
      await env.catalog.removeSource(source.id);
      return { source: toLogSource(twin), status: 'duplicate', message: `Same SHA-256 as "${twin.name}", imported on ${twin.importedAt.slice(0, 10)}; not imported again.` };
    }
    const done: LogSourceRow = { ...source, ...(digest ? { sha256: digest } : {}), state: 'complete' };
    await env.catalog.finishIngest(done, job.id);
    stats.finishMs = performance.now() - tf;
    stats.totalMs = performance.now() - started;
    report.finish(performance.now() - started);
    for (const k of Object.keys(stats)) stats[k] = Math.round(stats[k]!);
    return { source: toLogSource(done), status: 'imported', stats };
  }
}

/** A batch with no records, only the splitter's problems. */
function problemsOnly(): BuiltChunk {
  return { encoded: null, summary: null, problems: [], events: 0, records: 0 };
}

/** A text batch's records as UTF-8 (the form every batch reaches a chunk worker in). */
function recordsOf(b: PendingBatch): RecordsPayload {
  return {
    kind: 'records',
    ...utf8Joined(b.texts),
    lines: Uint32Array.from(b.lines),
    ordinals: Uint32Array.from(b.ordinals),
    ...(b.fields.length === b.texts.length && b.fields.length > 0 ? { fields: b.fields } : {}),
  };
}
