// The normalized transcript: every reader in shared/formats produces this shape,
// and the native Custody transcript format (custody.transcripts/v1) is exactly it.
import { z } from 'zod';

export const Role = z.enum(['system', 'developer', 'user', 'assistant', 'tool']);
export type Role = z.infer<typeof Role>;

export const ContentPart = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  /** Model reasoning ("thinking") shown apart from the answer. */
  z.object({ type: z.literal('reasoning'), text: z.string() }),
  /** Non-text content is described, never fetched or rendered. */
  z.object({ type: z.literal('media'), mime: z.string().optional(), description: z.string() }),
]);
export type ContentPart = z.infer<typeof ContentPart>;

export const ToolCall = z.object({
  id: z.string(),
  name: z.string(),
  /** Always an object: JSON-string arguments are parsed by the reader. */
  arguments: z.record(z.string(), z.unknown()),
  /** The verbatim argument string when it was not valid JSON (arguments is then {}). */
  argumentsRaw: z.string().optional(),
  /** MCP server that exposes the tool, when known. */
  server: z.string().optional(),
});
export type ToolCall = z.infer<typeof ToolCall>;

export const ToolResult = z.object({
  toolCallId: z.string().optional(),
  name: z.string().optional(),
  /** Text output; structured output is kept as parsed JSON. */
  content: z.unknown(),
  isError: z.boolean().optional(),
});
export type ToolResult = z.infer<typeof ToolResult>;

export const Message = z.object({
  id: z.string(),
  role: Role,
  name: z.string().optional(),
  content: z.array(ContentPart),
  toolCalls: z.array(ToolCall).default([]),
  /** Set on role "tool" messages. */
  toolResult: ToolResult.optional(),
  timestamp: z.string().optional(),
});
export type Message = z.infer<typeof Message>;

export const Correlation = z.object({
  traceId: z.string().optional(),
  conversationId: z.string().optional(),
  sessionId: z.string().optional(),
});
export type Correlation = z.infer<typeof Correlation>;

export const Transcript = z.object({
  id: z.string().min(1),
  /** Reader that produced it, e.g. "openai-chat", "inspect-eval", "custody". */
  sourceFormat: z.string(),
  title: z.string().optional(),
  agent: z.object({ id: z.string().optional(), name: z.string().optional(), version: z.string().optional() }).default({}),
  /** The human on whose behalf the agent acted. */
  principalUser: z.string().optional(),
  tenant: z.string().optional(),
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  messages: z.array(Message),
  correlation: Correlation.default({}),
  tags: z.array(z.string()).default([]),
  /** Source-specific extras (scores, task info) kept for display, never interpreted. */
  metadata: z.record(z.string(), z.unknown()).default({}),
});
export type Transcript = z.infer<typeof Transcript>;

/** The native file: `{ "format": "custody.transcripts", "version": 1, "transcripts": [...] }`. */
export const CustodyTranscriptFile = z.object({
  format: z.literal('custody.transcripts'),
  version: z.literal(1),
  transcripts: z.array(Transcript),
});
export type CustodyTranscriptFile = z.infer<typeof CustodyTranscriptFile>;
