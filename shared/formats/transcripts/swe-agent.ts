// SWE-agent trajectories (.traj): one run per file. The 1.0 schema has OpenAI-style
// history (tool_calls, tool_call_ids, message_type); the legacy 0.x schema keeps the
// thought and the command as assistant text (the command also in "action"), with
// observations as user messages: each command is read as a tool call, its observation as
// the tool result.
import { z } from 'zod';
import type { FormatReader, InputFile, ReadResult, SniffVerdict } from '../types.ts';
import { notJsonReason, sniffedJson, type Sniff } from '../sniff.ts';
import { chatMessages, makeTranscript } from './build.ts';
import { isRecord, parseJson, parseJsonFile, str } from '../util/text.ts';
import { definedOnly, emptyResult, reporterFor, shapeOf, zodMessage } from '../util/result.ts';
import { contentHash } from '../util/hash.ts';

const FORMAT = 'swe-agent';

const Trajectory = z.looseObject({
  history: z.array(z.unknown()),
  trajectory: z.array(z.unknown()).optional(),
  info: z.record(z.string(), z.unknown()).optional(),
  environment: z.string().optional(),
  replay_config: z.unknown().optional(),
});

function sniff(s: Sniff): SniffVerdict {
  const json = sniffedJson(s);
  if (!json) return { confidence: 0, reason: notJsonReason(s) };
  const v = json.value;
  // "trajectory" comes first and is large, so "history" is often beyond the sniff window.
  const steps = isRecord(v) && (Array.isArray(v.history) || Array.isArray(v.trajectory));
  const context = isRecord(v) && ('environment' in v || 'info' in v || s.extension === 'traj');
  if (steps && context) return { confidence: s.extension === 'traj' ? 0.95 : 0.9, reason: 'SWE-agent trajectory with "trajectory"/"history"' };
  return { confidence: 0, reason: `${shapeOf(v)} without SWE-agent's "history"/"trajectory" and "environment"/"info"` };
}

function isDemo(m: unknown): boolean {
  return isRecord(m) && (m.is_demo === true || m.is_demo === 'True' || m.is_demo === 'true');
}

function objectOrJson(value: unknown): Record<string, unknown> {
  // Some SWE-agent versions store replay_config as a JSON string.
  const parsed = typeof value === 'string' ? parseJson(value) : { ok: true as const, value };
  return parsed.ok && isRecord(parsed.value) ? parsed.value : {};
}

// Legacy runs open with a worked example (is_demo: true, or "True" in some exports); naming
// it keeps reviewers from grading it as the run.
function markDemonstration(message: unknown): unknown {
  return isRecord(message) && isDemo(message) && !message.name ? { ...message, name: 'demonstration' } : message;
}

/** The action's tool name: the command's first word ("edit 1:1\n…" → "edit"). */
function commandName(action: string): string {
  return action.trim().split(/\s+/, 1)[0] ?? '';
}

/**
 * Legacy runs keep each step's command as text: in the assistant message's "action", or
 * only in trajectory[].action (matched to the run's assistant messages in order). Each
 * becomes a tool call named by the command's first word, its arguments holding the full
 * command, and the observation that follows (the next user message) its tool result.
 */
function legacyActionsAsToolCalls(history: unknown[], trajectory: unknown[] | undefined): unknown[] {
  const own = history.some((m) => isRecord(m) && m.role === 'assistant' && typeof m.action === 'string');
  const steps = (trajectory ?? []).map((step) => (isRecord(step) ? str(step.action) : undefined));
  let step = 0;
  const out = [...history];
  history.forEach((m, i) => {
    if (!isRecord(m) || m.role !== 'assistant' || isDemo(m)) return;
    const action = own ? str(m.action) : steps[step++];
    if (action === undefined || action.trim() === '') return;
    const id = `m${i}.call0`;
    out[i] = { ...m, tool_calls: [{ id, function: { name: commandName(action), arguments: { command: action } } }] };
    const next = history[i + 1];
    if (isRecord(next) && next.role === 'user' && !isDemo(next)) out[i + 1] = { ...next, role: 'tool', tool_call_id: id, name: commandName(action) };
  });
  return out;
}

function fileStem(name: string): string {
  return (name.split(/[\\/]/).pop() ?? name).replace(/\.traj$/i, '');
}

function read(file: InputFile): ReadResult {
  const doc = parseJsonFile(file.bytes);
  if (!doc.ok) return emptyResult(FORMAT, [doc.problem]);
  const parsed = Trajectory.safeParse(doc.value);
  if (!parsed.success) return emptyResult(FORMAT, [{ message: `not a SWE-agent trajectory: ${zodMessage(parsed.error)}` }]);

  const { history, trajectory, info = {}, environment } = parsed.data;
  const errors: ReadResult['errors'] = [...doc.problems];
  const replay = objectOrJson(parsed.data.replay_config);
  const instanceId = str(objectOrJson(replay.problem_statement).id);
  const model = str(objectOrJson(objectOrJson(replay.agent).model).name);
  const structured = history.some((m) => isRecord(m) && ('message_type' in m || 'tool_calls' in m || 'tool_call_ids' in m));
  const transcript = makeTranscript({
    // No run id in the file: the history itself identifies the run across re-imports.
    id: `${FORMAT}:${instanceId ? `${instanceId}:` : ''}${contentHash(history).slice(0, 12)}`,
    sourceFormat: FORMAT,
    title: instanceId ?? fileStem(file.name),
    agent: { name: 'SWE-agent' },
    messages: chatMessages((structured ? history : legacyActionsAsToolCalls(history, trajectory)).map(markDemonstration), reporterFor(errors)),
    metadata: definedOnly({
      schema: structured ? '1.0' : 'legacy',
      instanceId,
      model,
      environment,
      steps: trajectory?.length,
      exitStatus: info.exit_status,
      modelStats: info.model_stats,
      submission: info.submission,
    }),
  });
  return { format: FORMAT, transcripts: [transcript], rubrics: [], errors };
}

export const sweAgentReader: FormatReader = { format: FORMAT, kind: 'transcripts', sniff, read };
