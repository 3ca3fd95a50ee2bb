// `custody normalize --to parquet`, read back with DuckDB: every column of every row must
// equal the event the shared pipeline reads from the same file (chooseReader + readWith),
// flattened here by hand from the model, not through EVENT_COLUMNS. Runs on the project's
// fixtures (every reader, MCP gateway and OTel GenAI spans included), on every real log
// in ../shared/corpus/access-logs (or CUSTODY_CORPUS=dir; skipped, and said so, when
// absent) and on a generated Okta log through the real bin.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { nodeIo, runCli } from '../../../electron/cli/main.ts';
import { sha256Digest } from '../../../shared/crypto/index.ts';
import { chooseReader } from '../../../shared/formats/access-logs/choose-reader.ts';
import { accessLogReaders } from '../../../shared/formats/access-logs/index.ts';
import { parseFieldMapping, type FieldMapping } from '../../../shared/formats/access-logs/mapping.ts';
import { readWith } from '../../../shared/formats/access-logs/pipeline.ts';
import type { AccessEvent } from '../../../shared/model/access-event.ts';
import { oktaJsonlChunks } from '../../bench/access-log/generate-okta.ts';
import { expectedRow, readParquetBack } from '../access-logs/duckdb-parquet.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = join(REPO, 'test/fixtures/access-logs');
const CORPUS = join(resolve(REPO, process.env.CUSTODY_CORPUS ?? '../shared/corpus'), 'access-logs');
const corpusPresent = existsSync(CORPUS);
const BIN = join(REPO, 'electron/cli/custody.mjs');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const logsUnder = (dir: string) => filesUnder(dir).filter((f) => /\.(json|jsonl|csv)$/.test(f) && !f.endsWith('.mapping.json')).sort();

const outDir = () => mkdtempSync(join(tmpdir(), 'custody-normalize-parquet-'));

/** The CLI in process with real files; stdout and stderr captured. */
async function normalize(args: string[]): Promise<{ code: number; stderr: string }> {
  const err: string[] = [];
  const code = await runCli(['normalize', ...args], { ...nodeIo(), stdout: () => undefined, stderr: (t) => err.push(t) });
  return { code, stderr: err.join('') };
}

/** The events the app's own pipeline reads from the file: the engine's answer. */
function pipelineEvents(path: string, options: { mapping?: FieldMapping; unmapped?: boolean } = {}): AccessEvent[] {
  const file = { name: basename(path), bytes: new Uint8Array(readFileSync(path)) };
  const choice = chooseReader({ name: file.name, head: file.bytes, readers: accessLogReaders, mapping: options.mapping });
  if (!choice.ok) throw new Error(choice.message);
  return readWith(choice.reader, file, { unmapped: options.unmapped }).events;
}

const TIMESTAMPS = new Set(['time', 'credential_issued', 'credential_expires']);
const STRING_LISTS = new Set(['credential_audience', 'scopes_granted', 'scopes_requested', 'target_resource_ids', 'unmapped']);

/** The DuckDB type each documented column must come back as. */
function duckdbType(column: string): string {
  if (TIMESTAMPS.has(column)) return 'TIMESTAMP WITH TIME ZONE';
  if (STRING_LISTS.has(column)) return 'VARCHAR[]';
  if (column === 'delegation') return 'STRUCT(actor VARCHAR, client_id VARCHAR, via VARCHAR)[]';
  if (column === 'source_line' || column === 'source_record') return 'BIGINT';
  if (column === 'mfa_performed' || column === 'step_up') return 'BOOLEAN';
  return 'VARCHAR';
}

/** Reads the export back and holds every row to the pipeline's events. */
async function expectParquetMatches(parquetPath: string, events: AccessEvent[]): Promise<void> {
  const back = await readParquetBack(parquetPath);
  const columns = Object.keys(expectedRow(events[0]!, ''));
  expect(back.types).toEqual(columns.map((c) => [c, duckdbType(c)]));
  expect(back.rows).toHaveLength(events.length);
  const utf8 = new TextEncoder();
  for (const [i, e] of events.entries()) {
    const { raw_utf8: rawBytes, ...row } = back.rows[i]!;
    const expected = expectedRow(e, await sha256Digest(e.raw));
    // isDeepStrictEqual first: expect's deep equality costs ~1 ms a row; it runs for the diff.
    if (!isDeepStrictEqual(row, expected)) expect(row, e.id).toEqual(expected);
    // Byte for byte, not only equal as JS strings.
    const bytes = utf8.encode(e.raw);
    if (!isDeepStrictEqual(rawBytes, bytes)) expect(rawBytes, e.id).toEqual(bytes);
  }
}

async function roundTrip(path: string, extra: string[] = [], options: { mapping?: FieldMapping; unmapped?: boolean } = {}): Promise<AccessEvent[]> {
  const out = join(outDir(), `${basename(path)}.parquet`);
  const { code, stderr } = await normalize([path, '--to', 'parquet', '--out', out, ...extra]);
  const events = pipelineEvents(path, options);
  expect(code, stderr).toBe(events.length > 0 ? 0 : 3);
  expect(stderr).toContain(` ${events.length} events from `);
  expect(stderr).toContain(` to ${out} as Parquet; `);
  if (events.length > 0) await expectParquetMatches(out, events);
  return events;
}

describe('custody normalize --to parquet, read back with DuckDB', () => {
  it.each(logsUnder(FIXTURES).map((f) => f.slice(FIXTURES.length + 1)))('fixture %s: every column of every row', async (name) => {
    await roundTrip(join(FIXTURES, name));
  });

  it('keeps MCP, OTel GenAI and delegation fields (the fixtures hold them)', async () => {
    const otel = await roundTrip(join(FIXTURES, 'otel/genai-mcp.json'));
    expect(otel.some((e) => e.mcp?.tool !== undefined && e.correlation.toolCallId !== undefined)).toBe(true);
    const descope = await roundTrip(join(FIXTURES, 'descope/audit.json'));
    expect(descope.some((e) => e.mcp?.jsonrpcId !== undefined)).toBe(true);
    const okta = await roundTrip(join(FIXTURES, 'okta/system-log.jsonl'));
    expect(okta.some((e) => e.delegation.length > 1 && e.credential?.audience.length)).toBe(true);
  });

  it('writes unmapped paths with --unmapped and applies a saved mapping', async () => {
    const unmapped = await roundTrip(join(FIXTURES, 'okta/system-log-array.json'), ['--unmapped'], { unmapped: true });
    expect(unmapped.every((e) => Array.isArray(e.unmapped))).toBe(true);
    const mappingPath = join(FIXTURES, 'generic/custom.mapping.json');
    const parsed = parseFieldMapping(JSON.parse(readFileSync(mappingPath, 'utf8')));
    if (!parsed.ok) throw new Error(parsed.message);
    await roundTrip(join(FIXTURES, 'generic/custom.csv'), ['--mapping', mappingPath], { mapping: parsed.mapping });
  });

  it('streams a generated Okta log through the bin, to a real file', async () => {
    const dir = outDir();
    const log = join(dir, 'okta-generated.jsonl');
    writeFileSync(log, [...oktaJsonlChunks(2000, 11)].join(''));
    const out = join(dir, 'okta-generated.parquet');
    const { stderr } = await promisify(execFile)(process.execPath, [BIN, 'normalize', log, '--to', 'parquet', '--out', out]);
    expect(stderr).toMatch(/^custody normalize: 2000 events from 2000 records .*\(okta-system-log\) to .*okta-generated\.parquet as Parquet; 0 problems\n$/);
    await expectParquetMatches(out, pipelineEvents(log));
  });
});

if (!corpusPresent) console.warn(`corpus not found at ${CORPUS}, Parquet round trips on real logs skipped (set CUSTODY_CORPUS=dir to point at it)`);

describe.skipIf(!corpusPresent)(`custody normalize --to parquet on the real logs at ${CORPUS}`, () => {
  const files = corpusPresent ? logsUnder(CORPUS).map((f) => f.slice(CORPUS.length + 1)) : [];

  it('finds Okta, CloudTrail (JSON, JSON Lines, CSV) and Auth0 logs among them', () => {
    const formats = new Set(files.flatMap((f) => pipelineEvents(join(CORPUS, f)).slice(0, 1).map((e) => e.source.format)));
    for (const format of ['okta-system-log', 'aws-cloudtrail', 'aws-cloudtrail-csv', 'auth0-logs', 'generic-jsonl']) expect(formats).toContain(format);
  });

  it.each(files)('%s: every column of every row', async (name) => {
    expect((await roundTrip(join(CORPUS, name))).length).toBeGreaterThan(0);
  });
});
