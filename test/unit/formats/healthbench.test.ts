import { describe, expect, it } from 'vitest';
import { healthBenchReader } from '../../../shared/formats/rubrics/healthbench.ts';
import { detectFormat } from '../../../shared/formats/detect.ts';
import { RubricContent } from '../../../shared/model/rubric.ts';
import { Transcript } from '../../../shared/model/transcript.ts';
import { fixture, tally, withBom, withCrlf } from './fixtures.ts';

const read = healthBenchReader.read;

describe('healthbench reader', () => {
  it('yields a transcript and a rubric per row, and reports the broken row by line', () => {
    const result = read(fixture('healthbench/examples.jsonl'));
    expect(tally(result)).toMatchObject({ transcripts: 2, rubrics: 2, criteria: 4 });
    expect(result.errors).toEqual([
      { line: 2, message: expect.stringMatching(/^criterion 2 skipped: criterion: /) },
      { line: 3, message: expect.stringMatching(/^not a HealthBench example: rubrics: /) },
    ]);
    for (const t of result.transcripts) expect(Transcript.safeParse(t).success).toBe(true);
    for (const r of result.rubrics) expect(RubricContent.safeParse(r).success).toBe(true);
  });

  it('keeps criteria text, signed points and tags as given, with index-based ids', () => {
    const [rubric] = read(fixture('healthbench/examples.jsonl')).rubrics;
    expect(rubric).toMatchObject({ id: 'healthbench:pid-sunburn-01', version: 1 });
    expect(rubric!.title).toMatch(/^HealthBench: I fell asleep at the beach/);
    expect(rubric!.criteria.map((c) => [c.id, c.points, c.tags])).toEqual([
      ['c1', 6, ['level:example', 'axis:completeness']],
      ['c2', 8, ['level:cluster', 'cluster:emergency_referrals', 'axis:accuracy']],
      ['c3', -7, ['level:example', 'axis:accuracy']],
    ]);
    expect(rubric!.criteria.every((c) => c.scale.kind === 'binary')).toBe(true);
  });

  it('appends the ideal completion, named, when the row has no model completion', () => {
    const [t] = read(fixture('healthbench/examples.jsonl')).transcripts;
    expect(t!.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(t!.messages[3]).toMatchObject({ name: 'ideal_completion', content: [{ type: 'text', text: expect.stringMatching(/^A mild sunburn/) }] });
    expect(t).toMatchObject({
      id: 'healthbench:pid-sunburn-01',
      tags: ['theme:hedging', 'physician_agreed_category:enough-context'],
      metadata: { promptId: 'pid-sunburn-01', rubricId: 'healthbench:pid-sunburn-01', completion: 'ideal', idealCompletionsGroup: 'Group 1' },
    });
  });

  it('prefers a model completion and folds it into the id', () => {
    const t = read(fixture('healthbench/examples.jsonl')).transcripts[1]!;
    expect(t.id).toMatch(/^healthbench:pid-ibuprofen-02:[0-9a-f]{12}$/);
    expect(t.messages.at(-1)).toMatchObject({ role: 'assistant', content: [{ type: 'text', text: expect.stringMatching(/^Yes, for most adults/) }] });
    expect(t.messages.at(-1)!.name).toBeUndefined();
    expect(t.metadata.completion).toBe('model');
  });

  it('reads one pretty-printed example, with BOM and CRLF', () => {
    const result = read(withBom(withCrlf(fixture('healthbench/single.json'))));
    expect(tally(result)).toMatchObject({ transcripts: 1, messages: 1, rubrics: 1, criteria: 2, errors: 0 });
    expect(result.transcripts[0]!.metadata.completion).toBe('none');
  });

  it('is detected as transcripts from prompt + rubrics, in JSON Lines and JSON', () => {
    expect(detectFormat(fixture('healthbench/examples.jsonl'))).toMatchObject({ kind: 'transcripts', format: 'healthbench' });
    expect(detectFormat(fixture('healthbench/single.json'))).toMatchObject({ kind: 'transcripts', format: 'healthbench' });
  });
});
