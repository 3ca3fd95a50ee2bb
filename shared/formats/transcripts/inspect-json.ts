// Inspect AI logs written as one JSON EvalLog (version 2): eval, plan, results, samples[].
import type { FormatReader, InputFile, ReadResult, SniffVerdict } from '../types.ts';
import { notJsonReason, sniffedJson, type Sniff } from '../sniff.ts';
import { InspectLogHeader, inspectSampleTranscript } from './inspect-sample.ts';
import { dedupeTranscriptIds } from './build.ts';
import { isRecord, parseJsonFile } from '../util/text.ts';
import { arrayPosition, emptyResult, reporterFor, shapeOf, zodMessage } from '../util/result.ts';

const FORMAT = 'inspect-json';

function sniff(s: Sniff): SniffVerdict {
  const json = sniffedJson(s);
  if (!json) return { confidence: 0, reason: notJsonReason(s) };
  const v = json.value;
  if (isRecord(v) && typeof v.version === 'number' && isRecord(v.eval)) {
    return { confidence: 0.95, reason: `Inspect AI eval log (version ${v.version}) with "eval"` };
  }
  return { confidence: 0, reason: `${shapeOf(v)} without Inspect's "version" + "eval"` };
}

function read(file: InputFile): ReadResult {
  const doc = parseJsonFile(file.bytes);
  if (!doc.ok) return emptyResult(FORMAT, [doc.problem]);
  const header = InspectLogHeader.safeParse(doc.value);
  if (!header.success) return emptyResult(FORMAT, [...doc.problems, { message: `not an Inspect eval log: ${zodMessage(header.error)}` }]);
  const samples = isRecord(doc.value) ? doc.value.samples : undefined;
  if (!Array.isArray(samples) || samples.length === 0) {
    return emptyResult(FORMAT, [...doc.problems, { message: 'the log holds no samples (was it written with log_samples off?)' }]);
  }
  const errors: ReadResult['errors'] = [...doc.problems];
  const transcripts = samples.flatMap((raw: unknown, i) => {
    const t = inspectSampleTranscript(raw, header.data.eval, FORMAT, reporterFor(errors, { sample: arrayPosition(i) }));
    return t ? [t] : [];
  });
  return { format: FORMAT, transcripts: dedupeTranscriptIds(transcripts), rubrics: [], errors };
}

export const inspectJsonReader: FormatReader = { format: FORMAT, kind: 'transcripts', sniff, read };
