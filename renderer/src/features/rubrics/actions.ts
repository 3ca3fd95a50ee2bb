// Rubric versions are sealed: editing one stores a new version, never a change.
import type { RubricContent } from '../../../../shared/model/rubric.ts';
import { annotationId } from '../../../../shared/model/annotation.ts';
import { canonicalJson } from '../../../../shared/crypto/index.ts';
import { nextVersion, sealRubric } from '../../../../shared/rubric/version.ts';
import { db as appDb, type CustodyDb } from '../../db/database.ts';
import type { QueueItem, RubricRow } from '../../db/rows.ts';
import { setSetting } from '../../db/settings.ts';

export interface Family {
  id: string;
  /** Newest first. */
  versions: RubricRow[];
}

export function groupFamilies(rubrics: RubricRow[]): Family[] {
  const byId = new Map<string, RubricRow[]>();
  for (const r of rubrics) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  return [...byId.entries()]
    .map(([id, versions]) => ({ id, versions: versions.sort((a, b) => b.version - a.version || b.createdAt.localeCompare(a.createdAt)) }))
    .sort((a, b) => (a.versions[0]?.title ?? a.id).localeCompare(b.versions[0]?.title ?? b.id));
}

/**
 * Families whose id, title or description (any version) contains every word of `query`,
 * case-insensitively; an empty query keeps them all.
 */
export function filterFamilies(families: Family[], query: string): Family[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return families;
  return families.filter((f) => {
    const text = [f.id, ...f.versions.flatMap((v) => [v.title, v.description])].join('\n').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

type Edited = Omit<RubricContent, 'version'>;

const sameContent = (a: Edited, b: Edited) =>
  canonicalJson({ ...a, id: '' }) === canonicalJson({ ...b, id: '' });

/** Stores version 1 of a new rubric family. */
export async function createRubric(content: Edited, database: CustodyDb = appDb(), now = new Date()): Promise<RubricRow> {
  const sealed = await sealRubric({ ...content, version: 1 }, now.toISOString());
  await database.transaction('rw', database.rubrics, async () => {
    if (await database.rubrics.where('id').equals(content.id).count()) throw new Error(`A rubric family "${content.id}" already exists.`);
    await database.rubrics.add(sealed);
  });
  return sealed;
}

/**
 * Stores edited content as the family's next version, derived from `parent`.
 * Editing an older version still appends after the newest one.
 */
export async function saveNewVersion(parent: RubricRow, edited: Edited, database: CustodyDb = appDb(), now = new Date()): Promise<RubricRow> {
  const { id: _ignored, version: _v, hash: _h, createdAt: _c, parentHash: _p, ...parentContent } = parent;
  if (sameContent({ ...parentContent, id: parent.id }, edited)) throw new Error('Nothing changed: this would be the same rubric.');
  const family = await database.rubrics.where('id').equals(parent.id).toArray();
  const newestVersion = Math.max(parent.version, ...family.map((r) => r.version));
  // Seal outside the transaction: WebCrypto promises would end it early.
  const sealed = await nextVersion({ ...parent, version: newestVersion }, { title: edited.title, description: edited.description, criteria: edited.criteria }, now.toISOString());
  await database.transaction('rw', database.rubrics, async () => {
    const clash = await database.rubrics.where('[id+version]').equals([sealed.id, sealed.version]).count();
    if (clash) throw new Error(`Version ${sealed.version} of "${sealed.id}" was just saved elsewhere; reopen and try again.`);
    await database.rubrics.add(sealed);
  });
  return sealed;
}

export async function chooseForNewAssignments(hash: string, database: CustodyDb = appDb()): Promise<void> {
  await setSetting(database, 'activeRubricHash', hash);
}

export interface RebindResult {
  moved: number;
  /** Items whose target already existed; the older duplicate was dropped. */
  merged: number;
}

/**
 * Moves untouched ('todo') queue items bound to older versions of the same family
 * onto `hash`. Their id encodes the rubric hash, so each gets a new id; order kept.
 */
export async function rebindUntouched(hash: string, database: CustodyDb = appDb()): Promise<RebindResult> {
  return database.transaction('rw', [database.rubrics, database.queue, database.annotations], async () => {
    const target = await database.rubrics.get(hash);
    if (!target) throw new Error('That rubric version is not in the library.');
    const older = (await database.rubrics.where('id').equals(target.id).toArray()).filter((r) => r.version < target.version).map((r) => r.hash);
    if (!older.length) return { moved: 0, merged: 0 };

    const candidates = (await database.queue.where('rubricHash').anyOf(older).toArray()).filter((q) => q.status === 'todo');
    // 'todo' should mean no annotation exists; if one does, the item was touched after all.
    const annotated = await database.annotations.bulkGet(candidates.map((q) => q.id));
    const untouched = candidates.filter((_, i) => !annotated[i]);

    const moved: QueueItem[] = untouched.map((q) => ({ ...q, id: annotationId(q.transcriptId, hash, q.annotatorId), rubricHash: hash }));
    const existing = await database.queue.bulkGet(moved.map((q) => q.id));
    const fresh = moved.filter((_, i) => !existing[i]);
    await database.queue.bulkDelete(untouched.map((q) => q.id));
    await database.queue.bulkAdd(fresh);
    return { moved: fresh.length, merged: moved.length - fresh.length };
  });
}
