// Seeds: real files cut into their records, so a mutation can damage exactly one record
// and the oracle knows which records it must still find. A seed is gaps and records
// interleaved (gap0 rec0 gap1 rec1 … gapN); joining them gives the file back.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { WRAPPER_KEYS } from '../../shared/formats/stream/json-splitter.ts';

/** How records sit in the file. */
export type Layout =
  /** One record per line (JSON Lines); CSV rows (a quoted field may span lines), the header in gap0. */
  | 'lines'
  | 'csv'
  /** A JSON array (top level or inside an envelope), re-laid out one element per line. */
  | 'json'
  /** A zip archive (Inspect .eval); the records are the sample entries' data. */
  | 'zip'
  /** No records the oracle can tell apart. */
  | 'single';

export interface Seed {
  /** File name given to the reader (its extension matters to detection). */
  name: string;
  /** Where it came from: fixture path or corpus path. */
  origin: string;
  layout: Layout;
  gaps: Uint8Array[];
  recs: Uint8Array[];
  /** The file holding only record j, in the same envelope: what record j yields on its own. */
  alone(j: number): Uint8Array;
  /** zip only: the archive with record j's content replaced (inflated bytes). */
  rezip?(j: number, content: Uint8Array): Uint8Array;
}

export interface Assembled {
  bytes: Uint8Array;
  /** [start, end) of each record in bytes. */
  spans: [number, number][];
}

export function assemble(gaps: Uint8Array[], recs: Uint8Array[]): Assembled {
  let length = 0;
  for (const g of gaps) length += g.length;
  for (const r of recs) length += r.length;
  const bytes = new Uint8Array(length);
  const spans: [number, number][] = [];
  let at = 0;
  gaps.forEach((gap, i) => {
    bytes.set(gap, at);
    at += gap.length;
    const rec = recs[i];
    if (rec) {
      bytes.set(rec, at);
      spans.push([at, at + rec.length]);
      at += rec.length;
    }
  });
  return { bytes, spans };
}

export function seedBytes(seed: Seed): Uint8Array {
  return assemble(seed.gaps, seed.recs).bytes;
}

const enc = (s: string): Uint8Array => strToU8(s);
const dec = new TextDecoder();

function single(name: string, origin: string, bytes: Uint8Array): Seed {
  return { name, origin, layout: 'single', gaps: [bytes], recs: [], alone: () => bytes };
}

/** JSON Lines: every non-blank line is a record. */
function linesSeed(name: string, origin: string, text: string): Seed {
  const lines = text.split('\n');
  const gaps: Uint8Array[] = [];
  const recs: Uint8Array[] = [];
  let gap = '';
  lines.forEach((line, i) => {
    const last = i === lines.length - 1;
    if (line.trim() === '') {
      gap += line + (last ? '' : '\n');
      return;
    }
    // A trailing CR belongs to the line break, not the record.
    const cr = line.endsWith('\r');
    gaps.push(enc(gap));
    recs.push(enc(cr ? line.slice(0, -1) : line));
    gap = (cr ? '\r' : '') + (last ? '' : '\n');
  });
  gaps.push(enc(gap));
  return { name, origin, layout: 'lines', gaps, recs, alone: (j) => assemble([new Uint8Array(0), enc('\n')], [recs[j]!]).bytes };
}

/** CSV: rows by quote parity (the seeds are well-formed); the header row sits in gap0. */
function csvSeed(name: string, origin: string, text: string): Seed {
  const rows: string[] = [];
  let row: string[] = [];
  let quotes = 0;
  for (const line of text.split('\n')) {
    row.push(line);
    quotes += (line.match(/"/g) ?? []).length;
    if (quotes % 2 === 0) {
      rows.push(row.join('\n'));
      row = [];
      quotes = 0;
    }
  }
  if (row.length) rows.push(row.join('\n'));
  const [header = '', ...data] = rows;
  // A trailing CR belongs to the line break, not the row.
  const eol = (r: string): [string, string] => (r.endsWith('\r') ? [r.slice(0, -1), '\r'] : [r, '']);
  const gaps: Uint8Array[] = [enc(header + '\n')];
  const recs: Uint8Array[] = [];
  data.forEach((row, i) => {
    const last = i === data.length - 1;
    if (row.trim() === '') {
      gaps[gaps.length - 1] = enc(dec.decode(gaps[gaps.length - 1]) + row + (last ? '' : '\n'));
      return;
    }
    const [r, cr] = eol(row);
    recs.push(enc(r));
    gaps.push(enc(cr + (last ? '' : '\n')));
  });
  const head = enc(header + '\n');
  return { name, origin, layout: 'csv', gaps, recs, alone: (j) => assemble([head, enc('\n')], [recs[j]!]).bytes };
}

const MARK = '\u0000RECORDS\u0000';

/** A JSON document whose records are the array at `path`, laid out one record per line. */
function jsonSeed(name: string, origin: string, doc: unknown, path: string[]): Seed {
  const items = (path.length === 0 ? doc : (doc as Record<string, unknown>)[path[0]!]) as unknown[];
  const envelope = path.length === 0 ? MARK : JSON.stringify({ ...(doc as object), [path[0]!]: MARK }, null, 1);
  const quoted = JSON.stringify(MARK);
  const at = path.length === 0 ? 0 : envelope.indexOf(quoted);
  const before = path.length === 0 ? '[\n' : envelope.slice(0, at) + '[\n';
  const after = path.length === 0 ? '\n]\n' : '\n]' + envelope.slice(at + quoted.length) + '\n';
  const recs = items.map((item) => enc(JSON.stringify(item)));
  const gaps = [enc(before), ...recs.slice(1).map(() => enc(',\n')), enc(after)];
  return { name, origin, layout: 'json', gaps, recs, alone: (j) => assemble([enc(before), enc(after)], [recs[j]!]).bytes };
}

/** Reads the local file headers of a zip: each entry's name and [start, end) of its data. */
export function zipEntries(bytes: Uint8Array): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50) {
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extra = view.getUint16(at + 28, true);
    const name = dec.decode(bytes.subarray(at + 30, at + 30 + nameLength));
    const start = at + 30 + nameLength + extra;
    out.push({ name, start, end: start + size });
    at = start + size;
  }
  return out;
}

const SAMPLE = /^samples\/.+\.json$/;

/** An Inspect .eval archive: records are the sample entries' (compressed) data. */
function zipSeed(name: string, origin: string, bytes: Uint8Array): Seed {
  const entries = zipEntries(bytes);
  const samples = entries.filter((e) => SAMPLE.test(e.name));
  if (samples.length === 0) return single(name, origin, bytes);
  const gaps: Uint8Array[] = [];
  const recs: Uint8Array[] = [];
  let at = 0;
  for (const s of samples) {
    gaps.push(bytes.slice(at, s.start));
    recs.push(bytes.slice(s.start, s.end));
    at = s.end;
  }
  gaps.push(bytes.slice(at));
  const all = unzipSync(bytes);
  const others: Zippable = Object.fromEntries(Object.entries(all).filter(([n]) => !SAMPLE.test(n)));
  return {
    name,
    origin,
    layout: 'zip',
    gaps,
    recs,
    alone: (j) => zipSync({ ...others, [samples[j]!.name]: all[samples[j]!.name]! }),
    rezip: (j, content) => zipSync({ ...all, [samples[j]!.name]: content }),
  };
}

/** Where the records of a parsed JSON document are, for a reader; null when it is one record. */
export type RecordsOf = (doc: unknown) => string[] | null;

export const arrayRecords: RecordsOf = (doc) => (Array.isArray(doc) && doc.length > 1 ? [] : null);

/** Access logs: a top-level array, or the first envelope array the splitter knows. */
export const accessRecords: RecordsOf = (doc) => {
  if (Array.isArray(doc)) return doc.length > 1 ? [] : null;
  if (typeof doc !== 'object' || doc === null) return null;
  for (const [key, value] of Object.entries(doc)) {
    if (WRAPPER_KEYS.has(key) && Array.isArray(value)) return value.length > 1 ? [key] : null;
  }
  return null;
};

export const keyRecords =
  (key: string): RecordsOf =>
  (doc) =>
    typeof doc === 'object' && doc !== null && !Array.isArray(doc) && Array.isArray((doc as Record<string, unknown>)[key]) && ((doc as Record<string, unknown>)[key] as unknown[]).length > 1 ? [key] : null;

/** Cuts a file into a seed: zip, CSV, JSON document (records where `recordsOf` says) or JSON Lines. */
export function makeSeed(name: string, origin: string, bytes: Uint8Array, recordsOf: RecordsOf): Seed {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return zipSeed(name, origin, bytes);
  const text = dec.decode(bytes);
  if (/\.csv$/i.test(name)) return csvSeed(name, origin, text);
  let doc: unknown;
  let whole = true;
  try {
    doc = JSON.parse(text);
  } catch {
    whole = false;
  }
  if (whole) {
    const path = recordsOf(doc);
    return path ? jsonSeed(name, origin, doc, path) : single(name, origin, bytes);
  }
  // JSON Lines, bad lines included (fixtures hold some on purpose): they are records too.
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const good = lines.filter((l) => {
    try {
      JSON.parse(l);
      return true;
    } catch {
      return false;
    }
  }).length;
  return good > 1 && good * 2 > lines.length ? linesSeed(name, origin, text) : single(name, origin, bytes);
}

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = join(REPO, 'test/fixtures');
export const CORPUS = resolve(REPO, process.env.CUSTODY_CORPUS ?? '../shared/corpus');

export function fixtureSeed(path: string, recordsOf: RecordsOf, name = path.split('/').pop()!): Seed {
  return makeSeed(name, `fixture:${path}`, new Uint8Array(readFileSync(join(FIXTURES, path))), recordsOf);
}

/** Every corpus file up to `maxBytes`, as [relative path, bytes]; empty when there is no corpus. */
export function corpusFiles(maxBytes: number): [string, Uint8Array][] {
  if (!existsSync(CORPUS)) return [];
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
  return walk(CORPUS)
    .filter((p) => !/\.md$/i.test(p) && statSync(p).size <= maxBytes)
    .sort()
    .map((p) => [relative(CORPUS, p), new Uint8Array(readFileSync(p))]);
}
