import { describe, expect, it } from 'vitest';
import { openaiChatReader } from '../../../shared/formats/transcripts/openai-chat.ts';
import { detectFormat } from '../../../shared/formats/detect.ts';
import { fixture, tally, text, withBom, withCrlf } from './fixtures.ts';

const read = openaiChatReader.read;

describe('openai-chat reader', () => {
  it('reads one conversation given as an array of messages', () => {
    const result = read(fixture('openai/conversation.json'));
    expect(result.format).toBe('openai-chat');
    expect(tally(result)).toMatchObject({ transcripts: 1, messages: 8, toolCalls: 3 });
    const [t] = result.transcripts;
    expect(t!.id).toMatch(/^openai-chat:[0-9a-f]{16}$/);
    expect(t!.title).toBe("Please renew 'The Salt Road' and tell me the new due date.");
  });

  it('keeps source message ids, falls back to m<index>, and never repeats one', () => {
    const ids = read(fixture('openai/conversation.json')).transcripts[0]!.messages.map((m) => m.id);
    // The last message reuses the source id "a1", so it gets its position instead.
    expect(ids).toEqual(['m0', 'u1', 'a1', 'm3', 'a2', 'm5', 'm6', 'm7']);
  });

  it('normalizes tool-call arguments from JSON strings and objects, and keeps invalid JSON verbatim', () => {
    const result = read(fixture('openai/conversation.json'));
    const calls = result.transcripts[0]!.messages.flatMap((m) => m.toolCalls);
    expect(calls[0]).toEqual({ id: 'call_find', name: 'find_loan', arguments: { title: 'The Salt Road' } });
    expect(calls[1]).toEqual({ id: 'call_renew', name: 'renew_loan', arguments: { loan_id: 'L-204', weeks: 3 } });
    expect(calls[2]).toEqual({ id: 'call_notify', name: 'notify_member', arguments: {}, argumentsRaw: '{"channel": "email"' });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toMatch(/message 5: tool call call_notify \(notify_member\): arguments are not valid JSON/);
  });

  it('turns role "tool" messages into tool results', () => {
    const messages = read(fixture('openai/conversation.json')).transcripts[0]!.messages;
    expect(messages[3]).toMatchObject({ role: 'tool', content: [], toolResult: { toolCallId: 'call_find', name: 'find_loan', content: '{"loan_id": "L-204", "due": "2026-04-02"}' } });
    expect(messages[5]!.toolResult).toEqual({ toolCallId: 'call_renew', content: 'renewed until 2026-04-23' });
    expect(messages[2]!.content).toEqual([]);
  });

  it('reads an array of conversations and reports the item that is not one', () => {
    const result = read(fixture('openai/conversations.json'));
    expect(result.transcripts.map((t) => t.id)).toEqual(['openai-chat:kitchen-42', expect.stringMatching(/^openai-chat:/)]);
    expect(result.transcripts[1]!.messages[1]!.toolCalls[0]!.arguments).toEqual({ value: 180, from: 'C', to: 'F' });
    expect(result.errors).toEqual([{ sample: '#3', message: expect.stringContaining('expected a list of messages') }]);
  });

  it('reads JSON Lines past a malformed line in the middle and reports it by line', () => {
    const result = read(fixture('openai/conversations.jsonl'));
    expect(tally(result)).toMatchObject({ transcripts: 3, messages: 7, toolCalls: 1 });
    expect(result.transcripts[2]!.id).toBe('openai-chat:trip-7');
    expect(result.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(result.errors[0]!.message).toMatch(/not valid JSON/);
    expect(result.errors[1]!.message).toMatch(/unknown role "robot"/);
  });

  it('reads the same with a UTF-8 BOM and CRLF line ends, with the same ids', () => {
    const plain = read(fixture('openai/conversations.jsonl'));
    const messy = read(withBom(withCrlf(fixture('openai/conversations.jsonl'))));
    expect(messy.transcripts).toEqual(plain.transcripts);
    expect(messy.errors).toEqual(plain.errors);
    const single = read(withBom(withCrlf(fixture('openai/conversation.json'))));
    expect(single.transcripts).toEqual(read(fixture('openai/conversation.json')).transcripts);
  });

  it('gives a repeated conversation a distinct id', () => {
    const line = '{"messages":[{"role":"user","content":"hi"}]}';
    const ids = read(text('twice.jsonl', `${line}\n${line}\n`)).transcripts.map((t) => t.id);
    expect(ids[1]).toBe(`${ids[0]}#2`);
  });

  it('reads a single {"messages": [...]} object', () => {
    const result = read(text('one.json', JSON.stringify({ id: 7, messages: [{ role: 'developer', content: 'be brief' }, { role: 'user', content: 'hi' }] })));
    expect(result.transcripts[0]).toMatchObject({ id: 'openai-chat:7', messages: [{ role: 'developer' }, { role: 'user' }] });
  });

  it('reports an empty file and an object where an array was expected', () => {
    expect(read(fixture('openai/empty.json'))).toEqual({ format: 'openai-chat', transcripts: [], rubrics: [], errors: [{ message: 'file is empty' }] });
    const wrong = read(fixture('openai/object-not-array.json'));
    expect(wrong.transcripts).toEqual([]);
    expect(wrong.errors[0]!.message).toMatch(/expected a list of messages or \{"messages": \[\.\.\.\]\}, found a JSON object/);
    expect(read(text('x.json', '[]')).errors[0]!.message).toMatch(/no conversations/);
  });

  it('is detected for message arrays, conversation arrays and JSON Lines', () => {
    for (const path of ['openai/conversation.json', 'openai/conversations.json', 'openai/conversations.jsonl']) {
      expect(detectFormat(fixture(path)).format, path).toBe('openai-chat');
    }
  });
});
