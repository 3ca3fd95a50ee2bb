// `custody inspect` on access logs and `custody normalize`, through injected I/O and the real bin.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../electron/cli/main.ts';
import { AccessEvent } from '../../../shared/model/access-event.ts';

const LOGS = fileURLToPath(new URL('../../fixtures/access-logs/', import.meta.url));
const BIN = fileURLToPath(new URL('../../../electron/cli/custody.mjs', import.meta.url));

/** I/O with files from disk (or given), chunked reads, and in-memory outputs. */
function io(files: Record<string, Uint8Array> = {}, chunk = 97) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const binary: Record<string, Uint8Array[]> = {};
  const bytesOf = async (path: string) => files[path] ?? new Uint8Array(await readFile(path));
  const cli: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: bytesOf,
    async *readChunks(path) {
      const bytes = await bytesOf(path);
      for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
    },
    openWrite: async (path) => {
      written[path] = '';
      binary[path] = [];
      return {
        write: (data) => void (typeof data === 'string' ? (written[path] += data) : binary[path]!.push(data.slice())),
        close: () => undefined,
      };
    },
  };
  return { cli, stdout: () => out.join(''), stderr: () => err.join(''), written, binary: (path: string) => Buffer.concat(binary[path] ?? []) };
}

const events = (jsonl: string) => jsonl.split('\n').filter(Boolean).map((l) => AccessEvent.parse(JSON.parse(l)));

describe('custody inspect on access logs', () => {
  it('reports kind "access-log", the event count, the errors and the detection', async () => {
    const { cli, stdout } = io();
    expect(await runCli(['inspect', `${LOGS}okta/system-log.jsonl`, '--json'], cli)).toBe(0);
    const report = JSON.parse(stdout());
    expect(report).toMatchObject({
      format: 'okta-system-log',
      kind: 'access-log',
      count: 8,
      records: 9,
      errorCount: 1,
      errors: [{ line: 9, message: expect.stringMatching(/not valid JSON/) }],
      firstTime: '2022-06-22T18:18:29.015000Z',
      classes: { token_exchange: 3, authn: 2, authz_decision: 1, credential_admin: 1, privilege_change: 1 },
      detection: { confidence: 0.95, reason: expect.any(String) },
    });
    expect(report.messages).toBeUndefined();
  });

  it('prints a table for people', async () => {
    const { cli, stdout } = io();
    expect(await runCli(['inspect', `${LOGS}generic/ragged.csv`], cli)).toBe(0);
    expect(stdout()).toMatch(/^file +\S+ragged\.csv\nformat +generic-csv \(access-log, confidence 0\.6\)\n/);
    expect(stdout()).toContain('events     3 from 3 records\n');
    expect(stdout()).toContain('problems   2\n  - line 4: row has 3 fields, the header has 4; skipped\n');
  });

  it('reads .json.gz and says when it is cut', async () => {
    const gz = gzipSync(readFileSync(`${LOGS}cloudtrail/records.json`));
    const whole = io({ 'trail.json.gz': gz });
    await runCli(['inspect', 'trail.json.gz', '--json'], whole.cli);
    expect(JSON.parse(whole.stdout())).toMatchObject({ format: 'aws-cloudtrail', count: 5, errorCount: 0 });
    const cut = io({ 'trail.json.gz': gz.subarray(0, gz.length - 30) });
    await runCli(['inspect', 'trail.json.gz', '--json'], cut.cli);
    expect(JSON.parse(cut.stdout()).errors.map((e: { message: string }) => e.message).join('\n')).toMatch(/gzip stream truncated after \d+ bytes/);
  });
});

describe('custody normalize', () => {
  it('writes one normalized event per line to --out and a summary to stderr', async () => {
    const { cli, stderr, written } = io();
    expect(await runCli(['normalize', `${LOGS}descope/audit.json`, '--out', 'out.jsonl', '--source-id', 'src-1'], cli)).toBe(0);
    const out = events(written['out.jsonl']!);
    expect(out.map((e) => e.id)).toEqual(['src-1:1', 'src-1:2', 'src-1:3', 'src-1:4', 'src-1:5', 'src-1:6']);
    expect(out[3]).toMatchObject({ actionNative: 'McpToolCallAuthorized', correlation: { toolCallId: 'call_1' } });
    expect(stderr()).toMatch(/^custody normalize: 6 events from 6 records of \S+audit\.json \(descope-audit\) to out\.jsonl; 0 problems\n$/);
  });

  it('writes to stdout without --out, lists unmapped paths on request, and takes --format', async () => {
    const { cli, stdout } = io();
    expect(await runCli(['normalize', `${LOGS}okta/system-log-array.json`, '--unmapped', '--format', 'generic-json'], cli)).toBe(0);
    const out = events(stdout());
    expect(out.map((e) => e.source.format)).toEqual(['generic-json', 'generic-json']);
    expect(out[0]!.unmapped).toEqual(expect.arrayContaining(['target[].id']));
  });

  it('applies a saved mapping', async () => {
    const { cli, stdout } = io();
    expect(await runCli(['normalize', `${LOGS}generic/custom.csv`, '--mapping', `${LOGS}generic/custom.mapping.json`], cli)).toBe(0);
    expect(events(stdout()).map((e) => [e.actionNative, e.decision])).toEqual([['refund.lookup', 'allow'], ['refund.issue', 'deny']]);
  });

  it('exits 3 and says why when no event at all was read', async () => {
    const broken = new TextEncoder().encode('{"eventType": "user.session.start", "published": "2026-03-02T09:00:00Z", "actor": {"id": "u"}}\n'.replace('}\n', ''));
    const normalize = io({ 'okta.jsonl': broken });
    expect(await runCli(['normalize', 'okta.jsonl', '--format', 'okta-system-log'], normalize.cli)).toBe(3);
    expect(normalize.stderr()).toMatch(/\ncustody: nothing read from okta\.jsonl: no events; line 1: not valid JSON \(column \d+\): .*\(truncated\?\)\n$/);
    const inspect = io({ 'okta.jsonl': broken });
    expect(await runCli(['inspect', 'okta.jsonl', '--json'], inspect.cli)).toBe(3);
    expect(JSON.parse(inspect.stdout())).toMatchObject({ format: 'okta-system-log', count: 0, errorCount: 1 });
  });

  it('refuses what is not an access log (exit 1) and bad arguments or files (exit 2)', async () => {
    const transcript = io();
    expect(await runCli(['normalize', fileURLToPath(new URL('../../fixtures/formats/openai/conversations.jsonl', import.meta.url))], transcript.cli)).toBe(1);
    expect(transcript.stderr()).toMatch(/is transcripts \(openai-chat\), not an access log/);
    const unknown = io({ 'notes.yaml': new TextEncoder().encode('a: 1\n') });
    expect(await runCli(['normalize', 'notes.yaml'], unknown.cli)).toBe(1);
    expect(unknown.stderr()).toMatch(/unsupported format: YAML/);
    for (const argv of [['normalize'], ['normalize', 'a', 'b'], ['normalize', 'a', '--out'], ['normalize', 'a', '--bogus'], ['normalize', 'a', '--format', 'x', '--mapping', 'y'], ['normalize', 'a', '--to', 'csv', '--out', 'o']]) {
      const bad = io();
      expect(await runCli(argv, bad.cli), argv.join(' ')).toBe(2);
      expect(bad.stderr()).toContain('Usage:');
    }
    const badFormat = io();
    expect(await runCli(['normalize', `${LOGS}okta/system-log.jsonl`, '--format', 'openai-chat'], badFormat.cli)).toBe(2);
    expect(badFormat.stderr()).toMatch(/openai-chat is not an access-log format \(known: okta-system-log, /);
    const missing = io();
    expect(await runCli(['normalize', '/no/such/file.jsonl'], missing.cli)).toBe(2);
    expect(missing.stderr()).toBe('custody: cannot read /no/such/file.jsonl: no such file\n');
  });
});

describe('custody normalize --to parquet', () => {
  it('writes a Parquet file to --out and says so on stderr', async () => {
    const { cli, stderr, binary, written } = io();
    expect(await runCli(['normalize', `${LOGS}okta/system-log.jsonl`, '--to', 'parquet', '--out', 'out.parquet'], cli)).toBe(0);
    const bytes = binary('out.parquet');
    expect(written['out.parquet']).toBe('');
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('PAR1');
    expect(new TextDecoder().decode(bytes.subarray(-4))).toBe('PAR1');
    expect(stderr()).toMatch(/^custody normalize: 8 events from 9 records of \S+system-log\.jsonl \(okta-system-log\) to out\.parquet as Parquet; 1 problems\n/);
  });

  it('needs --out, takes only jsonl or parquet, and will not write JSON Lines into a .parquet file (exit 2)', async () => {
    const cases: [string[], string][] = [
      [['--to', 'parquet'], 'custody normalize: --to parquet needs --out FILE (Parquet is not written to a terminal)\n'],
      [['--to', 'csv', '--out', 'x.csv'], 'custody normalize: --to takes jsonl or parquet, not csv\n'],
      [['--out', 'events.parquet'], 'custody normalize: events.parquet names a Parquet file: add --to parquet (the default output is jsonl)\n'],
    ];
    for (const [args, message] of cases) {
      const run = io();
      expect(await runCli(['normalize', `${LOGS}okta/system-log.jsonl`, ...args], run.cli), args.join(' ')).toBe(2);
      expect(run.stderr().startsWith(`${message}\nUsage:`), run.stderr()).toBe(true);
      expect(run.written).toEqual({});
    }
  });

  it('lists --to in the usage text', async () => {
    const { cli, stdout } = io();
    expect(await runCli(['normalize', '--help'], cli)).toBe(0);
    expect(stdout()).toContain('custody normalize FILE --to parquet --out OUT.parquet');
    expect(stdout()).toContain('--to jsonl|parquet picks the output (default jsonl)');
  });
});

describe('custody normalize says why it reads nothing, in chooseReader\'s words', () => {
  it.each([
    ['empty.jsonl', new Uint8Array(), 'custody: empty.jsonl: file is empty\n'],
    ['blank.jsonl', new TextEncoder().encode(' \n\t\n'), 'custody: blank.jsonl: file is empty\n'],
    ['empty.jsonl.gz', gzipSync(new Uint8Array()), 'custody: empty.jsonl.gz: file is empty (the gzip stream inflates to nothing)\n'],
  ])('%s is empty (exit 1)', async (name, bytes, message) => {
    const run = io({ [name]: bytes });
    expect(await runCli(['normalize', name], run.cli)).toBe(1);
    expect(run.stderr()).toBe(message);
  });

  it('a file no reader recognises (exit 1)', async () => {
    const run = io({ 'notes.txt': new TextEncoder().encode('just some words\n') });
    expect(await runCli(['normalize', 'notes.txt'], run.cli)).toBe(1);
    expect(run.stderr()).toMatch(/^custody: not an access log Custody reads: no reader recognised notes\.txt \(text\) — /);
  });

  it('a mapping file that is not a mapping is a usage error (exit 2), read by the CLI itself', async () => {
    const run = io({ 'm.json': new TextEncoder().encode('{"name": "x"}') });
    expect(await runCli(['normalize', `${LOGS}generic/custom.csv`, '--mapping', 'm.json'], run.cli)).toBe(2);
    expect(run.stderr()).toMatch(/^custody normalize: m\.json is not a column mapping: /);
  });
});

describe('the custody bin streams files from disk', () => {
  it('normalizes a gzip log to a file with real fs streams', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'custody-cli-'));
    const lines = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ eventType: 'user.session.start', uuid: `u${i}`, published: '2026-03-02T09:00:00Z', actor: { id: `00u${i % 13}`, type: 'User' } })).join('\n');
    writeFileSync(join(dir, 'okta.jsonl.gz'), gzipSync(new TextEncoder().encode(lines)));
    const run = promisify(execFile);
    const { stderr } = await run(process.execPath, [BIN, 'normalize', join(dir, 'okta.jsonl.gz'), '--out', join(dir, 'out.jsonl')]);
    expect(stderr).toMatch(/5000 events from 5000 records .* \(okta-system-log\) to .*out\.jsonl; 0 problems/);
    const out = readFileSync(join(dir, 'out.jsonl'), 'utf8').split('\n').filter(Boolean);
    expect(out).toHaveLength(5000);
    expect(JSON.parse(out[4999]!)).toMatchObject({ nativeId: 'u4999', actor: { id: '00u7', type: 'human' } });
  });
});
