import { describe, expect, it } from 'vitest';
import { tauBenchReader } from '../../../shared/formats/transcripts/tau-bench.ts';
import { detectFormat } from '../../../shared/formats/detect.ts';
import { fixture, tally, text } from './fixtures.ts';

const read = tauBenchReader.read;

describe('tau-bench reader', () => {
  it('reads each trajectory with its reward, task and user', () => {
    const result = read(fixture('tau-bench/trajectories.json'));
    expect(tally(result)).toMatchObject({ transcripts: 2, messages: 8, toolCalls: 1 });
    const [first, second] = result.transcripts;
    expect(first).toMatchObject({
      sourceFormat: 'tau-bench',
      title: 'Task 3, trial 0',
      principalUser: 'ines_okafor_118',
      metadata: { taskId: 3, trial: 0, reward: 1, info: { task: { user_id: 'ines_okafor_118' } } },
    });
    expect(first!.messages[2]!.toolCalls[0]).toEqual({ id: 'call_a', name: 'list_slots', arguments: { user_id: 'ines_okafor_118', day: 'friday' } });
    expect(first!.messages[3]!.toolResult).toEqual({ toolCallId: 'call_a', name: 'list_slots', content: '["14:00", "15:30"]' });
    expect(second!.metadata).toMatchObject({ trial: 1, reward: 0 });
  });

  it('derives ids from task, trial and content, stable across re-imports', () => {
    const ids = read(fixture('tau-bench/trajectories.json')).transcripts.map((t) => t.id);
    expect(ids[0]).toMatch(/^tau-bench:3:0:[0-9a-f]{12}$/);
    expect(ids[1]).toMatch(/^tau-bench:3:1:[0-9a-f]{12}$/);
    expect(read(fixture('tau-bench/trajectories.json')).transcripts.map((t) => t.id)).toEqual(ids);
  });

  it('reports a record without traj by position and reads the rest', () => {
    const { errors } = read(fixture('tau-bench/trajectories.json'));
    expect(errors).toEqual([{ sample: '#3', message: expect.stringMatching(/^not a tau-bench trajectory: traj: /) }]);
  });

  it('reads a lone trajectory object, and rejects other shapes with a message', () => {
    const one = read(text('one.json', JSON.stringify({ task_id: 1, traj: [{ role: 'user', content: 'hi' }] })));
    expect(one.transcripts).toHaveLength(1);
    expect(read(text('n.json', '42')).errors[0]!.message).toBe('expected a JSON array of trajectories, found a JSON number');
    expect(read(text('e.json', '')).errors[0]!.message).toBe('file is empty');
  });

  it('is detected from task_id + traj', () => {
    expect(detectFormat(fixture('tau-bench/trajectories.json'))).toMatchObject({ kind: 'transcripts', format: 'tau-bench' });
  });
});

describe('tau-bench: the agent', () => {
  it('is read from the results file name tau-bench writes, else named generically (never "unknown")', async () => {
    const { agentFromFileName } = await import('../../../shared/formats/transcripts/tau-bench.ts');
    expect(agentFromFileName('results/tool-calling-gpt-4o-2024-08-06-0.0_range_0--1_user-gpt-4o-llm_0101.json')).toEqual({
      id: 'tau-bench:tool-calling',
      name: 'tau-bench tool-calling agent',
      version: 'gpt-4o-2024-08-06',
    });
    expect(agentFromFileName('gpt-4o-airline.trial0-first20.json')).toEqual({ id: 'tau-bench', name: 'tau-bench agent' });
  });
});
