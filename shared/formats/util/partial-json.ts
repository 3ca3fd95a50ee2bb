// Parses the start of a JSON text that may be cut off, so the detector can judge a
// large file's structure from its first 64 KB: whatever is still open at the end of
// the input is closed, keeping the keys and items read so far.

export interface PartialJson {
  value: unknown;
  /** Index just after the value. */
  end: number;
  /** False when the input ended inside the value. */
  complete: boolean;
}

// Far deeper than any real log; a bound keeps hostile input from exhausting the stack.
const MAX_DEPTH = 512;
const FAIL = Symbol('fail');
const MISSING = Symbol('missing');
type Parsed = unknown | typeof FAIL | typeof MISSING;

/** Null on a syntax error before the end of input, or when no value starts at `from`. */
export function parsePartialJson(text: string, from = 0): PartialJson | null {
  let i = from;
  let cut = false;

  const atEnd = (): boolean => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
    if (i >= text.length) cut = true;
    return cut;
  };

  const put = (target: Record<string, unknown>, key: string, value: unknown): void => {
    // defineProperty, so a "__proto__" key stays data as it does with JSON.parse.
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  };

  const string = (): string | typeof FAIL => {
    const start = i;
    for (i++; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === '"') {
        i++;
        try {
          return JSON.parse(text.slice(start, i)) as string;
        } catch {
          return FAIL;
        }
      }
    }
    cut = true;
    // Cut inside the string: drop a half escape sequence at the end and keep the rest.
    let body = text.slice(start + 1);
    for (let drop = 0; drop <= 6 && body.length > 0; drop++, body = body.slice(0, -1)) {
      try {
        return JSON.parse(`"${body}"`) as string;
      } catch {
        // keep trimming
      }
    }
    return '';
  };

  const number = (): number | typeof FAIL => {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = i;
    const found = match.exec(text);
    if (!found) return FAIL;
    i += found[0].length;
    if (i >= text.length) cut = true;
    return Number(found[0]);
  };

  const literal = (): Parsed => {
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
      if (text.length - i < word.length && word.startsWith(text.slice(i))) {
        i = text.length;
        cut = true;
        return value;
      }
    }
    return FAIL;
  };

  const array = (depth: number): Parsed => {
    i++;
    const out: unknown[] = [];
    if (atEnd()) return out;
    if (text[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      const item = value(depth);
      if (item === FAIL) return FAIL;
      if (item !== MISSING) out.push(item);
      if (cut || atEnd()) return out;
      if (text[i] === ']') {
        i++;
        return out;
      }
      if (text[i] !== ',') return FAIL;
      i++;
    }
  };

  const object = (depth: number): Parsed => {
    i++;
    const out: Record<string, unknown> = {};
    if (atEnd()) return out;
    if (text[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      if (atEnd()) return out;
      if (text[i] !== '"') return FAIL;
      const key = string();
      if (key === FAIL) return FAIL;
      if (cut || atEnd()) return out;
      if (text[i] !== ':') return FAIL;
      i++;
      const item = value(depth);
      if (item === FAIL) return FAIL;
      if (item !== MISSING) put(out, key, item);
      if (cut || atEnd()) return out;
      if (text[i] === '}') {
        i++;
        return out;
      }
      if (text[i] !== ',') return FAIL;
      i++;
    }
  };

  const value = (depth: number): Parsed => {
    if (atEnd()) return MISSING;
    if (depth >= MAX_DEPTH) return FAIL;
    const c = text[i];
    if (c === '{') return object(depth + 1);
    if (c === '[') return array(depth + 1);
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    return literal();
  };

  const result = value(0);
  if (result === FAIL || result === MISSING) return null;
  return { value: result, end: i, complete: !cut };
}
