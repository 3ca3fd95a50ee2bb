// The migration harness. Every schema version N > 1 must have a case here: rows
// written at N-1 are upgraded by opening at the latest version, then checked.
// Adding a version to schema.ts without a case makes this file fail.
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CustodyDb } from '../../../renderer/src/db/database.ts';
import { latestVersion, schemaVersions } from '../../../renderer/src/db/schema.ts';
import { sampleRows } from './sample-rows.ts';
import type {
  EventAnnotationRow,
  EventChunkRow,
  FieldMappingRow,
  IngestJobRow,
  LineProblemRow,
  LogSourceRow,
  RawChunkRow,
  SavedViewRow,
  TextChunkRow,
} from '../../../renderer/src/db/rows.ts';

interface MigrationCase {
  /** Writes representative rows into a database opened at version N-1. */
  seed(database: CustodyDb): Promise<void>;
  /** Checks those rows after opening at the latest version. */
  verify(database: CustodyDb): Promise<void>;
}

const buffer = (a: ArrayLike<number>, T: Float64ArrayConstructor | Uint32ArrayConstructor | Uint16ArrayConstructor | Uint8ArrayConstructor) => T.from(a).buffer as ArrayBuffer;

/** One representative row per v2 (access-log) table. */
const logSampleRows = {
  logSources: {
    id: 'ls-1',
    name: 'okta.jsonl',
    format: 'okta-system-log',
    size: 1234,
    sha256: 'ab'.repeat(32),
    fingerprint: `1234:${'cd'.repeat(32)}:${'ef'.repeat(32)}`,
    eventCount: 2,
    errorCount: 1,
    importedAt: '2026-01-02T03:04:05.000Z',
    state: 'complete',
    chunkCount: 1,
  } satisfies LogSourceRow,
  ingestJobs: {
    id: 'job-1',
    sourceId: 'ls-2',
    name: 'big.jsonl',
    size: 99,
    fingerprint: '99:aa:bb',
    format: 'okta-system-log',
    state: 'running',
    recordsCommitted: 0,
    linesCommitted: 0,
    eventsCommitted: 0,
    problemsCommitted: 0,
    bytesCommitted: 0,
    chunksCommitted: 0,
    startedAt: '2026-01-02T03:04:05.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
  } satisfies IngestJobRow,
  eventChunks: {
    id: 'ls-1/000000',
    sourceId: 'ls-1',
    seq: 0,
    count: 2,
    minTime: 1.5e15,
    maxTime: 1.6e15,
    time: buffer([1.5e15, 1.6e15], Float64Array),
    lines: buffer([1, 3], Uint32Array),
    dicts: { agent: ['', 'bot'] },
    codes: { agent: buffer([1, 0], Uint8Array) },
    packed: { id: { bytes: buffer([97, 98], Uint8Array), offsets: buffer([0, 1, 2], Uint32Array) } },
  } satisfies EventChunkRow,
  rawChunks: {
    id: 'ls-1/000000',
    sourceId: 'ls-1',
    count: 2,
    text: '{"a":1}{"b":2}',
    ends: buffer([7, 14], Uint32Array),
  } satisfies RawChunkRow,
  textChunks: {
    id: 'ls-1/000000',
    sourceId: 'ls-1',
    values: ['bot'],
    valueOffsets: buffer([0, 1], Uint32Array),
    valueRows: buffer([0], Uint16Array),
    rare: 'req-7\0',
    rareEnds: buffer([0, 6], Uint32Array),
  } satisfies TextChunkRow,
  lineProblems: { sourceId: 'ls-1', line: 2, message: 'not JSON' } satisfies LineProblemRow,
  eventAnnotations: { eventId: 'e1', starred: true, tags: ['follow-up'], comment: 'check', updatedAt: '2026-01-02T03:04:05.000Z' } satisfies EventAnnotationRow,
  savedViews: { id: 'v1', name: 'denies', filter: { facets: { decision: ['deny'] } }, columns: ['time', 'agent'], createdAt: '2026-01-02T03:04:05.000Z' } satisfies SavedViewRow,
  fieldMappings: { id: 'm1', name: 'gateway csv', format: 'generic-csv', mapping: { time: 'ts' }, updatedAt: '2026-01-02T03:04:05.000Z' } satisfies FieldMappingRow,
};

/** Version N → how to exercise the upgrade from N-1. */
const migrationCases: Record<number, MigrationCase> = {
  // v2 adds the access-log engine's stores only: every v1 row survives untouched, and the
  // new stores start empty and take a representative row of each kind.
  2: {
    async seed(database) {
      for (const [table, row] of Object.entries(sampleRows)) await database.table(table).put(structuredClone(row));
    },
    async verify(database) {
      for (const [table, row] of Object.entries(sampleRows)) {
        const key = table === 'settings' ? 'key' : table === 'rubrics' ? 'hash' : 'id';
        // v3 adds derived counts to sources; every other v1 row is untouched.
        const expected = table === 'sources' ? { ...row, transcriptCount: 1, rubricCount: 1 } : row;
        expect(await database.table(table).get((row as Record<string, unknown>)[key] as string)).toEqual(expected);
      }
      for (const table of Object.keys(logSampleRows)) expect(await database.table(table).count()).toBe(0);
      for (const [table, row] of Object.entries(logSampleRows)) {
        const key = await database.table(table).add(structuredClone(row));
        const back = (await database.table(table).get(key)) as Record<string, unknown>;
        expect(back).toMatchObject(row as Record<string, unknown>);
      }
      // ArrayBuffer columns come back as ArrayBuffers with the same bytes.
      const chunk = await database.eventChunks.get(logSampleRows.eventChunks.id);
      expect([...new Float64Array(chunk!.time)]).toEqual([1.5e15, 1.6e15]);
      expect(await database.logSources.where('sha256').equals(logSampleRows.logSources.sha256).count()).toBe(1);
      await expect(database.logSources.add({ ...logSampleRows.logSources, id: 'other' })).rejects.toThrow(/constraint/i);
      expect(await database.eventChunks.where('sourceId').equals('ls-1').count()).toBe(1);
      expect(await database.eventAnnotations.where('tags').equals('follow-up').count()).toBe(1);
      expect(await database.lineProblems.where('sourceId').equals('ls-1').count()).toBe(1);
      expect(await database.ingestJobs.where('state').equals('running').count()).toBe(1);
    },
  },
  // v3 adds no stores: it derives list fields from rows already there. "unknown agent"
  // becomes what the reader gave (the model), a prompt without a response is flagged,
  // submitted queue items get their score, sources count transcripts and rubrics apart.
  3: {
    async seed(database) {
      const rubric = sampleRows.rubrics;
      const hb = { ...sampleRows.sources, id: 'src-hb', sha256: 'ff'.repeat(32), name: 'healthbench.jsonl', format: 'healthbench', recordCount: 3 };
      await database.sources.bulkPut([structuredClone(sampleRows.sources), hb]);
      await database.rubrics.put(structuredClone(rubric));
      const summary = { ...sampleRows.transcripts, agentName: 'unknown agent' };
      const prompt = { ...sampleRows.transcripts, id: 'hb1', sourceId: 'src-hb', agentName: 'unknown agent', messageCount: 1, toolCallCount: 0 };
      await database.transcripts.bulkPut([summary, prompt]);
      const body = structuredClone(sampleRows.transcriptBodies);
      body.transcript = { ...body.transcript, agent: {}, metadata: { model: 'gpt-4o' } } as never;
      const promptBody = {
        id: 'hb1',
        transcript: {
          ...structuredClone(sampleRows.transcriptBodies.transcript),
          id: 'hb1',
          sourceFormat: 'healthbench',
          agent: {},
          messages: [sampleRows.transcriptBodies.transcript.messages[0]],
          metadata: { completion: 'none' },
        },
      };
      await database.transcriptBodies.bulkPut([body, promptBody as never]);
      const submitted = {
        ...structuredClone(sampleRows.annotations),
        status: 'submitted' as const,
        criteria: { c1: { value: { kind: 'met' as const }, rationale: 'ok', evidence: [] }, c2: { value: { kind: 'ordinal' as const, level: 1 }, rationale: '', evidence: [] } },
      };
      await database.annotations.put(submitted);
      await database.queue.bulkPut([
        { ...structuredClone(sampleRows.queue), status: 'submitted', agentName: 'unknown agent' },
        { ...structuredClone(sampleRows.queue), id: `hb1|${rubric.hash}|dr-a`, transcriptId: 'hb1', order: 2, status: 'todo', agentName: 'unknown agent' },
      ]);
    },
    async verify(database) {
      expect(await database.transcripts.get('t1')).toEqual({ ...sampleRows.transcripts, agentName: 'gpt-4o' });
      expect(await database.transcripts.get('hb1')).toMatchObject({ agentName: 'agent not named (healthbench)', noResponse: true });
      const [done, prompt] = await database.queue.orderBy('order').toArray();
      // c1 met (5 of 7 points), c2 ordinal level 1 of 3 (0 of 2): 5 / 7.
      expect(done).toMatchObject({ status: 'submitted', agentName: 'gpt-4o', score: 5 / 7 });
      expect(done).not.toHaveProperty('noResponse');
      expect(prompt).toMatchObject({ status: 'todo', noResponse: true });
      expect(prompt).not.toHaveProperty('score');
      expect(await database.sources.get(sampleRows.sources.id)).toMatchObject({ transcriptCount: 1, rubricCount: 1 });
      expect(await database.sources.get('src-hb')).toMatchObject({ transcriptCount: 1, rubricCount: 2 });
      expect((await database.annotations.get(sampleRows.annotations.id))?.status).toBe('submitted');
    },
  },
  // v4 adds logChunks (where each chunk sits in its source's file); the v2 chunk rows stay
  // as they were until the log engine moves them into files (test/unit/logs-engine/move-old-chunks.test.ts).
  4: {
    async seed(database) {
      for (const [table, row] of Object.entries(logSampleRows)) await database.table(table).put(structuredClone(row));
    },
    async verify(database) {
      for (const [table, row] of Object.entries(logSampleRows)) {
        if (table === 'lineProblems') continue;
        const key = table === 'eventAnnotations' ? 'eventId' : 'id';
        expect(await database.table(table).get((row as Record<string, unknown>)[key] as string)).toEqual(row);
      }
      expect(await database.lineProblems.where('sourceId').equals('ls-1').count()).toBe(1);
      expect(await database.logChunks.count()).toBe(0);
      await database.logChunks.put({ id: 'ls-1/000000', sourceId: 'ls-1', seq: 0, count: 2, minTime: 1, maxTime: 2, firstId: '1', lastId: '2', at: 0, length: 64, parts: { time: { at: 0, length: 16, kind: 'f64' } } });
      expect(await database.logChunks.where('sourceId').equals('ls-1').count()).toBe(1);
    },
  },
};

let counter = 0;
function opener() {
  const indexedDB = new IDBFactory();
  const name = `custody-migration-${++counter}`;
  return (upTo = Infinity) => new CustodyDb(name, { indexedDB, IDBKeyRange }, upTo);
}

/** The stores declared up to a version: later declarations override, null deletes. */
function storesAt(version: number): Record<string, string> {
  const merged: Record<string, string | null> = {};
  for (const v of schemaVersions) if (v.version <= version) Object.assign(merged, v.stores);
  return Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== null));
}

interface IndexSpec {
  name: string;
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
  autoIncrement: boolean;
}

/** Reads one Dexie index declaration ("&sha256", "*tags", "[id+version]", "++id"). */
function parseSpec(spec: string): IndexSpec {
  const unique = spec.startsWith('&');
  const multiEntry = spec.startsWith('*');
  const autoIncrement = spec.startsWith('++');
  const name = spec.replace(/^(\+\+|&|\*)/, '');
  const keyPath = name.startsWith('[') ? name.slice(1, -1).split('+') : name;
  return { name, keyPath, unique, multiEntry, autoIncrement };
}

/** Asserts the real IndexedDB object stores match the declaration exactly. */
async function expectSchema(database: CustodyDb, stores: Record<string, string>) {
  await database.open();
  const idb = database.backendDB();
  expect([...idb.objectStoreNames].sort()).toEqual(Object.keys(stores).sort());
  const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
  for (const [table, declaration] of Object.entries(stores)) {
    const [primary, ...indexes] = declaration.split(',').map((s) => s.trim()).filter(Boolean).map(parseSpec);
    const store = tx.objectStore(table);
    expect({ table, keyPath: store.keyPath, autoIncrement: store.autoIncrement }).toEqual({
      table,
      keyPath: primary!.keyPath,
      autoIncrement: primary!.autoIncrement,
    });
    expect({ table, indexes: [...store.indexNames].sort() }).toEqual({ table, indexes: indexes.map((i) => i.name).sort() });
    for (const spec of indexes) {
      const index = store.index(spec.name);
      expect({ table, index: spec.name, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry }).toEqual({
        table,
        index: spec.name,
        keyPath: spec.keyPath,
        unique: spec.unique,
        multiEntry: spec.multiEntry,
      });
    }
  }
}

describe('schema versions', () => {
  it('start at 1 and increase by one', () => {
    expect(schemaVersions.map((v) => v.version)).toEqual(schemaVersions.map((_, i) => i + 1));
    expect(latestVersion).toBe(schemaVersions.length);
  });

  it('each have a migration case (versions > 1)', () => {
    const missing = schemaVersions.filter((v) => v.version > 1 && !migrationCases[v.version]).map((v) => v.version);
    expect(missing, `add a migrationCases entry for schema version(s) ${missing.join(', ')}`).toEqual([]);
  });

  it('open at the latest version with every table and index declared', async () => {
    const open = opener();
    await expectSchema(open(), storesAt(latestVersion));
  });

  for (const v of schemaVersions) {
    it(`v${v.version} on its own creates exactly its declared tables and indexes`, async () => {
      const database = opener()(v.version);
      await expectSchema(database, storesAt(v.version));
      database.close();
    });
  }
});

describe('v1 rows', () => {
  it('round-trip through every table at v1 and can be found by their indexes', async () => {
    const database = opener()(1);
    for (const [table, row] of Object.entries(sampleRows)) {
      await database.table(table).put(structuredClone(row));
      const key = table === 'settings' ? 'key' : table === 'rubrics' ? 'hash' : 'id';
      expect(await database.table(table).get((row as Record<string, unknown>)[key] as string)).toEqual(row);
    }
    expect(await database.sources.where('sha256').equals(sampleRows.sources.sha256).count()).toBe(1);
    expect(await database.transcripts.where('tags').equals('urgent').count()).toBe(1);
    expect(await database.rubrics.where('[id+version]').equals(['triage', 1]).count()).toBe(1);
    expect(await database.queue.where('status').equals('draft').count()).toBe(1);
    expect(await database.annotations.where('transcriptId').equals('t1').count()).toBe(1);
    expect(await database.importProblems.where('sourceId').equals(sampleRows.sources.id).count()).toBe(1);
    await expect(database.sources.add({ ...sampleRows.sources, id: 'other' })).rejects.toThrow(/constraint/i);
    database.close();
  });
});

describe('upgrades', () => {
  const upgraded = schemaVersions.filter((v) => v.version > 1);

  for (const v of upgraded) {
    it(`v${v.version - 1} → v${latestVersion} keeps and converts the rows written at v${v.version - 1}`, async () => {
      const migration = migrationCases[v.version];
      if (!migration) throw new Error(`no migrationCases entry for schema version ${v.version}`);
      const open = opener();
      const old = open(v.version - 1);
      await migration.seed(old);
      old.close();
      const latest = open();
      await latest.open();
      expect(latest.verno).toBe(latestVersion);
      await migration.verify(latest);
      latest.close();
    });
  }
});
