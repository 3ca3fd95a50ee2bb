// The native transcript file (custody.transcripts v1, see README.md): exactly the
// normalized model, validated transcript by transcript so one bad entry costs only itself.
import { z } from 'zod';
import { CustodyTranscriptFile, Transcript } from '../../model/transcript.ts';
import type { FormatReader, InputFile, ReadResult, SniffVerdict } from '../types.ts';
import type { Sniff } from '../sniff.ts';
import { envelopeProblem, sniffNative } from '../util/native.ts';
import { idOf, isRecord, parseJsonFile } from '../util/text.ts';
import { arrayPosition, emptyResult, zodMessage } from '../util/result.ts';

const FORMAT = 'custody-transcripts';
const TAG = 'custody.transcripts';
const Envelope = CustodyTranscriptFile.extend({ transcripts: z.array(z.unknown()) });

function sniff(s: Sniff): SniffVerdict {
  return sniffNative(s, TAG);
}

/** Problems that make a transcript unusable beyond its schema: evidence points at message ids. */
function duplicateMessageId(transcript: Transcript): string | undefined {
  const seen = new Set<string>();
  for (const m of transcript.messages) {
    if (seen.has(m.id)) return m.id;
    seen.add(m.id);
  }
  return undefined;
}

function read(file: InputFile): ReadResult {
  const doc = parseJsonFile(file.bytes);
  if (!doc.ok) return emptyResult(FORMAT, [doc.problem]);
  const envelope = Envelope.safeParse(doc.value);
  if (!envelope.success) {
    return emptyResult(FORMAT, [...doc.problems, { message: envelopeProblem(doc.value, TAG, envelope.error) }]);
  }
  const errors: ReadResult['errors'] = [...doc.problems];
  const transcripts: Transcript[] = [];
  const ids = new Set<string>();
  envelope.data.transcripts.forEach((raw, i) => {
    // A damaged entry (a hole in the parsed array) was reported where the damage is.
    if (raw === undefined) return;
    const sample = arrayPosition(i);
    const label = isRecord(raw) && idOf(raw.id) ? `transcript ${JSON.stringify(raw.id)}` : 'transcript';
    const parsed = Transcript.safeParse(raw);
    if (!parsed.success) return errors.push({ sample, message: `${label} is invalid: ${zodMessage(parsed.error)}` });
    const duplicate = duplicateMessageId(parsed.data);
    if (duplicate) return errors.push({ sample, message: `${label} uses message id ${JSON.stringify(duplicate)} twice` });
    if (ids.has(parsed.data.id)) return errors.push({ sample, message: `${label} repeats an earlier id; skipped` });
    ids.add(parsed.data.id);
    transcripts.push(parsed.data);
  });
  return { format: FORMAT, transcripts, rubrics: [], errors };
}

export const custodyTranscriptsReader: FormatReader = { format: FORMAT, kind: 'transcripts', sniff, read };
