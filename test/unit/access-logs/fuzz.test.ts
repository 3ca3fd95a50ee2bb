// Property tests for every access-log reader, with a seeded PRNG so any failure replays:
// random truncation, byte flips and huge lines never throw or hang, every event is still
// valid model data, and records the damage did not touch are never lost.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import type { InputFile } from '../../../shared/formats/types.ts';
import { AccessEvent } from '../../../shared/model/access-event.ts';
import { accessLogReaders } from '../../../shared/formats/access-logs/index.ts';
import type { AccessLogReader } from '../../../shared/formats/access-logs/reader.ts';
import { readWith } from '../../../shared/formats/access-logs/pipeline.ts';
import { detectFormat } from '../../../shared/formats/detect.ts';
import { seeded } from '../formats/fixtures.ts';
import { logFixture, textFile } from './helpers.ts';

const descopeLines = textFile('audit.jsonl', (JSON.parse(new TextDecoder().decode(logFixture('descope/audit.json').bytes)) as unknown[]).map((r) => JSON.stringify(r)).join('\n') + '\n');

/** Files whose records are one line each: damage to a line stays in that line. */
const LINE_FILES: Record<string, InputFile[]> = {
  'okta-system-log': [logFixture('okta/system-log.jsonl')],
  'descope-audit': [descopeLines],
  'auth0-logs': [logFixture('auth0/tenant-logs.jsonl')],
  'aws-cloudtrail': [logFixture('cloudtrail/records.jsonl')],
  ocsf: [logFixture('ocsf/events.jsonl')],
  'otel-spans': [logFixture('otel/collector.jsonl')],
  'generic-jsonl': [logFixture('generic/github-like.jsonl')],
  'generic-csv': [logFixture('generic/logins.csv')],
  'aws-cloudtrail-csv': [textFile('trail.csv', 'Event ID,Event time,User name,Event name,Event source\nev-1,2026-03-02T09:00:00Z,ada,GetObject,s3.amazonaws.com\nev-2,2026-03-02T09:01:00Z,bob,PutObject,s3.amazonaws.com\nev-3,2026-03-02T09:02:00Z,cat,AssumeRole,sts.amazonaws.com\n')],
};

/** Documents (arrays, envelopes, multi-line CSV rows): damage may spread, the part before it may not be lost. */
const DOCUMENTS: Record<string, InputFile[]> = {
  'okta-system-log': [logFixture('okta/system-log-array.json')],
  'descope-audit': [logFixture('descope/audit.json'), logFixture('descope/search-response.json')],
  'auth0-logs': [],
  'aws-cloudtrail': [logFixture('cloudtrail/records.json')],
  ocsf: [],
  'otel-spans': [logFixture('otel/genai-mcp.json')],
  'generic-json': [logFixture('generic/single-object.json')],
  'generic-jsonl': [],
  'generic-csv': [logFixture('generic/ragged.csv')],
  'aws-cloudtrail-csv': [logFixture('cloudtrail/console-export.csv')],
};

const VARIANTS = 60;

/** What must survive: everything but the record's place in the file. */
const essence = (e: AccessEvent) => JSON.stringify([e.raw, e.actionNative, e.actionClass, e.time, e.actor, e.decision, e.correlation, e.mcp]);

function readChecked(reader: AccessLogReader, file: InputFile, maxRecordChars?: number) {
  const out = readWith(reader, file, { maxRecordChars });
  for (const e of out.events) expect(AccessEvent.safeParse(e).success).toBe(true);
  for (const p of out.errors) expect(typeof p.message).toBe('string');
  expect(() => detectFormat(file)).not.toThrow();
  return out;
}

/** [start, end) byte ranges of each line, without its newline. */
function lineRanges(bytes: Uint8Array): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 10) {
      ranges.push([start, i]);
      start = i + 1;
    }
  }
  return ranges;
}

/** The baseline events of each line, keyed by line number. */
function eventsByLine(reader: AccessLogReader, file: InputFile): Map<number, string[]> {
  const byLine = new Map<number, string[]>();
  for (const e of readWith(reader, file).events) byLine.set(e.source.line, [...(byLine.get(e.source.line) ?? []), essence(e)]);
  return byLine;
}

function flip(bytes: Uint8Array, rand: () => number, count: number): { bytes: Uint8Array; at: number[] } {
  const out = bytes.slice();
  const at: number[] = [];
  for (let k = 0; k < count; k++) {
    const i = Math.floor(rand() * out.length);
    out[i] = Math.floor(rand() * 256);
    at.push(i);
  }
  return { bytes: out, at };
}

describe.each(accessLogReaders.map((r) => [r.format, r] as const))('%s under damage', (format, reader) => {
  const lineFiles = LINE_FILES[format] ?? [];
  const documents = DOCUMENTS[format] ?? [];

  it('has fixtures to damage', () => {
    expect(lineFiles.length + documents.length).toBeGreaterThan(0);
    for (const f of [...lineFiles, ...documents]) expect(readWith(reader, f).events.length).toBeGreaterThan(0);
  });

  it.each(lineFiles.map((f) => [f.name, f] as const))('%s: byte flips lose no untouched line', (_, file) => {
    const rand = seeded(format.length * 7919 + file.bytes.length);
    const baseline = eventsByLine(reader, file);
    const ranges = lineRanges(file.bytes);
    for (let v = 0; v < VARIANTS; v++) {
      const damaged = flip(file.bytes, rand, 1 + Math.floor(rand() * 3));
      const got = new Set(readChecked(reader, { name: file.name, bytes: damaged.bytes }).events.map(essence));
      // A CSV header names every row's fields: damage there changes them all.
      if (file.name.endsWith('.csv') && damaged.at.some((i) => i <= ranges[0]![1])) continue;
      // A flip touches its own line; one that lands on a newline joins two lines.
      ranges.forEach(([start, end], index) => {
        const touched = damaged.at.some((i) => i >= start - 1 && i <= end) || (index === 0 && damaged.at.some((i) => i < 3));
        if (touched) return;
        for (const e of baseline.get(index + 1) ?? []) expect(got.has(e), `line ${index + 1} lost after flips at ${damaged.at}`).toBe(true);
      });
    }
  });

  it.each(lineFiles.map((f) => [f.name, f] as const))('%s: truncation keeps every line before the cut', (_, file) => {
    const rand = seeded(format.length * 104729 + 1);
    const baseline = eventsByLine(reader, file);
    const ranges = lineRanges(file.bytes);
    for (let v = 0; v < VARIANTS; v++) {
      const cut = Math.floor(rand() * file.bytes.length);
      const got = new Set(readChecked(reader, { name: file.name, bytes: file.bytes.subarray(0, cut) }).events.map(essence));
      ranges.forEach(([, end], index) => {
        if (end >= cut) return;
        for (const e of baseline.get(index + 1) ?? []) expect(got.has(e), `line ${index + 1} lost when cut at ${cut}`).toBe(true);
      });
    }
  });

  it.each(lineFiles.map((f) => [f.name, f] as const))('%s: a huge line between records costs only itself', (_, file) => {
    const rand = seeded(31 + format.length);
    const baseline = readWith(reader, file).events.map(essence);
    const ranges = lineRanges(file.bytes);
    for (let v = 0; v < 5; v++) {
      // Inserted after a line's newline, so no record is split.
      const [, end] = ranges[Math.floor(rand() * (ranges.length - 1))]!;
      const junk = new Uint8Array(20_000 + Math.floor(rand() * 20_000)).map(() => 32 + Math.floor(rand() * 90));
      const bytes = new Uint8Array([...file.bytes.subarray(0, end + 1), ...junk, 10, ...file.bytes.subarray(end + 1)]);
      const out = readChecked(reader, { name: file.name, bytes }, 8_000);
      expect(out.events.map(essence)).toEqual(baseline);
      expect(out.errors.some((p) => /longer than 8000 characters/.test(p.message))).toBe(true);
    }
  });

  it.each(documents.map((f) => [f.name, f] as const))('%s: truncation (plain and gzip) keeps a prefix; flips never throw', (_, file) => {
    const rand = seeded(format.length * 15485863 + file.bytes.length);
    const baseline = readWith(reader, file).events.map(essence);
    const gz = gzipSync(file.bytes);
    for (let v = 0; v < VARIANTS; v++) {
      for (const bytes of [file.bytes.subarray(0, Math.floor(rand() * file.bytes.length)), gz.subarray(0, Math.floor(rand() * gz.length))]) {
        const got = readChecked(reader, { name: file.name, bytes }).events.map(essence);
        // The last event may come from a record cut short that still parses (a CSV row missing its tail).
        expect(baseline.slice(0, Math.max(0, got.length - 1))).toEqual(got.slice(0, -1));
      }
      readChecked(reader, { name: file.name, bytes: flip(file.bytes, rand, 1 + Math.floor(rand() * 4)).bytes });
    }
  });
});

describe('pure noise', () => {
  it('is never mistaken for an access log and never crashes a reader', () => {
    const rand = seeded(99);
    for (let v = 0; v < 40; v++) {
      const bytes = new Uint8Array(1 + Math.floor(rand() * 5000)).map(() => Math.floor(rand() * 256));
      const file = { name: v % 2 ? 'noise.jsonl' : 'noise.csv', bytes };
      for (const reader of accessLogReaders) expect(() => readChecked(reader, file)).not.toThrow();
    }
  });
});
