// One broken element of a JSON array or pretty-printed document costs only itself, as one
// broken line of JSON Lines does: detection still recognises the file, the other elements
// are read, and the problem names the file line where the damage is.
import { describe, expect, it } from 'vitest';
import { readAny } from '../../../shared/formats/read.ts';
import { detectFormat } from '../../../shared/formats/detect.ts';
import { readAccessLog } from '../../../shared/formats/access-logs/read-access-log.ts';
import { readerById } from '../../../shared/formats/registry.ts';
import type { AccessLogReader } from '../../../shared/formats/access-logs/reader.ts';
import { tally, text, withBom, withCrlf } from './fixtures.ts';

/** A pretty-printed conversation, 6 lines, indented by two. */
function conversation(said: string): string {
  return `  {\n    "messages": [\n      {"role": "user", "content": "${said}"},\n      {"role": "assistant", "content": "Noted."}\n    ]\n  }`;
}

function lineOf(body: string, needle: string): number {
  return body.slice(0, body.indexOf(needle)).split('\n').length;
}

describe('a JSON document with one broken element', () => {
  const broken = '  {\n    "messages": [\n      {"role": "user" "content": "second"},\n      {"role": "assistant", "content": "Noted."}\n    ]\n  }';
  const body = `[\n${conversation('first')},\n${broken},\n${conversation('third')}\n]\n`;

  it('is still detected, reads the other elements, and points at the damaged line', () => {
    const { detection, result } = readAny(text('chats.json', body));
    expect(detection.format).toBe('openai-chat');
    expect(result.transcripts.map((t) => t.title)).toEqual(['first', 'third']);
    expect(result.errors).toEqual([
      { line: lineOf(body, '"user" "content"'), message: expect.stringMatching(/^not valid JSON \(column 23\): expected "," or "}" .*; element 2 of this array skipped$/) },
    ]);
  });

  it('keeps later elements at their own positions, so #<n> names stay true', () => {
    // The third conversation has no readable messages: its problem is filed under #3, not #2.
    const third = '  {"messages": [{"role": "robot", "content": "?"}]}';
    const { result } = readAny(text('chats.json', `[\n${conversation('first')},\n${broken},\n${third}\n]\n`));
    expect(result.errors.map((e) => e.sample ?? `line ${e.line}`)).toEqual(['line 10', '#3', '#3']);
  });

  it('is the same with a BOM, CRLF line ends and a trailing comma', () => {
    const file = withBom(withCrlf(text('chats.json', `[\n${conversation('first')},\n${broken},\n${conversation('third')},\n]\n`)));
    const { detection, result } = readAny(file);
    expect(detection.format).toBe('openai-chat');
    expect(tally(result)).toMatchObject({ transcripts: 2, errors: 2 });
    expect(result.errors.map((e) => e.line)).toEqual([10, 19]);
    expect(result.errors[1]!.message).toBe('a trailing comma before "]" (ignored)');
  });

  it('when the first element is the broken one, detection judges from the next', () => {
    const { detection, result } = readAny(text('chats.json', `[\n${broken},\n${conversation('second')}\n]\n`));
    expect(detection.format).toBe('openai-chat');
    expect(result.transcripts.map((t) => t.title)).toEqual(['second']);
  });

  it('cut off mid-element keeps the elements before the cut and says truncated', () => {
    const cut = `[\n${conversation('first')},\n${conversation('second')},\n  {\n    "messages": [\n      {"role": "us`;
    const { detection, result } = readAny(text('chats.json', cut));
    expect(detection.format).toBe('openai-chat');
    expect(result.transcripts).toHaveLength(2);
    expect(result.errors).toEqual([{ line: 14, message: expect.stringMatching(/^element 3 of this array, starting here, is cut off at the end of the file \(truncated\?\)/) }]);
  });

  it('a missing closing quote stays in its element when the lines after it are intact', () => {
    const lostQuote = '  {\n    "messages": [\n      {"role": "user", "content": "second},\n      {"role": "assistant", "content": "Noted."}\n    ]\n  }';
    const { result } = readAny(text('chats.json', `[\n${conversation('first')},\n${lostQuote},\n${conversation('third')}\n]\n`));
    expect(result.transcripts.map((t) => t.title)).toEqual(['first', 'third']);
    expect(result.errors).toEqual([{ line: 10, message: expect.stringMatching(/a line break inside a string \(a closing quote is missing\?\)/) }]);
  });
});

describe('damaged documents in each JSON reader', () => {
  it('tau-bench: the broken trajectory is skipped, the others read', () => {
    const traj = (id: number) => `  {\n    "task_id": ${id},\n    "reward": 1,\n    "traj": [\n      {"role": "user", "content": "task ${id}"}\n    ]\n  }`;
    const body = `[\n${traj(1)},\n${traj(2).replace('"reward": 1', '"reward": 1.')},\n${traj(3)}\n]\n`;
    const { detection, result } = readAny(text('t.json', body));
    expect(detection.format).toBe('tau-bench');
    expect(result.transcripts.map((t) => t.metadata.taskId)).toEqual([1, 3]);
    expect(result.errors).toEqual([{ line: 11, message: expect.stringMatching(/^not valid JSON \(column 16\): .*element 2 of this array skipped/) }]);
  });

  it('custody.transcripts: a broken entry costs itself; the envelope and the rest are read', () => {
    const entry = (id: string, extra = '') => `    {"id": "${id}", "sourceFormat": "custody", "agent": {}, "messages": [{"id": "m0", "role": "user", "content": [{"type": "text", "text": "hi"}]${extra}}], "correlation": {}, "tags": [], "metadata": {}}`;
    const body = `{\n  "format": "custody.transcripts",\n  "version": 1,\n  "transcripts": [\n${entry('a')},\n${entry('b', ', "toolCalls": [tru]')},\n${entry('c')}\n  ]\n}\n`;
    const { detection, result } = readAny(text('n.json', body));
    expect(detection.format).toBe('custody-transcripts');
    expect(result.transcripts.map((t) => t.id)).toEqual(['a', 'c']);
    expect(result.errors).toEqual([{ line: 6, message: expect.stringMatching(/element 2 of this array skipped$/) }]);
  });

  it('swe-agent: a broken history message is skipped; message ids keep their positions', () => {
    const body = '{\n  "environment": "swe_main",\n  "history": [\n    {"role": "system", "content": "You fix bugs."},\n    {"role": "user", "content": "Fix it" oops},\n    {"role": "assistant", "content": "Done."}\n  ],\n  "info": {}\n}\n';
    const { detection, result } = readAny(text('run.traj', body));
    expect(detection.format).toBe('swe-agent');
    expect(result.transcripts[0]!.messages.map((m) => m.id)).toEqual(['m0', 'm2']);
    expect(result.errors).toEqual([{ line: 5, message: expect.stringMatching(/^not valid JSON \(column 42\): .*element 2 of this array skipped/) }]);
  });

  it('custody.rubric: a damaged rubric is not imported at all (it would score differently)', () => {
    const body = '{\n  "format": "custody.rubric",\n  "version": 1,\n  "rubric": {"id": "r", "version": 1, "title": "R", "criteria": [\n    {"id": "a", "text": "A", "points": 1},\n    {"id": "b", "text": "B", "points": 1 2}\n  ]}\n}\n';
    const { detection, result } = readAny(text('r.json', body));
    expect(detection.format).toBe('custody-rubric');
    expect(result.rubrics).toEqual([]);
    expect(result.errors).toEqual([{ line: 6, message: expect.stringMatching(/element 2 of this array skipped$/) }, { message: expect.stringMatching(/damaged.*nothing was imported/) }]);
  });

  it('HealthBench: a damaged single example keeps its transcript but makes no rubric', () => {
    const body = '{\n  "prompt": [{"role": "user", "content": "Dose?"}],\n  "rubrics": [\n    {"criterion": "Asks weight", "points": 5, "tags": []},\n    {"criterion": "Cites a source" "points": 3, "tags": []}\n  ],\n  "prompt_id": "p1"\n}\n';
    const { detection, result } = readAny(text('hb.json', body));
    expect(detection.format).toBe('healthbench');
    expect(tally(result)).toMatchObject({ transcripts: 1, rubrics: 0 });
    expect(result.errors).toEqual([
      { message: expect.stringMatching(/damaged.*no rubric made/) },
      { line: 5, message: expect.stringMatching(/element 2 of this array skipped$/) },
    ]);
  });
});

describe('access logs in a damaged JSON array', () => {
  const event = (id: string, extra = '') =>
    `  {\n    "uuid": "${id}",\n    "published": "2026-03-02T09:00:00.000Z",\n    "eventType": "user.session.start",\n    "actor": {"id": "00u1", "type": "User"${extra}},\n    "outcome": {"result": "SUCCESS"}\n  }`;

  it('are detected even when the first element is broken, and the problem is at the damaged line', () => {
    const body = `[\n${event('a', ' "alternateId": "x"')},\n${event('b')},\n${event('c')}\n]\n`;
    const detection = detectFormat(text('okta.json', body));
    expect(detection.format).toBe('okta-system-log');
    const read = readAccessLog(text('okta.json', body));
    expect(read.events.map((e) => e.raw.match(/"uuid": "(\w)"/)?.[1])).toEqual(['b', 'c']);
    expect(read.errors).toEqual([{ line: 6, sample: '#1', message: expect.stringMatching(/^not valid JSON \(column 44\): expected "," or "}"/) }]);
  });

  it('with the format forced, point at the line of the damage, not the element start', () => {
    const body = `[\n${event('a')},\n${event('b', ' "alternateId": "x"')},\n${event('c')}\n]\n`;
    const read = readAccessLog(text('okta.json', body), { reader: readerById('okta-system-log') as AccessLogReader });
    expect(read.events).toHaveLength(2);
    expect(read.errors).toEqual([{ line: 13, sample: '#2', message: expect.stringMatching(/column 44/) }]);
  });

  it('a lost closing quote costs only its record, reported at its line', () => {
    const body = `[\n${event('a')},\n${event('b').replace('"User"}', '"User}')},\n${event('c')}\n]\n`;
    const read = readAccessLog(text('okta.json', body));
    expect(read.format).toBe('okta-system-log');
    expect(read.events.map((e) => e.raw.match(/"uuid": "(\w)"/)?.[1])).toEqual(['a', 'c']);
    expect(read.errors).toEqual([{ line: 13, sample: '#2', message: expect.stringMatching(/a closing quote is missing/) }]);
  });

  it('a JSON Lines line cut at the end of the file says truncated', () => {
    const line = '{"uuid":"a","published":"2026-03-02T09:00:00.000Z","eventType":"user.session.start","actor":{"id":"00u1","type":"User"},"outcome":{"result":"SUCCESS"}}';
    const read = readAccessLog(text('okta.jsonl', `${line}\n${line.replace('"a"', '"b"')}\n${line.slice(0, 60)}`));
    expect(read.events).toHaveLength(2);
    expect(read.errors).toEqual([{ line: 3, message: 'not valid JSON (column 61): it ends before the JSON value is complete (truncated?)' }]);
  });
});

describe('JSON Lines transcripts', () => {
  it('a line cut at the end of the file says truncated', () => {
    const { result } = readAny(text('c.jsonl', '{"messages": [{"role": "user", "content": "a"}]}\n{"messages": [{"role": "user", "content": "b"}]}\n{"messages": [{"role": "us'));
    expect(result.transcripts).toHaveLength(2);
    expect(result.errors).toEqual([{ line: 3, message: expect.stringMatching(/\(truncated\?\)$/) }]);
  });
});
