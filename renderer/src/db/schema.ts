// Every Dexie schema version, oldest first. Never edit a published version:
// add a new one with its upgrade, and a migration test in test/unit/db/.
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const schemaVersions: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      sources: 'id, &sha256, kind, importedAt',
      transcripts: 'id, sourceId, agentName, *tags, importedAt',
      transcriptBodies: 'id',
      rubrics: 'hash, id, [id+version]',
      annotations: 'id, transcriptId, rubricHash, annotatorId, status, updatedAt',
      queue: 'id, order, status, agentName, *tags, transcriptId, rubricHash, annotatorId',
      importProblems: '++id, sourceId',
      settings: 'key',
    },
  },
  {
    // The access-log engine (renderer/src/logs/engine): events live in columnar chunks of
    // ~50k rows, never one row per event. New stores only; v1's are untouched.
    version: 2,
    stores: {
      logSources: 'id, &sha256, fingerprint, importedAt',
      ingestJobs: 'id, sourceId, state',
      eventChunks: 'id, sourceId',
      rawChunks: 'id, sourceId',
      textChunks: 'id, sourceId',
      lineProblems: '++id, sourceId',
      eventAnnotations: 'eventId, starred, *tags, updatedAt',
      savedViews: 'id, name, createdAt',
      fieldMappings: 'id, name, updatedAt',
    },
  },
];

export const latestVersion = schemaVersions[schemaVersions.length - 1]!.version;
