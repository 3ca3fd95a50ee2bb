import { describe, expect, it } from 'vitest';
import { problemsCsv, problemsCsvBytes } from '../../../shared/formats/problems-csv.ts';

describe('problemsCsv', () => {
  it('quotes commas, quotes and newlines, and defuses formulas', () => {
    const csv = problemsCsv([
      { sourceName: 'a,b.jsonl', line: 4, message: 'Unexpected "}"\nat 12' },
      { sourceName: 'x.eval', sample: '=HYPERLINK("x")', message: 'bad' },
    ]);
    expect(csv).toBe(['file,line,sample,message', '"a,b.jsonl",4,,"Unexpected ""}""\nat 12"', `x.eval,,"'=HYPERLINK(""x"")",bad`, ''].join('\r\n'));
  });

  it('starts the bytes with a UTF-8 byte-order mark', () => {
    expect(Array.from(problemsCsvBytes([]).slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
  });
});
