// One event for the drawer: its verbatim record, read from its chunk's file on demand
// (the record ends of the last chunks cached), its digest, and the normalized event
// re-derived from that record by the source's reader (normalized events are never
// stored: raw + reader rebuild them).
import type { EventAnnotationRow, LogSourceRow } from '../../db/rows.ts';
import type { AccessLogReader } from '../../../../shared/formats/access-logs/reader.ts';
import type { AccessEvent } from '../../../../shared/model/access-event.ts';
import { isProblem } from '../../../../shared/formats/access-logs/reader.ts';
import { createRecordStream, type RawRecord } from '../../../../shared/formats/stream/record-stream.ts';
import type { EventDetail, EventRow } from './contract.ts';
import { sha256Digest } from '../../../../shared/crypto/index.ts';
import { Lru } from './lru.ts';
import { readerFor } from './readers.ts';
import type { ChunkReader, LoadedChunk } from './store.ts';
import { decodePart } from './storage/chunk-codec.ts';
import { part } from './storage/chunk-parts.ts';

const decoder = new TextDecoder();

export class EventDetails {
  private readonly ends = new Lru<Uint32Array>(8);

  constructor(
    private readonly read: ChunkReader,
    private readonly readers: readonly AccessLogReader[],
  ) {}

  /** The verbatim record of a chunk's `index`-th event. */
  record(chunk: LoadedChunk, index: number): string {
    const { row } = chunk;
    const endsRef = row.parts[part.rawEnds];
    const raw = row.parts[part.raw];
    if (!endsRef || !raw) throw new Error(`the raw records of ${chunk.id} are missing from the store`);
    let ends = this.ends.get(chunk.id);
    if (!ends) {
      ends = decodePart(this.read(row, endsRef.at, endsRef.length), { ...endsRef, at: 0 }) as Uint32Array;
      this.ends.set(chunk.id, ends);
    }
    const from = index === 0 ? 0 : ends[index - 1]!;
    return decoder.decode(this.read(row, raw.at + from, ends[index]! - from));
  }

  async detail(chunk: LoadedChunk, index: number, summary: EventRow, source: LogSourceRow | undefined, annotation: EventAnnotationRow | undefined): Promise<EventDetail> {
    const record = this.record(chunk, index);
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

  /** Forgets cached record ends (a source was removed). */
  clear(): void {
    this.ends.clear();
  }

  private renormalize(source: LogSourceRow | undefined, summary: EventRow, raw: string): Record<string, unknown> {
    const event = source ? this.normalized(source, { id: summary.id, line: summary.line ?? 1, subjectUser: summary.subjectUser, tenant: summary.tenant }, raw) : null;
    if (!event) return { ...summary, note: 'normalized fields from the store (the reader could not re-read this record)' } as Record<string, unknown>;
    return JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
  }

  /**
   * The AccessEvent `stored.id` of `raw` as the source's reader makes it again, or null when
   * it cannot. One of several events of a record (an OTLP span) is re-read from its own raw
   * alone: it takes its stored id back, and the user and tenant the reader had inferred
   * from the record's other spans come from the store when the span alone lacks them.
   */
  normalized(source: LogSourceRow, stored: { id: string; line: number; subjectUser: string; tenant: string }, raw: string): AccessEvent | null {
    const { id, line } = stored;
    const reader = readerFor(source.format, source.mapping, this.readers);
    if (!reader) return null;
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
      const local = id.slice(source.id.length + 1);
      const ordinal = Number.parseInt(local, 10) || 1;
      const result = reader.normalize(value, { sourceId: source.id, format: source.format, line, ordinal, raw });
      if (isProblem(result)) return null;
      const events = Array.isArray(result) ? result : [result];
      const same = events.find((e) => e.id === id);
      if (same) return same;
      const part = events[0];
      if (!part) return null;
      return {
        ...part,
        id,
        source: { ...part.source, line, record: ordinal },
        subjectUser: part.subjectUser ?? (stored.subjectUser || undefined),
        tenant: part.tenant ?? (stored.tenant || undefined),
      };
    } catch {
      return null;
    }
  }
}
