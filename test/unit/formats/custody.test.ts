import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { custodyTranscriptsReader } from '../../../shared/formats/transcripts/custody.ts';
import { custodyRubricReader } from '../../../shared/formats/rubrics/custody.ts';
import { readAny } from '../../../shared/formats/read.ts';
import { fixture, text } from './fixtures.ts';

describe('custody.transcripts reader', () => {
  const result = custodyTranscriptsReader.read(fixture('custody/transcripts.json'));

  it('keeps the valid transcripts, with schema defaults applied', () => {
    expect(result.transcripts.map((t) => t.id)).toEqual(['greenhouse:run-1', 'greenhouse:run-2']);
    expect(result.transcripts[0]!.messages[1]!.toolCalls[0]).toEqual({ id: 'w1', name: 'set_schedule', arguments: { bed: 4, every_days: 2 }, server: 'irrigation-mcp' });
    expect(result.transcripts[0]!.messages[2]!.toolResult!.content).toEqual({ ok: true });
    expect(result.transcripts[1]).toMatchObject({ sourceFormat: 'openai-chat', agent: {}, tags: [], metadata: {}, messages: [{ toolCalls: [] }] });
  });

  it('reports each invalid transcript by index with the zod message', () => {
    expect(result.errors).toEqual([
      { sample: '#3', message: expect.stringMatching(/^transcript "greenhouse:run-3" is invalid: messages\.0\.role: /) },
      { sample: '#4', message: 'transcript "greenhouse:run-4" uses message id "m0" twice' },
      { sample: '#5', message: 'transcript "greenhouse:run-1" repeats an earlier id; skipped' },
    ]);
  });

  it('names a newer version instead of failing on its schema', () => {
    const newer = custodyTranscriptsReader.read(text('t.json', '{"format":"custody.transcripts","version":2,"transcripts":[]}'));
    expect(newer.errors).toEqual([{ message: 'unsupported custody.transcripts version 2 (this build reads version 1)' }]);
    expect(custodyTranscriptsReader.read(text('t.json', '{"format":"custody.transcripts","version":1}')).errors[0]!.message).toMatch(/^not a custody\.transcripts file: transcripts: /);
  });
});

describe('custody.rubric reader', () => {
  it('reads the rubric content with defaults', () => {
    const result = custodyRubricReader.read(fixture('custody/rubric.json'));
    expect(result.errors).toEqual([]);
    const [rubric] = result.rubrics;
    expect(rubric).toMatchObject({ id: 'greenhouse-care', version: 3, description: '' });
    expect(rubric!.criteria.map((c) => [c.id, c.points, c.scale.kind, c.rationaleRequired])).toEqual([
      ['confirms', 4, 'binary', false],
      ['overwaters', -5, 'binary', true],
      ['clarity', 2, 'ordinal', false],
    ]);
  });

  it('rejects repeated criterion ids and invalid content', () => {
    const repeated = { format: 'custody.rubric', version: 1, rubric: { id: 'r', version: 1, title: 'R', criteria: [{ id: 'a', text: 'x', points: 1 }, { id: 'a', text: 'y', points: 1 }] } };
    expect(custodyRubricReader.read(text('r.json', JSON.stringify(repeated))).errors).toEqual([{ message: 'criterion id "a" is used twice' }]);
    const empty = { ...repeated, rubric: { ...repeated.rubric, criteria: [] } };
    expect(custodyRubricReader.read(text('r.json', JSON.stringify(empty))).errors[0]!.message).toMatch(/^not a custody\.rubric file: rubric\.criteria: /);
  });

  it('is detected as kind rubric', () => {
    expect(readAny(fixture('custody/rubric.json')).detection).toMatchObject({ kind: 'rubric', format: 'custody-rubric', confidence: 1 });
  });
});

describe('the README examples', () => {
  const readme = readFileSync(new URL('../../../shared/formats/README.md', import.meta.url), 'utf8');
  const examples = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it('read without problems as the formats they document', () => {
    expect(examples).toHaveLength(2);
    const [transcripts, rubric] = examples.map((body) => readAny(text('example.json', body)));
    expect(transcripts!.detection.format).toBe('custody-transcripts');
    expect(transcripts!.result).toMatchObject({ errors: [], transcripts: [{ id: 'refund-desk:case-17' }] });
    expect(rubric!.detection.format).toBe('custody-rubric');
    expect(rubric!.result).toMatchObject({ errors: [], rubrics: [{ id: 'refund-desk-quality' }] });
  });
});
