// Some CSV exports (the OTRF CloudTrail honey-bucket data among them) hold nested values
// as Python dict text: single quotes, True / False / None. This reads that literal subset
// into plain JSON values; anything else yields undefined and the text stays as it was.

const MAX_DEPTH = 64;

export function parsePythonLiteral(text: string): unknown {
  let i = 0;
  const fail = Symbol('fail');
  const space = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const value = (depth: number): unknown => {
    space();
    if (depth > MAX_DEPTH) return fail;
    const c = text[i];
    if (c === '{' || c === '[') return container(c, depth);
    if (c === "'" || c === '"') return string(c);
    const word = /^(True|False|None|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 40));
    if (!word) return fail;
    i += word[0].length;
    return word[0] === 'True' ? true : word[0] === 'False' ? false : word[0] === 'None' ? null : Number(word[0]);
  };
  const string = (quote: string): unknown => {
    let out = '';
    for (i++; i < text.length; i++) {
      const c = text[i]!;
      if (c === '\\' && i + 1 < text.length) {
        const next = text[++i]!;
        out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      } else if (c === quote) {
        i++;
        return out;
      } else {
        out += c;
      }
    }
    return fail;
  };
  const container = (open: string, depth: number): unknown => {
    const close = open === '{' ? '}' : ']';
    const isObject = open === '{';
    const out: unknown[] = [];
    const record: Record<string, unknown> = {};
    i++;
    for (;;) {
      space();
      if (text[i] === close) {
        i++;
        return isObject ? record : out;
      }
      if (isObject) {
        const key = value(depth + 1);
        if (typeof key !== 'string' && typeof key !== 'number') return fail;
        space();
        if (text[i] !== ':') return fail;
        i++;
        const v = value(depth + 1);
        if (v === fail) return fail;
        Object.defineProperty(record, String(key), { value: v, enumerable: true, writable: true, configurable: true });
      } else {
        const v = value(depth + 1);
        if (v === fail) return fail;
        out.push(v);
      }
      space();
      if (text[i] === ',') i++;
      else if (text[i] !== close) return fail;
    }
  };
  const result = value(0);
  space();
  return result === fail || i !== text.length ? undefined : result;
}

/** A cell that holds JSON or a Python literal → its value; anything else → undefined. */
export function structuredCell(text: string): unknown {
  const t = text.trim();
  if (t === '' || (t[0] !== '{' && t[0] !== '[')) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return parsePythonLiteral(t);
  }
}
