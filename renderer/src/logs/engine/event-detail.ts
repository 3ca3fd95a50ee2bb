// One event for the drawer: its verbatim record, read from its raw chunk on demand (the
// last chunks cached), its digest, and the normalized event re-derived from that record
// by the source's reader (normalized events are never stored: raw + reader rebuild them).
import type { CustodyDb } from '../../db/database.ts';
import type { EventAnnotationRow, LogSourceRow, RawChunkRow } from '../../db/rows.ts';
import type { AccessLogReader } from '../../../../shared/formats/access-logs/reader.ts';
import { isProblem } from '../../../../shared/formats/access-logs/reader.ts';
import { createRecordStream, type RawRecord } from '../../../../shared/formats/stream/record-stream.ts';
import type { EventDetail, EventRow } from './contract.ts';
import { sha256Digest } from '../../../../shared/crypto/index.ts';
import { Lru } from './lru.ts';
import { recordOf } from './raw-chunk.ts';
import { readerFor } from './readers.ts';

export class EventDetails {
  private readonly rawRows = new Lru<RawChunkRow>(2);

  constructor(
    private readonly db: CustodyDb,
    private readonly readers: readonly AccessLogReader[],
  ) {}

  async detail(chunkId: string, index: number, summary: EventRow, source: LogSourceRow | undefined, annotation: EventAnnotationRow | undefined): Promise<EventDetail> {
    let raw = this.rawRows.get(chunkId);
    if (!raw) {
      raw = await this.db.rawChunks.get(chunkId);
      if (!raw) throw new Error(`the raw records of ${chunkId} are missing from the store`);
      this.rawRows.set(chunkId, raw);
    }
    const record = recordOf(raw, index);
    return {
      row: summary,
      normalized: this.renormalize(source, summary, record),
      raw: record,
      // The model's rawDigest: SHA-256 of the raw text as UTF-8, computed when asked for.
      rawSha256: await sha256Digest(record),
      line: summary.line ?? 0,
      ...(annotation ? { annotation: { eventId: annotation.eventId, starred: annotation.starred, tags: annotation.tags, comment: annotation.comment, updatedAt: annotation.updatedAt } } : {}),
    };
  }

  /** Forgets cached raw chunks (a source was removed). */
  clear(): void {
    this.rawRows.clear();
  }

  private renormalize(source: LogSourceRow | undefined, summary: EventRow, raw: string): Record<string, unknown> {
    const reader = source ? readerFor(source.format, source.mapping, this.readers) : null;
    const fallback = { ...summary, note: 'normalized fields from the store (the reader could not re-read this record)' } as Record<string, unknown>;
    if (!reader || !source) return fallback;
    try {
      let value: unknown;
      if (source.csvHeader !== undefined) {
        // A CSV row alone has no column names: read it again under the stored header.
        let row: RawRecord | undefined;
        const stream = createRecordStream('csv', (r) => (row ??= r), () => {});
        stream.push(new TextEncoder().encode(`${source.csvHeader}\n${raw}\n`));
        stream.end();
        value = row?.fields;
      } else {
        value = JSON.parse(raw);
      }
      const local = summary.id.slice(source.id.length + 1);
      const ordinal = Number.parseInt(local, 10) || 1;
      const result = reader.normalize(value, { sourceId: source.id, format: source.format, line: summary.line ?? 1, ordinal, raw });
      if (isProblem(result)) return fallback;
      const events = Array.isArray(result) ? result : [result];
      const event = events.find((e) => e.id === summary.id) ?? events[0];
      return event ? (JSON.parse(JSON.stringify(event)) as Record<string, unknown>) : fallback;
    } catch {
      return fallback;
    }
  }
}
