// Inspect AI samples as transcripts, shared by the .json log reader and the .eval archive reader.
import { z } from 'zod';
import type { Transcript } from '../../model/transcript.ts';
import type { Report } from './chat-message.ts';
import { chatMessages, makeTranscript } from './build.ts';
import { isRecord } from '../util/text.ts';
import { definedOnly, zodMessage } from '../util/result.ts';
import { contentHash } from '../util/hash.ts';

export const InspectEvalSpec = z.looseObject({
  eval_id: z.string().optional(),
  run_id: z.string().optional(),
  task: z.string().optional(),
  task_id: z.string().optional(),
  model: z.string().optional(),
  created: z.string().optional(),
});
export type InspectEvalSpec = z.infer<typeof InspectEvalSpec>;

/** The log header: everything but the samples (header.json in a .eval archive). */
export const InspectLogHeader = z.looseObject({
  version: z.number(),
  status: z.string().optional(),
  eval: InspectEvalSpec,
});
export type InspectLogHeader = z.infer<typeof InspectLogHeader>;

const InspectSample = z.looseObject({
  id: z.union([z.string(), z.number()]),
  epoch: z.number().optional(),
  messages: z.array(z.unknown()),
  target: z.unknown().optional(),
  scores: z.record(z.string(), z.unknown()).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  attachments: z.record(z.string(), z.string()).nullish(),
  uuid: z.string().optional(),
  started_at: z.string().optional(),
  completed_at: z.string().optional(),
});

const ATTACHMENT = 'attachment://';

// Inspect stores long strings once in sample.attachments and refers to them by hash.
function resolveAttachments(value: unknown, attachments: Record<string, string>): unknown {
  if (typeof value === 'string') return value.startsWith(ATTACHMENT) ? (attachments[value.slice(ATTACHMENT.length)] ?? value) : value;
  if (Array.isArray(value)) return value.map((v) => resolveAttachments(v, attachments));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveAttachments(v, attachments)]));
  return value;
}

export function inspectSampleTranscript(raw: unknown, spec: InspectEvalSpec | undefined, format: string, report: Report): Transcript | undefined {
  const parsed = InspectSample.safeParse(raw);
  if (!parsed.success) {
    report(`not an Inspect sample: ${zodMessage(parsed.error)}`);
    return undefined;
  }
  const sample = parsed.data;
  const attachments = sample.attachments ?? {};
  const rawMessages = Object.keys(attachments).length > 0 ? resolveAttachments(sample.messages, attachments) : sample.messages;
  const epoch = sample.epoch ?? 1;
  // The eval's own id keeps samples of different runs apart; a hash is the last resort.
  const run = spec?.eval_id ?? spec?.run_id ?? spec?.task_id ?? sample.uuid ?? contentHash(sample.messages);
  const task = spec?.task ?? 'Inspect sample';
  return makeTranscript({
    id: `inspect:${run}:${sample.id}:${epoch}`,
    sourceFormat: format,
    title: `${task} · sample ${sample.id}${epoch > 1 ? ` (epoch ${epoch})` : ''}`,
    agent: spec?.model ? { name: spec.model } : {},
    ...definedOnly({ startedAt: sample.started_at, endedAt: sample.completed_at }),
    messages: chatMessages(rawMessages, report),
    metadata: definedOnly({
      task: spec?.task,
      model: spec?.model,
      evalId: spec?.eval_id,
      runId: spec?.run_id,
      sampleId: sample.id,
      epoch,
      target: sample.target,
      scores: sample.scores ?? undefined,
      sampleMetadata: sample.metadata ?? undefined,
    }),
  });
}
