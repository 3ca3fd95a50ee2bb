import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { inspectJsonReader } from '../../../shared/formats/transcripts/inspect-json.ts';
import { inspectEvalReader, openInspectEval } from '../../../shared/formats/transcripts/inspect-eval.ts';
import { detectFormat } from '../../../shared/formats/detect.ts';
import { evalArchive, fixture, fixtureJson, tally } from './fixtures.ts';

const log = fixtureJson('inspect/log.json') as Record<string, unknown>;

/** Overwrites the start of one entry's deflate stream so only that entry fails to inflate. */
function corruptEntry(zip: Uint8Array, name: string): Uint8Array {
  const out = zip.slice();
  const nameBytes = strToU8(name);
  for (let i = 0; i + 30 < out.length; i++) {
    const isHeader = out[i] === 0x50 && out[i + 1] === 0x4b && out[i + 2] === 3 && out[i + 3] === 4;
    if (!isHeader || !nameBytes.every((b, k) => out[i + 30 + k] === b)) continue;
    const dataStart = i + 30 + (out[i + 26]! | (out[i + 27]! << 8)) + (out[i + 28]! | (out[i + 29]! << 8));
    out.fill(0xff, dataStart, dataStart + 4);
    return out;
  }
  throw new Error(`no entry ${name}`);
}

describe('inspect-json reader', () => {
  it('reads every sample as a transcript', () => {
    const result = inspectJsonReader.read(fixture('inspect/log.json'));
    expect(tally(result)).toMatchObject({ transcripts: 2, messages: 8, toolCalls: 2, errors: 0 });
    expect(result.transcripts.map((t) => [t.id, t.title])).toEqual([
      ['inspect:evFixture0001:soup:1', 'pantry · sample soup'],
      ['inspect:evFixture0001:bread:2', 'pantry · sample bread (epoch 2)'],
    ]);
    expect(result.transcripts[0]).toMatchObject({
      agent: { name: 'example/model-small' },
      metadata: { task: 'pantry', sampleId: 'soup', epoch: 1, target: 'lentil soup', scores: { includes: { value: 'C' } }, sampleMetadata: { difficulty: 'easy' } },
    });
  });

  it('maps content parts, reasoning, tool calls with object arguments, tool errors and attachments', () => {
    const [soup] = inspectJsonReader.read(fixture('inspect/log.json')).transcripts;
    const [, user, assistant, tool, failed] = soup!.messages;
    expect(user!.content).toEqual([
      { type: 'text', text: 'What can I cook with what is in the pantry?' },
      { type: 'media', mime: 'image/*', description: 'image (inline data)' },
    ]);
    expect(assistant!.content).toEqual([
      { type: 'reasoning', text: 'I should check the inventory before suggesting anything.' },
      { type: 'text', text: 'Let me look at the pantry.' },
    ]);
    expect(assistant!.toolCalls[0]).toEqual({ id: 'tc_inv', name: 'list_pantry', arguments: { shelf: 'dry goods' } });
    expect(tool!.toolResult).toEqual({ toolCallId: 'tc_inv', name: 'list_pantry', content: 'red lentils, onions, cumin, stock cubes' });
    expect(failed!.toolResult).toEqual({ toolCallId: 'tc_bad', name: 'weigh', content: 'scale is offline', isError: true });
    expect(soup!.messages.map((m) => m.id)).toEqual(['sys1', 'usr1', 'ast1', 'tool1', 'tool2', 'ast2']);
  });

  it('reports a log without samples, and a sample that is not one', () => {
    const { samples: _samples, ...header } = log;
    const empty = inspectJsonReader.read({ name: 'h.json', bytes: strToU8(JSON.stringify(header)) });
    expect(empty.errors[0]!.message).toMatch(/no samples/);
    const bad = inspectJsonReader.read({ name: 'b.json', bytes: strToU8(JSON.stringify({ ...log, samples: [{ id: 'x' }, ...(log.samples as unknown[])] })) });
    expect(bad.transcripts).toHaveLength(2);
    expect(bad.errors).toEqual([{ sample: '#1', message: expect.stringMatching(/^not an Inspect sample: messages: /) }]);
  });

  it('is detected from version + eval', () => {
    expect(detectFormat(fixture('inspect/log.json'))).toMatchObject({ kind: 'transcripts', format: 'inspect-json' });
  });
});

describe('inspect-eval archives', () => {
  const archive = evalArchive(log);

  it('reads the same transcripts as the JSON log, apart from the source format', () => {
    const fromEval = inspectEvalReader.read({ name: 'pantry.eval', bytes: archive });
    const fromJson = inspectJsonReader.read(fixture('inspect/log.json'));
    expect(fromEval.errors).toEqual([]);
    expect(fromEval.transcripts.map((t) => ({ ...t, sourceFormat: 'x' }))).toEqual(
      [...fromJson.transcripts].sort((a, b) => a.id.localeCompare(b.id)).map((t) => ({ ...t, sourceFormat: 'x' })),
    );
  });

  it('opens with the header and sample names only, inflating each sample on demand', () => {
    const broken = corruptEntry(archive, 'samples/soup_epoch_1.json');
    const opened = openInspectEval(broken);
    expect(opened.problems).toEqual([]);
    expect(opened.header?.eval.task).toBe('pantry');
    expect(opened.sampleNames).toEqual(['samples/bread_epoch_2.json', 'samples/soup_epoch_1.json']);
    expect(opened.readSample('samples/bread_epoch_2.json').transcript?.id).toBe('inspect:evFixture0001:bread:2');
    const soup = opened.readSample('samples/soup_epoch_1.json');
    expect(soup.transcript).toBeNull();
    expect(soup.errors).toEqual([{ sample: 'samples/soup_epoch_1.json', message: expect.stringMatching(/^cannot inflate/) }]);
    expect(opened.readSample('samples/none.json').errors[0]!.message).toBe('no such sample in the archive');
  });

  it('reports a bad sample by entry name and keeps the others', () => {
    const withBad = evalArchive(log, { 'samples/oops_epoch_1.json': strToU8('{"id": "oops", "messages": [') });
    const result = inspectEvalReader.read({ name: 'pantry.eval', bytes: withBad });
    expect(result.transcripts).toHaveLength(2);
    expect(result.errors).toEqual([{ sample: 'samples/oops_epoch_1.json', line: 1, message: expect.stringMatching(/cut off at the end of the file \(truncated\?\)/) }]);
    const notJson = inspectEvalReader.read({ name: 'pantry.eval', bytes: evalArchive(log, { 'samples/oops_epoch_1.json': strToU8('oops') }) });
    expect(notJson.errors).toEqual([{ sample: 'samples/oops_epoch_1.json', line: 1, message: 'not valid JSON (column 1): unexpected "o"' }]);
  });

  it('skips a damaged message of a sample entry, at its line, and keeps the rest of the sample', () => {
    const sample = '{\n  "id": "tea",\n  "messages": [\n    {"role": "user", "content": "Tea?"},\n    {"role": "assistant" "content": "Yes."},\n    {"role": "user", "content": "Thanks."}\n  ]\n}\n';
    const result = inspectEvalReader.read({ name: 'pantry.eval', bytes: evalArchive(log, { 'samples/tea_epoch_1.json': strToU8(sample) }) });
    const tea = result.transcripts.find((t) => t.metadata.sampleId === 'tea');
    expect(tea!.messages.map((m) => [m.id, m.role])).toEqual([['m0', 'user'], ['m2', 'user']]);
    expect(result.errors).toEqual([{ sample: 'samples/tea_epoch_1.json', line: 5, message: expect.stringMatching(/^not valid JSON \(column 26\): .*element 2 of this array skipped$/) }]);
  });

  it('still reads the other samples when one entry cannot be inflated', () => {
    const result = inspectEvalReader.read({ name: 'pantry.eval', bytes: corruptEntry(archive, 'samples/soup_epoch_1.json') });
    expect(result.transcripts.map((t) => t.id)).toEqual(['inspect:evFixture0001:bread:2']);
    expect(result.errors).toEqual([{ sample: 'samples/soup_epoch_1.json', message: expect.stringMatching(/^cannot inflate/) }]);
  });

  it('falls back to the journal start record when header.json is missing (a log still being written)', () => {
    const { samples, eval: spec } = log as { samples: unknown[]; eval: unknown };
    const running = zipSync({
      '_journal/start.json': strToU8(JSON.stringify({ version: 2, eval: spec })),
      'samples/soup_epoch_1.json': strToU8(JSON.stringify(samples[0])),
    });
    const opened = openInspectEval(running);
    expect(opened.header?.eval.eval_id).toBe('evFixture0001');
    expect(opened.sampleNames).toEqual(['samples/soup_epoch_1.json']);
  });

  it('reports archives that are not zips, or hold no header or samples', () => {
    expect(openInspectEval(strToU8('not a zip')).problems[0]!.message).toMatch(/^not a readable zip archive/);
    expect(inspectEvalReader.read({ name: 'e.eval', bytes: new Uint8Array() }).errors[0]!.message).toMatch(/^not a readable zip archive/);
    const bare = openInspectEval(zipSync({ 'notes.txt': strToU8('hello') }));
    expect(bare.problems.map((p) => p.message)).toEqual(['no header.json or _journal/start.json in the archive']);
    expect(openInspectEval(zipSync({ 'header.json': strToU8(JSON.stringify({ version: 2, eval: {} })) })).problems.map((p) => p.message)).toEqual(['the archive holds no samples']);
  });

  it('is detected from the zip magic with the .eval extension or an Inspect first entry', () => {
    expect(detectFormat({ name: 'run.eval', bytes: archive })).toMatchObject({ format: 'inspect-eval', confidence: 0.99 });
    expect(detectFormat({ name: 'run.zip', bytes: archive })).toMatchObject({ format: 'inspect-eval' });
    const other = detectFormat({ name: 'photos.zip', bytes: zipSync({ 'a.jpg': new Uint8Array([1]) }) });
    expect(other.kind).toBe('unknown');
    expect(other.reason).toMatch(/inspect-eval: zip archive without the \.eval extension/);
  });
});
