// An expert's judgement of one transcript against one rubric version.
import { z } from 'zod';

/** Where highlighted evidence lives inside a message. */
export const EvidenceSpan = z.object({
  messageId: z.string(),
  /**
   * Slash path to the text node inside the message:
   * "content/<i>"                    text of content part i
   * "toolCalls/<i>/arguments/<ptr>"  a string value inside call i's arguments (JSON-pointer segments)
   * "toolCalls/<i>/name"
   * "toolResult" | "toolResult/<ptr>" tool output text, or a string value inside structured output
   */
  path: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The selected text, kept so evidence survives display changes. */
  text: z.string(),
});
export type EvidenceSpan = z.infer<typeof EvidenceSpan>;

export const CriterionValue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('met') }),
  z.object({ kind: z.literal('not_met') }),
  z.object({ kind: z.literal('na') }),
  z.object({ kind: z.literal('ordinal'), level: z.number().int() }),
  z.object({ kind: z.literal('category'), option: z.string() }),
]);
export type CriterionValue = z.infer<typeof CriterionValue>;

export const CriterionAnnotation = z.object({
  value: CriterionValue.optional(),
  rationale: z.string().default(''),
  evidence: z.array(EvidenceSpan).default([]),
});
export type CriterionAnnotation = z.infer<typeof CriterionAnnotation>;

export const AnnotationStatus = z.enum(['draft', 'submitted']);
export type AnnotationStatus = z.infer<typeof AnnotationStatus>;

export const AnnotationRevision = z.object({
  revision: z.number().int().positive(),
  submittedAt: z.string(),
  criteria: z.record(z.string(), CriterionAnnotation),
  score: z.number().nullable(),
});
export type AnnotationRevision = z.infer<typeof AnnotationRevision>;

export const Annotation = z.object({
  /** `${transcriptId}|${rubricHash}|${annotatorId}` */
  id: z.string(),
  transcriptId: z.string(),
  rubricHash: z.string(),
  annotatorId: z.string(),
  status: AnnotationStatus,
  /** 1 for the first draft; reopening a submitted review makes revision + 1. */
  revision: z.number().int().positive(),
  criteria: z.record(z.string(), CriterionAnnotation),
  timeSpentMs: z.number().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().optional(),
  /** Earlier submitted revisions, oldest first. */
  history: z.array(AnnotationRevision).default([]),
});
export type Annotation = z.infer<typeof Annotation>;

export function annotationId(transcriptId: string, rubricHash: string, annotatorId: string): string {
  return `${transcriptId}|${rubricHash}|${annotatorId}`;
}
