// Turning rubric content into an immutable, hashed version.
import { RubricContent, type Rubric } from '../model/rubric.ts';
import { canonicalJson, sha256Digest } from '../crypto/index.ts';

export async function rubricHash(content: RubricContent): Promise<string> {
  const parsed = RubricContent.parse(content);
  return sha256Digest(canonicalJson(parsed));
}

export async function sealRubric(content: RubricContent, createdAt: string, parentHash?: string): Promise<Rubric> {
  const parsed = RubricContent.parse(content);
  return { ...parsed, hash: await rubricHash(parsed), createdAt, ...(parentHash ? { parentHash } : {}) };
}

/** The next version of a rubric: same family id, version + 1, linked to its parent. */
export async function nextVersion(parent: Rubric, edited: Omit<RubricContent, 'id' | 'version'>, createdAt: string): Promise<Rubric> {
  return sealRubric({ ...edited, id: parent.id, version: parent.version + 1 }, createdAt, parent.hash);
}
