// Where the log store's bytes are and what is committed. Each source has one append-only
// chunk file (files.ts); IndexedDB (Dexie) keeps the sources, the chunk rows saying where
// each chunk's bytes are, jobs and problems. A chunk is committed in two steps: its bytes
// are appended after the source's committed length, then ONE transaction stores its row,
// the job's progress and the source's new committed length. A crash in between leaves
// bytes no row names, cut off when the file is next opened: only whole chunks are ever
// seen, and an import resumes exactly after the last committed one.
// The file is flushed to disk when an import ends, not after every chunk: a flush costs
// 12–190 ms for a 14 MB chunk here, and makes the next writes wait (measured: 30–50 ms a
// write instead of 2–3). A closed tab or a crashed app loses nothing written (the bytes are
// in the OS's cache); like IndexedDB's own default durability, a power cut mid-import may.
import type { CustodyDb } from '../../../db/database.ts';
import type { IngestJobRow, LineProblemRow, LogChunkRow, LogSourceRow } from '../../../db/rows.ts';
import type { EncodedChunk } from './chunk-codec.ts';
import { readExact, writeAll, type FileStore, type SyncFile } from './files.ts';

export interface ChunkCommit {
  /** Null when the batch made no event (only problems to store). */
  chunk: { row: Omit<LogChunkRow, 'at' | 'length' | 'parts'>; encoded: EncodedChunk } | null;
  problems: LineProblemRow[];
  job: IngestJobRow;
  /** The source after this chunk; its storedBytes must already count the chunk. */
  source: LogSourceRow;
}

export const chunkFileName = (sourceId: string): string => `${encodeURIComponent(sourceId)}.chunks`;

export const chunkKey = (sourceId: string, seq: number): string => `${sourceId}/${String(seq).padStart(6, '0')}`;

export class ChunkCatalog {
  private readonly open = new Map<string, SyncFile>();

  constructor(
    readonly db: CustodyDb,
    private readonly files: FileStore,
  ) {}

  /** Opens a source's file, cutting any torn tail past what the catalog committed. */
  async openFile(source: LogSourceRow): Promise<SyncFile> {
    let file = this.open.get(source.id);
    if (!file) {
      file = await this.files.open(chunkFileName(source.id));
      this.open.set(source.id, file);
    }
    const stored = source.storedBytes ?? 0;
    if (file.size() !== stored) {
      file.truncate(stored);
      file.flush();
    }
    return file;
  }

  /** The open file of a source (openFile ran when the source was loaded or began importing). */
  file(sourceId: string): SyncFile {
    const file = this.open.get(sourceId);
    if (!file) throw new Error(`the chunk file of ${sourceId} is not open`);
    return file;
  }

  /** Bytes of a chunk's range (relative offsets). */
  read(row: Pick<LogChunkRow, 'sourceId' | 'at'>, at: number, length: number): Uint8Array {
    return readExact(this.file(row.sourceId), row.at + at, length);
  }

  /** Writes a chunk's parts at `at`, the source's committed length (dropping any torn tail first). */
  append(sourceId: string, encoded: EncodedChunk, at: number): void {
    const file = this.file(sourceId);
    if (file.size() !== at) file.truncate(at);
    for (const p of encoded.pieces) writeAll(file, p.data, at + p.at);
    // The alignment bytes after the last part (writes past the end pad with zeros).
    if (file.size() < at + encoded.length) file.truncate(at + encoded.length);
  }

  async commit(c: ChunkCommit): Promise<LogChunkRow | null> {
    let row: LogChunkRow | null = null;
    if (c.chunk) {
      const { encoded } = c.chunk;
      const at = (c.source.storedBytes ?? 0) - encoded.length;
      this.append(c.source.id, encoded, at);
      row = { ...c.chunk.row, at, length: encoded.length, parts: encoded.parts };
    }
    const db = this.db;
    await db.transaction('rw', [db.logChunks, db.lineProblems, db.ingestJobs, db.logSources], async () => {
      if (row) await db.logChunks.put(row);
      if (c.problems.length > 0) await db.lineProblems.bulkAdd(c.problems);
      await db.ingestJobs.put(c.job);
      await db.logSources.put(c.source);
    });
    return row;
  }

  /** Starts an import: its source (state "importing") and its job, together. */
  async beginIngest(source: LogSourceRow, job: IngestJobRow): Promise<void> {
    await this.openFile(source);
    await this.db.transaction('rw', [this.db.logSources, this.db.ingestJobs], async () => {
      await this.db.logSources.put(source);
      await this.db.ingestJobs.put(job);
    });
  }

  /** Finishes an import: the source becomes complete (or partial) and the job goes away. */
  async finishIngest(source: LogSourceRow, jobId: string, keepJob?: IngestJobRow): Promise<void> {
    this.open.get(source.id)?.flush();
    await this.db.transaction('rw', [this.db.logSources, this.db.ingestJobs], async () => {
      await this.db.logSources.put(source);
      if (keepJob) await this.db.ingestJobs.put(keepJob);
      else await this.db.ingestJobs.delete(jobId);
    });
  }

  /** Removes a source: its rows in one transaction, then its file. */
  async removeSource(sourceId: string): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [db.logChunks, db.lineProblems, db.ingestJobs, db.logSources, db.eventChunks, db.rawChunks, db.textChunks], async () => {
      for (const table of [db.logChunks, db.lineProblems, db.ingestJobs, db.eventChunks, db.rawChunks, db.textChunks]) {
        await table.where('sourceId').equals(sourceId).delete();
      }
      await db.logSources.delete(sourceId);
    });
    this.open.get(sourceId)?.close();
    this.open.delete(sourceId);
    await this.files.remove(chunkFileName(sourceId));
  }

  /** Files no source names (a removal that stopped between its two steps). */
  async removeOrphans(sources: LogSourceRow[]): Promise<void> {
    const known = new Set(sources.map((s) => chunkFileName(s.id)));
    for (const name of await this.files.list()) if (!known.has(name)) await this.files.remove(name);
  }

  /** A source's chunk rows in file order. */
  async chunksOf(sourceId: string): Promise<LogChunkRow[]> {
    const rows = await this.db.logChunks.where('sourceId').equals(sourceId).toArray();
    return rows.sort((a, b) => a.seq - b.seq);
  }

  close(): void {
    this.open.clear();
    this.files.close();
  }
}

/** Sources in import order (the order rows are numbered in). */
export async function sourcesInOrder(db: CustodyDb): Promise<LogSourceRow[]> {
  const all = await db.logSources.toArray();
  return all.sort((a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.id < b.id ? -1 : 1));
}
