// Saved views (filter + columns, shareable by name) and saved column mappings for generic
// JSONL / CSV logs: small rows in their own stores, validated on the way in.
import type { CustodyDb } from '../../db/database.ts';
import { parseFieldMapping } from '../../../../shared/formats/access-logs/mapping.ts';
import type { EventFilter, SavedMapping, SavedView } from './contract.ts';

export async function listViews(db: CustodyDb): Promise<SavedView[]> {
  const rows = await db.savedViews.toArray();
  return rows.map((v) => ({ id: v.id, name: v.name, filter: v.filter as EventFilter, columns: v.columns, createdAt: v.createdAt }));
}

/** Saving under an existing name replaces that view: names are how auditors find them. */
export async function saveView(db: CustodyDb, view: Omit<SavedView, 'id' | 'createdAt'>, now: Date): Promise<SavedView> {
  const same = await db.savedViews.where('name').equals(view.name).first();
  const saved: SavedView = { id: same?.id ?? crypto.randomUUID(), name: view.name, filter: view.filter, columns: view.columns, createdAt: now.toISOString() };
  await db.savedViews.put(saved);
  return saved;
}

export async function listMappings(db: CustodyDb): Promise<SavedMapping[]> {
  const rows = await db.fieldMappings.toArray();
  return rows.map((m) => ({ id: m.id, name: m.name, format: m.format, updatedAt: m.updatedAt })).sort((a, b) => a.name.localeCompare(b.name));
}

export async function saveMapping(db: CustodyDb, input: unknown, now: Date): Promise<SavedMapping> {
  const parsed = parseFieldMapping(input);
  if (!parsed.ok) throw new Error(`not a valid mapping: ${parsed.message}`);
  const m = parsed.mapping;
  const same = await db.fieldMappings.where('name').equals(m.name).first();
  const row = { id: same?.id ?? crypto.randomUUID(), name: m.name, format: m.format, mapping: m, updatedAt: now.toISOString() };
  await db.fieldMappings.put(row);
  return { id: row.id, name: row.name, format: row.format, updatedAt: row.updatedAt };
}
