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

  /** `upTo` lets migration tests open the database at an older version. */
  constructor(name = 'custody', options?: ConstructorParameters<typeof Dexie>[1], upTo = Infinity) {
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
