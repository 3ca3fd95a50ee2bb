// chooseReader: the one answer to "which access-log reader reads this file" for the engine,
// the CLI and readAccessLog — each outcome, with the message the callers show.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { logFixture, textFile, utf8 } from './helpers.ts';
import { chooseReader, type ReaderChoice } from '../../../shared/formats/access-logs/choose-reader.ts';
import { accessLogReaders } from '../../../shared/formats/access-logs/index.ts';
import { parseFieldMapping } from '../../../shared/formats/access-logs/mapping.ts';
import { detectFormat } from '../../../shared/formats/detect.ts';
import { readers as registry } from '../../../shared/formats/registry.ts';
import type { InputFile } from '../../../shared/formats/types.ts';

const formats = (path: string): InputFile => {
  const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/formats/${path}`, import.meta.url))));
  return { name: path.split('/').pop()!, bytes };
};

function choose(file: InputFile, extra: { format?: string; mapping?: unknown } = {}): ReaderChoice {
  const parsed = extra.mapping === undefined ? undefined : parseFieldMapping(extra.mapping);
  if (parsed && !parsed.ok) throw new Error(parsed.message);
  return chooseReader({ name: file.name, head: file.bytes, readers: accessLogReaders, format: extra.format, mapping: parsed?.mapping });
}

describe('chooseReader', () => {
  it('applies a saved mapping before anything else, with the framing it names', () => {
    const mapping = JSON.parse(new TextDecoder().decode(logFixture('generic/custom.mapping.json').bytes)) as unknown;
    const choice = choose(logFixture('okta/system-log.jsonl'), { mapping, format: 'okta-system-log' });
    expect(choice).toMatchObject({ ok: true, framing: 'csv', reason: 'saved mapping "Gateway export"', detection: null });
    expect(choice.ok && choice.reader.format).toBe('mapping:Gateway export');
  });

  it('takes a forced format the readers know, even for an empty file', () => {
    const forced = choose(logFixture('okta/system-log.jsonl'), { format: 'generic-jsonl' });
    expect(forced).toMatchObject({ ok: true, framing: 'jsonl', reason: 'chosen by the user', detection: null });
    expect(forced.ok && forced.reader.format).toBe('generic-jsonl');
    expect(choose(textFile('empty.json', ''), { format: 'okta-system-log' })).toMatchObject({ ok: true, reason: 'chosen by the user' });
  });

  it('refuses a forced format it does not know and lists the ones it does', () => {
    const choice = choose(logFixture('okta/system-log.jsonl'), { format: 'openai-chat' });
    expect(choice).toEqual({
      ok: false,
      kind: 'unknown-format',
      message: `openai-chat is not an access-log format (known: ${accessLogReaders.map((r) => r.format).join(', ')})`,
      detection: null,
    });
  });

  it.each([
    ['no bytes', textFile('empty.jsonl', ''), 'file is empty'],
    ['only white space', textFile('blank.jsonl', ' \r\n\t\n'), 'file is empty'],
    ['a gzip stream of nothing', { name: 'empty.jsonl.gz', bytes: gzipSync(new Uint8Array()) }, 'file is empty (the gzip stream inflates to nothing)'],
  ])('calls a file of %s empty', (_what, file, message) => {
    expect(choose(file)).toMatchObject({ ok: false, kind: 'empty', message, detection: { kind: 'unknown', tried: [] } });
  });

  it.each([
    ['okta/system-log.jsonl', 'okta-system-log', 'jsonl'],
    ['okta/system-log-array.json', 'okta-system-log', 'json'],
    ['cloudtrail/console-export.csv', 'aws-cloudtrail-csv', 'csv'],
    ['generic/single-object.json', 'generic-json', 'json'],
  ])('detects %s as %s (%s), with the detection and its reason', (path, format, framing) => {
    const file = logFixture(path);
    const choice = choose(file);
    // The same verdict as the detector over every format, in the registry's order.
    const detection = detectFormat(file);
    expect(choice).toMatchObject({ ok: true, framing, reason: detection.reason, detection });
    expect(choice.ok && choice.reader.format).toBe(format);
    expect(detection.tried.map((t) => t.format)).toEqual(registry.map((r) => r.format));
  });

  it('sees through gzip', () => {
    const file = { name: 'system-log.jsonl.gz', bytes: gzipSync(logFixture('okta/system-log.jsonl').bytes) };
    const choice = choose(file);
    expect(choice).toMatchObject({ ok: true, framing: 'jsonl', reason: expect.stringMatching(/gzip/) });
    expect(choice.ok && choice.reader.format).toBe('okta-system-log');
  });

  it('says why a file no reader recognises is not an access log', () => {
    const choice = choose(textFile('notes.yaml', 'a: 1\n'));
    expect(choice).toMatchObject({ ok: false, kind: 'not-access-log', detection: { kind: 'unknown', format: null } });
    expect(!choice.ok && choice.message).toMatch(/^not an access log Custody reads: unsupported format: YAML .*no reader recognised notes\.yaml \(text\)/);
  });

  it.each([
    ['openai/conversations.jsonl', 'transcripts (openai-chat)'],
    ['custody/rubric.json', 'rubric (custody-rubric)'],
  ])('names a %s file for what it is', (path, what) => {
    expect(choose(formats(path))).toMatchObject({ ok: false, kind: 'not-access-log', message: `${path.split('/').pop()} is ${what}, not an access log` });
  });

  // The engine once detected among the access-log readers alone, so generic-json took a
  // Custody transcripts export whose top level carries a time and a user; the CLI refused it.
  it('refuses a transcript that a generic reader alone would claim, whatever reader list it is given', () => {
    const doc = JSON.parse(new TextDecoder().decode(formats('custody/transcripts.json').bytes)) as Record<string, unknown>;
    const file = textFile('export.json', JSON.stringify({ ...doc, createdAt: '2026-01-01T00:00:00Z', user: 'ada' }, null, 2));
    expect(detectFormat(file, accessLogReaders).format).toBe('generic-json');
    const generic = accessLogReaders.filter((r) => r.format.startsWith('generic-'));
    for (const readers of [accessLogReaders, generic]) {
      expect(chooseReader({ name: file.name, head: file.bytes, readers })).toMatchObject({
        ok: false,
        kind: 'not-access-log',
        message: 'export.json is transcripts (custody-transcripts), not an access log',
      });
    }
  });

  it('judges only the window: a head cut past it chooses as the whole file does', () => {
    const line = '{"eventType":"user.session.start","published":"2026-03-02T09:00:00Z","actor":{"id":"00u1","type":"User"}}\n';
    const whole = utf8(line.repeat(2000));
    const head = whole.subarray(0, 64 * 1024 + 1);
    const a = chooseReader({ name: 'big.jsonl', head: whole, readers: accessLogReaders });
    const b = chooseReader({ name: 'big.jsonl', head, readers: accessLogReaders });
    expect(b).toEqual(a);
  });
});
