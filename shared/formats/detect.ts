// Format detection from the file name and its first SNIFF_BYTES: every reader judges,
// the most confident one wins, and an unknown file says what each reader saw.
import type { Detection, FormatReader, InputFile, SniffVerdict } from './types.ts';
import { sniffFile, type Sniff } from './sniff.ts';
import { readers as registry } from './registry.ts';
import { errorMessage } from './util/text.ts';

/** Below this, a verdict is a guess and the file is reported unknown instead. */
export const MIN_CONFIDENCE = 0.5;

function judge(reader: FormatReader, sniff: Sniff): SniffVerdict {
  try {
    return reader.sniff(sniff);
  } catch (error) {
    return { confidence: 0, reason: `sniffer failed: ${errorMessage(error)}` };
  }
}

export function detectFormat(file: InputFile, readers: readonly FormatReader[] = registry): Detection {
  const sniff = sniffFile(file);
  const verdicts = readers.map((reader) => ({ reader, ...judge(reader, sniff) }));
  const tried = verdicts.map((v) => ({ format: v.reader.format, reason: v.reason }));
  const best = verdicts.reduce<(typeof verdicts)[number] | undefined>((a, v) => (!a || v.confidence > a.confidence ? v : a), undefined);
  if (!best || best.confidence < MIN_CONFIDENCE) {
    const why = tried.map((t) => `${t.format}: ${t.reason}`).join('; ');
    return { kind: 'unknown', format: null, confidence: 0, reason: `no reader recognised ${file.name} (${sniff.shape}) — ${why}`, tried };
  }
  return { kind: best.reader.kind, format: best.reader.format, confidence: best.confidence, reason: best.reason, tried };
}
