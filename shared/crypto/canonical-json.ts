// Canonical JSON so equal content hashes equally: RFC 8785 (JCS) for the values JSON can
// hold — keys sorted by UTF-16 code units, no whitespace, numbers and strings serialized as
// ECMAScript's JSON.stringify does. Object members whose value is undefined are dropped, as
// JSON.stringify drops them; non-finite numbers are refused.
// Written into one list of pieces joined once, one stack frame per level: joining at every
// level copied each nested value once per level above it (quadratic in depth), and the
// map callbacks tripled the stack a deep value needs.
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}

function write(value: unknown, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number in canonical JSON');
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      write(value[i], out);
    }
    out.push(']');
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  out.push('{');
  for (let i = 0; i < entries.length; i++) {
    if (i > 0) out.push(',');
    out.push(JSON.stringify(entries[i]![0]), ':');
    write(entries[i]![1], out);
  }
  out.push('}');
}
