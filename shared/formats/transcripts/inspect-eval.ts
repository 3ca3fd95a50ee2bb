// Inspect AI .eval archives: a zip of header.json, summaries and samples/<id>_epoch_<n>.json.
// openInspectEval reads the zip directory and the header only; each sample is inflated
// when asked for, so a viewer can list a large log at once and open samples lazily.
import { unzipSync } from 'fflate';
import type { ReadProblem } from '../../model/import-report.ts';
import type { Transcript } from '../../model/transcript.ts';
import type { FormatReader, InputFile, ReadResult, SniffVerdict } from '../types.ts';
import type { Sniff } from '../sniff.ts';
import { InspectLogHeader, inspectSampleTranscript } from './inspect-sample.ts';
import { dedupeTranscriptIds } from './build.ts';
import { decodeText, errorMessage, parseJson, parseJsonFile } from '../util/text.ts';
import { reporterFor, zodMessage } from '../util/result.ts';

const FORMAT = 'inspect-eval';
// An entry claiming more than this when inflated is refused rather than allocated (zip bombs).
const MAX_ENTRY_BYTES = 512 * 1024 * 1024;
// Logs still being written have no header.json yet; their journal start record has the same eval spec.
const HEADER_ENTRIES = ['header.json', '_journal/start.json'];
const SAMPLE_ENTRY = /^samples\/.+\.json$/;

export interface SampleRead {
  transcript: Transcript | null;
  errors: ReadProblem[];
}

export interface InspectEvalArchive {
  /** Null when the archive has no readable header (then `problems` says why). */
  header: InspectLogHeader | null;
  /** samples/<id>_epoch_<n>.json entries, in id then epoch order. */
  sampleNames: string[];
  /** Inflates and maps one sample; never throws. */
  readSample(name: string): SampleRead;
  /** Every sample, in sampleNames order, inflating the archive once. */
  readAllSamples(): SampleRead[];
  /** Problems with the archive itself (not with any one sample). */
  problems: ReadProblem[];
}

type Entries = Record<string, Uint8Array>;

function inflate(bytes: Uint8Array, wanted: (name: string) => boolean, refused: string[]): Entries {
  return unzipSync(bytes, {
    filter: (entry) => {
      if (!wanted(entry.name)) return false;
      if (entry.originalSize > MAX_ENTRY_BYTES) refused.push(entry.name);
      return entry.originalSize <= MAX_ENTRY_BYTES;
    },
  });
}

export function openInspectEval(bytes: Uint8Array): InspectEvalArchive {
  const problems: ReadProblem[] = [];
  const names: string[] = [];
  const refused: string[] = [];
  let headerEntries: Entries = {};
  try {
    headerEntries = inflate(
      bytes,
      (name) => {
        names.push(name);
        return HEADER_ENTRIES.includes(name);
      },
      refused,
    );
  } catch (error) {
    problems.push({ message: `not a readable zip archive: ${errorMessage(error)}` });
  }
  for (const name of refused) problems.push({ sample: name, message: 'entry is too large to inflate' });

  const header = readHeader(headerEntries, problems);
  const sampleNames = names.filter((n) => SAMPLE_ENTRY.test(n)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const known = new Set(sampleNames);
  if (problems.length === 0 && sampleNames.length === 0) problems.push({ message: 'the archive holds no samples' });

  const toSample = (name: string, entry: Uint8Array | undefined): SampleRead => {
    const errors: ReadProblem[] = [];
    if (!entry) return { transcript: null, errors: [{ sample: name, message: 'entry is too large to inflate' }] };
    // A damaged message costs only itself, as in a .json log; lines are the entry's own.
    const doc = parseJsonFile(entry);
    if (!doc.ok) return { transcript: null, errors: [{ sample: name, ...doc.problem }] };
    errors.push(...doc.problems.map((p) => ({ sample: name, ...p })));
    const transcript = inspectSampleTranscript(doc.value, header?.eval, FORMAT, reporterFor(errors, { sample: name }));
    // A damaged entry that kept no message is no transcript (its problems say why).
    if (transcript && transcript.messages.length === 0 && doc.problems.length > 0) return { transcript: null, errors };
    return { transcript: transcript ?? null, errors };
  };

  const readSample = (name: string): SampleRead => {
    if (!known.has(name)) return { transcript: null, errors: [{ sample: name, message: 'no such sample in the archive' }] };
    try {
      return toSample(name, inflate(bytes, (n) => n === name, [])[name]);
    } catch (error) {
      return { transcript: null, errors: [{ sample: name, message: `cannot inflate: ${errorMessage(error)}` }] };
    }
  };

  // One pass over the archive: readSample per name would rescan the directory each time.
  // A damaged entry fails the whole pass, so then each sample is read on its own.
  const readAllSamples = (): SampleRead[] => {
    let entries: Entries;
    try {
      entries = inflate(bytes, (n) => known.has(n), []);
    } catch {
      return sampleNames.map(readSample);
    }
    return sampleNames.map((name) => toSample(name, entries[name]));
  };

  return { header, sampleNames, readSample, readAllSamples, problems };
}

function readHeader(entries: Entries, problems: ReadProblem[]): InspectLogHeader | null {
  const name = HEADER_ENTRIES.find((n) => entries[n]) ?? '';
  const entry = entries[name];
  if (!entry) {
    if (problems.length === 0) problems.push({ message: 'no header.json or _journal/start.json in the archive' });
    return null;
  }
  const doc = parseJson(decodeText(entry));
  if (!doc.ok) {
    problems.push({ sample: name, message: doc.message });
    return null;
  }
  const header = InspectLogHeader.safeParse(doc.value);
  if (header.success) return header.data;
  problems.push({ sample: name, message: `not an Inspect log header: ${zodMessage(header.error)}` });
  return null;
}

function sniff(s: Sniff): SniffVerdict {
  if (s.shape !== 'zip') return { confidence: 0, reason: 'not a zip archive' };
  const entry = s.firstZipEntry ?? '';
  const inspectEntry = HEADER_ENTRIES.includes(entry) || entry.startsWith('_journal/') || SAMPLE_ENTRY.test(entry) || entry === 'summaries.json';
  if (s.extension === 'eval') return { confidence: inspectEntry ? 0.99 : 0.8, reason: `zip archive with the .eval extension${inspectEntry ? ` starting with ${entry}` : ''}` };
  if (inspectEntry) return { confidence: 0.85, reason: `zip archive starting with Inspect entry ${entry}` };
  return { confidence: 0, reason: `zip archive without the .eval extension or an Inspect first entry (${entry || 'none'})` };
}

function read(file: InputFile): ReadResult {
  const archive = openInspectEval(file.bytes);
  const errors = [...archive.problems];
  const transcripts = archive.readAllSamples().flatMap((sample) => {
    errors.push(...sample.errors);
    return sample.transcript ? [sample.transcript] : [];
  });
  return { format: FORMAT, transcripts: dedupeTranscriptIds(transcripts), rubrics: [], errors };
}

export const inspectEvalReader: FormatReader = { format: FORMAT, kind: 'transcripts', sniff, read };
