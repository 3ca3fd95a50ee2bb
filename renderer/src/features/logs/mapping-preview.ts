// The first records of a generic JSONL / CSV file for the mapping dialog, taken from the
// same sniff window detection uses (nothing beyond the first 64 KB is read).
import { sampleRecords } from '../../../../shared/formats/access-logs/kit.ts';
import { SNIFF_BYTES } from '../../../../shared/formats/sniff.ts';
import { sniffInput } from '../../../../shared/formats/stream/sniff-input.ts';
import { guessDelimiter, parseCsvRow } from '../../../../shared/formats/stream/csv.ts';

export interface MappingPreview {
  /** The FieldMapping format the file needs; 'none' when the head shows no records. */
  framing: 'jsonl' | 'json' | 'csv' | 'none';
  columns: string[];
  rows: Record<string, unknown>[];
}

const previewRows = 8;

/** Dotted leaf paths of a JSON record (arrays of scalars count as one leaf). */
function leafPaths(value: unknown, prefix: string, out: Set<string>, depth = 0): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < 6) {
    for (const [k, v] of Object.entries(value)) leafPaths(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
  } else if (prefix) out.add(prefix);
}

function csvPreview(text: string): MappingPreview {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]?.replace(/^\uFEFF/, '');
  if (!header) return { framing: 'none', columns: [], rows: [] };
  const delimiter = guessDelimiter(header);
  const columns = parseCsvRow(header, delimiter).map((c) => c.trim());
  // The last line of the window may be cut short; leave it out.
  const rows = lines.slice(1, previewRows + 1).map((line) => {
    const fields = parseCsvRow(line, delimiter);
    return Object.fromEntries(columns.map((c, i) => [c, fields[i] ?? '']));
  });
  return { framing: 'csv', columns, rows };
}

export function previewFromBytes(name: string, bytes: Uint8Array): MappingPreview {
  const sniff = sniffInput({ name, bytes: bytes.subarray(0, SNIFF_BYTES + 1) });
  if (sniff.shape === 'json' || sniff.shape === 'jsonl') {
    const rows = sampleRecords(sniff);
    const paths = new Set<string>();
    for (const r of rows) leafPaths(r, '', paths);
    return { framing: sniff.shape, columns: [...paths], rows };
  }
  if (sniff.shape === 'text') return csvPreview(sniff.text);
  return { framing: 'none', columns: [], rows: [] };
}

export async function previewFile(file: Blob & { name: string }): Promise<MappingPreview> {
  return previewFromBytes(file.name, new Uint8Array(await file.slice(0, SNIFF_BYTES + 1).arrayBuffer()));
}
