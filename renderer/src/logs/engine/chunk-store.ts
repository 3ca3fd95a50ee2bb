// Persistence of the event store in Dexie (schema v2). Layout:
//   logSources     one row per file: name, format, size, sha256, fingerprint, counts, state
//   ingestJobs     one row per unfinished import: what is committed, for resume / removal
//   eventChunks    ~12.5k events as typed-array columns with chunk-local dictionaries
//   rawChunks      the same events' verbatim records, zlib-compressed in blocks of 1,024
//   textChunks     the same events' text index (repeated values + the one-off values' text)
//   lineProblems   malformed records: line + reason
// A chunk and everything that goes with it (raw, text, problems, job and source counters)
// is written in ONE transaction, so a crash or cancel leaves whole chunks only.
import type { CustodyDb } from '../../db/database.ts';
import type { EventChunkRow, IngestJobRow, LineProblemRow, LogSourceRow, RawChunkRow, TextChunkRow } from '../../db/rows.ts';

export interface ChunkCommit {
  chunk: EventChunkRow | null;
  raw: RawChunkRow | null;
  text: TextChunkRow | null;
  problems: LineProblemRow[];
  job: IngestJobRow;
  source: LogSourceRow;
}

const chunkTables = (db: CustodyDb) => [db.eventChunks, db.rawChunks, db.textChunks, db.lineProblems, db.ingestJobs, db.logSources];

export async function commitChunk(db: CustodyDb, c: ChunkCommit): Promise<void> {
  await db.transaction('rw', chunkTables(db), async () => {
    if (c.chunk) await db.eventChunks.put(c.chunk);
    if (c.raw) await db.rawChunks.put(c.raw);
    if (c.text) await db.textChunks.put(c.text);
    if (c.problems.length > 0) await db.lineProblems.bulkAdd(c.problems);
    await db.ingestJobs.put(c.job);
    await db.logSources.put(c.source);
  });
}

/** Starts an import: its source (state "importing") and its job, together. */
export async function beginIngest(db: CustodyDb, source: LogSourceRow, job: IngestJobRow): Promise<void> {
  await db.transaction('rw', [db.logSources, db.ingestJobs], async () => {
    await db.logSources.put(source);
    await db.ingestJobs.put(job);
  });
}

/** Finishes an import: the source becomes complete (or partial) and the job goes away. */
export async function finishIngest(db: CustodyDb, source: LogSourceRow, jobId: string, keepJob?: IngestJobRow): Promise<void> {
  await db.transaction('rw', [db.logSources, db.ingestJobs], async () => {
    await db.logSources.put(source);
    if (keepJob) await db.ingestJobs.put(keepJob);
    else await db.ingestJobs.delete(jobId);
  });
}

/** Removes a source and everything stored for it, in one transaction. */
export async function removeSourceRows(db: CustodyDb, sourceId: string): Promise<void> {
  await db.transaction('rw', chunkTables(db), async () => {
    for (const table of [db.eventChunks, db.rawChunks, db.textChunks, db.lineProblems, db.ingestJobs]) {
      await table.where('sourceId').equals(sourceId).delete();
    }
    await db.logSources.delete(sourceId);
  });
}

/** Sources in import order (the order rows are numbered in). */
export async function sourcesInOrder(db: CustodyDb): Promise<LogSourceRow[]> {
  const all = await db.logSources.toArray();
  return all.sort((a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.id < b.id ? -1 : 1));
}

/** Streams a source's chunks in file order, a few rows per read so memory stays flat. */
interface ChunkRowOf {
  eventChunks: EventChunkRow;
  textChunks: TextChunkRow;
}

export async function eachChunk<K extends keyof ChunkRowOf>(
  db: CustodyDb,
  table: K,
  sourceId: string,
  onChunk: (row: ChunkRowOf[K]) => void,
  batch = 4,
): Promise<void> {
  const keys = (await db.table(table).where('sourceId').equals(sourceId).primaryKeys()) as string[];
  keys.sort();
  for (let i = 0; i < keys.length; i += batch) {
    const rows = (await db.table(table).bulkGet(keys.slice(i, i + batch))) as (ChunkRowOf[K] | undefined)[];
    for (const row of rows) if (row) onChunk(row);
  }
}
