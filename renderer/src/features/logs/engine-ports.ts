// Saved views: the engine's store (Dexie, through the worker) when it has one; the
// contract marks these methods optional, so a fake or an older engine falls back to
// this desk's localStorage and the feature keeps working.
import type { SavedView } from '../../logs/engine/contract.ts';
import { logEngine, openLogEngine } from './engine-instance.ts';

const viewsKey = 'custody.logs.views.v1';

function localViews(): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(viewsKey) ?? '[]');
    return Array.isArray(parsed) ? (parsed as SavedView[]) : [];
  } catch {
    return [];
  }
}

function storeLocalViews(views: SavedView[]): void {
  localStorage.setItem(viewsKey, JSON.stringify(views));
}

export async function listViews(): Promise<SavedView[]> {
  await openLogEngine(); // the store must be loaded before the worker answers
  const engine = logEngine();
  const views = engine.savedViews ? await engine.savedViews() : localViews();
  return [...views].sort((a, b) => a.name.localeCompare(b.name));
}

/** Saving under an existing name replaces that view: names are how auditors find them. */
export async function saveView(view: Omit<SavedView, 'id' | 'createdAt'>): Promise<SavedView> {
  await openLogEngine();
  const engine = logEngine();
  if (engine.saveView) return engine.saveView(view);
  const existing = localViews();
  const same = existing.find((v) => v.name === view.name);
  const saved: SavedView = { ...view, id: same?.id ?? crypto.randomUUID(), createdAt: new Date().toISOString() };
  storeLocalViews([...existing.filter((v) => v.id !== saved.id), saved]);
  return saved;
}

export async function deleteView(id: string): Promise<void> {
  await openLogEngine();
  const engine = logEngine();
  if (engine.deleteView) return engine.deleteView(id);
  storeLocalViews(localViews().filter((v) => v.id !== id));
}
