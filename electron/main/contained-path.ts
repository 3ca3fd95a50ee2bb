// Path containment shared by the app protocol and the demo-workspace reader: a path
// is served only if it resolves, symlinks included, to somewhere under its root.
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** True when candidate is root itself or lies beneath it (lexically). */
export function isInside(root: string, candidate: string): boolean {
  const rel = relative(resolve(root), resolve(candidate));
  // "..hidden" is a fine name; only a leading ".." segment climbs out.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Joins already-decoded URL or archive segments onto root, or returns null if any
 * segment could climb out or name a root of its own (.., separators, drive letters, NUL).
 */
export function resolveInside(root: string, segments: readonly string[]): string | null {
  if (segments.length === 0) return null;
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return null;
    if (/[\\/:\0]/.test(segment)) return null;
  }
  const full = resolve(root, ...segments);
  return isInside(root, full) ? full : null;
}

/** The real path of candidate if it (after following links) is still under root's real path; else null. */
export async function realPathInside(root: string, candidate: string): Promise<string | null> {
  try {
    const [realRoot, realCandidate] = await Promise.all([realpath(root), realpath(candidate)]);
    return isInside(realRoot, realCandidate) ? realCandidate : null;
  } catch {
    return null;
  }
}
