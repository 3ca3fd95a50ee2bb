// Row shapes stored in IndexedDB. Heavy transcript bodies live apart from the
// summaries so a 10,000-item queue lists without touching message text.
import type { Transcript } from '../../../shared/model/transcript.ts';
import type { Rubric } from '../../../shared/model/rubric.ts';
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { DataKind } from '../../../shared/model/import-report.ts';

/** One imported file. Re-importing the same bytes is recognized by sha256. */
export interface SourceRow {
  id: string;
  name: string;
  kind: DataKind;
  format: string;
  size: number;
  sha256: string;
  /** transcripts + rubrics (or events) stored from this file */
  recordCount: number;
  problemCount: number;
  importedAt: string;
}

export interface TranscriptSummary {
  id: string;
  sourceId: string;
  sourceFormat: string;
  title: string;
  agentName: string;
  principalUser?: string;
  messageCount: number;
  toolCallCount: number;
  tags: string[];
  startedAt?: string;
  importedAt: string;
}

export interface TranscriptBody {
  id: string;
  transcript: Transcript;
}

export type QueueStatus = 'todo' | 'draft' | 'submitted';

/** One assignment: review this transcript against this rubric version, as this annotator. */
export interface QueueItem {
  /** Same as the annotation id: `${transcriptId}|${rubricHash}|${annotatorId}`. */
  id: string;
  transcriptId: string;
  rubricHash: string;
  annotatorId: string;
  /** Position in the queue (import order). */
  order: number;
  status: QueueStatus;
  // Denormalized from the transcript so filters never join.
  title: string;
  agentName: string;
  tags: string[];
}

export interface ImportProblemRow {
  id?: number;
  sourceId: string;
  sourceName: string;
  line?: number;
  sample?: string;
  message: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export type RubricRow = Rubric;
export type AnnotationRow = Annotation;
