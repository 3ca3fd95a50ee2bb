// The access-log side of the CLI: `inspect` counts a log's events and `normalize` writes
// them (JSON Lines or Parquet, see event-output.ts), both streaming the file chunk by chunk
// (gzip included), so a log larger than a JavaScript string (> ~512 MB) never has to fit in memory.
import type { AccessEvent } from '../../shared/model/access-event.ts';
import type { ReadProblem } from '../../shared/model/import-report.ts';
import type { AccessLogReader } from '../../shared/formats/access-logs/reader.ts';
import type { Framing } from '../../shared/formats/stream/record-stream.ts';
import { createAccessLogStream, ProblemList } from '../../shared/formats/access-logs/pipeline.ts';
import { microsToIso } from '../../shared/formats/access-logs/time.ts';
import type { EventOutput } from './event-output.ts';

/** Enough of a file to detect its format (the window plus room for a gzip header's worth of inflation). */
export const HEAD_BYTES = 128 * 1024;

export interface ChunkSource {
  /** The file's bytes in order, in chunks of any size. */
  chunks(): AsyncIterable<Uint8Array>;
}

export interface AccessLogSummary {
  records: number;
  count: number;
  bytes: number;
  errors: ReadProblem[];
  errorCount: number;
  firstTime: string | null;
  lastTime: string | null;
  classes: Record<string, number>;
  decisions: Record<string, number>;
}

/** The first HEAD_BYTES of a source (fewer for a small file). */
export async function readHead(source: ChunkSource, max = HEAD_BYTES): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of source.chunks()) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= max) break;
  }
  const head = new Uint8Array(Math.min(length, max));
  let at = 0;
  for (const part of parts) {
    const take = Math.min(part.length, head.length - at);
    head.set(part.subarray(0, take), at);
    at += take;
    if (at >= head.length) break;
  }
  return head;
}

/**
 * Streams a whole source through a reader, counting what it reads; with an output, each
 * event also goes there, and what the output asks to wait for is awaited between chunks
 * (backpressure without holding the file). The output is finished at the end.
 */
export async function streamAccessLog(
  name: string,
  source: ChunkSource,
  { reader, framing }: { reader: AccessLogReader; framing: Framing },
  options: { sourceId?: string; unmapped?: boolean; output?: EventOutput } = {},
): Promise<AccessLogSummary> {
  const problems = new ProblemList(1000);
  const classes: Record<string, number> = {};
  const decisions: Record<string, number> = {};
  let first: number | null = null;
  let last: number | null = null;
  let waits: Promise<void>[] = [];
  const onEvent = (event: AccessEvent): void => {
    classes[event.actionClass] = (classes[event.actionClass] ?? 0) + 1;
    const decision = event.decision ?? 'none';
    decisions[decision] = (decisions[decision] ?? 0) + 1;
    if (event.time !== null) {
      if (first === null || event.time < first) first = event.time;
      if (last === null || event.time > last) last = event.time;
    }
    const wait = options.output?.add(event);
    if (wait) waits.push(wait);
  };
  const stream = createAccessLogStream({
    reader,
    framing,
    sourceId: options.sourceId ?? name,
    unmapped: options.unmapped,
    onEvent,
    onProblem: (p) => problems.add(p),
  });
  for await (const chunk of source.chunks()) {
    stream.push(chunk);
    if (waits.length > 0) {
      const chunkWaits = waits;
      waits = [];
      await Promise.all(chunkWaits);
    }
  }
  const stats = stream.end();
  await Promise.all(waits);
  await options.output?.finish();
  return {
    records: stats.records,
    count: stats.events,
    bytes: stats.bytes,
    errors: problems.list(),
    errorCount: problems.count,
    firstTime: first === null ? null : microsToIso(first),
    lastTime: last === null ? null : microsToIso(last),
    classes,
    decisions,
  };
}
