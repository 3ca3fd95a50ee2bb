// The access-log readers the engine is built with, and the reader a stored source is
// re-read with. Which reader an import uses is chooseReader's answer (shared).
import { SNIFF_BYTES } from '../../../../shared/formats/sniff.ts';
import { accessLogReaders, mappingReader, parseFieldMapping, type AccessLogReader } from '../../../../shared/formats/access-logs/index.ts';

export const HEAD_BYTES = SNIFF_BYTES + 1;

export const defaultReaders = accessLogReaders;

const mapped = new Map<string, AccessLogReader>();

/** The reader a chunk worker (or the event drawer) uses for a stored format. */
export function readerFor(format: string, mapping?: unknown, readers: readonly AccessLogReader[] = defaultReaders): AccessLogReader | null {
  if (mapping !== undefined) {
    const key = JSON.stringify(mapping);
    let reader = mapped.get(key);
    if (!reader) {
      const parsed = parseFieldMapping(mapping);
      if (!parsed.ok) return null;
      reader = mappingReader(parsed.mapping);
      mapped.set(key, reader);
    }
    return reader;
  }
  return readers.find((r) => r.format === format) ?? null;
}
