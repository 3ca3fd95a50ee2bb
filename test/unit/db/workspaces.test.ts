import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CustodyDb } from '../../../renderer/src/db/database.ts';
import { getSetting } from '../../../renderer/src/db/settings.ts';
import { chooseWorkspace, createWorkspace, listWorkspaces, openWorkspaceDb } from '../../../renderer/src/db/workspaces.ts';

function memoryStore() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe('workspaces', () => {
  it('lists the demo first and opens it by default', () => {
    const store = memoryStore();
    expect(listWorkspaces(store)).toEqual([{ db: 'custody', title: 'Demo workspace' }]);
    expect(openWorkspaceDb(store)).toBe('custody');
  });

  it('creates an empty workspace in its own database, named, marked as set up (so the demo never seeds into it)', async () => {
    const store = memoryStore();
    const indexedDB = new IDBFactory();
    const me = { id: 'demo-clinician', name: 'Dr Ada Okafor' };
    const entry = await createWorkspace('  Cardiology pilot ', me, store, { indexedDB, IDBKeyRange });
    expect(entry.title).toBe('Cardiology pilot');
    expect(entry.db).toMatch(/^custody-ws-/);
    expect(listWorkspaces(store)).toEqual([{ db: 'custody', title: 'Demo workspace' }, entry]);
    // Not switched until asked.
    expect(openWorkspaceDb(store)).toBe('custody');
    chooseWorkspace(entry.db, store);
    expect(openWorkspaceDb(store)).toBe(entry.db);

    const database = new CustodyDb(entry.db, { indexedDB, IDBKeyRange });
    expect(await getSetting(database, 'workspaceTitle')).toBe('Cardiology pilot');
    expect(await getSetting(database, 'annotator')).toEqual(me);
    expect(await getSetting(database, 'workspaceSeeded')).toBeTruthy();
    expect(await database.sources.count()).toBe(0);
    expect(await database.queue.count()).toBe(0);
    database.close();
    await expect(createWorkspace('   ', me, store, { indexedDB, IDBKeyRange })).rejects.toThrow(/name/);
  });

  it('ignores a damaged list', () => {
    const store = memoryStore();
    store.setItem('custody.workspaces', '{not json');
    expect(listWorkspaces(store)).toHaveLength(1);
    store.setItem('custody.workspaces', JSON.stringify([{ db: 'custody', title: 'x' }, { db: 7 }, { db: 'custody-ws-a', title: 'A' }]));
    expect(listWorkspaces(store).map((w) => w.db)).toEqual(['custody', 'custody-ws-a']);
  });
});
