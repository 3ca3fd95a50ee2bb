// tau-bench trajectories: a JSON array of {task_id, trial, reward, info, traj}, where traj
// is an OpenAI chat conversation between the agent, a simulated user and the tools.
import { z } from 'zod';
import type { Transcript } from '../../model/transcript.ts';
import type { FormatReader, InputFile, ReadResult, SniffVerdict } from '../types.ts';
import { notJsonReason, sniffedJson, type Sniff } from '../sniff.ts';
import { chatMessages, dedupeTranscriptIds, makeTranscript } from './build.ts';
import { isRecord, parseJsonFile, str } from '../util/text.ts';
import { arrayPosition, emptyResult, reporterFor, shapeOf, zodMessage } from '../util/result.ts';
import { contentHash } from '../util/hash.ts';

const FORMAT = 'tau-bench';

const Trajectory = z.looseObject({
  task_id: z.union([z.number(), z.string()]),
  trial: z.number().optional(),
  reward: z.number().optional(),
  info: z.record(z.string(), z.unknown()).optional(),
  traj: z.array(z.unknown()),
});

function looksLikeTrajectory(value: unknown, complete: boolean): boolean {
  // A big "info" can push "traj" past the sniff window; "reward" then stands in for it.
  return isRecord(value) && 'task_id' in value && ('traj' in value || (!complete && 'reward' in value));
}

function sniff(s: Sniff): SniffVerdict {
  const json = sniffedJson(s);
  if (!json) return { confidence: 0, reason: notJsonReason(s) };
  const first = Array.isArray(json.value) ? json.value[0] : json.value;
  if (looksLikeTrajectory(first, json.complete)) return { confidence: 0.95, reason: 'records with "task_id" and "traj"' };
  return { confidence: 0, reason: `${shapeOf(json.value)} without "task_id" + "traj" records` };
}

type Agent = Transcript['agent'];

/**
 * The records do not name the agent; tau-bench's run script names its results file
 * `<strategy>-<model>-<temperature>_range_…`, so the agent is read from there when it can be.
 */
export function agentFromFileName(name: string): Agent {
  const base = name.split(/[\\/]/).pop() ?? name;
  const m = /^(tool-calling|act|react|few-shot)-(.+)-(\d+(?:\.\d+)?)_range_/.exec(base);
  if (!m) return { id: FORMAT, name: 'tau-bench agent' };
  return { id: `${FORMAT}:${m[1]}`, name: `tau-bench ${m[1]} agent`, version: m[2] };
}

function trajectory(value: unknown, errors: ReadResult['errors'], sample: string | undefined, agent: Agent): Transcript | undefined {
  const report = reporterFor(errors, sample ? { sample } : {});
  const parsed = Trajectory.safeParse(value);
  if (!parsed.success) {
    report(`not a tau-bench trajectory: ${zodMessage(parsed.error)}`);
    return undefined;
  }
  const { task_id: taskId, trial = 0, reward, info = {}, traj } = parsed.data;
  const task = isRecord(info.task) ? info.task : {};
  // task_id and trial repeat across domains and models, so the conversation's hash keeps ids apart.
  const id = `${FORMAT}:${taskId}:${trial}:${contentHash(traj).slice(0, 12)}`;
  const principalUser = str(task.user_id);
  return makeTranscript({
    id,
    sourceFormat: FORMAT,
    title: `Task ${taskId}, trial ${trial}`,
    agent,
    messages: chatMessages(traj, report),
    ...(principalUser ? { principalUser } : {}),
    metadata: { taskId, trial, ...(reward !== undefined ? { reward } : {}), info },
  });
}

function read(file: InputFile): ReadResult {
  const doc = parseJsonFile(file.bytes);
  if (!doc.ok) return emptyResult(FORMAT, [doc.problem]);
  const list = doc.value;
  if (!Array.isArray(list) && !isRecord(list)) {
    return emptyResult(FORMAT, [...doc.problems, { message: `expected a JSON array of trajectories, found ${shapeOf(list)}` }]);
  }
  const errors: ReadResult['errors'] = [...doc.problems];
  const agent = agentFromFileName(file.name);
  // A lone trajectory object is read as a one-item array.
  const transcripts = (Array.isArray(list) ? list : [list]).flatMap((item: unknown, i) => {
    const t = trajectory(item, errors, Array.isArray(list) ? arrayPosition(i) : undefined, agent);
    return t ? [t] : [];
  });
  return { format: FORMAT, transcripts: dedupeTranscriptIds(transcripts), rubrics: [], errors };
}

export const tauBenchReader: FormatReader = { format: FORMAT, kind: 'transcripts', sniff, read };
