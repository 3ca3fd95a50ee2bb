import { describe, expect, it } from 'vitest';
import { detectFormat, MIN_CONFIDENCE } from '../../../shared/formats/detect.ts';
import { readAny } from '../../../shared/formats/read.ts';
import { readers } from '../../../shared/formats/registry.ts';
import { SNIFF_BYTES, sniffFile } from '../../../shared/formats/sniff.ts';
import type { FormatReader } from '../../../shared/formats/types.ts';
import { fixture, text } from './fixtures.ts';

const padding = 'x'.repeat(SNIFF_BYTES);

describe('sniffFile', () => {
  it('tells JSON from JSON Lines by whether more values follow the first', () => {
    expect(sniffFile(text('a.json', '{"a": 1}\n')).shape).toBe('json');
    expect(sniffFile(text('a.json', '{"a": 1}\n{"a": 2}\n')).shape).toBe('jsonl');
    expect(sniffFile(text('a.jsonl', 'oops\n{"a": 2}\n')).shape).toBe('jsonl');
    expect(sniffFile(text('a.yaml', 'a: 1\n')).shape).toBe('text');
    expect(sniffFile(text('a.json', ' \n')).shape).toBe('empty');
    expect(sniffFile({ name: 'a.bin', bytes: new Uint8Array([1, 0, 2]) }).shape).toBe('binary');
  });

  it('sees the structure of a document cut off by the window, marked incomplete', () => {
    const big = text('big.json', JSON.stringify({ format: 'x', items: [{ note: padding }, 2] }));
    const s = sniffFile(big);
    expect(s.shape).toBe('json');
    expect(s.values[0]).toEqual({ value: { format: 'x', items: [{ note: expect.any(String) }] }, complete: false });
  });
});

describe('detectFormat', () => {
  it('judges only the first 64 KB', () => {
    const head = `[{"role": "user", "content": "${padding}`;
    const file = text('chat.json', `${head}"}, this part is never looked at`);
    expect(detectFormat(file)).toMatchObject({ format: 'openai-chat' });
  });

  it('recognises large files whose telling keys lie past the window', () => {
    const tau = [{ task_id: 1, reward: 0, info: { note: padding }, traj: [{ role: 'user', content: 'hi' }], trial: 0 }];
    expect(detectFormat(text('t.json', JSON.stringify(tau))).format).toBe('tau-bench');
    const swe = { environment: 'main', trajectory: [{ action: 'ls', observation: padding }], history: [] };
    expect(detectFormat(text('run.traj', JSON.stringify(swe))).format).toBe('swe-agent');
    const row = { example_tags: [], ideal_completions_data: { ideal_completion: padding }, prompt: [{ role: 'user', content: 'q' }], prompt_id: 'p', rubrics: [] };
    expect(detectFormat(text('hb.jsonl', `${JSON.stringify(row)}\n`))).toMatchObject({ format: 'healthbench', confidence: 0.7 });
  });

  it('calls an unrecognised file unknown, naming every format tried and why it declined', () => {
    const d = detectFormat(text('weather.json', '{"jsonrpc": "2.0", "method": "tools/call"}'));
    expect(d).toMatchObject({ kind: 'unknown', format: null, confidence: 0 });
    expect(d.tried.map((t) => t.format)).toEqual(readers.map((r) => r.format));
    for (const { format, reason } of d.tried) {
      expect(reason).not.toBe('');
      expect(d.reason).toContain(`${format}: ${reason}`);
    }
  });

  it('says an empty or binary file is what it is', () => {
    // One plain sentence, not every reader's verdict on nothing.
    expect(detectFormat(fixture('openai/empty.json'))).toMatchObject({ kind: 'unknown', reason: 'file is empty', tried: [] });
    expect(detectFormat(text('blank.jsonl', ' \r\n\t\n')).reason).toBe('file is empty');
    expect(detectFormat({ name: 'x.bin', bytes: new Uint8Array([0, 1, 2]) }).reason).toMatch(/binary data/);
  });

  it('takes readers from the registry it is given, so new kinds need no dispatcher change', () => {
    const accessLog: FormatReader = {
      format: 'demo-access-log',
      kind: 'access-log',
      sniff: (s) => (s.extension === 'log' ? { confidence: 0.9, reason: '.log file' } : { confidence: 0, reason: 'not .log' }),
      read: () => ({ format: 'demo-access-log', transcripts: [], rubrics: [], errors: [] }),
    };
    const { detection, result } = readAny(text('idp.log', 'GET /token 200'), [...readers, accessLog]);
    expect(detection).toMatchObject({ kind: 'access-log', format: 'demo-access-log', confidence: 0.9 });
    expect(result.format).toBe('demo-access-log');
  });

  it('prefers the more confident reader and survives a reader that throws', () => {
    const loud: FormatReader = { format: 'loud', kind: 'transcripts', sniff: () => { throw new Error('boom'); }, read: () => { throw new Error('boom'); } };
    const d = detectFormat(fixture('tau-bench/trajectories.json'), [loud, ...readers]);
    expect(d.format).toBe('tau-bench');
    expect(d.tried[0]).toEqual({ format: 'loud', reason: 'sniffer failed: boom' });
    expect(MIN_CONFIDENCE).toBeGreaterThan(0);
  });
});

describe('readAny', () => {
  it('returns the detection with the result', () => {
    const { detection, result } = readAny(fixture('swe-agent/v1.traj'));
    expect(detection.format).toBe('swe-agent');
    expect(result.transcripts).toHaveLength(1);
  });

  it('returns an unknown file with the reason as its one problem', () => {
    const { detection, result } = readAny(text('notes.txt', 'plain words'));
    expect(result).toEqual({ format: 'unknown', transcripts: [], rubrics: [], errors: [{ message: detection.reason }] });
  });

  it('turns a reader crash into a problem', () => {
    const crash: FormatReader = { format: 'crash', kind: 'transcripts', sniff: () => ({ confidence: 1, reason: 'always' }), read: () => { throw new Error('bug'); } };
    expect(readAny(text('a.json', '{}'), [crash]).result.errors).toEqual([{ message: 'reader failed: bug' }]);
  });
});
