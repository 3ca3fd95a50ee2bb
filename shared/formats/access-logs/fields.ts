// Reading loosely typed vendor records: every accessor tolerates a missing object, the
// wrong type, or a key stored in lower case (Panther's data lake lower-cases Okta's
// top-level keys), and none of them throws.

export type Obj = Record<string, unknown>;

export function obj(value: unknown): Obj | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A usable id or label: a non-empty string, or a finite number as text. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Like str, but vendor placeholders for "nothing" ("null", "unknown", "-") count as absent. */
export function known(value: unknown): string | undefined {
  const s = str(value);
  if (s === undefined) return undefined;
  const lower = s.toLowerCase();
  return lower === 'null' || lower === 'unknown' || lower === 'none' || lower === 'n/a' || s === '-' ? undefined : s;
}

const lowerKeys = new Map<string, string>();

function lower(key: string): string {
  let l = lowerKeys.get(key);
  if (l === undefined) {
    l = key.toLowerCase();
    lowerKeys.set(key, l);
  }
  return l;
}

/** o[key], falling back to the all-lower-case key. */
export function pick(o: Obj | undefined, key: string): unknown {
  if (!o) return undefined;
  const v = o[key];
  if (v !== undefined) return v;
  const l = lower(key);
  return l === key ? undefined : o[l];
}

const splitPaths = new Map<string, string[]>();

/** A dotted path ("debugContext.debugData.traceId"), each step tolerant like pick. */
export function at(o: unknown, path: string): unknown {
  let steps = splitPaths.get(path);
  if (!steps) {
    steps = path.split('.');
    splitPaths.set(path, steps);
  }
  let cur: unknown = o;
  for (const step of steps) {
    const record = obj(cur);
    if (!record) return undefined;
    cur = pick(record, step);
  }
  return cur;
}

export function strAt(o: unknown, path: string): string | undefined {
  return str(at(o, path));
}

/** The first argument that is a usable string. */
export function first(...values: unknown[]): string | undefined {
  for (const v of values) {
    const s = str(v);
    if (s !== undefined) return s;
  }
  return undefined;
}

const SPACES_AND_COMMAS = /[\s,]+/;

/** Strings from an array (scalars only), or from one delimited string. */
export function list(value: unknown, separator: RegExp = SPACES_AND_COMMAS): string[] {
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const v of value) {
      const s = str(v);
      if (s !== undefined) out.push(s);
    }
    return out;
  }
  const s = str(value);
  if (s === undefined) return [];
  // Most scope strings hold one scope: skip the regex then.
  if (separator === SPACES_AND_COMMAS && s.indexOf(' ') < 0 && s.indexOf(',') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0) return [s];
  return s.split(separator).filter((part) => part !== '');
}

/** A JSON object given inline or as a JSON-encoded string (Okta actClaim, Entra InitiatedBy). */
export function objOrJson(value: unknown): Obj | undefined {
  const direct = obj(value);
  if (direct) return direct;
  if (typeof value !== 'string' || value.length < 2 || value.charCodeAt(0) !== 123) return undefined;
  try {
    return obj(JSON.parse(value));
  } catch {
    return undefined;
  }
}

/** "true"/"yes"/true → true, "false"/"no"/false → false, anything else → undefined. */
export function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const l = value.toLowerCase();
    if (l === 'true' || l === 'yes' || l === '1') return true;
    if (l === 'false' || l === 'no' || l === '0') return false;
  }
  return undefined;
}
