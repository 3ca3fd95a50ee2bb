// Canonical JSON so equal content hashes equally: RFC 8785 (JCS) for the values JSON can
// hold — keys sorted by UTF-16 code units, no whitespace, numbers and strings serialized as
// ECMAScript's JSON.stringify does. Object members whose value is undefined are dropped, as
// JSON.stringify drops them; non-finite numbers are refused.
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number in canonical JSON');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
