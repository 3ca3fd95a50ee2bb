// Every Dexie schema version, oldest first. Never edit a published version:
// add a new one with its upgrade, and a migration test in test/unit/db/.
import type { Transaction } from 'dexie';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { Rubric } from '../../../shared/model/rubric.ts';
import { agentLabel, lacksResponse } from '../../../shared/model/transcript-facts.ts';
import { scoreRubric } from '../../../shared/rubric/score.ts';
import type { QueueItem, SourceRow, TranscriptBody, TranscriptSummary } from './rows.ts';

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
  // Derived fields for the queue and library lists; stores and indexes unchanged.
  { version: 3, stores: {}, upgrade: (tx) => upgradeToV3(tx) },
  // The log engine's chunks move to files (OPFS); IndexedDB keeps where they are. The v2
  // chunk stores stay until the engine has moved their rows (it does when it opens: file
  // writes cannot happen inside a Dexie upgrade), then hold nothing.
  { version: 4, stores: { logChunks: 'id, sourceId' } },
];

/**
 * v3 (review desk and library): no new stores or indexes; rows gain derived fields the
 * lists show without loading transcript bodies or annotations:
 * - transcripts/queue: `noResponse` (nothing to grade) and a real agent label in place of
 *   "unknown agent" (from the reader's agent name or model);
 * - queue: `score` of submitted items;
 * - sources: `transcriptCount` and `rubricCount` (a transcript and its rubric are not "2 records").
 */
async function upgradeToV3(tx: Transaction): Promise<void> {
  const transcripts = tx.table<TranscriptSummary, string>('transcripts');
  const bodies = tx.table<TranscriptBody, string>('transcriptBodies');
  const summaries = await transcripts.toArray();
  const changed = new Map<string, TranscriptSummary>();
  // Bodies can be large: read them a page at a time.
  for (let i = 0; i < summaries.length; i += 200) {
    const page = summaries.slice(i, i + 200);
    const got = await bodies.bulkGet(page.map((t) => t.id));
    page.forEach((summary, j) => {
      const body = got[j];
      if (!body) return;
      const agentName = summary.agentName === 'unknown agent' ? agentLabel(body.transcript) : summary.agentName;
      const noResponse = lacksResponse(body.transcript);
      if (agentName !== summary.agentName || noResponse) changed.set(summary.id, { ...summary, agentName, ...(noResponse ? { noResponse } : {}) });
    });
  }
  await transcripts.bulkPut([...changed.values()]);

  const rubrics = new Map((await tx.table<Rubric, string>('rubrics').toArray()).map((r) => [r.hash, r]));
  const annotations = tx.table<Annotation, string>('annotations');
  const queue = tx.table<QueueItem, string>('queue');
  const items = await queue.toArray();
  const submitted = await annotations.bulkGet(items.filter((q) => q.status === 'submitted').map((q) => q.id));
  const scoreById = new Map<string, number | null>();
  for (const a of submitted) {
    const rubric = a && rubrics.get(a.rubricHash);
    if (a && rubric) scoreById.set(a.id, scoreRubric(rubric, a.criteria).score);
  }
  const updatedItems = items.flatMap((q) => {
    const summary = changed.get(q.transcriptId);
    if (!summary && !scoreById.has(q.id)) return [];
    return [
      {
        ...q,
        ...(summary ? { agentName: summary.agentName, ...(summary.noResponse ? { noResponse: true } : {}) } : {}),
        ...(scoreById.has(q.id) ? { score: scoreById.get(q.id)! } : {}),
      },
    ];
  });
  await queue.bulkPut(updatedItems);

  const perSource = new Map<string, number>();
  for (const t of summaries) perSource.set(t.sourceId, (perSource.get(t.sourceId) ?? 0) + 1);
  await tx
    .table<SourceRow, string>('sources')
    .toCollection()
    .modify((source) => {
      const count = perSource.get(source.id) ?? 0;
      source.transcriptCount = count;
      source.rubricCount = Math.max(0, source.recordCount - count);
    });
}

export const latestVersion = schemaVersions[schemaVersions.length - 1]!.version;
