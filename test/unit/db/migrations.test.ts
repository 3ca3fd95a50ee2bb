// The migration harness. Every schema version N > 1 must have a case here: rows
// written at N-1 are upgraded by opening at the latest version, then checked.
// Adding a version to schema.ts without a case makes this file fail.
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CustodyDb } from '../../../renderer/src/db/database.ts';
import { latestVersion, schemaVersions } from '../../../renderer/src/db/schema.ts';
import { sampleRows } from './sample-rows.ts';

interface MigrationCase {
  /** Writes representative rows into a database opened at version N-1. */
  seed(database: CustodyDb): Promise<void>;
  /** Checks those rows after opening at the latest version. */
  verify(database: CustodyDb): Promise<void>;
}

/** Version N → how to exercise the upgrade from N-1. */
const migrationCases: Record<number, MigrationCase> = {};

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
  it.skipIf(upgraded.length > 0)('(none yet: v1 is the only schema version)', () => {});

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
