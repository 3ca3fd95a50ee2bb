// Reader bugs the fuzz harness found, one test each (replay any other with `npm run fuzz -- --case`).
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { createRecordStream, type Framing } from '../../../shared/formats/stream/record-stream.ts';
import { sniffInput } from '../../../shared/formats/stream/sniff-input.ts';
import { createAccessLogStream, readWith } from '../../../shared/formats/access-logs/pipeline.ts';
import { cloudTrailReader } from '../../../shared/formats/access-logs/cloudtrail.ts';
import { otelReader } from '../../../shared/formats/access-logs/otel.ts';
import { detectFormat } from '../../../shared/formats/detect.ts';
import { parseJsonDocument } from '../../../shared/formats/util/text.ts';
import { oktaReader } from '../../../shared/formats/access-logs/okta.ts';
import { openaiChatReader } from '../../../shared/formats/transcripts/openai-chat.ts';

function records(framing: Framing, text: string, chunk: number) {
  const out: { text?: string; line?: number; message?: string }[] = [];
  const s = createRecordStream(framing, (r) => out.push({ text: r.text, line: r.line }), (p) => out.push({ line: p.line, message: p.message }));
  const bytes = strToU8(text);
  for (let i = 0; i < bytes.length; i += chunk) s.push(bytes.subarray(i, i + chunk));
  s.end();
  return out;
}

describe('found by fuzzing', () => {
  it('JSON splitter: a raw newline before an escape counts, whatever the chunks', () => {
    const text = '{"a":"x\ny\\"z"}\n!stray\n{"b":1}\n';
    const whole = records('json', text, text.length);
    expect(whole.find((r) => r.message)?.line).toBe(3);
    for (const chunk of [1, 2, 3, 7]) expect(records('json', text, chunk)).toEqual(whole);
  });

  it('access-log framing: a JSON array with one damaged element per line keeps the others', () => {
    const event = (id: string) => JSON.stringify({ uuid: id, published: '2026-03-02T10:00:00.000Z', eventType: 'user.session.start', actor: { id: '00u1', type: 'User' }, outcome: { result: 'SUCCESS' } });
    // The damaged middle element makes the document unparseable; its neighbours are whole lines.
    const text = `[\n${event('a')},\n${event('b').replace('"uuid":', '"uuid";')},\n${event('c')}\n]\n`;
    const out = readWith(oktaReader, { name: 'okta.json', bytes: strToU8(text) });
    expect(out.framing).toBe('json');
    expect(out.events.map((e) => e.nativeId)).toEqual(['a', 'c']);
  });

  it('OpenAI chat: a junk first item does not turn a list of conversations into one', () => {
    const text = JSON.stringify(['junk', [{ role: 'user', content: 'hi' }], { messages: [{ role: 'user', content: 'yo' }] }]);
    const result = openaiChatReader.read({ name: 'c.json', bytes: strToU8(text) });
    expect(result.transcripts.map((t) => t.title)).toEqual(['hi', 'yo']);
    expect(result.errors).toHaveLength(1);
  });

  it('CSV splitter: a stray quote does not lose the quoted multi-line row after it', () => {
    const text = 'a,b,c\n1,x"y,2,9\n3,"multi\nline",4\n5,6,7\n';
    const out = records('csv', text, text.length);
    expect(out.filter((r) => r.text !== undefined).map((r) => r.text)).toEqual(['3,"multi\nline",4', '5,6,7']);
    expect(out.filter((r) => r.message).map((r) => r.line)).toEqual([2]);
  });
});

describe('found by fuzzing: CSV quotes are read as the row parser reads them', () => {
  it('a quote inside an unquoted field is text: it neither joins rows nor loses its own', () => {
    const text = 'a,b,c\n1,x"y,2\n3,"multi\nline",4\n5,6,7\n';
    for (const chunk of [text.length, 1, 4]) {
      const out = records('csv', text, chunk);
      expect(out.filter((r) => r.message)).toEqual([]);
      expect(out.map((r) => r.text)).toEqual(['1,x"y,2', '3,"multi\nline",4', '5,6,7']);
    }
  });

  it('a doubled quote inside a quoted field keeps it open across lines', () => {
    const text = 'a,b\n"say ""hi""\nthere",1\n2,3\n';
    const out = records('csv', text, text.length);
    expect(out.map((r) => r.text)).toEqual(['"say ""hi""\nthere",1', '2,3']);
  });
});

describe('found by fuzzing: deep nesting', () => {
  it('canonicalJson (content hashes of transcripts) takes a value nested thousands of levels deep', async () => {
    const { canonicalJson } = await import('../../../shared/crypto/canonical-json.ts');
    const depth = 2000;
    const value = JSON.parse('[{"role":"user","content":'.repeat(depth) + '"x"' + '}]'.repeat(depth)) as unknown;
    expect(canonicalJson(value)).toBe('[{"content":'.repeat(depth) + '"x"' + ',"role":"user"}]'.repeat(depth));
  });
});

describe('records nested past MAX_DEPTH are refused alone', () => {
  const event = (id: string, extra = '') => `{"uuid":"${id}","published":"2026-03-02T10:00:00.000Z","eventType":"user.session.start","actor":{"id":"00u1","type":"User"},"outcome":{"result":"SUCCESS"}${extra}}`;
  const deep = (depth: number) => ',"debugContext":' + '{"a":'.repeat(depth) + '"[{"' + '}'.repeat(depth);

  it('an access-log line 20,000 levels deep is a problem at its line; its neighbours are read', () => {
    const text = `${event('a')}\n${event('b', deep(20_000))}\n${event('c', deep(400))}\n`;
    const out = readWith(oktaReader, { name: 'okta.jsonl', bytes: strToU8(text) });
    expect(out.events.map((e) => e.nativeId)).toEqual(['a', 'c']);
    expect(out.errors).toEqual([expect.objectContaining({ line: 2, message: expect.stringMatching(/nested deeper than 512 levels/) })]);
  });

  it('a transcript element 20,000 levels deep is skipped and the document still read', () => {
    const convo = (text: string, extra = '') => `{"messages":[{"role":"user","content":"${text}"${extra}}]}`;
    const text = `[${convo('hi')},\n${convo('deep', deep(20_000))},\n${convo('yo')}]`;
    const result = openaiChatReader.read({ name: 'c.json', bytes: strToU8(text) });
    expect(result.transcripts.map((t) => t.title)).toEqual(['hi', 'yo']);
    expect(result.errors.map((e) => e.message).join()).toMatch(/nested deeper than 512 levels/);
    expect(() => JSON.stringify(result)).not.toThrow();
  });
});

describe('found by fuzzing: damage that hid the records after it', () => {
  it('CSV: a quoted field that lost its closing quote does not swallow the row after it', () => {
    // Row 2 lost its closing quote; the quote opening row 3's field would close it, with text after it.
    const text = 'a,b,c\n1,2,"x\n3,4,"multi\nline"\n5,6,7\n';
    for (const chunk of [text.length, 1, 3]) {
      const out = records('csv', text, chunk);
      expect(out.filter((r) => r.text !== undefined).map((r) => r.text)).toEqual(['3,4,"multi\nline"', '5,6,7']);
      expect(out.filter((r) => r.message).map((r) => r.line)).toEqual([2]);
    }
  });

  it('JSON Lines of two lines: a damaged first line does not make the file one broken document', () => {
    const span = (id: string, extra = '') =>
      `{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"${id}",${extra}"name":"tools/call x","kind":2}]}]}]}`;
    const text = `${span('1111111111111111', '{')}\n${span('2222222222222222')}\n`;
    const out = readWith(otelReader, { name: 'spans.jsonl', bytes: strToU8(text) });
    expect(out.framing).toBe('jsonl');
    expect(out.events.map((e) => e.nativeId)).toEqual(['2222222222222222']);
    expect(out.errors).toEqual([expect.objectContaining({ line: 1 })]);
    // The same rule for the whole-document readers (OpenAI chat, HealthBench).
    expect(parseJsonDocument(text).shape).toBe('lines');
  });

  it('gzip: detection sees all that inflates before the damage, so a stream in pieces keeps those records', () => {
    const event = (n: number) => JSON.stringify({ eventVersion: '1.09', eventID: `ev-${n}`, eventTime: '2026-03-02T10:00:00Z', eventSource: 's3.amazonaws.com', eventName: 'GetObject', userIdentity: { type: 'IAMUser', userName: 'ada' } });
    const text = strToU8(`{"Records":[\n${event(1)},\n${event(2)},\n`);
    // A gzip member: a stored block holding the first records, then a block of the invalid type 3.
    // fflate keeps nothing of a push that meets the damage, so inflated in one push it is empty.
    const stored = [0x00, text.length & 0xff, text.length >> 8, ~text.length & 0xff, (~text.length >> 8) & 0xff];
    const bytes = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, ...stored, ...text, 0x07, 0, 0, 0, 0, 0, 0, 0, 0]);
    const file = { name: 'trail.json.gz', bytes };
    expect(detectFormat(file).format).toBe('aws-cloudtrail');
    const ids: (string | undefined)[] = [];
    const problems: string[] = [];
    const framing = cloudTrailReader.framing(sniffInput(file));
    const s = createAccessLogStream({ reader: cloudTrailReader, framing, sourceId: 'trail', onEvent: (e) => ids.push(e.nativeId), onProblem: (p) => problems.push(p.message) });
    // Pushed a byte at a time, the stream inflates the stored block before it meets the bad one.
    for (let at = 0; at < bytes.length; at++) s.push(bytes.subarray(at, at + 1));
    s.end();
    expect(ids).toEqual(['ev-1', 'ev-2']);
    expect(problems.join()).toMatch(/gzip stream damaged/);
  });
});
