// One mapper for the OpenAI-style message dialects: OpenAI chat, tau-bench, Inspect AI,
// SWE-agent 1.0 and HealthBench prompts differ only in small ways (tool call `function`
// as an object or a name, arguments as a JSON string or an object, tool_call_id(s)).
import type { ContentPart, Message, Role, ToolCall, ToolResult } from '../../model/transcript.ts';
import { idOf, isRecord, str } from '../util/text.ts';

/** Collects a problem about the record being read; the caller adds line or sample. */
export type Report = (message: string) => void;

/** A message before ids are assigned; `index` is its position in the source list. */
export interface MessageDraft {
  index: number;
  sourceId?: string;
  message: Omit<Message, 'id'>;
}

const ROLES: Record<string, Role> = {
  system: 'system',
  developer: 'developer',
  user: 'user',
  assistant: 'assistant',
  tool: 'tool',
  // Legacy OpenAI function results.
  function: 'tool',
};

export function chatRole(value: unknown): Role | undefined {
  return typeof value === 'string' && Object.hasOwn(ROLES, value) ? ROLES[value] : undefined;
}

export function chatMessage(raw: unknown, index: number, report: Report): MessageDraft | undefined {
  const label = `message ${index + 1}`;
  if (!isRecord(raw)) {
    report(`${label} is not an object; skipped`);
    return undefined;
  }
  const role = chatRole(raw.role);
  if (!role) {
    report(`${label} has unknown role ${JSON.stringify(raw.role) ?? 'undefined'}; skipped`);
    return undefined;
  }
  const parts = contentParts(raw.content);
  const timestamp = str(raw.timestamp);
  const message: Omit<Message, 'id'> = {
    role,
    content: parts,
    toolCalls: toolCalls(raw, index, (problem) => report(`${label}: ${problem}`)),
    ...(timestamp ? { timestamp } : {}),
  };
  if (role === 'tool') {
    // Tool output lives in toolResult (evidence paths point there); only non-text parts stay as content.
    message.content = parts.filter((p) => p.type !== 'text');
    message.toolResult = toolResult(raw, parts);
  } else if (str(raw.name)) {
    message.name = str(raw.name);
  }
  const sourceId = idOf(raw.id);
  return { index, message, ...(sourceId ? { sourceId } : {}) };
}

/** Text, reasoning and described media from a string, a part, or a list of parts. */
export function contentParts(content: unknown): ContentPart[] {
  if (content === null || content === undefined) return [];
  if (Array.isArray(content)) return content.flatMap(contentPart);
  return contentPart(content);
}

function contentPart(part: unknown): ContentPart[] {
  if (typeof part === 'string') return part === '' ? [] : [{ type: 'text', text: part }];
  if (typeof part === 'number' || typeof part === 'boolean') return [{ type: 'text', text: String(part) }];
  if (!isRecord(part)) return [];
  const type = str(part.type) ?? '';
  switch (type) {
    case 'text':
    case 'input_text':
    case 'output_text':
      return contentPart(str(part.text) ?? '');
    case 'refusal':
      return contentPart(str(part.refusal) ?? '');
    case 'reasoning':
    case 'thinking': {
      const text = str(part.reasoning) ?? str(part.thinking) ?? str(part.text) ?? '';
      return [{ type: 'reasoning', text: text === '' && part.redacted ? '[redacted reasoning]' : text }];
    }
    case 'image':
    case 'image_url':
    case 'input_image':
      return [media('image', part.image ?? part.image_url)];
    case 'audio':
    case 'input_audio':
      return [media('audio', part.audio)];
    case 'video':
      return [media('video', part.video)];
    default:
      return [{ type: 'media', description: `unsupported content part ${JSON.stringify(type)}` }];
  }
}

// Media is described, never fetched: a URL is named, inline data is not copied.
function media(kind: string, source: unknown): ContentPart {
  const url = str(source) ?? (isRecord(source) ? str(source.url) : undefined);
  const description = url && !url.startsWith('data:') ? `${kind}: ${url}` : `${kind} (inline data)`;
  return { type: 'media', mime: `${kind}/*`, description };
}

function toolCalls(raw: Record<string, unknown>, index: number, report: Report): ToolCall[] {
  const calls = Array.isArray(raw.tool_calls) ? raw.tool_calls : isRecord(raw.function_call) ? [raw.function_call] : [];
  if (raw.tool_calls !== undefined && raw.tool_calls !== null && !Array.isArray(raw.tool_calls)) report('tool_calls is not a list; ignored');
  return calls.flatMap((call, i) => {
    const made = toolCall(call, `m${index}.call${i}`, report);
    return made ? [made] : [];
  });
}

function toolCall(raw: unknown, fallbackId: string, report: Report): ToolCall | undefined {
  if (!isRecord(raw)) {
    report('a tool call is not an object; skipped');
    return undefined;
  }
  const fn = raw.function;
  const name = (typeof fn === 'string' ? fn : isRecord(fn) ? str(fn.name) : str(raw.name)) ?? '';
  const id = idOf(raw.id) ?? fallbackId;
  if (name === '') report(`tool call ${id} has no name`);
  const args = normalizeArguments(isRecord(fn) ? fn.arguments : raw.arguments);
  if (args.problem) report(`tool call ${id} (${name}): ${args.problem}`);
  return { id, name, arguments: args.value, ...(args.raw !== undefined ? { argumentsRaw: args.raw } : {}) };
}

export interface NormalizedArguments {
  value: Record<string, unknown>;
  raw?: string;
  problem?: string;
}

/** Arguments are always an object; anything else keeps its verbatim text in `raw`. */
export function normalizeArguments(raw: unknown): NormalizedArguments {
  if (raw === undefined || raw === null) return { value: {} };
  if (isRecord(raw)) return { value: raw };
  if (typeof raw !== 'string') {
    return { value: {}, raw: JSON.stringify(raw), problem: 'arguments are not an object; kept verbatim in argumentsRaw' };
  }
  if (raw.trim() === '') return { value: {} };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isRecord(parsed)) return { value: parsed };
    return { value: {}, raw, problem: 'arguments are JSON but not an object; kept verbatim in argumentsRaw' };
  } catch {
    return { value: {}, raw, problem: 'arguments are not valid JSON; kept verbatim in argumentsRaw' };
  }
}

function toolResult(raw: Record<string, unknown>, parts: ContentPart[]): ToolResult {
  const ids = Array.isArray(raw.tool_call_ids) ? raw.tool_call_ids : [];
  const toolCallId = idOf(raw.tool_call_id) ?? idOf(ids[0]);
  const name = str(raw.name) ?? str(raw.function);
  let content = parts.flatMap((p) => (p.type === 'text' ? [p.text] : [])).join('\n');
  const error = raw.error;
  const isError = error !== undefined && error !== null && error !== false;
  // Inspect puts a failed call's explanation in error.message and may leave content empty.
  if (isError && content === '' && isRecord(error)) content = str(error.message) ?? '';
  return { content, ...(toolCallId ? { toolCallId } : {}), ...(name ? { name } : {}), ...(isError ? { isError } : {}) };
}
