// Workspaces: each is its own database, so leaving the demo for an empty desk (and
// coming back) never deletes anything. The list and the open one live in localStorage,
// which a window reads before its database opens.
import { CustodyDb, currentDbName, defaultDbName, openWorkspaceKey } from './database.ts';
import { setSetting, type Annotator } from './settings.ts';

const listKey = 'custody.workspaces';

export interface WorkspaceEntry {
  /** The workspace's IndexedDB database name. */
  db: string;
  title: string;
}

interface Store {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const demoEntry: WorkspaceEntry = { db: defaultDbName, title: 'Demo workspace' };

/** Every workspace on this desk; the demo (the original database) always first. */
export function listWorkspaces(store: Store = localStorage): WorkspaceEntry[] {
  let saved: WorkspaceEntry[] = [];
  try {
    const parsed: unknown = JSON.parse(store.getItem(listKey) ?? '[]');
    if (Array.isArray(parsed)) {
      saved = parsed.filter((w): w is WorkspaceEntry => typeof w?.db === 'string' && typeof w?.title === 'string' && w.db !== defaultDbName);
    }
  } catch {
    saved = [];
  }
  return [demoEntry, ...saved];
}

export function openWorkspaceDb(store: Store = localStorage): string {
  return store.getItem(openWorkspaceKey) || defaultDbName;
}

/** Makes `dbName` the workspace the next page load opens. */
export function chooseWorkspace(dbName: string, store: Store = localStorage): void {
  store.setItem(openWorkspaceKey, dbName);
}

/**
 * Creates an empty workspace (its own database: no demo, nothing imported) with the
 * annotator carried over, and records it. Does not switch to it.
 */
export async function createWorkspace(
  title: string,
  annotator: Annotator,
  store: Store = localStorage,
  options?: ConstructorParameters<typeof CustodyDb>[1],
  now = new Date(),
): Promise<WorkspaceEntry> {
  const name = title.trim();
  if (!name) throw new Error('Give the workspace a name.');
  const entry: WorkspaceEntry = { db: `custody-ws-${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`, title: name };
  const database = new CustodyDb(entry.db, options);
  try {
    await setSetting(database, 'workspaceTitle', name);
    await setSetting(database, 'annotator', annotator);
    // Marks it as set up, so the first-run demo never seeds into it.
    await setSetting(database, 'workspaceSeeded', now.toISOString());
  } finally {
    database.close();
  }
  const others = listWorkspaces(store).filter((w) => w.db !== defaultDbName);
  store.setItem(listKey, JSON.stringify([...others, entry]));
  return entry;
}

export { currentDbName };
