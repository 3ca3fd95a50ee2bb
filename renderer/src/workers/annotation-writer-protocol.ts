// The annotation writer worker's messages. Times are epoch milliseconds (timeOrigin +
// now), the one clock a worker and the window share.
import type { Annotation } from '../../../shared/model/annotation.ts';
import type { QueueItem } from '../db/rows.ts';

export interface WriteRequest {
  seq: number;
  /** The workspace database to write to (the window's `db().name`). */
  database: string;
  annotation: Annotation;
  queueStatus?: QueueItem['status'];
}

/** Opens the database ahead of the first save, so that save does not pay for it. */
export interface WarmRequest {
  warm: true;
  database: string;
}

export type WriteReply =
  | { seq: number; ok: true; putAt: number; savedAt: number }
  | { seq: number; ok: false; message: string };
