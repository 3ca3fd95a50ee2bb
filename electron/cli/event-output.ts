// Where `custody normalize` puts events: JSON Lines (text, ~1 MB writes) or Parquet
// (the shared EventParquetWriter, a row group at a time). Both take events one by one
// and may ask the streaming loop to wait, so the file is never held whole.
import type { AccessEvent } from '../../shared/model/access-event.ts';
import { EventParquetWriter } from '../../shared/formats/access-logs/parquet.ts';

/** An output file opened for writing; writes keep their order and may be awaited for backpressure. */
export interface Writer {
  write(data: string | Uint8Array): Promise<void> | void;
  close(): Promise<void> | void;
}

export interface EventOutput {
  /** Takes one event; a promise asks the caller to wait for it before reading on. */
  add(event: AccessEvent): Promise<void> | undefined;
  /** Writes what is buffered and closes the file. */
  finish(): Promise<void>;
}

export type OutputFormat = 'jsonl' | 'parquet';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['jsonl', 'parquet'];

const FLUSH_CHARS = 1 << 20;

/** One JSON object per line, written in ~1 MB batches. */
export function jsonlOutput(writer: Writer): EventOutput {
  let pending: string[] = [];
  let pendingChars = 0;
  const flush = (): Promise<void> | undefined => {
    if (pending.length === 0) return undefined;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    pendingChars = 0;
    return writer.write(text) ?? undefined;
  };
  return {
    add(event) {
      const line = JSON.stringify(event);
      pending.push(line);
      pendingChars += line.length + 1;
      return pendingChars >= FLUSH_CHARS ? flush() : undefined;
    },
    async finish() {
      await flush();
      await writer.close();
    },
  };
}

/** The Parquet export (schema in shared/formats/README.md), written through the same Writer. */
export async function parquetOutput(writer: Writer): Promise<EventOutput> {
  const parquet = await EventParquetWriter.create({ write: (bytes) => writer.write(bytes) });
  return {
    add: (event) => parquet.add(event),
    async finish() {
      await parquet.finish();
      await writer.close();
    },
  };
}

export async function eventOutput(format: OutputFormat, writer: Writer): Promise<EventOutput> {
  return format === 'parquet' ? parquetOutput(writer) : jsonlOutput(writer);
}
