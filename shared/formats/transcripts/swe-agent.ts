// SWE-agent trajectories (.traj): one run per file. The 1.0 schema has OpenAI-style
// history (tool_calls, tool_call_ids, message_type); the legacy 0.x schema keeps the
// thought and the command as assistant text, with observations as user messages.
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

function objectOrJson(value: unknown): Record<string, unknown> {
  // Some SWE-agent versions store replay_config as a JSON string.
  const parsed = typeof value === 'string' ? parseJson(value) : { ok: true as const, value };
  return parsed.ok && isRecord(parsed.value) ? parsed.value : {};
}

// Legacy runs open with a worked example (is_demo); naming it keeps reviewers from grading it as the run.
function markDemonstration(message: unknown): unknown {
  return isRecord(message) && message.is_demo === true && !message.name ? { ...message, name: 'demonstration' } : message;
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
    messages: chatMessages(history.map(markDemonstration), reporterFor(errors)),
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
