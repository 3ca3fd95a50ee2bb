// What the harness drives: every reader in shared/formats, each as a Target that turns a
// file into comparable output keys, the problems it reported and any crash it hid.
// A crash is a throw, a "reader failed" problem (the pipeline catches a throwing
// normalize), a sniffer that threw during detection, or output that breaks the model's schema.
import type { FormatReader, InputFile } from '../../shared/formats/types.ts';
import { readers } from '../../shared/formats/registry.ts';
import { detectFormat } from '../../shared/formats/detect.ts';
import { openInspectEval } from '../../shared/formats/transcripts/inspect-eval.ts';
import { accessLogReaders } from '../../shared/formats/access-logs/index.ts';
import type { AccessLogReader } from '../../shared/formats/access-logs/reader.ts';
import { createAccessLogStream, readWith } from '../../shared/formats/access-logs/pipeline.ts';
import { createRecordStream, type Framing, type RawRecord } from '../../shared/formats/stream/record-stream.ts';
import { AccessEvent } from '../../shared/model/access-event.ts';
import { Transcript } from '../../shared/model/transcript.ts';
import { RubricContent } from '../../shared/model/rubric.ts';
import { evalArchive } from '../unit/formats/fixtures.ts';
import { accessRecords, arrayRecords, corpusFiles, fixtureSeed, keyRecords, makeSeed, type RecordsOf, type Seed } from './seeds.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './seeds.ts';

export interface RunOptions {
  /** Chunk sizes (cycled) for the streaming path; absent: whole-file path only. */
  chunks?: number[];
  maxRecordChars?: number;
}

export interface Outcome {
  /** Output records as comparable keys (ids and positions left out). */
  items: string[];
  /** Everything, positions and problems included: two paths over the same bytes must agree on it. */
  exact: string;
  problems: string[];
  crashes: string[];
}

export interface Target {
  name: string;
  group: 'transcripts' | 'access-logs' | 'stream';
  /** Streams bytes in chunks (so a chunk schedule applies) and inflates gzip. */
  streams: boolean;
  /** How damage spreads in a JSON document: the whole document (JSON.parse) or only forward (splitter). */
  jsonLocality: 'doc' | 'split';
  /** Set when every file is cut the same way (the record stream's own targets), whatever its layout. */
  framing?: Framing;
  seeds(withCorpus: boolean): Seed[];
  /** The whole-file path. */
  run(file: InputFile, options?: RunOptions): Outcome;
  /** The streaming path, fed in the given chunks. */
  stream?(file: InputFile, chunks: number[], options?: RunOptions): Outcome;
}

const message = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

function detectionCrashes(file: InputFile): string[] {
  try {
    return detectFormat(file).tried.filter((t) => /sniffer failed/.test(t.reason)).map((t) => `detect: ${t.format} ${t.reason}`);
  } catch (e) {
    return [`detect threw ${message(e)}`];
  }
}

/** Pushes bytes in pieces of the given sizes, cycled. */
export function pushAll(push: (chunk: Uint8Array) => void, bytes: Uint8Array, chunks: number[]): void {
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = Math.max(1, chunks[i % chunks.length]!);
    push(bytes.subarray(at, at + size));
    at += size;
  }
}

// ---- transcript and rubric readers (whole-file only) ----

function transcriptTarget(reader: FormatReader, seedFiles: [string, RecordsOf][], corpusRecords: RecordsOf, extra: () => Seed[] = () => []): Target {
  const run = (file: InputFile): Outcome => {
    const crashes = detectionCrashes(file);
    let result;
    try {
      result = reader.read(file);
    } catch (e) {
      return { items: [], exact: '', problems: [], crashes: [...crashes, `read threw ${message(e)}`] };
    }
    if (result.format !== reader.format) crashes.push(`format ${result.format}`);
    const items: string[] = [];
    for (const t of result.transcripts) {
      const parsed = Transcript.safeParse(t);
      if (!parsed.success) crashes.push(`invalid transcript: ${parsed.error.message.slice(0, 300)}`);
      items.push('T' + JSON.stringify(t));
    }
    for (const r of result.rubrics) {
      const parsed = RubricContent.safeParse(r);
      if (!parsed.success) crashes.push(`invalid rubric: ${parsed.error.message.slice(0, 300)}`);
      items.push('R' + JSON.stringify(r));
    }
    const problems = result.errors.map((p) => {
      if (typeof p.message !== 'string') crashes.push('problem without a message');
      return String(p.message);
    });
    if (reader.format === 'inspect-eval') {
      // The lazy path: list the archive, then read each sample on its own.
      try {
        const archive = openInspectEval(file.bytes);
        for (const name of archive.sampleNames.slice(0, 50)) archive.readSample(name);
      } catch (e) {
        crashes.push(`openInspectEval threw ${message(e)}`);
      }
    }
    return { items, exact: JSON.stringify([items, problems]), problems, crashes };
  };
  const guarded = (file: InputFile): Outcome => {
    try {
      return run(file);
    } catch (e) {
      // Output the app could not serialize (store, hash, export) is a crash waiting downstream.
      return { items: [], exact: '', problems: [], crashes: [`output cannot be serialized: ${message(e)}`] };
    }
  };
  return {
    name: reader.format,
    group: 'transcripts',
    streams: false,
    jsonLocality: 'doc',
    seeds: (withCorpus) => [
      ...seedFiles.map(([path, recordsOf]) => fixtureSeed(path, recordsOf)),
      ...extra(),
      ...(withCorpus ? corpusSeeds(reader.format, corpusRecords) : []),
    ],
    run: guarded,
  };
}

// ---- access-log readers: whole file (readWith) and streamed in chunks ----

/** An event without what depends on its place in the file. */
function eventKey(e: AccessEvent): string {
  const { id: _id, source, ...rest } = e;
  return JSON.stringify([source.id, source.format, rest]);
}

function accessOutcome(events: AccessEvent[], problems: { line?: number; sample?: string; message: string }[], crashes: string[]): Outcome {
  try {
    return accessOutcomeOf(events, problems, crashes);
  } catch (e) {
    return { items: [], exact: '', problems: [], crashes: [...crashes, `output cannot be serialized: ${message(e)}`] };
  }
}

function accessOutcomeOf(events: AccessEvent[], problems: { line?: number; sample?: string; message: string }[], crashes: string[]): Outcome {
  for (const e of events) {
    const parsed = AccessEvent.safeParse(e);
    if (!parsed.success) crashes.push(`invalid event ${e.id}: ${parsed.error.message.slice(0, 300)}`);
  }
  for (const p of problems) if (/reader failed/.test(p.message)) crashes.push(p.message);
  return {
    items: events.map(eventKey),
    exact: JSON.stringify([events, problems]),
    problems: problems.map((p) => p.message),
    crashes,
  };
}

function accessTarget(reader: AccessLogReader, files: string[]): Target {
  return {
    name: reader.format,
    group: 'access-logs',
    streams: true,
    jsonLocality: 'split',
    seeds: (withCorpus) => [...files.map((f) => fixtureSeed(f, accessRecords)), ...(withCorpus ? corpusSeeds(reader.format, accessRecords) : [])],
    run(file, options = {}) {
      const crashes = detectionCrashes(file);
      try {
        // One chunk for the whole file: the path readAccessLog takes.
        const out = readWith(reader, file, { maxRecordChars: options.maxRecordChars, maxProblems: 100_000, chunkSize: Math.max(1, file.bytes.length) });
        return accessOutcome(out.events, out.errors, crashes);
      } catch (e) {
        return { items: [], exact: '', problems: [], crashes: [...crashes, `readWith threw ${message(e)}`] };
      }
    },
    stream(file, chunks, options = {}) {
      const events: AccessEvent[] = [];
      const problems: { line?: number; sample?: string; message: string }[] = [];
      try {
        const s = createAccessLogStream({
          reader,
          framing: reader.framing(detectInput(file)),
          sourceId: file.name,
          maxRecordChars: options.maxRecordChars,
          onEvent: (e) => events.push(e),
          onProblem: (p) => problems.push(p),
        });
        pushAll((c) => s.push(c), file.bytes, chunks);
        s.end();
      } catch (e) {
        return { items: [], exact: '', problems: [], crashes: [`stream threw ${message(e)}`] };
      }
      return accessOutcome(events, problems, []);
    },
  };
}

// The framing a streaming caller picks comes from the same sniff readWith uses.
import { sniffInput as detectInput } from '../../shared/formats/stream/sniff-input.ts';

// ---- the stream splitter itself (shared/formats/stream) ----

function recordsOutcome(records: RawRecord[], problems: { line?: number; sample?: string; message: string }[], crashes: string[]): Outcome {
  return {
    items: records.map((r) => JSON.stringify([r.text, r.fields ?? null])),
    exact: JSON.stringify([records, problems]),
    problems: problems.map((p) => p.message),
    crashes,
  };
}

function streamTarget(framing: Framing, files: string[], corpusFrom: string[]): Target {
  const go = (file: InputFile, chunks: number[], options: RunOptions): Outcome => {
    const records: RawRecord[] = [];
    const problems: { line?: number; sample?: string; message: string }[] = [];
    try {
      const s = createRecordStream(framing, (r) => records.push(r), (p) => problems.push(p), { maxRecordChars: options.maxRecordChars });
      pushAll((c) => s.push(c), file.bytes, chunks);
      s.end();
    } catch (e) {
      return { items: [], exact: '', problems: [], crashes: [`record stream threw ${message(e)}`] };
    }
    const crashes: string[] = [];
    for (const r of records) if (typeof r.text !== 'string' || !(r.line >= 1) || !(r.ordinal >= 1)) crashes.push(`malformed record ${JSON.stringify(r).slice(0, 200)}`);
    return recordsOutcome(records, problems, crashes);
  };
  return {
    name: `stream:${framing}`,
    group: 'stream',
    streams: true,
    jsonLocality: 'split',
    framing,
    seeds: (withCorpus) => [
      ...files.map((f) => fixtureSeed(f, accessRecords)),
      ...(withCorpus ? corpusFrom.flatMap((format) => corpusSeeds(format, accessRecords)) : []),
    ],
    run: (file, options = {}) => go(file, [Math.max(1, file.bytes.length)], options),
    stream: (file, chunks, options = {}) => go(file, chunks, options),
  };
}

// ---- corpus seeds: every corpus file up to 256 KB that detection gives to the reader ----

const CORPUS_MAX_BYTES = 256 * 1024;
let corpusDetected: { path: string; format: string | null; bytes: Uint8Array }[] | null = null;

function corpusSeeds(format: string, recordsOf: RecordsOf): Seed[] {
  corpusDetected ??= corpusFiles(CORPUS_MAX_BYTES).map(([path, bytes]) => ({ path, bytes, format: detectFormat({ name: path.split('/').pop()!, bytes }).format }));
  return corpusDetected.filter((c) => c.format === format).map((c) => makeSeed(c.path.split('/').pop()!, `corpus:${c.path}`, c.bytes, recordsOf));
}

// ---- the list ----

const byFormat = (format: string): FormatReader => {
  const r = readers.find((x) => x.format === format);
  if (!r) throw new Error(`no reader ${format}`);
  return r;
};
const accessByFormat = (format: string): AccessLogReader => {
  const r = accessLogReaders.find((x) => x.format === format);
  if (!r) throw new Error(`no access-log reader ${format}`);
  return r;
};

const openaiRecords: RecordsOf = (doc) => (Array.isArray(doc) && doc.length > 1 && (Array.isArray(doc[0]) || (typeof doc[0] === 'object' && doc[0] !== null && 'messages' in doc[0])) ? [] : null);
const none: RecordsOf = () => null;

const inspectEvalSeed = (): Seed => {
  const log = JSON.parse(readFileSync(join(FIXTURES, 'formats/inspect/log.json'), 'utf8')) as Record<string, unknown>;
  return makeSeed('pantry.eval', 'fixture:formats/inspect/log.json (as .eval)', evalArchive(log), none);
};

const A = 'access-logs/';
const ACCESS_FILES: Record<string, string[]> = {
  'okta-system-log': [`${A}okta/system-log.jsonl`, `${A}okta/system-log-array.json`],
  'descope-audit': [`${A}descope/audit.json`, `${A}descope/search-response.json`],
  'auth0-logs': [`${A}auth0/tenant-logs.jsonl`],
  'aws-cloudtrail': [`${A}cloudtrail/records.json`, `${A}cloudtrail/records.jsonl`],
  'aws-cloudtrail-csv': [`${A}cloudtrail/console-export.csv`],
  ocsf: [`${A}ocsf/events.jsonl`],
  'otel-spans': [`${A}otel/genai-mcp.json`, `${A}otel/collector.jsonl`],
  'generic-jsonl': [`${A}generic/github-like.jsonl`],
  'generic-json': [`${A}generic/single-object.json`],
  'generic-csv': [`${A}generic/logins.csv`, `${A}generic/ragged.csv`, `${A}generic/custom.csv`],
};

const F = 'formats/';
export const targets: readonly Target[] = [
  transcriptTarget(byFormat('custody-transcripts'), [[`${F}custody/transcripts.json`, keyRecords('transcripts')]], keyRecords('transcripts')),
  transcriptTarget(byFormat('custody-rubric'), [[`${F}custody/rubric.json`, none]], none),
  transcriptTarget(byFormat('inspect-eval'), [], none, () => [inspectEvalSeed()]),
  transcriptTarget(byFormat('inspect-json'), [[`${F}inspect/log.json`, keyRecords('samples')]], keyRecords('samples')),
  transcriptTarget(byFormat('healthbench'), [[`${F}healthbench/examples.jsonl`, arrayRecords], [`${F}healthbench/single.json`, none]], arrayRecords),
  transcriptTarget(byFormat('tau-bench'), [[`${F}tau-bench/trajectories.json`, arrayRecords]], arrayRecords),
  transcriptTarget(byFormat('swe-agent'), [[`${F}swe-agent/v1.traj`, none], [`${F}swe-agent/legacy.traj`, none]], none),
  transcriptTarget(
    byFormat('openai-chat'),
    [[`${F}openai/conversation.json`, none], [`${F}openai/conversations.json`, openaiRecords], [`${F}openai/conversations.jsonl`, openaiRecords]],
    openaiRecords,
  ),
  ...Object.entries(ACCESS_FILES).map(([format, files]) => accessTarget(accessByFormat(format), files)),
  streamTarget('jsonl', [`${A}okta/system-log.jsonl`, `${A}otel/collector.jsonl`, `${A}ocsf/events.jsonl`], ['okta-system-log', 'generic-jsonl']),
  streamTarget('json', [`${A}cloudtrail/records.json`, `${A}descope/search-response.json`, `${A}otel/genai-mcp.json`, `${A}okta/system-log-array.json`], ['aws-cloudtrail', 'generic-json']),
  streamTarget('csv', [`${A}cloudtrail/console-export.csv`, `${A}generic/ragged.csv`, `${A}generic/logins.csv`], ['aws-cloudtrail-csv']),
];

export function targetByName(name: string): Target {
  const t = targets.find((x) => x.name === name);
  if (!t) throw new Error(`no fuzz target ${name}; targets: ${targets.map((x) => x.name).join(', ')}`);
  return t;
}
