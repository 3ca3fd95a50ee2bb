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
];

export const latestVersion = schemaVersions[schemaVersions.length - 1]!.version;
