// Import problems as CSV (RFC 4180) for whoever fixes the source files: the Library's
// transcript problems and the Logs screen's line problems leave in this one form.

/** One problem of one source file. */
export interface ProblemCsvRow {
  sourceName: string;
  line?: number;
  sample?: string;
  message: string;
}

/** Quotes a cell and defuses spreadsheet formulas: file content is untrusted. */
function cell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function problemsCsv(rows: readonly ProblemCsvRow[]): string {
  const lines = [['file', 'line', 'sample', 'message'].join(',')];
  for (const r of rows) lines.push([cell(r.sourceName), cell(r.line), cell(r.sample), cell(r.message)].join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** UTF-8 with a byte-order mark so spreadsheet apps pick the right encoding. */
export function problemsCsvBytes(rows: readonly ProblemCsvRow[]): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`\uFEFF${problemsCsv(rows)}`) as Uint8Array<ArrayBuffer>;
}
