import { describe, expect, it } from 'vitest';
import { Transcript } from '../../../shared/model/transcript.ts';
import { RubricContent } from '../../../shared/model/rubric.ts';
import { benchRubric, generateQueue, generateTranscript } from '../../bench/review/generate.ts';

describe('review bench data', () => {
  it('is deterministic and valid', () => {
    const a = generateTranscript(2000);
    expect(JSON.stringify(generateTranscript(2000))).toBe(JSON.stringify(a));
    expect(a.messages).toHaveLength(2000);
    expect(new Set(a.messages.map((m) => m.id)).size).toBe(2000);
    expect(() => Transcript.parse(a)).not.toThrow();
    expect(new Set(a.messages.map((m) => m.role))).toEqual(new Set(['system', 'user', 'assistant', 'tool']));
    expect(() => RubricContent.parse(benchRubric)).not.toThrow();
  });

  it('builds a queue of the requested size, first item pointing at the transcript', () => {
    const q = generateQueue(10_000, 'ann', 'sha256:x', 'bench-transcript-2000');
    expect(q).toHaveLength(10_000);
    expect(q[0]).toMatchObject({ transcriptId: 'bench-transcript-2000', status: 'todo', order: 0 });
    expect(new Set(q.map((i) => i.id)).size).toBe(10_000);
  });
});
