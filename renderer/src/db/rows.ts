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
  /** Transcripts stored from this file (schema v3; backfilled for older rows). */
  transcriptCount?: number;
  /** Distinct rubric versions the file carried (new or already known). */
  rubricCount?: number;
  /** Transcripts that came with their own rubric in the file (HealthBench rows). */
  pairedCount?: number;
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
  /** No assistant message to grade (a HealthBench prompt without a completion). */
  noResponse?: boolean;
}

export interface TranscriptBody {
  id: string;
  transcript: Transcript;
}

/** 'skipped': set aside by the expert without a review (nothing to grade, say); any edit resumes it. */
export type QueueStatus = 'todo' | 'draft' | 'submitted' | 'skipped';

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
  /** The transcript has no response to grade (denormalized from its summary). */
  noResponse?: boolean;
  /** Score of the submitted revision (achieved / possible points), null when nothing positive was scored. */
  score?: number | null;
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

// ---- Access-log engine (schema v2). Events are stored as columnar chunks written
// and read only by renderer/src/logs/engine; see chunk-store.ts there for the layout.

/** One imported access-log file. `sha256` is set once the whole file has been read. */
export interface LogSourceRow {
  id: string;
  name: string;
  format: string;
  size: number;
  sha256?: string;
  /** size + SHA-256 of the first and last MiB: the cheap "same file?" check. */
  fingerprint: string;
  eventCount: number;
  errorCount: number;
  importedAt: string;
  /** importing: a job is writing it; partial: cancelled or interrupted and kept. */
  state: 'importing' | 'partial' | 'complete';
  chunkCount: number;
  /** v4: bytes of the source's chunk file the catalog covers; anything after is a torn write. */
  storedBytes?: number;
  /** The saved FieldMapping the file was read with (generic JSONL / CSV). */
  mapping?: unknown;
  /** CSV only: the header line, so one stored row can be read again on its own. */
  csvHeader?: string;
}

/** An import in progress; what is committed is always a whole number of chunks. */
export interface IngestJobRow {
  id: string;
  sourceId: string;
  name: string;
  size: number;
  fingerprint: string;
  format: string;
  /** running: a live job (or a crashed one, seen at the next open); cancelled: kept partial. */
  state: 'running' | 'cancelled';
  /** Records consumed from the file (events + malformed ones), so a resume skips exactly these. */
  recordsCommitted: number;
  /** Line of the last committed record: problems up to here are already stored. */
  linesCommitted: number;
  eventsCommitted: number;
  problemsCommitted: number;
  bytesCommitted: number;
  chunksCommitted: number;
  startedAt: string;
  updatedAt: string;
}

/** What every chunk row says of its events, v2 and v4 alike. */
export interface ChunkRowBase {
  /** `${sourceId}/${seq}` with seq zero-padded, so keys sort in file order. */
  id: string;
  sourceId: string;
  seq: number;
  count: number;
  /** µs since epoch UTC; NaN when no event of the chunk has a time. */
  minTime: number;
  maxTime: number;
}

/**
 * v4: one chunk of ~12.5k events, stored as a byte range of its source's chunk file (OPFS);
 * this row says where, and where each named part is (renderer/src/logs/engine/storage).
 */
export interface LogChunkRow extends ChunkRowBase {
  /** Local ids of the first and last event: finds an event's chunk without reading ids. */
  firstId: string;
  lastId: string;
  /** Byte range in the source's file. */
  at: number;
  length: number;
  parts: Record<string, { at: number; length: number; kind: 'f64' | 'u32' | 'u16' | 'u8' | 'strings' | 'bytes' }>;
}

/** v2–v3: a string column stored as UTF-8 bytes plus n+1 byte offsets (for unique-ish values). */
export interface PackedStringsRow {
  bytes: ArrayBuffer;
  offsets: ArrayBuffer;
}

/** v2–v3 (read only to move them into chunk files): events as typed-array columns. */
export interface EventChunkRow extends ChunkRowBase {
  /** Float64Array: event time, µs since epoch UTC (NaN when the record had none). */
  time: ArrayBuffer;
  /** Uint32Array: the record's 1-based line (or element number in a JSON container). */
  lines: ArrayBuffer;
  /** Chunk-local dictionary per coded column; codes index into it. */
  dicts: Record<string, string[]>;
  /** Uint8/16/32Array codes per coded column (width by dictionary size). */
  codes: Record<string, ArrayBuffer>;
  packed: Record<string, PackedStringsRow>;
}

/**
 * The verbatim records of one event chunk, back to back as one string (the text the
 * readers saw). IndexedDB stores an ASCII string one byte per character and compresses
 * large values itself, so nothing is encoded or deflated in JavaScript.
 */
export interface RawChunkRow {
  id: string;
  sourceId: string;
  count: number;
  text: string;
  /** Uint32Array: end of each record in `text` (UTF-16 units); record 0 starts at 0. */
  ends: ArrayBuffer;
}

/** The text index of one chunk, self-contained so chunks can be removed independently. */
export interface TextChunkRow {
  id: string;
  sourceId: string;
  /** Distinct repeated string values in the chunk; `valueRows` lists their rows. */
  values: string[];
  /** Uint32Array: n+1 offsets into valueRows. */
  valueOffsets: ArrayBuffer;
  /** Uint16Array (Uint32Array past 65,536 rows): chunk-local rows, ascending per value. */
  valueRows: ArrayBuffer;
  /** The rows' one-off values (ids …), decoded, lower-cased, each followed by NUL, row after row. */
  rare: string;
  /** Uint32Array: end of each row's one-off values in `rare` (row 0 starts at 0). */
  rareEnds: ArrayBuffer;
}

export interface LineProblemRow {
  id?: number;
  sourceId: string;
  line: number;
  message: string;
  sample?: string;
}

export interface EventAnnotationRow {
  eventId: string;
  starred: boolean;
  tags: string[];
  comment: string;
  updatedAt: string;
}

export interface SavedViewRow {
  id: string;
  name: string;
  filter: unknown;
  columns: string[];
  createdAt: string;
}

/** A reusable column mapping for generic JSONL / CSV access logs. */
export interface FieldMappingRow {
  id: string;
  name: string;
  format: string;
  mapping: unknown;
  updatedAt: string;
}
