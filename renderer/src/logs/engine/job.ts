// Which source and job an import writes to: a new pair, or — when the same file (same
// fingerprint) has an unfinished job, crashed or cancelled-and-kept — that job, resumed.
import type { CustodyDb } from '../../db/database.ts';
import type { IngestJobRow, LogSourceRow } from '../../db/rows.ts';
import { sha256Hex } from '../../../../shared/crypto/index.ts';

export interface JobRequest {
  name: string;
  size: number;
  fingerprint: string;
  format: string;
  now: string;
  mapping?: unknown;
  csvHeader?: string;
}

/** A source id from the fingerprint, so re-importing a removed file gives the same event ids. */
async function sourceIdFor(db: CustodyDb, fingerprint: string): Promise<string> {
  const base = `ls-${(await sha256Hex(fingerprint)).slice(0, 16)}`;
  let id = base;
  for (let n = 2; await db.logSources.get(id); n++) id = `${base}-${n}`;
  return id;
}

export async function openJob(db: CustodyDb, r: JobRequest): Promise<{ source: LogSourceRow; job: IngestJobRow }> {
  const unfinished = (await db.ingestJobs.toArray()).find((j) => j.fingerprint === r.fingerprint);
  if (unfinished) {
    const source = await db.logSources.get(unfinished.sourceId);
    if (source) return { source: { ...source, state: 'importing' }, job: { ...unfinished, state: 'running', updatedAt: r.now } };
    await db.ingestJobs.delete(unfinished.id);
  }
  const id = await sourceIdFor(db, r.fingerprint);
  const source: LogSourceRow = {
    id,
    name: r.name,
    format: r.format,
    size: r.size,
    fingerprint: r.fingerprint,
    eventCount: 0,
    errorCount: 0,
    importedAt: r.now,
    state: 'importing',
    chunkCount: 0,
    ...(r.mapping !== undefined ? { mapping: r.mapping } : {}),
    ...(r.csvHeader !== undefined ? { csvHeader: r.csvHeader } : {}),
  };
  const job: IngestJobRow = {
    id: `job-${id}`,
    sourceId: id,
    name: r.name,
    size: r.size,
    fingerprint: r.fingerprint,
    format: r.format,
    state: 'running',
    recordsCommitted: 0,
    linesCommitted: 0,
    eventsCommitted: 0,
    problemsCommitted: 0,
    bytesCommitted: 0,
    chunksCommitted: 0,
    startedAt: r.now,
    updatedAt: r.now,
  };
  return { source, job };
}
