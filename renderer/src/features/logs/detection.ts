// What a file looks like before it is imported: the detector's verdict (format,
// confidence, reason) from the file's first bytes only, and the access-log formats the
// auditor may pick instead. Runs the shared detector on the head; nothing is read whole.
import { detectFormat } from '../../../../shared/formats/detect.ts';
import { readers } from '../../../../shared/formats/registry.ts';
import { SNIFF_BYTES } from '../../../../shared/formats/sniff.ts';

export interface DetectedFormat {
  kind: string;
  format: string | null;
  confidence: number;
  reason: string;
}

/** Generic readers take a column mapping instead of knowing the vendor's fields. */
export function isGenericFormat(format: string | null | undefined): boolean {
  return Boolean(format && /generic|mapped/i.test(format));
}

export async function detectHead(file: Blob & { name: string }): Promise<DetectedFormat> {
  // One byte past the window tells the sniffer the file goes on (a cut JSON array stays plausible).
  const bytes = new Uint8Array(await file.slice(0, SNIFF_BYTES + 1).arrayBuffer());
  const d = detectFormat({ name: file.name, bytes });
  return { kind: d.kind, format: d.format, confidence: d.confidence, reason: d.reason };
}

export function detectBytes(name: string, bytes: Uint8Array): DetectedFormat {
  const d = detectFormat({ name, bytes: bytes.subarray(0, SNIFF_BYTES + 1) });
  return { kind: d.kind, format: d.format, confidence: d.confidence, reason: d.reason };
}

/** Access-log reader ids, for the override select. */
export function accessLogFormats(): string[] {
  return readers.filter((r) => r.kind === 'access-log').map((r) => r.format);
}
