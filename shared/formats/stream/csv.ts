// RFC 4180 rows from a stream of text: the first row names the columns, quoted fields may
// hold delimiters, doubled quotes and newlines. The delimiter (comma, tab, semicolon or
// pipe) is taken from the header. Damage stays local: a row that spans several lines yet
// does not fit the header, or whose multi-line field ends in a quote with text after it (a
// stray or lost quote swallowed the lines after it), is re-read line by line, so the intact
// lines inside it are still read.
import { createLineSplitter, type TextSink } from './lines.ts';

export interface CsvRow {
  text: string;
  line: number;
  ordinal: number;
  fields: Record<string, string>;
}

export type CsvProblemHandler = (problem: { line: number; message: string }) => void;

export interface CsvOptions {
  maxChars: number;
  /** Physical lines one quoted row may span before it is treated as damage. */
  maxRowLines: number;
}

interface Physical {
  text: string;
  line: number;
}

const DELIMITERS = [',', '\t', ';', '|'];

/**
 * Whether a quoted field is still open at the end of this physical line, read the way
 * parseCsvRow reads it: a quote opens a field only at the field's start; elsewhere it is text.
 * Counting quotes instead would let one stray quote in an unquoted field join rows.
 */
function endsInsideQuote(text: string, delimiter: string, open: boolean): boolean {
  let i = 0;
  for (;;) {
    if (open) {
      const quote = text.indexOf('"', i);
      if (quote < 0) return true;
      if (text[quote + 1] === '"') {
        i = quote + 2;
        continue;
      }
      open = false;
      i = quote + 1;
    } else if (text[i] === '"') {
      open = true;
      i++;
      continue;
    }
    // Unquoted text (or what follows a closing quote) runs to the next delimiter.
    const next = text.indexOf(delimiter, i);
    if (next < 0) return false;
    i = next + delimiter.length;
  }
}

/**
 * Whether every quoted field that runs over a line break is closed by a quote that ends the
 * field (the delimiter, or the row's end, follows, spaces aside). A quote followed by more
 * text closed nothing: it opened a field of the next row, and the line break ended a row whose
 * own closing quote was lost. Read as one row, the two could fit the header by chance.
 */
function closesCleanly(text: string, delimiter: string): boolean {
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let quote = text.indexOf('"', i + 1);
      while (quote >= 0 && text[quote + 1] === '"') quote = text.indexOf('"', quote + 2);
      if (quote < 0) return true;
      const spansLines = text.lastIndexOf('\n', quote) > i;
      i = quote + 1;
      if (spansLines && !endsField(text, i, delimiter)) return false;
    }
    const next = text.indexOf(delimiter, i);
    if (next < 0) return true;
    i = next + delimiter.length;
  }
}

function endsField(text: string, at: number, delimiter: string): boolean {
  while (text[at] === ' ') at++;
  return at === text.length || text.startsWith(delimiter, at);
}

/** The delimiter that splits the header into the most fields outside quotes. */
export function guessDelimiter(header: string): string {
  let best = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = parseCsvRow(header, d).length;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}

/** One row's fields; a quote inside an unquoted field is kept as text (lenient). */
export function parseCsvRow(text: string, delimiter: string): string[] {
  const fields: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) {
          value += text.slice(from);
          i = n;
          break;
        }
        value += text.slice(from, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      // Text between the closing quote and the delimiter is kept, not lost.
      const next = text.indexOf(delimiter, i);
      const rest = next < 0 ? text.slice(i) : text.slice(i, next);
      fields.push(value + rest);
      if (next < 0) return fields;
      i = next + delimiter.length;
    } else {
      const next = text.indexOf(delimiter, i);
      if (next < 0) {
        fields.push(text.slice(i));
        return fields;
      }
      fields.push(text.slice(i, next));
      i = next + delimiter.length;
    }
  }
}

function columnNames(fields: string[]): string[] {
  const seen = new Map<string, number>();
  return fields.map((raw, index) => {
    const name = raw.trim() || `column_${index + 1}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}_${count}`;
  });
}

export function createCsvSplitter(onRow: (row: CsvRow) => void, onProblem: CsvProblemHandler, options: CsvOptions): TextSink {
  let delimiter = ',';
  let header: string[] | null = null;
  let ordinal = 0;
  let pending: Physical[] = [];
  let pendingOpen = false;
  let pendingChars = 0;

  const fits = (fields: string[]): boolean => {
    if (!header) return false;
    if (fields.length === header.length) return true;
    // A trailing delimiter (empty extra fields) is harmless.
    return fields.length > header.length && fields.slice(header.length).every((f) => f === '');
  };

  const emit = (text: string, line: number, fields: string[]): void => {
    const cols = header!;
    const record: Record<string, string> = {};
    for (let i = 0; i < cols.length; i++) record[cols[i]!] = fields[i] ?? '';
    ordinal++;
    onRow({ text, line, ordinal, fields: record });
  };

  const ragged = (line: number, fields: string[], spans: number): void => {
    const where = spans > 1 ? ` (a quoted field runs over ${spans} lines)` : '';
    onProblem({ line, message: `row has ${fields.length} fields, the header has ${header!.length}${where}; skipped` });
  };

  const resolve = (rows: Physical[], damaged: boolean): void => {
    if (rows.length === 0) return;
    const text = rows.length === 1 ? rows[0]!.text : rows.map((r) => r.text).join('\n');
    const first = rows[0]!.line;
    if (!header) {
      delimiter = guessDelimiter(rows[0]!.text);
      header = columnNames(parseCsvRow(text, delimiter));
      return;
    }
    const fields = parseCsvRow(text, delimiter);
    const broken = damaged || (rows.length > 1 && !closesCleanly(text, delimiter));
    // A row of empty cells (",,,,") carries nothing, like a blank line.
    if (!broken && fields.every((f) => f.trim() === '')) return;
    if (!broken && fits(fields)) {
      emit(text, first, fields);
      return;
    }
    if (rows.length === 1) {
      if (damaged) onProblem({ line: first, message: 'a quoted field is not closed before the end of the file (truncated?); skipped' });
      else ragged(first, fields, 1);
      return;
    }
    // The first line opened a quote that swallowed the lines after it: report it and read
    // the rest again from the next line, so later rows (even quoted multi-line ones) are kept.
    const [head, ...rest] = rows;
    const alone = parseCsvRow(head!.text, delimiter);
    if (!endsInsideQuote(head!.text, delimiter, false) && fits(alone)) emit(head!.text, head!.line, alone);
    else if (fits(alone)) onProblem({ line: head!.line, message: 'a quote opened on this line is never closed; skipped' });
    else ragged(head!.line, alone, 1);
    for (const row of rest) feed(row.text, row.line);
  };

  const flush = (damaged: boolean): void => {
    const rows = pending;
    pending = [];
    pendingOpen = false;
    pendingChars = 0;
    resolve(rows, damaged);
  };

  function feed(text: string, line: number): void {
    if (pending.length === 0 && text.trim() === '') return;
    // The header's own line chooses the delimiter its continuation lines are read with.
    if (!header && pending.length === 0) delimiter = guessDelimiter(text);
    pending.push({ text, line });
    pendingOpen = endsInsideQuote(text, delimiter, pendingOpen);
    pendingChars += text.length;
    if (!pendingOpen) flush(false);
    else if (pending.length >= options.maxRowLines || pendingChars > options.maxChars) flush(true);
  }

  const lines = createLineSplitter(
    feed,
    (line, chars) => {
      flush(pending.length > 1);
      onProblem({ line, message: `line is longer than ${options.maxChars} characters (${chars}); skipped` });
    },
    options.maxChars,
  );

  return {
    push: (text) => lines.push(text),
    end() {
      lines.end();
      // An unclosed quote at the end: the file was cut inside a quoted field. Each flush
      // drops at least one line, re-reading the others.
      while (pending.length > 0) flush(true);
    },
  };
}
