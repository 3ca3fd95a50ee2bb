// Tokens for full-text search: runs of ASCII letters/digits (lower-cased) and any
// non-ASCII characters, at least 2 long. The same rule on the index side (over raw
// record text, hashing) and the query side; token hashes are FNV-1a over UTF-16 units.

export const MIN_TOKEN = 2;

/** Token character of a UTF-16 unit: 0 for a separator, else the (ASCII lower-cased) unit. */
export function tokenChar(c: number): number {
  if (c >= 97 && c <= 122) return c;
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 48 && c <= 57) return c;
  return c >= 128 ? c : 0;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Calls `emit(hash)` for each token in text[from, to); backslash escapes (\n, \uXXXX) end a token. */
export function hashTokens(text: string, from: number, to: number, emit: (hash: number) => void): void {
  let h = FNV_OFFSET;
  let len = 0;
  for (let i = from; i < to; i++) {
    let c = text.charCodeAt(i);
    if (c === 92) {
      i += text.charCodeAt(i + 1) === 117 ? 5 : 1;
      c = 0;
    } else {
      c = tokenChar(c);
    }
    if (c !== 0) {
      h = Math.imul(h ^ c, FNV_PRIME);
      len++;
    } else {
      if (len >= MIN_TOKEN) emit(h >>> 0);
      h = FNV_OFFSET;
      len = 0;
    }
  }
  if (len >= MIN_TOKEN) emit(h >>> 0);
}

/** Lower-cases A–Z only, like the index side. */
export function asciiLower(s: string): string {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) break;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i];
  }
  return out;
}

/** The tokens of a string, lower-cased (ASCII), in order, repeats kept. */
export function splitTokens(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? tokenChar(text.charCodeAt(i)) : 0;
    if (c !== 0) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= MIN_TOKEN) out.push(asciiLower(text.slice(start, i)));
      start = -1;
    }
  }
  return out;
}

/** The query's distinct tokens with the hash the index side computes for each. */
export function queryTokens(text: string): { token: string; hash: number }[] {
  return [...new Set(splitTokens(text))].map((token) => {
    let hash = 0;
    hashTokens(token, 0, token.length, (h) => (hash = h));
    return { token, hash };
  });
}
