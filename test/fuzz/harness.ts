// The fuzz harness: generates case `index` of a target as a pure function of
// (run seed, target, index), runs it and judges it. Three verdicts matter:
//   crash — the reader threw (or hid a throw as "reader failed", or emitted invalid model data);
//   lost  — a record the damage did not touch did not come out identical;
//   mismatch — two paths over the same bytes disagree (streamed in chunks vs whole file,
//              damaged gzip vs the plain text it inflates to), or an expected problem is missing.
// Hangs are caught by the runner (a watchdog around a worker) or by the time each case takes.
import { Gunzip, gzipSync } from 'fflate';
import type { InputFile } from '../../shared/formats/types.ts';
import { rand, caseSeed, type Rand } from './prng.ts';
import { assemble, seedBytes, type Seed } from './seeds.ts';
import type { Outcome, RunOptions, Target } from './targets.ts';

export type Scale = 'fast' | 'full';

const SIZES = {
  // Nesting runs past V8's recursion limit for JSON.stringify / structuredClone (≈5,000
  // levels here): readers must refuse such a record (MAX_DEPTH) and keep the others.
  fast: { huge: [2_000, 60_000], depth: [50, 8_000], smallMax: 1_000 },
  full: { huge: [10_000, 2_000_000], depth: [300, 50_000], smallMax: 8_000 },
} as const;

export const OPS = [
  'trunc',
  'flip',
  'bits',
  'splice',
  'utf8',
  'bom-in-record',
  'type',
  'nest',
  'huge-string',
  'huge-element',
  'bom-crlf',
  'gzip',
  'noise',
  'multi',
  'pristine',
] as const;
export type Op = (typeof OPS)[number];

export const TRUNC_CLASSES = [
  'record-end',
  'record-start',
  'structural',
  'in-string',
  'after-backslash',
  'in-unicode-escape',
  'in-utf8-sequence',
  'in-crlf',
  'in-bom',
  'in-number',
  'in-literal',
  'first-bytes',
  'random',
] as const;

export interface Case {
  target: string;
  index: number;
  seed: number;
  seedOrigin: string;
  op: Op;
  detail: string;
  file: InputFile;
  options: RunOptions;
  /** Chunk sizes for the streaming path. */
  chunks?: number[];
  /** Seed records that must come out identical. */
  keep: number[];
  /** The input is (damaged) gzip: each path must yield what its inflated text yields. */
  gzip?: boolean;
  /** A problem that must be reported. */
  problem?: RegExp;
}

export interface Verdict {
  crashes: string[];
  lost: string[];
  mismatches: string[];
  ms: number;
}

// ---------- helpers ----------

const enc = new TextEncoder();
const dec = new TextDecoder();
const u8 = (s: string): Uint8Array => enc.encode(s);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function logUniform(r: Rand, [lo, hi]: readonly [number, number]): number {
  return Math.round(Math.exp(Math.log(lo) + r.next() * (Math.log(hi) - Math.log(lo))));
}

const PRINTABLE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-.:/@';

/** A long string: repetitive, random printable, or with escapes and non-ASCII. */
function hugeText(r: Rand, length: number): string {
  const kind = r.int(3);
  if (kind === 0) return 'a'.repeat(length);
  const alphabet = kind === 1 ? PRINTABLE : PRINTABLE + '"\\\t\u00e9\u4e2d\u{1f600}\u0000\u2028';
  const unit = Array.from({ length: 257 }, () => r.pick([...alphabet])).join('');
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

function deepText(r: Rand, depth: number): string {
  switch (r.int(4)) {
    case 0:
      return '['.repeat(depth) + ']'.repeat(depth);
    case 1:
      return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    case 2:
      return '[{"role":"user","content":'.repeat(depth) + '"x"' + '}]'.repeat(depth);
    default:
      return '{"act":'.repeat(depth) + '{"sub":"x"}' + '}'.repeat(depth);
  }
}

const STRUCTURAL = new Set([34, 92, 123, 125, 91, 93]);

/** Whether replacing old by new could change where the JSON splitter cuts records. */
function touchesStructure(old: Uint8Array, neu: Uint8Array): boolean {
  let p = 0;
  while (p < old.length && p < neu.length && old[p] === neu[p]) p++;
  let s = 0;
  while (s < old.length - p && s < neu.length - p && old[old.length - 1 - s] === neu[neu.length - 1 - s]) s++;
  const changed = (b: Uint8Array) => b.subarray(p, b.length - s).some((c) => STRUCTURAL.has(c));
  return changed(old) || changed(neu);
}

type Locality = 'lines' | 'split' | 'doc' | 'zip' | 'none';

function localityOf(seed: Seed, target: Target): Locality {
  if (seed.recs.length === 0) return 'none';
  // JSON Lines cut as one JSON text (stream:json: top-level values one after another) are only
  // as local as the splitter: a lost bracket can merge the records after it, as in an array
  // (a "{" starting a line may be a nested value, as json.dumps(indent=0) writes them, so the
  // splitter cuts there only after a string broke at the line's end).
  if (seed.layout === 'lines' && target.framing === 'json') return 'split';
  if (seed.layout === 'lines' || seed.layout === 'csv') return 'lines';
  if (seed.layout === 'json') return target.jsonLocality;
  return seed.layout === 'zip' ? 'zip' : 'none';
}

const range = (n: number, skip = -1): number[] => Array.from({ length: n }, (_, i) => i).filter((i) => i !== skip);

// ---------- byte-level damage ----------

function flipBytes(r: Rand, b: Uint8Array): [Uint8Array, string] {
  const out = b.slice();
  const at: string[] = [];
  for (let n = r.between(1, 4); n > 0 && out.length > 0; n--) {
    const i = r.int(out.length);
    out[i] = r.int(256);
    at.push(`${i}=${out[i]}`);
  }
  return [out, at.join(',')];
}

function flipBits(r: Rand, b: Uint8Array): [Uint8Array, string] {
  const out = b.slice();
  const at: string[] = [];
  for (let n = r.between(1, 3); n > 0 && out.length > 0; n--) {
    const i = r.int(out.length);
    const bit = r.int(8);
    out[i] = out[i]! ^ (1 << bit);
    at.push(`${i}^${bit}`);
  }
  return [out, at.join(',')];
}

function spliceBytes(r: Rand, b: Uint8Array): [Uint8Array, string] {
  const i = r.int(b.length + 1);
  const len = r.between(1, Math.max(1, Math.min(64, b.length - i)));
  switch (r.int(3)) {
    case 0:
      return [concat(b.subarray(0, i), b.subarray(i + len)), `delete ${i}+${len}`];
    case 1:
      return [concat(b.subarray(0, i + len), b.subarray(i, i + len), b.subarray(i + len)), `duplicate ${i}+${len}`];
    default: {
      const junk = new Uint8Array(r.between(1, 16)).map(() => r.int(256));
      return [concat(b.subarray(0, i), junk, b.subarray(i)), `insert ${junk.length} at ${i}`];
    }
  }
}

const INVALID_UTF8 = [[0xff], [0xfe], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xf0, 0x9f, 0x98]];

function badUtf8(r: Rand, b: Uint8Array): [Uint8Array, string] {
  const seq = new Uint8Array(r.pick(INVALID_UTF8));
  const i = r.int(b.length + 1);
  return r.chance(0.5)
    ? [concat(b.subarray(0, i), seq, b.subarray(i)), `insert ${[...seq].map((x) => x.toString(16))} at ${i}`]
    : [concat(b.subarray(0, i), seq, b.subarray(Math.min(b.length, i + seq.length))), `overwrite ${[...seq].map((x) => x.toString(16))} at ${i}`];
}

function bomInside(r: Rand, b: Uint8Array): [Uint8Array, string] {
  const i = r.chance(0.5) ? 0 : r.int(b.length + 1);
  return [concat(b.subarray(0, i), new Uint8Array([0xef, 0xbb, 0xbf]), b.subarray(i)), `BOM at ${i}`];
}

// ---------- value-level damage (valid syntax, wrong content) ----------

type Json = unknown;

/** Up to `max` paths into a value, breadth first. */
function paths(value: Json, max = 2000): (string | number)[][] {
  const out: (string | number)[][] = [];
  const queue: [Json, (string | number)[]][] = [[value, []]];
  while (queue.length && out.length < max) {
    const [v, p] = queue.shift()!;
    out.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => queue.push([x, [...p, i]]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) queue.push([x, [...p, k]]);
  }
  return out;
}

function setAt(root: Json, path: (string | number)[], value: Json | typeof DELETE): Json {
  if (path.length === 0) return value === DELETE ? null : value;
  let parent = root as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value === DELETE) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = value;
  return root;
}
const DELETE = Symbol('delete');

function wrongValue(r: Rand, old: Json): Json | typeof DELETE {
  const options: (Json | typeof DELETE)[] = [
    null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, -0, '', ' ', 'x', '0', 'true', 'null', '\u0000', '\ud800', '\u202e\u2028',
    '1970-01-01T00:00:00Z', '9999999999999999999', '2026-13-45T99:99:99+99:99', 'NaN', '[object Object]', '{"nested":"json"}', "{'python': 'dict', 'n': None}",
    [], {}, [null], [[]], JSON.parse('{"__proto__": {"polluted": 1}}'), { toString: 1, constructor: 'c', hasOwnProperty: 2 }, [old, old], { value: old }, DELETE,
    typeof old === 'string' ? Number(old.length) : (JSON.stringify(old) ?? 'undefined'), typeof old === 'number' ? [old] : old === null ? {} : null,
  ];
  return r.pick(options);
}

const NEST_MARK = '\u0000NEST\u0000';

/** A JSON text's value mutated by `op`; null when the text is not JSON. */
function mutateJsonText(r: Rand, text: string, op: 'type' | 'nest' | 'huge-string', scale: Scale): [string, string] | null {
  let value: Json;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const all = paths(value);
  if (op === 'type') {
    const n = r.between(1, 3);
    const detail: string[] = [];
    for (let i = 0; i < n; i++) {
      const p = r.pick(paths(value));
      let old: Json = value;
      for (const step of p) old = (old as Record<string | number, Json>)[step];
      const neu = wrongValue(r, old);
      value = setAt(value, p, neu);
      detail.push(`${p.join('.') || '(root)'}=${neu === DELETE ? 'deleted' : JSON.stringify(neu)?.slice(0, 40)}`);
    }
    return [JSON.stringify(value) ?? 'null', detail.join(' ')];
  }
  const p = r.pick(all);
  if (op === 'nest') {
    const depth = logUniform(r, SIZES[scale].depth);
    const deep = deepText(r, depth);
    const marked = JSON.stringify(setAt(value, p, NEST_MARK)) ?? 'null';
    return [marked.replace(JSON.stringify(NEST_MARK), () => deep), `${p.join('.') || '(root)'} nested ${depth} deep`];
  }
  const length = logUniform(r, SIZES[scale].huge);
  return [JSON.stringify(setAt(value, p, hugeText(r, length))) ?? 'null', `${p.join('.') || '(root)'} = string of ${length}`];
}

/** RFC 4180 fields of one row (the seeds are well-formed). */
function csvFields(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          value += text.slice(i);
          i = text.length;
          break;
        }
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    }
    const comma = text.indexOf(',', i);
    value += comma < 0 ? text.slice(i) : text.slice(i, comma);
    out.push(value);
    if (comma < 0) return out;
    i = comma + 1;
  }
}

const csvQuote = (v: string): string => (/[",\n\r]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);

function mutateCsvRow(r: Rand, text: string, op: 'type' | 'nest' | 'huge-string', scale: Scale): [string, string] {
  const fields = csvFields(text);
  const i = r.int(fields.length);
  let v: string;
  if (op === 'nest') {
    const depth = logUniform(r, SIZES[scale].depth);
    v = r.chance(0.5) ? deepText(r, depth) : "{'a': ".repeat(depth) + 'None' + '}'.repeat(depth);
  } else if (op === 'huge-string') {
    v = hugeText(r, logUniform(r, SIZES[scale].huge));
  } else {
    v = r.pick(['', '"', '""', ',', ',,,', '\n', 'a\nb', '\r\n', '=cmd()', '{"x":', "{'a': [1, 2", '[1,2,3]', 'null', '1e999', '-', '\u0000', '\ufeff', '2026-03-02T09:00:00', 'NaN', "{'u': u'x', 'b': b'y'}"]);
  }
  fields[i] = v;
  return [fields.map(csvQuote).join(','), `field ${i} = ${JSON.stringify(v.slice(0, 40))}${v.length > 40 ? `… (${v.length})` : ''}`];
}

// ---------- whole-file damage ----------

/** Cut positions of one boundary class in `b`. */
function cutsOf(kind: (typeof TRUNC_CLASSES)[number], b: Uint8Array, spans: [number, number][]): number[] {
  const out: number[] = [];
  const text = b;
  const scan = (test: (c: number, i: number) => boolean, offset = 0) => {
    for (let i = 0; i < text.length && out.length < 5000; i++) if (test(text[i]!, i)) out.push(i + offset);
  };
  switch (kind) {
    case 'record-end':
      for (const [, e] of spans) out.push(e, e + 1);
      break;
    case 'record-start':
      for (const [s] of spans) out.push(s, s + 1);
      break;
    case 'structural':
      scan((c) => c === 123 || c === 125 || c === 91 || c === 93 || c === 44 || c === 58);
      scan((c) => c === 123 || c === 125 || c === 91 || c === 93 || c === 44 || c === 58, 1);
      break;
    case 'in-string':
      scan((c) => c === 34, 1);
      scan((c) => c === 34, 3);
      break;
    case 'after-backslash':
      scan((c) => c === 92, 1);
      break;
    case 'in-unicode-escape':
      scan((c, i) => c === 92 && text[i + 1] === 117, 3);
      scan((c, i) => c === 92 && text[i + 1] === 117, 5);
      break;
    case 'in-utf8-sequence':
      scan((c) => c >= 0x80 && c <= 0xbf);
      break;
    case 'in-crlf':
      scan((c, i) => c === 13 && text[i + 1] === 10, 1);
      break;
    case 'in-bom':
      if (b[0] === 0xef) out.push(1, 2);
      break;
    case 'in-number':
      scan((c, i) => c >= 48 && c <= 57 && text[i + 1]! >= 48 && text[i + 1]! <= 57, 1);
      break;
    case 'in-literal':
      scan((c, i) => (c === 116 && text[i + 1] === 114) || (c === 102 && text[i + 1] === 97) || (c === 110 && text[i + 1] === 117), 2);
      break;
    case 'first-bytes':
      out.push(0, 1, 2, 3);
      break;
    default:
      out.push(b.length ? Math.floor(b.length / 2) : 0);
  }
  return out.filter((p) => p >= 0 && p <= b.length);
}

function crlfGaps(r: Rand, gaps: Uint8Array[], all: boolean): Uint8Array[] {
  return gaps.map((g) => (all || r.chance(0.5) ? u8(dec.decode(g).replace(/\r?\n/g, '\r\n')) : g));
}

/** Noise that is no seed at all: random bytes, token soup, edge files. */
function noise(r: Rand, scale: Scale): [Uint8Array, string] {
  const kind = r.int(6);
  if (kind === 0) {
    const n = r.int(4096);
    return [new Uint8Array(n).map(() => r.int(256)), `${n} random bytes`];
  }
  if (kind === 1) {
    const tokens = ['{', '}', '[', ']', ',', ':', '"', '\\', '"a"', '1', '-', 'true', 'null', '\n', '\r\n', ' ', '\ufeff', '"Records"', '"data"', '"resourceSpans"', '""', '\\u', 'é'];
    const n = r.between(1, 2000);
    const s = Array.from({ length: n }, () => r.pick(tokens)).join('');
    return [u8(s), `${n} JSON tokens`];
  }
  if (kind === 2) {
    const edges = ['', '\ufeff', '\ufeff\ufeff', '\n', '\r', '\r\n', '[', ']', '{', '}', '"', '[]', '{}', '""', 'null', '[[', '{"', '{"Records":', '{"Records":[', '{"Records":[1,', ',', ',,,,', '"a","b"\n', 'a,b,c', 'a,b\n"', '\u0000', '\x1f\x8b', '\x1f\x8b\x08', 'PK\x03\x04', 'PK\x05\x06'];
    const e = r.pick(edges);
    return [Uint8Array.from(e, (c) => c.charCodeAt(0) & 0xff), `edge file ${JSON.stringify(e)}`];
  }
  if (kind === 3) {
    const n = logUniform(r, SIZES[scale].huge);
    return [u8(hugeText(r, n)), `one line of ${n} characters, no newline`];
  }
  if (kind === 4) {
    const depth = logUniform(r, SIZES[scale].depth);
    const text = r.chance(0.5) ? deepText(r, depth) : '['.repeat(depth);
    return [u8(text), `nesting ${depth} deep`];
  }
  const n = r.between(1, 5000);
  const unit = r.pick(['"', '\\', '\n', '\r', ',', '\\"', '"\n', '{"a":"\\', '\ufeff']);
  return [u8(unit.repeat(n)), `${JSON.stringify(unit)} × ${n}`];
}

function gzipDamage(r: Rand, plain: Uint8Array): [Uint8Array, string] {
  const gz = gzipSync(plain, { level: r.int(10) as 0 });
  const len = gz.length;
  switch (r.int(8)) {
    case 0: {
      const cut = r.int(len);
      return [gz.subarray(0, cut), `gzip cut at ${cut}/${len}`];
    }
    case 1: {
      const cut = len - r.between(1, 8);
      return [gz.subarray(0, cut), `gzip cut in trailer at ${cut}/${len}`];
    }
    case 2: {
      const out = gz.slice();
      const i = r.between(10, Math.max(10, len - 9));
      out[i] = r.int(256);
      return [out, `gzip body byte ${i} = ${out[i]}`];
    }
    case 3: {
      const out = gz.slice();
      const i = len - r.between(1, 8);
      out[i] = out[i]! ^ 0xff;
      return [out, `gzip trailer byte ${i} flipped`];
    }
    case 4: {
      const junk = new Uint8Array(r.between(1, 64)).map(() => r.int(256));
      return [concat(gz, junk), `gzip + ${junk.length} junk bytes`];
    }
    case 5:
      return [concat(gz, gzipSync(plain)), 'two gzip members'];
    case 6: {
      const out = gz.slice();
      out[3] = r.int(256);
      return [out, `gzip header flags = ${out[3]}`];
    }
    default:
      return [concat(gz, new Uint8Array(r.between(1, 1024))), 'gzip + zero padding'];
  }
}

function chunkSchedule(r: Rand, length: number, gzip: boolean): number[] {
  // fflate's streaming inflate costs about a window copy per push: a few hundred pushes of
  // a gzip input say as much as thousands would.
  const floor = Math.max(1, Math.ceil(length / (gzip ? 300 : 20_000)));
  const mode = r.int(5);
  const pick = (): number => {
    switch (mode) {
      case 0:
        return r.between(1, 3);
      case 1:
        return r.between(1, 64);
      case 2:
        return r.between(1, 8192);
      case 3:
        return r.chance(0.5) ? r.between(1, 7) : r.between(100, 70_000);
      default:
        return 65_536;
    }
  };
  return Array.from({ length: r.between(1, 16) }, () => Math.max(floor, pick()));
}

// ---------- case generation ----------

/**
 * Case `index` of `target` over `seeds`. The op cycles with the index, so every damage class
 * is covered evenly; everything else comes from the case's own PRNG.
 */
export function generateCase(target: Target, seeds: Seed[], runSeed: number, index: number, scale: Scale): Case {
  const r = rand(caseSeed(runSeed, target.name, index));
  const seedIndex = r.int(seeds.length);
  const seed = seeds[seedIndex]!;
  const op = OPS[index % OPS.length]!;
  const locality = localityOf(seed, target);
  const n = seed.recs.length;
  const { bytes: original, spans } = assemble(seed.gaps, seed.recs);
  let bytes = original;
  let detail = '';
  let keep: number[] = [];
  let gzip = false;
  let problem: RegExp | undefined;
  const options: RunOptions = {};

  /** Replaces record k (or the whole file when there are no records) and says what survives. */
  const replaceRecord = (k: number, rec: Uint8Array, syntaxKept: boolean): void => {
    if (n === 0) {
      bytes = rec;
      keep = [];
      return;
    }
    if (locality === 'zip' && seed.rezip && syntaxKept) {
      bytes = seed.rezip(k, rec);
    } else {
      const recs = seed.recs.slice();
      recs[k] = rec;
      bytes = assemble(seed.gaps, recs).bytes;
    }
    // In a zip, only damage that keeps the entry's length leaves the other entries where the directory says.
    if (locality === 'zip') keep = syntaxKept || rec.length === seed.recs[k]!.length ? range(n, k) : [];
    else if (locality === 'lines') keep = range(n, k);
    else if (locality === 'split') keep = syntaxKept || !touchesStructure(seed.recs[k]!, rec) ? range(n, k) : range(k);
    else if (locality === 'doc') keep = syntaxKept ? range(n, k) : [];
  };

  const k = n > 0 ? r.int(n) : 0;
  const target0 = n > 0 ? seed.recs[k]! : original;

  switch (op) {
    case 'trunc': {
      const kind = TRUNC_CLASSES[Math.floor(index / OPS.length) % TRUNC_CLASSES.length]!;
      let b = original;
      let sp = spans;
      if (kind === 'in-crlf') {
        const re = assemble(crlfGaps(r, seed.gaps, true), seed.recs);
        b = re.bytes;
        sp = re.spans;
      } else if (kind === 'in-bom') {
        const re = assemble([concat(new Uint8Array([0xef, 0xbb, 0xbf]), seed.gaps[0]!), ...seed.gaps.slice(1)], seed.recs);
        b = re.bytes;
        sp = re.spans;
      }
      const cuts = cutsOf(kind, b, sp);
      const cut = cuts.length ? r.pick(cuts) : r.int(b.length + 1);
      bytes = b.subarray(0, cut);
      detail = `${kind}: cut at ${cut}/${b.length}`;
      keep = locality === 'lines' || locality === 'split' ? range(n).filter((j) => sp[j]![1] <= cut) : [];
      break;
    }
    case 'flip':
    case 'bits':
    case 'splice':
    case 'utf8':
    case 'bom-in-record': {
      const fn = { flip: flipBytes, bits: flipBits, splice: spliceBytes, utf8: badUtf8, 'bom-in-record': bomInside }[op];
      const [rec, what] = fn(r, target0);
      replaceRecord(k, rec, false);
      detail = `${n ? `record ${k}` : 'file'}: ${what}`;
      break;
    }
    case 'type':
    case 'nest':
    case 'huge-string': {
      let source = target0;
      if (locality === 'zip') source = seedInflated(seed, k) ?? source;
      const text = dec.decode(source);
      const done = seed.layout === 'csv' && n > 0 ? mutateCsvRow(r, text, op, scale) : mutateJsonText(r, text, op, scale);
      if (!done) {
        const [rec, what] = flipBytes(r, target0);
        replaceRecord(k, rec, false);
        detail = `${n ? `record ${k}` : 'file'} is not JSON; ${what}`;
        break;
      }
      replaceRecord(k, u8(done[0]), true);
      detail = `${n ? `record ${k}` : 'file'}: ${done[1]}`;
      break;
    }
    case 'huge-element': {
      // A cap on record size that every seed record fits under, and junk that does not.
      const cap = Math.max(SIZES[scale].smallMax, ...seed.recs.map((x) => x.length + 16));
      const length = Math.max(logUniform(r, SIZES[scale].huge), 2 * cap);
      if (n === 0 || locality === 'zip') {
        // Append a huge line to the file.
        bytes = concat(original, u8('\n' + hugeText(r, length).replace(/\n/g, ' ') + '\n'));
        detail = `huge line of ${length} appended`;
        break;
      }
      const j = r.int(n);
      const gaps = seed.gaps.slice();
      const junk = seed.layout === 'json' ? JSON.stringify(hugeText(r, length)) + ',\n' : hugeText(r, length).replace(/[\r\n]/g, ' ') + '\n';
      gaps[j] = concat(gaps[j]!, u8(junk));
      bytes = assemble(gaps, seed.recs).bytes;
      keep = locality === 'none' ? [] : range(n);
      detail = `huge element of ${junk.length} before record ${j}`;
      if (target.streams && r.chance(0.5)) {
        options.maxRecordChars = cap;
        // A JSON splitter never holds text outside a value: a junk line that is no JSON value
        // (between JSON Lines) is skipped as such, whatever its length, not refused as too long.
        problem = seed.layout !== 'json' && target.framing === 'json' ? /outside any JSON value/ : /longer than|larger than/;
        detail += `, maxRecordChars ${options.maxRecordChars}`;
      }
      break;
    }
    case 'bom-crlf': {
      if (locality === 'zip') {
        bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), original);
        detail = 'BOM before a zip';
        break;
      }
      const boms = r.chance(0.15) ? 2 : r.chance(0.7) ? 1 : 0;
      const gaps = crlfGaps(r, seed.gaps, r.chance(0.3));
      gaps[0] = concat(new Uint8Array(boms * 3).map((_, i) => [0xef, 0xbb, 0xbf][i % 3]!), gaps[0]!);
      bytes = assemble(gaps, seed.recs).bytes;
      // A second BOM is a character: it damages what follows it.
      const firstDamaged = boms === 2 && (seed.layout === 'csv' ? 'header' : 'record');
      keep = locality === 'none' || (locality === 'doc' && boms === 2) || firstDamaged === 'header' ? [] : firstDamaged === 'record' && dec.decode(seed.gaps[0]).trim() === '' ? range(n, 0) : range(n);
      detail = `${boms} BOM(s), line breaks mixed CRLF/LF`;
      break;
    }
    case 'gzip': {
      const [gz, what] = gzipDamage(r, original);
      bytes = gz;
      gzip = target.streams;
      detail = what;
      break;
    }
    case 'noise': {
      const [b, what] = noise(r, scale);
      bytes = b;
      detail = what;
      break;
    }
    case 'multi': {
      const steps: string[] = [];
      for (let s = r.between(2, 5); s > 0; s--) {
        const fn = r.pick([flipBytes, flipBits, spliceBytes, badUtf8, bomInside]);
        const [b, what] = fn(r, bytes);
        bytes = b;
        steps.push(what);
      }
      detail = steps.join('; ');
      break;
    }
    case 'pristine':
      keep = locality === 'none' ? [] : range(n);
      detail = 'unchanged';
      break;
  }

  return {
    target: target.name,
    index,
    seed: seedIndex,
    seedOrigin: seed.origin,
    op,
    detail,
    file: { name: seed.name, bytes },
    options,
    chunks: target.streams ? chunkSchedule(r, bytes.length, bytes[0] === 0x1f && bytes[1] === 0x8b) : undefined,
    keep,
    gzip,
    problem,
  };
}

function seedInflated(seed: Seed, k: number): Uint8Array | null {
  // The sample's JSON, read back from the one-sample archive.
  try {
    const alone = seed.alone(k);
    const entries = unzipAll(alone);
    const sample = Object.entries(entries).find(([name]) => /^samples\//.test(name));
    return sample ? sample[1] : null;
  } catch {
    return null;
  }
}

import { unzipSync as unzipAll } from 'fflate';

// ---------- judging ----------

/** What each seed record yields on its own (cached per target and seed). */
export class Baselines {
  private cache = new Map<string, string[][] | null>();
  readonly notes: string[] = [];

  constructor(private readonly target: Target) {}

  /** Per-record output keys; null when the seed's records do not add up to the whole file's output. */
  of(seed: Seed): string[][] | null {
    const key = seed.origin;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const per = seed.recs.map((_, j) => this.target.run({ name: seed.name, bytes: seed.alone(j) }).items);
    const whole = this.target.run({ name: seed.name, bytes: seedBytes(seed) });
    let result: string[][] | null = per;
    // A record whose output depends on the others (a repeated id is skipped) is not expected.
    per.forEach((items, j) => {
      if (missing(items, whole.items).length) {
        this.notes.push(`${this.target.name}: seed ${seed.origin}: record ${j} yields other output alone than in the file; not expected`);
        per[j] = [];
      }
    });
    if (whole.crashes.length) {
      this.notes.push(`${this.target.name}: seed ${seed.origin} crashes undamaged: ${whole.crashes[0]}`);
      result = null;
    } else if (missing(whole.items, per.flat()).length) {
      this.notes.push(`${this.target.name}: seed ${seed.origin}: its records alone do not add up to the whole file; no record oracle for it`);
      result = null;
    }
    this.cache.set(key, result);
    return result;
  }
}

/** Items of `expected` (a multiset) not found in `got`. */
export function missing(expected: string[], got: string[]): string[] {
  const counts = new Map<string, number>();
  for (const g of got) counts.set(g, (counts.get(g) ?? 0) + 1);
  const out: string[] = [];
  for (const e of expected) {
    const c = counts.get(e) ?? 0;
    if (c > 0) counts.set(e, c - 1);
    else out.push(e);
  }
  return out;
}

/** The text a gzip input inflates to when pushed in the same pieces as the record stream pushes it. */
export function inflateAsStreamed(bytes: Uint8Array, chunks: number[]): Uint8Array {
  // The record stream holds a first piece shorter than two bytes until the next arrives.
  const pieces: Uint8Array[] = [];
  let at = 0;
  let head: Uint8Array | null = null;
  for (let i = 0; at < bytes.length; i++) {
    const size = Math.max(1, chunks[i % chunks.length]!);
    let piece = bytes.subarray(at, at + size);
    at += size;
    if (head) {
      piece = concat(head, piece);
      head = null;
    }
    if (pieces.length === 0 && piece.length < 2) {
      head = piece;
      continue;
    }
    pieces.push(piece);
  }
  if (head) pieces.push(head);
  const out: Uint8Array[] = [];
  const gunzip = new Gunzip((chunk) => out.push(chunk));
  try {
    for (const p of pieces) if (p.length) gunzip.push(p);
    gunzip.push(new Uint8Array(0), true);
  } catch {
    // What was inflated before the damage is the text.
  }
  return concat(...out);
}

const short = (s: string): string => (s.length > 160 ? `${s.slice(0, 160)}… (${s.length} chars)` : s);

export function judge(target: Target, seeds: Seed[], baselines: Baselines, c: Case): Verdict {
  const crashes: string[] = [];
  const lost: string[] = [];
  const mismatches: string[] = [];
  const seed = seeds[c.seed]!;
  const per = c.keep.length ? baselines.of(seed) : null;
  const t0 = performance.now();
  const paths: [string, Outcome, number[]][] = [['whole', target.run(c.file, c.options), [Math.max(1, c.file.bytes.length)]]];
  if (target.stream && c.chunks) paths.push([`streamed in ${JSON.stringify(c.chunks)}`, target.stream(c.file, c.chunks, c.options), c.chunks]);
  const runMs = performance.now() - t0;
  const isGz = c.file.bytes[0] === 0x1f && c.file.bytes[1] === 0x8b;
  for (const [path, out, chunks] of paths) {
    for (const x of out.crashes) crashes.push(`${path}: ${short(x)}`);
    if (per) {
      const expected = c.keep.flatMap((j) => per[j] ?? []);
      const gone = missing(expected, out.items);
      if (gone.length) lost.push(`${path}: ${gone.length} of ${expected.length} records from undamaged seed records missing, e.g. ${short(gone[0]!)}`);
    }
    if (c.problem && !out.problems.some((p) => c.problem!.test(p))) mismatches.push(`${path}: no problem matching ${c.problem}`);
    if (c.gzip && isGz && target.streams) {
      const plain = target.run({ name: c.file.name.replace(/\.gz$/i, ''), bytes: inflateAsStreamed(c.file.bytes, chunks) }, c.options);
      const gone = missing(plain.items, out.items);
      const extra = missing(out.items, plain.items);
      if (gone.length) lost.push(`${path}: ${gone.length} records of the inflated text missing, e.g. ${short(gone[0]!)}`);
      if (extra.length) mismatches.push(`${path}: ${extra.length} records not in the inflated text, e.g. ${short(extra[0]!)}`);
    }
  }
  // Streaming in other pieces must change nothing (damaged gzip inflates as far as each piece allows).
  if (paths.length === 2 && !(c.gzip && isGz) && paths[0]![1].exact !== paths[1]![1].exact) {
    mismatches.push(`streamed output differs from whole-file output: ${firstDifference(paths[0]![1].exact, paths[1]![1].exact)}`);
  }
  return { crashes, lost, mismatches, ms: runMs };
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at ${i}: whole …${JSON.stringify(a.slice(Math.max(0, i - 40), i + 80))} vs streamed …${JSON.stringify(b.slice(Math.max(0, i - 40), i + 80))}`;
}
