import { describe, expect, it } from 'vitest';
import { sweAgentReader } from '../../../shared/formats/transcripts/swe-agent.ts';
import { detectFormat } from '../../../shared/formats/detect.ts';
import { fixture, tally, text, withCrlf } from './fixtures.ts';

const read = sweAgentReader.read;

describe('swe-agent reader', () => {
  it('reads the 1.0 schema with structured tool calls and tool_call_ids', () => {
    const result = read(fixture('swe-agent/v1.traj'));
    expect(tally(result)).toMatchObject({ transcripts: 1, messages: 6, toolCalls: 2, errors: 0 });
    const [t] = result.transcripts;
    expect(t).toMatchObject({
      title: 'acme__webapp-12',
      agent: { name: 'SWE-agent' },
      metadata: { schema: '1.0', instanceId: 'acme__webapp-12', model: 'example-coder', steps: 2, exitStatus: 'submitted' },
    });
    expect(t!.id).toMatch(/^swe-agent:acme__webapp-12:[0-9a-f]{12}$/);
    expect(t!.messages[2]!.toolCalls).toEqual([{ id: 'call_find', name: 'find_file', arguments: { file_name: 'settings.py' } }]);
    // An empty argument string means "no arguments", not a problem.
    expect(t!.messages[4]!.toolCalls[0]!.arguments).toEqual({});
    expect(t!.messages[3]!.toolResult).toEqual({ toolCallId: 'call_find', content: 'Found 1 match: app/settings.py' });
    expect(t!.messages[1]!.content).toEqual([{ type: 'text', text: "The DEBUG flag is read as a string, so 'False' enables debug mode." }]);
  });

  it('reads the legacy 0.x schema: each action a tool call, its observation the tool result, the demonstration marked', () => {
    const result = read(fixture('swe-agent/legacy.traj'));
    expect(tally(result)).toMatchObject({ transcripts: 1, messages: 5, toolCalls: 1, errors: 0 });
    const [t] = result.transcripts;
    expect(t!.messages.map((m) => m.role)).toEqual(['system', 'user', 'user', 'assistant', 'tool']);
    expect(t!.messages[1]!.name).toBe('demonstration');
    expect(t!.messages[3]!.toolCalls).toEqual([{ id: 'm3.call0', name: 'ls', arguments: { command: 'ls\n' } }]);
    expect(t!.messages[3]!.content).toEqual([{ type: 'text', text: 'Let me look around.\n\n```\nls\n```' }]);
    expect(t!.messages[4]!.toolResult).toEqual({ toolCallId: 'm3.call0', name: 'ls', content: 'README.md  src\n(Open file: n/a)' });
    expect(t).toMatchObject({ title: 'legacy', metadata: { schema: 'legacy', exitStatus: 'early_exit', environment: 'swe_main' } });
    expect(t!.id).toMatch(/^swe-agent:[0-9a-f]{12}$/);
  });

  it('takes legacy actions from trajectory[] when the history has none, naming the tool by the first word', () => {
    const traj = {
      environment: 'swe_main',
      trajectory: [{ action: 'edit 3:4\n    return x\nend_of_edit\n', observation: 'File updated.' }, { action: 'submit\n' }],
      history: [
        { role: 'user', content: 'Demo: run `ls`.', is_demo: 'True' },
        { role: 'assistant', content: 'Demo answer', is_demo: 'True' },
        { role: 'user', content: 'ISSUE: off by one.' },
        { role: 'assistant', content: 'Fix the loop bound.' },
        { role: 'user', content: 'File updated.' },
        { role: 'assistant', content: 'Submit.' },
      ],
    };
    const [t] = read(text('run.traj', JSON.stringify(traj))).transcripts;
    expect(t!.messages.map((m) => `${m.role}${m.name ? `:${m.name}` : ''}`)).toEqual([
      'user:demonstration', 'assistant:demonstration', 'user', 'assistant', 'tool', 'assistant',
    ]);
    expect(t!.messages[3]!.toolCalls).toEqual([{ id: 'm3.call0', name: 'edit', arguments: { command: 'edit 3:4\n    return x\nend_of_edit\n' } }]);
    expect(t!.messages[4]!.toolResult).toMatchObject({ toolCallId: 'm3.call0', content: 'File updated.' });
    expect(t!.messages[5]!.toolCalls.map((c) => c.name)).toEqual(['submit']);
  });

  it('keeps the same id when the file is re-imported with other line ends', () => {
    expect(read(withCrlf(fixture('swe-agent/legacy.traj'))).transcripts[0]!.id).toBe(read(fixture('swe-agent/legacy.traj')).transcripts[0]!.id);
  });

  it('reports files that are not trajectories', () => {
    expect(read(text('x.traj', '{"trajectory": []}')).errors[0]!.message).toMatch(/^not a SWE-agent trajectory: history: /);
    expect(read(text('x.traj', '')).errors).toEqual([{ message: 'file is empty' }]);
  });

  it('is detected from trajectory/history with environment or info', () => {
    expect(detectFormat(fixture('swe-agent/v1.traj')).format).toBe('swe-agent');
    expect(detectFormat(fixture('swe-agent/legacy.traj')).format).toBe('swe-agent');
  });
});
