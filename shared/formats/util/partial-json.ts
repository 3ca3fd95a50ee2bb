// A JSON parser for text that may be cut off or damaged. It serves two callers:
// - the detector, judging a large file's structure from its first 64 KB: whatever is
//   still open at the end of the input is closed, keeping the keys and items read so far;
// - readers of whole documents (`recover`), so one broken element of a JSON array costs
//   only itself, as one broken line of JSON Lines does: the damaged element of the
//   outermost array on its path is skipped (and a member of an object when no array
//   encloses it), each skip is reported with where the damage is, and parsing goes on.

export interface JsonDamage {
  /** Index in the text where the damage is (for a cut-off element: where the element starts). */
  index: number;
  message: string;
  kind: 'syntax' | 'cut' | 'trailing-comma' | 'missing-comma' | 'trailing-text';
}

export interface PartialJson {
  value: unknown;
  /** Index just after the value. */
  end: number;
  /** False when the input ended inside the value. */
  complete: boolean;
  /** What `recover` skipped or repaired, in text order ([] without it). */
  damage: JsonDamage[];
}

export interface PartialJsonOptions {
  /** Skip damaged elements and go on instead of failing (see the top of this file). */
  recover?: boolean;
  /**
   * With `recover`, leave a hole where an array element was skipped so later elements keep
   * their positions (forEach, map and flatMap pass over holes); otherwise the array closes up.
   */
  holes?: boolean;
  /** With `recover`, drop an element the input ends inside (a reader must not take half a record). */
  dropCut?: boolean;
}

// Far deeper than any real log; a bound keeps hostile input from exhausting the stack (of
// this parser, and of every recursive walk, JSON.stringify and structuredClone downstream).
export const MAX_DEPTH = 512;
const FAIL = Symbol('fail');
const MISSING = Symbol('missing');
type Parsed = unknown | typeof FAIL | typeof MISSING;

function describeChar(c: string | undefined): string {
  if (c === undefined) return 'the end of the text';
  if (c === '\n' || c === '\r') return 'a line break';
  const code = c.charCodeAt(0);
  if (code < 0x20) return `control character U+${code.toString(16).padStart(4, '0')}`;
  return JSON.stringify(c);
}

const OPENERS: Record<string, string> = { '{': '}', '[': ']' };

/**
 * Where the damaged element starting at `from` ends: the first "," or `closer` outside
 * it (`next: false`), the start of the next element when a line begins at the element's
 * own indentation (`indent`, pretty-printed documents; `next: true`), or null when the
 * text ends first. Strings are skipped, but a line break inside one ends it (JSON strings
 * hold none, so the quote was lost), and a closer of the wrong kind closes what is open
 * up to its match (a lost bracket), so damage stays in its element whenever the lines
 * after it are intact.
 */
export function skipElement(text: string, from: number, closer: '}' | ']', indent = -1): { index: number; next: boolean } | null {
  const stack: string[] = [];
  let inString = false;
  const sibling = (newline: number): number => {
    if (indent < 0) return -1;
    let k = newline + 1;
    while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
    if (k - newline - 1 !== indent) return -1;
    return (closer === ']' ? /["{[\-0-9tfn]/ : /"/).test(text[k] ?? '') ? k : -1;
  };
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      inString = false;
      const next = sibling(i);
      if (next >= 0) return { index: next, next: true };
      continue;
    }
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') stack.push(OPENERS[c]!);
    else if (c === '}' || c === ']') {
      const match = stack.lastIndexOf(c);
      if (match >= 0) stack.length = match;
      else if (c === closer) return { index: i, next: false };
      // A stray closer of the other kind outside the element: ignore it.
    } else if (c === ',' && stack.length === 0) return { index: i, next: false };
  }
  return null;
}

/** Columns of indentation before `index` when it is the first text on its line, else -1. */
function indentationAt(text: string, index: number): number {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return /^[ \t]*$/.test(text.slice(lineStart, index)) ? index - lineStart : -1;
}

/** Null on a syntax error before the end of input (unless `recover`), or when no value starts at `from`. */
export function parsePartialJson(text: string, from = 0, options: PartialJsonOptions = {}): PartialJson | null {
  return parse(text, from, options).parsed;
}

interface Outcome {
  parsed: PartialJson | null;
  /** Where and why the parse failed, when `parsed` is null because of a syntax error. */
  failure: { index: number; message: string } | null;
}

function parse(text: string, from: number, options: PartialJsonOptions): Outcome {
  const { recover = false, holes = false, dropCut = false } = options;
  let i = from;
  let cut = false;
  const damage: JsonDamage[] = [];
  let failure: { index: number; message: string } | null = null;

  const fail = (index: number, message: string): typeof FAIL => {
    failure ??= { index, message };
    return FAIL;
  };

  const atEnd = (): boolean => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
    if (i >= text.length) cut = true;
    return cut;
  };

  const put = (target: Record<string, unknown>, key: string, value: unknown): void => {
    // defineProperty, so a "__proto__" key stays data as it does with JSON.parse.
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  };

  const badString = (start: number, end: number): typeof FAIL => {
    for (let k = start + 1; k < end; k++) {
      const code = text.charCodeAt(k);
      if (text[k] === '\\') {
        if (!/["\\/bfnrt]|u[0-9a-fA-F]{4}/y.test(text.slice(k + 1, k + 6))) return fail(k, 'invalid escape sequence in a string');
        k++;
      } else if (code < 0x20) {
        return fail(k, `${describeChar(text[k])} inside a string (a closing quote is missing?)`);
      }
    }
    return fail(start, 'invalid string');
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
          return badString(start, i - 1);
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
    if (!found) return fail(i, 'invalid number');
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
    return fail(i, `unexpected ${describeChar(text[i])}`);
  };

  /** A value can start here (after a lost comma, the next element follows at once). */
  const startsValue = (): boolean => /["{[\-0-9tfn]/.test(text[i] ?? '');

  /**
   * After a damaged element or member: note it and move to the next "," or the closer
   * ('separator'), or to the next element's start ('value'). 'end' when the text ends first
   * (everything before is kept).
   */
  const skip = (start: number, closer: '}' | ']', what: string): 'separator' | 'value' | 'end' => {
    const where = failure ?? { index: i, message: 'damaged' };
    failure = null;
    const end = skipElement(text, start, closer, indentationAt(text, start));
    damage.push({ index: where.index, kind: 'syntax', message: `not valid JSON: ${where.message}; ${what} skipped` });
    if (!end) {
      i = text.length;
      cut = true;
      return 'end';
    }
    i = end.index;
    return end.next ? 'value' : 'separator';
  };

  /** After an element: "," (true: another follows), the closer (false), or damage. */
  const separator = (closer: '}' | ']', canRecover: boolean, what: string): boolean | typeof FAIL => {
    if (text[i] === closer) {
      i++;
      return false;
    }
    if (text[i] === ',') {
      i++;
      if (recover && canRecover && !atEnd() && text[i] === closer) {
        damage.push({ index: i - 1, kind: 'trailing-comma', message: `a trailing comma before "${closer}" (ignored)` });
        i++;
        return false;
      }
      return true;
    }
    if (!recover || !canRecover) return fail(i, `expected "," or "${closer}" after ${closer === ']' ? 'an array element' : 'a property value'}, found ${describeChar(text[i])}`);
    if (closer === ']' ? startsValue() : text[i] === '"') {
      damage.push({ index: i, kind: 'missing-comma', message: `a missing "," before this ${closer === ']' ? 'element' : 'property'} (assumed)` });
      return true;
    }
    fail(i, `expected "," or "${closer}", found ${describeChar(text[i])}`);
    const after = skip(i, closer, what);
    return after === 'end' ? false : after === 'value' ? true : separator(closer, canRecover, what);
  };

  const array = (depth: number, arraysAbove: number): Parsed => {
    i++;
    const out: unknown[] = [];
    if (atEnd()) return out;
    if (text[i] === ']') {
      i++;
      return out;
    }
    // Only the outermost array on a path skips its damaged elements: they are the records.
    const mine = recover && arraysAbove === 0;
    for (let n = 0; ; n++) {
      if (atEnd()) return out;
      const start = i;
      const item = value(depth, arraysAbove + 1);
      const what = `element ${n + 1} of this array`;
      if (item === FAIL) {
        if (!mine) return FAIL;
        if (holes) out.length++;
        const after = skip(start, ']', what);
        if (after === 'end') return out;
        if (after === 'value') continue;
      } else if (cut && mine && dropCut) {
        if (holes) out.length++;
        damage.push({ index: start, kind: 'cut', message: `${what}, starting here, is cut off at the end of the file (truncated?); skipped` });
        return out;
      } else if (item !== MISSING) {
        out.push(item);
      }
      if (cut || atEnd()) return out;
      const more = separator(']', mine, what);
      if (more === FAIL) return FAIL;
      if (!more || cut) return out;
    }
  };

  const object = (depth: number, arraysAbove: number): Parsed => {
    i++;
    const out: Record<string, unknown> = {};
    if (atEnd()) return out;
    if (text[i] === '}') {
      i++;
      return out;
    }
    const mine = recover && arraysAbove === 0;
    for (;;) {
      if (atEnd()) return out;
      const start = i;
      let key: string | typeof FAIL = FAIL;
      let item: Parsed = FAIL;
      if (text[i] !== '"') fail(i, `expected a property name in double quotes, found ${describeChar(text[i])}`);
      else {
        key = string();
        if (key !== FAIL && !cut && !atEnd()) {
          if (text[i] === ':') {
            i++;
            item = value(depth, arraysAbove);
          } else fail(i, `expected ":" after a property name, found ${describeChar(text[i])}`);
        } else if (key !== FAIL) return out;
      }
      if (item === FAIL) {
        if (!mine) return FAIL;
        const what = key === FAIL ? 'this property' : `property ${JSON.stringify(key)}`;
        const after = skip(start, '}', what);
        if (after === 'end') return out;
        if (after === 'value') continue;
      } else if (item !== MISSING && key !== FAIL) {
        put(out, key, item);
      }
      if (cut || atEnd()) return out;
      const more = separator('}', mine, 'this property');
      if (more === FAIL) return FAIL;
      if (!more || cut) return out;
    }
  };

  const value = (depth: number, arraysAbove: number): Parsed => {
    if (atEnd()) return MISSING;
    if (depth >= MAX_DEPTH) return fail(i, `nested deeper than ${MAX_DEPTH} levels`);
    const c = text[i];
    if (c === '{') return object(depth + 1, arraysAbove);
    if (c === '[') return array(depth + 1, arraysAbove);
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    return literal();
  };

  const result = value(0, 0);
  if (result === FAIL || result === MISSING) return { parsed: null, failure };
  if (recover && cut && !damage.some((d) => d.kind === 'cut')) {
    damage.push({ index: text.length, kind: 'cut', message: 'the JSON document is cut off at the end of the file (truncated?); what came before the cut was kept' });
  }
  damage.sort((a, b) => a.index - b.index);
  return { parsed: { value: result, end: i, complete: !cut, damage }, failure: null };
}

/** Why a text is not one JSON value (null when it is), with the index of the damage. */
/**
 * Where JSON text first nests deeper than MAX_DEPTH (the index of that bracket), or -1.
 * JSON.parse itself takes any depth, but what is done with the value afterwards does not,
 * so records past the bound are refused at the door. Text shorter than two characters per
 * level cannot reach it, which keeps the scan off ordinary records.
 */
export function tooDeepAt(text: string): number {
  if (text.length <= 2 * MAX_DEPTH) return -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string, escapes included.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return -1;
}

export function jsonSyntaxError(text: string): { index: number; message: string } | null {
  const { parsed, failure } = parse(text, 0, {});
  if (!parsed) return failure ?? { index: text.length, message: 'no JSON value' };
  if (!parsed.complete) return { index: text.length, message: 'it ends before the JSON value is complete (truncated?)' };
  const rest = text.slice(parsed.end).search(/\S/);
  return rest < 0 ? null : { index: parsed.end + rest, message: 'unexpected text after the JSON value' };
}

/** 1-based line and column of an index in a text. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < index; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: index - lineStart + 1 };
}
