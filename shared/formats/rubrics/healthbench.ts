// HealthBench examples (JSON Lines, or one pretty-printed example): each row gives a
// transcript (the prompt conversation plus a completion) and the rubric it is graded on.
//
// The published rows carry no model output, only physicians' ideal_completions_data.
// A `completion` (string or messages) is used when present; otherwise the ideal
// completion becomes the last assistant message, named "ideal_completion" and flagged
// in metadata.completion, so an expert always has a response to grade against the rubric.
import { z } from 'zod';
import type { RubricContent, Criterion } from '../../model/rubric.ts';
import type { Transcript } from '../../model/transcript.ts';
import type { ReadProblem } from '../../model/import-report.ts';
import type { FormatReader, InputFile, ReadResult, SniffVerdict } from '../types.ts';
import { notJsonReason, type Sniff } from '../sniff.ts';
import type { Report } from '../transcripts/chat-message.ts';
import { chatMessages, dedupeTranscriptIds, makeTranscript, titleFromMessages } from '../transcripts/build.ts';
import { decodeText, excerpt, idOf, isRecord, parseJsonDocument } from '../util/text.ts';
import { arrayPosition, definedOnly, emptyResult, reporterFor, shapeOf, zodMessage } from '../util/result.ts';
import { contentHash } from '../util/hash.ts';

const FORMAT = 'healthbench';

const Row = z.looseObject({
  prompt: z.array(z.unknown()),
  rubrics: z.array(z.unknown()),
  prompt_id: z.union([z.string(), z.number()]).optional(),
  example_tags: z.array(z.string()).optional(),
  ideal_completions_data: z
    .looseObject({ ideal_completion: z.string().optional(), ideal_completions_group: z.string().optional() })
    .nullish(),
  completion: z.unknown().optional(),
  canary: z.string().optional(),
});
type Row = z.infer<typeof Row>;

const SourceCriterion = z.object({
  criterion: z.string().trim().min(1),
  points: z.number(),
  tags: z.array(z.string()).default([]),
});

const ROW_KEYS = ['prompt', 'rubrics', 'prompt_id', 'example_tags', 'ideal_completions_data'];

function looksLikeRow(value: unknown, complete: boolean): boolean {
  if (!isRecord(value)) return false;
  if (Array.isArray(value.prompt) && Array.isArray(value.rubrics)) return true;
  // Rows open with example_tags and ideal_completions_data, whose reference completions
  // can push "prompt" and "rubrics" past the sniff window: two HealthBench keys then do.
  return !complete && ROW_KEYS.filter((k) => k in value).length >= 2;
}

function sniff(s: Sniff): SniffVerdict {
  if (s.shape !== 'json' && s.shape !== 'jsonl') return { confidence: 0, reason: notJsonReason(s) };
  const first = s.values[0];
  const row = Array.isArray(first?.value) ? first.value[0] : first?.value;
  if (first && looksLikeRow(row, first.complete)) {
    const sure = isRecord(row) && Array.isArray(row.rubrics);
    return { confidence: sure ? 0.95 : 0.7, reason: sure ? 'rows with "prompt" and "rubrics"' : 'rows with HealthBench keys ("prompt", "rubrics" past the sniff window)' };
  }
  return { confidence: 0, reason: `${s.shape === 'jsonl' ? 'JSON Lines' : shapeOf(first?.value)} without "prompt" + "rubrics" rows` };
}

/** The completion messages to append, and what they are. */
function completionOf(row: Row): { messages: unknown[]; kind: 'model' | 'ideal' | 'none' } {
  const { completion } = row;
  if (typeof completion === 'string') return { messages: [{ role: 'assistant', content: completion }], kind: 'model' };
  if (Array.isArray(completion)) return { messages: completion, kind: 'model' };
  if (isRecord(completion)) return { messages: [completion], kind: 'model' };
  const ideal = row.ideal_completions_data?.ideal_completion;
  if (ideal) return { messages: [{ role: 'assistant', name: 'ideal_completion', content: ideal }], kind: 'ideal' };
  return { messages: [], kind: 'none' };
}

function criteriaOf(row: Row, report: Report): Criterion[] {
  return row.rubrics.flatMap((raw, i) => {
    const parsed = SourceCriterion.safeParse(raw);
    if (!parsed.success) {
      report(`criterion ${i + 1} skipped: ${zodMessage(parsed.error)}`);
      return [];
    }
    // Index-based ids stay stable when a neighbouring criterion is skipped.
    const { criterion, points, tags } = parsed.data;
    return [{ id: `c${i + 1}`, text: criterion, points, tags, scale: { kind: 'binary' as const }, rationaleRequired: false }];
  });
}

function example(value: unknown, report: Report, damaged = false): { transcript?: Transcript; rubric?: RubricContent } {
  const parsed = Row.safeParse(value);
  if (!parsed.success) {
    report(`not a HealthBench example: ${zodMessage(parsed.error)}`);
    return {};
  }
  const row = parsed.data;
  const promptId = idOf(row.prompt_id) ?? contentHash(row.prompt).slice(0, 16);
  const rubricId = `${FORMAT}:${promptId}`;
  const completion = completionOf(row);
  const messages = chatMessages([...row.prompt, ...completion.messages], report);
  const title = titleFromMessages(messages);
  // Part of a damaged example may be missing, and a rubric short of a criterion scores differently.
  const criteria = damaged ? [] : criteriaOf(row, report);
  if (damaged) report('the example is damaged (see the problems above); no rubric made for it');
  else if (criteria.length === 0) report('no readable criteria; no rubric made for this example');
  const tags = row.example_tags ?? [];

  const transcript = makeTranscript({
    // Model completions for the same prompt differ by run, so their content joins the id.
    id: completion.kind === 'model' ? `${rubricId}:${contentHash(completion.messages).slice(0, 12)}` : rubricId,
    sourceFormat: FORMAT,
    title,
    messages,
    tags,
    metadata: definedOnly({
      promptId,
      rubricId,
      completion: completion.kind,
      idealCompletionsGroup: row.ideal_completions_data?.ideal_completions_group,
      canary: row.canary,
    }),
  });
  const rubric: RubricContent | undefined = criteria.length > 0
    ? {
        id: rubricId,
        version: 1,
        title: `HealthBench: ${title ? excerpt(title, 60) : promptId}`,
        description: `HealthBench rubric for prompt ${promptId}.${tags.length ? ` Example tags: ${tags.join(', ')}.` : ''}`,
        criteria,
      }
    : undefined;
  return { transcript, ...(rubric ? { rubric } : {}) };
}

function read(file: InputFile): ReadResult {
  const doc = parseJsonDocument(decodeText(file.bytes));
  if (doc.shape === 'empty') return emptyResult(FORMAT, [{ message: 'file is empty' }]);
  if (doc.shape === 'invalid') return emptyResult(FORMAT, [doc.problem]);
  const errors: ReadProblem[] = doc.shape === 'lines' ? [...doc.errors] : [...doc.problems];
  // flatMap passes over the holes that damaged rows leave in a JSON array.
  const rows: { value: unknown; report: Report; damaged?: boolean }[] =
    doc.shape === 'lines'
      ? doc.rows.map((r) => ({ value: r.value, report: reporterFor(errors, { line: r.line }) }))
      : Array.isArray(doc.value)
        ? doc.value.flatMap((value: unknown, i) => [{ value, report: reporterFor(errors, { sample: arrayPosition(i) }) }])
        : [{ value: doc.value, report: reporterFor(errors), damaged: doc.problems.length > 0 }];
  const transcripts: Transcript[] = [];
  const rubrics: RubricContent[] = [];
  for (const row of rows) {
    const { transcript, rubric } = example(row.value, row.report, row.damaged);
    if (transcript) transcripts.push(transcript);
    if (rubric) rubrics.push(rubric);
  }
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { format: FORMAT, transcripts: dedupeTranscriptIds(transcripts), rubrics, errors };
}

export const healthBenchReader: FormatReader = { format: FORMAT, kind: 'transcripts', sniff, read };
