// Detection of access logs (confidence + reason), overriding it, and bad input.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { logFixture, read, textFile, utf8 } from './helpers.ts';
import { detectFormat } from '../../../shared/formats/detect.ts';
import { readerById, readers } from '../../../shared/formats/registry.ts';
import { readWith } from '../../../shared/formats/access-logs/pipeline.ts';
import { isAccessLogReader } from '../../../shared/formats/access-logs/reader.ts';
import { accessLogReaders } from '../../../shared/formats/access-logs/index.ts';

describe('access-log detection', () => {
  it.each([
    ['okta/system-log.jsonl', 'okta-system-log'],
    ['okta/system-log-array.json', 'okta-system-log'],
    ['descope/audit.json', 'descope-audit'],
    ['descope/search-response.json', 'descope-audit'],
    ['auth0/tenant-logs.jsonl', 'auth0-logs'],
    ['cloudtrail/records.json', 'aws-cloudtrail'],
    ['cloudtrail/records.jsonl', 'aws-cloudtrail'],
    ['cloudtrail/console-export.csv', 'aws-cloudtrail-csv'],
    ['ocsf/events.jsonl', 'ocsf'],
    ['otel/genai-mcp.json', 'otel-spans'],
    ['otel/collector.jsonl', 'otel-spans'],
    ['generic/github-like.jsonl', 'generic-jsonl'],
    ['generic/single-object.json', 'generic-json'],
    ['generic/logins.csv', 'generic-csv'],
  ])('%s → %s, with a confidence and a reason', (path, format) => {
    const d = detectFormat(logFixture(path));
    expect(d).toMatchObject({ kind: 'access-log', format });
    expect(d.confidence).toBeGreaterThanOrEqual(0.5);
    expect(d.reason.length).toBeGreaterThan(10);
    // Every reader was asked; the vendor reader outranks the generic one.
    expect(d.tried.map((t) => t.format)).toEqual(readers.map((r) => r.format));
  });

  it('sees through gzip for access logs only, and names the compression', () => {
    const gz = { name: 'events.jsonl.gz', bytes: gzipSync(logFixture('okta/system-log.jsonl').bytes) };
    const d = detectFormat(gz);
    expect(d).toMatchObject({ format: 'okta-system-log', reason: expect.stringMatching(/gzip/) });
    expect(d.tried.find((t) => t.format === 'openai-chat')?.reason).toMatch(/gzip-compressed/);
  });

  it('says plainly that YAML is not supported', () => {
    const d = detectFormat(textFile('scenario.yml', 'LogType: Okta.SystemLog\nLogs:\n  - eventType: x\n'));
    expect(d.kind).toBe('unknown');
    expect(d.reason).toMatch(/^unsupported format: YAML/);
  });

  it('lets the user override detection by calling a reader by id', () => {
    const override = readerById('generic-jsonl');
    expect(override && isAccessLogReader(override)).toBe(true);
    const out = readWith(override as never, logFixture('okta/system-log.jsonl'));
    expect(out.format).toBe('generic-jsonl');
    expect(out.events[0]).toMatchObject({ actionNative: 'user.session.start', actor: { id: '00u1' } });
    expect(readerById('no-such-format')).toBeUndefined();
    expect(accessLogReaders.every((r) => readerById(r.format) === r)).toBe(true);
  });
});

describe('bad input: clear messages, the rest read', () => {
  it('a JSON object where an array of Descope records was expected', () => {
    const out = readWith(readerById('descope-audit') as never, textFile('audit.json', '{"total": 0, "note": "nothing here"}'));
    expect(out.events).toEqual([]);
    expect(out.errors).toEqual([{ line: 1, sample: '#1', message: 'not a Descope audit record: no action' }]);
  });

  it('one 5 MB line among good ones (cap lowered to 1 MB)', () => {
    const good = '{"eventType":"user.session.start","published":"2026-03-02T09:00:00Z","actor":{"id":"00u1","type":"User"}}';
    const body = `${good}\n{"eventType":"x","pad":"${'z'.repeat(5_000_000)}"}\n${good}\n`;
    const out = readWith(readerById('okta-system-log') as never, textFile('big.jsonl', body), { maxRecordChars: 1_000_000 });
    expect(out.events.map((e) => e.source.line)).toEqual([1, 3]);
    expect(out.errors).toEqual([{ line: 2, message: expect.stringMatching(/line is longer than 1000000 characters \(5\d{6}\); skipped/) }]);
  });

  it('a truncated .json.gz keeps what came before the cut and says so', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ eventName: 'GetObject', eventSource: 's3.amazonaws.com', eventTime: '2026-03-02T09:00:00Z', awsRegion: 'eu-west-1', eventID: `e${i}`, userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::1:user/u${i % 7}` } })).join('\n');
    const gz = gzipSync(utf8(lines));
    const cut = { name: 'trail.json.gz', bytes: gz.subarray(0, Math.floor(gz.length * 0.6)) };
    const { detection, events, errors } = read(cut);
    expect(detection.format).toBe('aws-cloudtrail');
    expect(events.length).toBeGreaterThan(1000);
    expect(events.map((e) => e.nativeId)).toEqual(events.map((_, i) => `e${i}`));
    expect(errors.some((e) => /^gzip stream truncated after \d+ bytes/.test(e.message))).toBe(true);
  });

  it('a CSV with ragged rows names each row and reads the others', () => {
    const { events, errors } = read(logFixture('generic/ragged.csv'));
    expect(events.map((e) => e.actor.id)).toEqual(['ada', 'cat', 'dan']);
    expect(events[0]!.raw).toBe('2026-03-02T09:00:00Z,ada,login,"first line\nsecond line of the same note"');
    expect(errors.map((e) => e.line)).toEqual([4, 5]);
  });

  it('garbage that looks like JSON Lines at first: every bad line reported, listed problems capped', () => {
    const head = '{"action":"login","actor":"ada","created_at":"2026-03-02T09:00:00Z"}\n';
    const body = head.repeat(3) + Array.from({ length: 1500 }, (_, i) => `#%$ garbage ${i}`).join('\n');
    const out = readWith(readerById('generic-jsonl') as never, textFile('mixed.jsonl', body));
    expect(out.events).toHaveLength(3);
    expect(out.errorCount).toBe(1500);
    expect(out.errors).toHaveLength(1001);
    expect(out.errors.at(-1)!.message).toBe('… and 500 more problems not listed');
  });
});

describe('readAccessLog', () => {
  it('detects and reads, or says why a file is not an access log', async () => {
    const { readAccessLog } = await import('../../../shared/formats/access-logs/read-access-log.ts');
    const ok = readAccessLog(logFixture('auth0/tenant-logs.jsonl'), { sourceId: 'src-9' });
    expect(ok).toMatchObject({ format: 'auth0-logs', errorCount: 0 });
    expect(ok.events[0]!.id).toBe('src-9:1');
    const notLog = readAccessLog(textFile('chat.json', '[{"role":"user","content":"hi"}]'));
    expect(notLog).toMatchObject({ format: null, events: [], errors: [{ message: 'chat.json is transcripts (openai-chat), not an access log' }] });
    // Its refusals are chooseReader's, worded as the import engine words them.
    const unknown = readAccessLog(textFile('notes.txt', 'just some words\n'));
    expect(unknown).toMatchObject({ format: null, detection: { kind: 'unknown' }, errors: [{ message: expect.stringMatching(/^not an access log Custody reads: no reader recognised notes\.txt/) }] });
    expect(readAccessLog(textFile('empty.jsonl', ' \n')).errors).toEqual([{ message: 'file is empty' }]);
    const forced = readAccessLog(logFixture('auth0/tenant-logs.jsonl'), { reader: accessLogReaders.find((r) => r.format === 'generic-jsonl')! });
    expect(forced.format).toBe('generic-jsonl');
  });
});
