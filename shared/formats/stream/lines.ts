// Cuts decoded text chunks into lines with their 1-based numbers. A line may span any
// number of chunks; one longer than the cap is reported and skipped (its text is never
// accumulated), so a 50 MB line cannot exhaust memory and the lines after it still count.

export interface TextSink {
  push(text: string): void;
  end(): void;
}

export type LineHandler = (text: string, line: number) => void;
export type OversizeHandler = (line: number, chars: number) => void;

export function createLineSplitter(onLine: LineHandler, onOversize: OversizeHandler, maxChars: number): TextSink {
  let parts: string[] = [];
  let pending = 0;
  let oversize = false;
  let line = 1;

  const finish = (last: string): void => {
    if (oversize) {
      onOversize(line, pending);
    } else {
      let text = parts.length === 0 ? last : parts.join('') + last;
      if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
      onLine(text, line);
    }
    parts = [];
    pending = 0;
    oversize = false;
    line++;
  };

  const hold = (piece: string): void => {
    if (piece.length === 0) return;
    pending += piece.length;
    if (oversize) return;
    if (pending > maxChars) {
      oversize = true;
      parts = [];
    } else {
      parts.push(piece);
    }
  };

  return {
    push(text) {
      let start = 0;
      for (;;) {
        const newline = text.indexOf('\n', start);
        if (newline < 0) {
          hold(start === 0 ? text : text.slice(start));
          return;
        }
        const length = newline - start;
        if (oversize || pending + length > maxChars) {
          pending += length;
          oversize = true;
          finish('');
        } else {
          finish(text.slice(start, newline));
        }
        start = newline + 1;
      }
    },
    end() {
      if (pending > 0 || oversize) finish('');
    },
  };
}
