// Which parts of a raw record no normalized field came from. Readers declare the paths
// they read; anything else is listed (it stays in `raw`, this only points at it). Computed
// on demand — per event on a million-row import it would cost more than the parse.
import { obj } from './fields.ts';

const MAX_PATHS = 200;

/** Leaf paths of a parsed record, arrays written as `[]`: "target[].detailEntry.expires". */
export function leafPaths(value: unknown, max = MAX_PATHS): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, path: string, depth: number): void => {
    if (out.size >= max) return;
    if (Array.isArray(v)) {
      if (v.length === 0 || depth > 32) out.add(path);
      for (const item of v) walk(item, `${path}[]`, depth + 1);
      return;
    }
    const o = obj(v);
    if (!o) {
      if (v !== null && v !== '' && path !== '') out.add(path);
      return;
    }
    const keys = Object.keys(o);
    if (keys.length === 0 || depth > 32) return;
    for (const k of keys) walk(o[k], path === '' ? k : `${path}.${k}`, depth + 1);
  };
  walk(value, '', 0);
  return [...out];
}

/**
 * Paths not covered by `mapped` (compared case-insensitively; a mapped path covers
 * everything below it, so "debugContext.debugData.actClaim" covers its nested keys).
 */
export function unmappedPaths(value: unknown, mapped: readonly string[]): string[] {
  const covered = mapped.map((m) => m.toLowerCase());
  return leafPaths(value).filter((path) => {
    const p = path.toLowerCase();
    return !covered.some((m) => p === m || p.startsWith(`${m}.`) || p.startsWith(`${m}[`));
  });
}
