// What importing one file came to, in words the Library screen shows as they are.
import { plural } from '../../common/format.ts';
import type { DataKind, ReadProblem } from '../../../../shared/model/import-report.ts';

export type ImportPhase = 'hashing' | 'parsing' | 'writing' | 'done';

export interface ImportProgress {
  /** 0-based position of the file in this batch. */
  index: number;
  total: number;
  name: string;
  phase: ImportPhase;
  /** Present when phase is 'done'. */
  outcome?: ImportOutcome;
}

interface OutcomeBase {
  name: string;
  size: number;
  sha256?: string;
}

export interface ImportedOutcome extends OutcomeBase {
  status: 'imported';
  sourceId: string;
  kind: DataKind;
  format: string;
  /** Transcripts stored (identical ones already in the library are not counted). */
  transcripts: number;
  /** Rubric versions newly stored. */
  rubrics: number;
  /** Queue items created. */
  queued: number;
  problems: number;
  /** Things worth knowing that are not problems with the file. */
  notes: string[];
  /** Set when this import made a rubric the one new assignments use. */
  activatedRubricHash?: string;
  /** Every rubric the file carried, new or already stored. */
  rubricHashes: string[];
  /** Transcripts stored but not queued: no rubric chosen for them yet. */
  unbound: number;
}

export interface DuplicateOutcome extends OutcomeBase {
  status: 'duplicate';
  sourceId: string;
  importedAt: string;
  message: string;
}

/** Recognized, deliberately not stored (access logs until the auditor workbench). */
export interface SkippedOutcome extends OutcomeBase {
  status: 'skipped';
  kind: DataKind;
  format: string;
  message: string;
}

/** An access log handed to the log engine (the Logs screen shows its import). */
export interface ForwardedOutcome extends OutcomeBase {
  status: 'forwarded';
  kind: 'access-log';
  format: string;
  message: string;
}

export interface RejectedOutcome extends OutcomeBase {
  status: 'rejected';
  message: string;
  /** The reader's complaints, shown with the rejection; nothing was stored. */
  problems: ReadProblem[];
  /** For unknown formats: what each reader said about the file. */
  tried?: { format: string; reason: string }[];
}

export interface CancelledOutcome extends OutcomeBase {
  status: 'cancelled';
  message: string;
}

export type ImportOutcome = ImportedOutcome | DuplicateOutcome | SkippedOutcome | ForwardedOutcome | RejectedOutcome | CancelledOutcome;

/** "2025-03-04 14:05" in local time: unambiguous and short. */
/** One line for a status bar or a result row. */
export function summarizeOutcome(o: ImportOutcome): string {
  switch (o.status) {
    case 'imported': {
      const parts = [`imported ${plural(o.transcripts, 'transcript')}`, plural(o.rubrics, 'rubric')];
      if (o.queued) parts.push(`${o.queued} queued`);
      parts.push(plural(o.problems, 'problem'));
      return parts.join(', ');
    }
    default:
      return o.message;
  }
}
