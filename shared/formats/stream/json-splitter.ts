// Cuts a JSON text into records without parsing it whole, so a JSON array of a million
// CloudTrail records streams like JSON Lines. It tracks only depth and strings:
//   [ r1, r2, … ]                 → each element is a record
//   { "Records": [ r1, r2 ] }     → each element of a known wrapper array is a record
//   { … } with no wrapper array   → the object itself is one record
//   several top-level values      → each is a record (concatenated JSON, JSON Lines); only
//                                   the file's first value can be an envelope
// Validation is JSON.parse's job, per record, so one bad record costs only itself. A string
// ends at a line break (JSON strings hold none), so a lost quote stays in its record when
// records are on lines of their own; other damage to the structure (a stray bracket) can
// merge the records after it; everything before the damage is always kept.
import type { TextSink } from './lines.ts';

export type RecordHandler = (text: string, line: number, ordinal: number) => void;
export type ProblemHandler = (problem: { line: number; sample?: string; message: string }) => void;

/** Keys whose array value holds the records: CloudTrail, OTLP, Descope search, API envelopes. */
export const WRAPPER_KEYS: ReadonlySet<string> = new Set([
  'Records', 'records', 'events', 'logs', 'items', 'entries', 'data', 'results', 'value', 'audits', 'auditLogs',
  'resourceSpans', 'activities', 'rows', 'hits',
]);

const QUOTE = 34;
const NEWLINE = 10;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export function createJsonSplitter(onRecord: RecordHandler, onProblem: ProblemHandler, maxChars: number, wrapperKeys: ReadonlySet<string> = WRAPPER_KEYS): TextSink {
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** Skipping stray text outside any value until the next line. */
  let skipping = false;
  let top: 'none' | 'array' | 'object' = 'none';
  let topLine = 1;
  /** Depth at which records start: 1 in a top array, 2 in a wrapper array, 0 for a lone object, -1 none. */
  let recordDepth = -1;
  let wrapped = false;
  let mayWrap = false;
  let tops = 0;
  let ordinal = 0;

  // The record being cut.
  let recording = false;
  let scalar = false;
  let stringRecord = false;
  let recordLine = 0;
  let recordStart = 0;
  let parts: string[] = [];
  let held = 0;
  let oversize = false;
  // Where the record starts on its line (-1: not first on it), and whether a string in it
  // broke at a line end: then a line starting at that column with "{" or "[" is the next record.
  let recordColumn = -1;
  let recordDamaged = false;

  // Absolute offsets, for columns: of the chunk being cut, and of the current line's start.
  let consumed = 0;
  let lineStart = 0;
  let lineBlank = true;
  let firstOnLine = false;

  // Keys of a top-level object, to spot a wrapper array.
  let expectKey = false;
  let keying = false;
  let keyStart = 0;
  let keyParts: string[] = [];
  let lastKey = '';
  let valueKey: string | null = null;

  const begin = (at: number, isScalar: boolean, isString: boolean): void => {
    recording = true;
    scalar = isScalar;
    stringRecord = isString;
    recordLine = line;
    recordStart = at;
    recordColumn = firstOnLine ? consumed + at - lineStart : -1;
    recordDamaged = false;
    parts = [];
    held = 0;
    oversize = false;
  };

  const hold = (piece: string): void => {
    held += piece.length;
    if (oversize) return;
    if (held > maxChars) {
      oversize = true;
      parts = [];
    } else if (piece.length > 0) {
      parts.push(piece);
    }
  };

  const finish = (s: string, end: number): void => {
    recording = false;
    const earlier = parts;
    hold(s.slice(recordStart, end));
    ordinal++;
    if (oversize) {
      onProblem({ line: recordLine, sample: `#${ordinal}`, message: `record is larger than ${maxChars} characters (${held}); skipped` });
    } else {
      const text = earlier.length === 1 ? earlier[0]! : earlier.join('');
      onRecord(scalar ? text.trim() : text, recordLine, ordinal);
    }
    parts = [];
  };

  const stray = (s: string, at: number): number => {
    onProblem({ line, message: 'text outside any JSON value; skipped to the next line' });
    const next = s.indexOf('\n', at);
    if (next < 0) {
      skipping = true;
      return s.length;
    }
    return next;
  };

  const push = (s: string): void => {
    const n = s.length;
    let i = 0;
    let nextBackslash = -2;
    let nextNewline = -2;
    if (recording) recordStart = 0;
    if (keying) keyStart = 0;
    if (skipping) {
      const next = s.indexOf('\n');
      if (next < 0) return;
      skipping = false;
      i = next;
    }
    while (i < n) {
      if (inString) {
        if (escaped) {
          escaped = false;
          // A line break is never escaped: it ends the broken string below.
          if (s.charCodeAt(i) !== NEWLINE) i++;
          continue;
        }
        const quote = s.indexOf('"', i);
        let stop = quote < 0 ? n : quote;
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = s.indexOf('\\', i);
        const escape = nextBackslash >= 0 && nextBackslash < stop;
        if (escape) stop = nextBackslash;
        // JSON strings hold no raw line break: one means the closing quote was lost, so the
        // string ends there and the damage stays in its record (JSON.parse reports it) instead
        // of swapping strings and structure for every record after it. A break before an
        // escape is seen first, or the line would depend on where chunks end.
        if (nextNewline !== -1 && nextNewline < i) nextNewline = s.indexOf('\n', i);
        if (nextNewline >= 0 && nextNewline < stop) {
          inString = false;
          if (recording) recordDamaged = true;
          if (keying) {
            keying = false;
            keyParts = [];
          }
          i = nextNewline;
          continue;
        }
        if (escape) {
          escaped = true;
          i = nextBackslash + 1;
          continue;
        }
        // The string goes on into the next chunk.
        if (quote < 0) break;
        inString = false;
        if (keying) {
          keying = false;
          keyParts.push(s.slice(keyStart, quote));
          lastKey = keyParts.join('');
          keyParts = [];
        }
        if (recording && stringRecord && depth === recordDepth) finish(s, quote + 1);
        i = quote + 1;
        continue;
      }
      const c = s.charCodeAt(i);
      if (isSpace(c)) {
        if (c === NEWLINE) {
          line++;
          lineStart = consumed + i + 1;
          lineBlank = true;
        }
        i++;
        continue;
      }
      firstOnLine = lineBlank;
      lineBlank = false;
      if (firstOnLine && recording && recordDamaged && !scalar && depth > recordDepth && (c === OPEN_BRACE || c === OPEN_BRACKET) && consumed + i - lineStart === recordColumn) {
        // The damaged record's brackets never balanced: it ends where its sibling begins.
        finish(s, i);
        depth = recordDepth;
      }
      if (depth === 0) {
        if (c === OPEN_BRACKET) {
          top = 'array';
          recordDepth = 1;
        } else if (c === OPEN_BRACE) {
          top = 'object';
          wrapped = false;
          expectKey = true;
          mayWrap = tops === 0;
          recordDepth = 0;
          begin(i, false, false);
        } else {
          i = stray(s, i);
          continue;
        }
        tops++;
        topLine = line;
        depth = 1;
        i++;
        continue;
      }
      if (recording && scalar && depth === recordDepth && (c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE)) finish(s, i);
      const key = top === 'object' && depth === 1 && mayWrap && !wrapped ? valueKey : null;
      if (key !== null && c !== COLON) valueKey = null;
      switch (c) {
        case QUOTE:
          inString = true;
          if (top === 'object' && depth === 1 && expectKey) {
            keying = true;
            keyStart = i + 1;
          } else if (!recording && depth === recordDepth) {
            begin(i, false, true);
          }
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          if (key !== null && c === OPEN_BRACKET && wrapperKeys.has(key)) {
            // The object is an envelope: its records are this array's elements.
            wrapped = true;
            recording = false;
            parts = [];
            recordDepth = 2;
          } else if (!recording && depth === recordDepth) {
            begin(i, false, false);
          }
          depth++;
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          depth--;
          if (recording && !scalar && depth === recordDepth) finish(s, i + 1);
          if (wrapped && depth === 1 && recordDepth === 2) recordDepth = -1;
          if (depth === 0) top = 'none';
          break;
        case COMMA:
          if (top === 'object' && depth === 1) expectKey = true;
          break;
        case COLON:
          if (top === 'object' && depth === 1) {
            expectKey = false;
            valueKey = wrapped ? null : lastKey;
          }
          break;
        default:
          if (!recording && depth === recordDepth) begin(i, true, false);
      }
      i++;
    }
    if (recording) hold(s.slice(recordStart));
    if (keying) keyParts.push(s.slice(keyStart));
    consumed += n;
  };

  return {
    push,
    end() {
      if (recording) {
        ordinal++;
        const what = recordDepth === 0 ? 'the JSON object' : 'the record';
        onProblem({ line: recordLine, sample: `#${ordinal}`, message: `${what} starting here is cut off at the end of the file (truncated?)` });
      } else if (depth > 0) {
        onProblem({ line: topLine, message: `the JSON ${top === 'array' || wrapped ? 'array' : 'value'} starting here is not closed at the end of the file (truncated?); the records before the cut were kept` });
      }
    },
  };
}
