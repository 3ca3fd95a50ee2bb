// The native rubric file (custody.rubric v1, see README.md): one rubric version's content.
import { CustodyRubricFile } from '../../model/rubric.ts';
import type { FormatReader, InputFile, ReadResult, SniffVerdict } from '../types.ts';
import type { Sniff } from '../sniff.ts';
import { envelopeProblem, sniffNative } from '../util/native.ts';
import { parseJsonFile } from '../util/text.ts';
import { emptyResult } from '../util/result.ts';

const FORMAT = 'custody-rubric';
const TAG = 'custody.rubric';

function sniff(s: Sniff): SniffVerdict {
  return sniffNative(s, TAG);
}

function read(file: InputFile): ReadResult {
  const doc = parseJsonFile(file.bytes);
  if (!doc.ok) return emptyResult(FORMAT, [doc.problem]);
  // A rubric missing a criterion would score differently: a damaged file is not imported at all.
  if (doc.problems.length > 0) {
    return emptyResult(FORMAT, [...doc.problems, { message: 'the rubric file is damaged (see the problems above); nothing was imported' }]);
  }
  const parsed = CustodyRubricFile.safeParse(doc.value);
  if (!parsed.success) {
    return emptyResult(FORMAT, [{ message: envelopeProblem(doc.value, TAG, parsed.error) }]);
  }
  const { rubric } = parsed.data;
  // Annotations key their values by criterion id, so ids must be unique.
  const ids = rubric.criteria.map((c) => c.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated !== undefined) return emptyResult(FORMAT, [{ message: `criterion id ${JSON.stringify(repeated)} is used twice` }]);
  return { format: FORMAT, transcripts: [], rubrics: [rubric], errors: [] };
}

export const custodyRubricReader: FormatReader = { format: FORMAT, kind: 'rubric', sniff, read };
