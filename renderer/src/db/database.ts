// The working-state database. Signed bundles, not this, are the durable record.
import Dexie, { type Table } from 'dexie';
import { schemaVersions } from './schema.ts';
import type {
  AnnotationRow,
  EventAnnotationRow,
  EventChunkRow,
  FieldMappingRow,
  ImportProblemRow,
  IngestJobRow,
  LineProblemRow,
  LogChunkRow,
  LogSourceRow,
  QueueItem,
  RawChunkRow,
  RubricRow,
  SavedViewRow,
  SettingRow,
  SourceRow,
  TextChunkRow,
  TranscriptBody,
  TranscriptSummary,
} from './rows.ts';

/** The demo workspace's database (and every desk's before workspaces existed). */
export const defaultDbName = 'custody';
/** localStorage key naming the open workspace's database. */
export const openWorkspaceKey = 'custody.workspace.db';

/**
 * The open workspace's database name. A window reads it from localStorage; a worker
 * (no localStorage) from its name, which its creator ends with "@<database>".
 */
export function currentDbName(): string {
  try {
    if (typeof localStorage !== 'undefined') return localStorage.getItem(openWorkspaceKey) || defaultDbName;
  } catch {
    return defaultDbName;
  }
  const name = (globalThis as { name?: unknown }).name;
  const at = typeof name === 'string' ? name.lastIndexOf('@') : -1;
  return at >= 0 ? (name as string).slice(at + 1) || defaultDbName : defaultDbName;
}

/** A worker name that carries the open workspace's database to the worker. */
export function workerName(label: string): string {
  return `${label} @${currentDbName()}`;
}

export class CustodyDb extends Dexie {
  sources!: Table<SourceRow, string>;
  transcripts!: Table<TranscriptSummary, string>;
  transcriptBodies!: Table<TranscriptBody, string>;
  rubrics!: Table<RubricRow, string>;
  annotations!: Table<AnnotationRow, string>;
  queue!: Table<QueueItem, string>;
  importProblems!: Table<ImportProblemRow, number>;
  settings!: Table<SettingRow, string>;
  // v2: the access-log engine's stores (written only by renderer/src/logs/engine).
  logSources!: Table<LogSourceRow, string>;
  ingestJobs!: Table<IngestJobRow, string>;
  eventChunks!: Table<EventChunkRow, string>;
  rawChunks!: Table<RawChunkRow, string>;
  textChunks!: Table<TextChunkRow, string>;
  lineProblems!: Table<LineProblemRow, number>;
  eventAnnotations!: Table<EventAnnotationRow, string>;
  savedViews!: Table<SavedViewRow, string>;
  fieldMappings!: Table<FieldMappingRow, string>;
  // v4: where each chunk sits in its source's file.
  logChunks!: Table<LogChunkRow, string>;

  /** `upTo` lets migration tests open the database at an older version. */
  constructor(name = currentDbName(), options?: ConstructorParameters<typeof Dexie>[1], upTo = Infinity) {
    super(name, options);
    for (const v of schemaVersions) {
      if (v.version > upTo) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}

let current: CustodyDb | undefined;

/** The app's single database (created on first use). */
export function db(): CustodyDb {
  current ??= new CustodyDb();
  return current;
}

/** Tests and the benchmark swap in their own database. */
export function useDatabase(next: CustodyDb): void {
  current = next;
}
