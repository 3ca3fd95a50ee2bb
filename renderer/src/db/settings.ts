// Typed access to the settings table. Every key the app uses is listed here so
// features agree on names and value shapes.
import type { CustodyDb } from './database.ts';

export interface Annotator {
  id: string;
  name: string;
}

export interface Settings {
  /** Who is annotating on this desk; new queue items are assigned to them. */
  annotator: Annotator;
  /** Rubric hash that new queue items are bound to when a file carries no rubric of its own. */
  activeRubricHash: string;
  /** ISO time the demo workspace finished seeding; set once, never cleared. */
  workspaceSeeded: string;
  /** ISO time seeding began; present without workspaceSeeded means a reload cut it short. */
  workspaceSeeding: string;
  /** Title from the demo workspace manifest, shown in the header. */
  workspaceTitle: string;
}

export type SettingKey = keyof Settings;

export const defaultAnnotator: Annotator = { id: 'local', name: 'Local annotator' };

export async function getSetting<K extends SettingKey>(database: CustodyDb, key: K): Promise<Settings[K] | undefined> {
  return (await database.settings.get(key))?.value as Settings[K] | undefined;
}

export async function setSetting<K extends SettingKey>(database: CustodyDb, key: K, value: Settings[K]): Promise<void> {
  await database.settings.put({ key, value });
}

export async function getAnnotator(database: CustodyDb): Promise<Annotator> {
  return (await getSetting(database, 'annotator')) ?? defaultAnnotator;
}
