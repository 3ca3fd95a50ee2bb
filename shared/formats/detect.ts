// Format detection from the file name and its first SNIFF_BYTES: every reader judges,
// the most confident one wins, and an unknown file says what each reader saw.
import type { Detection, FormatReader, InputFile, SniffVerdict } from './types.ts';
import type { Sniff } from './sniff.ts';
import { readers as registry } from './registry.ts';
import { errorMessage, extensionOf } from './util/text.ts';
import { sniffInput } from './stream/sniff-input.ts';

export { sniffInput };

/** Below this, a verdict is a guess and the file is reported unknown instead. */
export const MIN_CONFIDENCE = 0.5;

// Streaming readers (access logs) inflate gzip as they read; the others read plain bytes.
function judge(reader: FormatReader, sniff: Sniff): SniffVerdict {
  if (sniff.compression === 'gzip' && reader.kind !== 'access-log') {
    return { confidence: 0, reason: 'gzip-compressed; this format is read uncompressed' };
  }
  try {
    return reader.sniff(sniff);
  } catch (error) {
    return { confidence: 0, reason: `sniffer failed: ${errorMessage(error)}` };
  }
}

/** Formats people try that no reader takes, named plainly instead of "unknown". */
function unsupported(name: string): string | null {
  const ext = extensionOf(name.replace(/\.gz$/i, ''));
  if (ext === 'yml' || ext === 'yaml') return 'unsupported format: YAML (export the events as JSON, JSON Lines or CSV)';
  if (ext === 'xml') return 'unsupported format: XML';
  if (ext === 'parquet' || ext === 'avro') return `unsupported format: ${ext}`;
  return null;
}

export function detectFormat(file: InputFile, readers: readonly FormatReader[] = registry): Detection {
  return detectSniffed(file.name, sniffInput(file), readers);
}

/** detectFormat for a file already sniffed, so a caller that needs the sniff too takes it once. */
export function detectSniffed(name: string, sniff: Sniff, readers: readonly FormatReader[] = registry): Detection {
  if (sniff.shape === 'empty') {
    // Nothing for any reader to judge: say so, not what each of them did not find.
    const reason = sniff.compression ? 'file is empty (the gzip stream inflates to nothing)' : 'file is empty';
    return { kind: 'unknown', format: null, confidence: 0, reason, tried: [] };
  }
  const verdicts = readers.map((reader) => ({ reader, ...judge(reader, sniff) }));
  const tried = verdicts.map((v) => ({ format: v.reader.format, reason: v.reason }));
  const best = verdicts.reduce<(typeof verdicts)[number] | undefined>((a, v) => (!a || v.confidence > a.confidence ? v : a), undefined);
  if (!best || best.confidence < MIN_CONFIDENCE) {
    const why = tried.map((t) => `${t.format}: ${t.reason}`).join('; ');
    const plainly = unsupported(name);
    const reason = `no reader recognised ${name} (${sniff.compression ? 'gzip, ' : ''}${sniff.shape}) — ${why}`;
    return { kind: 'unknown', format: null, confidence: 0, reason: plainly ? `${plainly}; ${reason}` : reason, tried };
  }
  return { kind: best.reader.kind, format: best.reader.format, confidence: best.confidence, reason: best.reason, tried };
}
