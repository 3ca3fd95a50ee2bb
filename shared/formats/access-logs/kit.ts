// The parts every access-log reader shares: sampling records from the sniff window,
// turning a match count into a verdict, choosing the framing, and read() for small files.
import type { SniffVerdict } from '../types.ts';
import type { Sniff } from '../sniff.ts';
import type { Framing } from '../stream/record-stream.ts';
import { WRAPPER_KEYS } from '../stream/json-splitter.ts';
import { guessDelimiter, parseCsvRow } from '../stream/csv.ts';
import type { AccessLogReader } from './reader.ts';
import { readWith } from './pipeline.ts';
import { obj, type Obj } from './fields.ts';

const SAMPLE = 8;

/** Up to 8 records seen in the window: JSONL lines, array elements, a wrapper's elements, or a lone object. */
export function sampleRecords(s: Sniff): Obj[] {
  if (s.shape === 'jsonl') return s.values.map((v) => obj(v.value)).filter((o): o is Obj => o !== undefined).slice(0, SAMPLE);
  if (s.shape !== 'json') return [];
  const value = s.values[0]?.value;
  const items = Array.isArray(value) ? value : wrapped(obj(value));
  return items.map(obj).filter((o): o is Obj => o !== undefined).slice(0, SAMPLE);
}

function wrapped(o: Obj | undefined): unknown[] {
  if (!o) return [];
  for (const key of Object.keys(o)) if (WRAPPER_KEYS.has(key) && Array.isArray(o[key])) return o[key] as unknown[];
  return [o];
}

/** A verdict from how many sampled records look like the vendor's. */
export function verdict(s: Sniff, matches: (record: Obj) => boolean, vendor: string, confidence = 0.95): SniffVerdict {
  if (s.shape !== 'json' && s.shape !== 'jsonl') return { confidence: 0, reason: `not JSON or JSON Lines (${s.shape})` };
  const records = sampleRecords(s);
  if (records.length === 0) return { confidence: 0, reason: 'no JSON objects in the first 64 KB' };
  const hits = records.filter((r) => {
    try {
      return matches(r);
    } catch {
      return false;
    }
  }).length;
  if (hits === 0) return { confidence: 0, reason: `no ${vendor} fields in the first ${records.length} records` };
  const share = hits / records.length;
  const shape = s.shape === 'jsonl' ? 'JSON Lines' : 'JSON';
  return {
    confidence: share >= 0.5 ? confidence : confidence * 0.6,
    reason: `${hits} of the first ${records.length} records carry ${vendor} fields (${shape}${s.compression ? ', gzip' : ''})`,
  };
}

/**
 * JSON Lines line by line (damage stays in its line); one JSON document through the
 * structural splitter. A window the sniffer could not classify (a NUL byte makes it
 * "binary") is judged from its lines: if any parses on its own, it is JSON Lines.
 */
export function jsonFraming(s: Sniff): Framing {
  // A JSON array (or an envelope's) that damage keeps from parsing is still an array: read
  // as JSON Lines, its "{…}," element lines would all fail, not just the damaged one.
  if (s.shape !== 'json' && (/^\s*\[/.test(s.text) || hasElementLines(s.text))) return 'json';
  if (s.shape === 'jsonl') return 'jsonl';
  if (s.shape === 'json') {
    // One line longer than the window, holding an object that is no envelope: the first
    // line of JSON Lines as much as a minified lone record; lines keep damage contained.
    const value = s.values[0]?.value;
    const envelope = Array.isArray(value) || Object.entries(obj(value) ?? {}).some(([k, v]) => WRAPPER_KEYS.has(k) && Array.isArray(v));
    return !envelope && s.values[0]?.complete === false && !s.text.includes('\n') ? 'jsonl' : 'json';
  }
  // Not chooseJsonShape: that rule (behind s.shape above) says what the window is; this picks the splitter that loses less, so an indented whole-object line counts.
  const lines = s.text.split('\n', SAMPLE + 1);
  const standalone = lines.some((line) => {
    const t = line.trim();
    if (!t.startsWith('{') || !t.endsWith('}')) return false;
    try {
      return obj(JSON.parse(t)) !== undefined;
    } catch {
      return false;
    }
  });
  return standalone || !/^\s*[[{]/.test(s.text) ? 'jsonl' : 'json';
}

/** Some line is a complete object followed by a comma: an element of a JSON array, never a JSON Lines row. */
function hasElementLines(text: string): boolean {
  return text.split('\n', 64).some((line) => {
    const t = line.trim();
    if (!t.startsWith('{') || !t.endsWith(',')) return false;
    try {
      return obj(JSON.parse(t.slice(0, -1))) !== undefined;
    } catch {
      return false;
    }
  });
}

export type ReaderSpec = Omit<AccessLogReader, 'kind' | 'read' | 'framing'> & { framing?: AccessLogReader['framing'] };

/** An AccessLogReader whose read() streams the in-memory file through its own normalize. */
export function defineAccessLogReader(spec: ReaderSpec): AccessLogReader {
  const reader: AccessLogReader = {
    ...spec,
    kind: 'access-log',
    framing: spec.framing ?? jsonFraming,
    read(file) {
      const out = readWith(reader, file);
      return { format: reader.format, transcripts: [], rubrics: [], errors: out.errors, events: out.events };
    },
  };
  return reader;
}

/** A column name reduced to letters and digits: "Event Name", "event_name", "eventName" → "eventname". */
export function columnKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The header of a CSV (or TSV …) window, or null when the window does not look like one. */
export function csvColumns(s: Sniff): string[] | null {
  if (s.shape !== 'text') return null;
  const firstLine = s.text.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '') return null;
  const columns = parseCsvRow(firstLine, guessDelimiter(firstLine)).map((c) => c.trim());
  return columns.length >= 2 ? columns : null;
}

/** CSV files go through the CSV splitter whatever their extension. */
export function csvFraming(): Framing {
  return 'csv';
}
