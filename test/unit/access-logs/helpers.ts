// Shared by the access-log tests: fixtures, whole-file reads, and the record stream fed
// in chunks of chosen sizes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8 } from 'fflate';
import type { InputFile } from '../../../shared/formats/types.ts';
import type { AccessEvent } from '../../../shared/model/access-event.ts';
import { AccessEvent as AccessEventSchema } from '../../../shared/model/access-event.ts';
import { readAny } from '../../../shared/formats/read.ts';
import { createRecordStream, type Framing, type RawRecord, type RecordStreamOptions, type StreamProblem } from '../../../shared/formats/stream/record-stream.ts';

const ROOT = fileURLToPath(new URL('../../fixtures/access-logs/', import.meta.url));

export function logFixture(path: string): InputFile {
  return { name: path.split('/').pop() ?? path, bytes: new Uint8Array(readFileSync(ROOT + path)) };
}

export function textFile(name: string, body: string): InputFile {
  return { name, bytes: strToU8(body) };
}

/** Detect and read; the events checked against the schema. */
export function read(file: InputFile) {
  const { detection, result } = readAny(file);
  const events = result.events ?? [];
  for (const e of events) {
    const parsed = AccessEventSchema.safeParse(e);
    if (!parsed.success) throw new Error(`${e.id} breaks the AccessEvent schema: ${parsed.error.message}`);
  }
  return { detection, events, errors: result.errors };
}

export function byNative(events: AccessEvent[], id: string): AccessEvent {
  const event = events.find((e) => e.nativeId === id);
  if (!event) throw new Error(`no event ${id}`);
  return event;
}

export interface Streamed {
  records: RawRecord[];
  problems: StreamProblem[];
}

/** Pushes `bytes` in pieces of the given sizes (cycled), then ends the stream. */
export function stream(framing: Framing, bytes: Uint8Array, sizes: number[] = [bytes.length || 1], options: RecordStreamOptions = {}): Streamed {
  const records: RawRecord[] = [];
  const problems: StreamProblem[] = [];
  const s = createRecordStream(framing, (r) => records.push(r), (p) => problems.push(p), options);
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length]!);
    s.push(bytes.subarray(at, at + size));
    at += size;
  }
  s.end();
  return { records, problems };
}

export const utf8 = (text: string): Uint8Array => strToU8(text);
