// The import pipeline: hash → skip known bytes → parse (worker) → plan → one transaction.
// Each file stands alone: one file's failure never touches another's rows.
import { formatWhen, plural } from '../../common/format.ts';
import type { FilePayload } from '../../../../shared/ipc/contract.ts';
import { sha256Hex } from '../../../../shared/crypto/index.ts';
import { db as appDb, type CustodyDb } from '../../db/database.ts';
import { type ImportOutcome, type ImportProgress } from './outcome.ts';
import { planImport } from './plan.ts';
import { formatOf, type ParseFn, type ReadAnyOutput } from '../../workers/import-protocol.ts';
import { AlreadyImported, writeImport, type WriteOptions } from './write.ts';
import { parseInWorker } from './parse-in-worker.ts';

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Aborting before a file's write leaves that file (and the rest) unwritten. */
  signal?: AbortSignal;
  /** Defaults to readAny in a Web Worker; tests inject their own. */
  parse?: ParseFn;
  database?: CustodyDb;
  /** Whether a rubric in the file becomes the desk's choice for new assignments (default: never). */
  activateRubric?: WriteOptions['activateRubric'];
  /** The rubric for transcripts that carry none (see WriteOptions.bindTo). */
  bindTo?: WriteOptions['bindTo'];
  now?: () => Date;
  /** Takes access logs to the log engine (the Logs screen); returns null for other files. */
  accessLogs?: (file: FilePayload) => Promise<ImportOutcome | null>;
}

/**
 * Imports files one by one and reports each. Note: with the default worker parse,
 * each file's bytes are transferred to the worker and are empty afterwards.
 */
export async function importFiles(
  files: FilePayload[],
  optionsOrProgress: ImportOptions | ImportOptions['onProgress'] = {},
): Promise<ImportOutcome[]> {
  const options = typeof optionsOrProgress === 'function' ? { onProgress: optionsOrProgress } : optionsOrProgress;
  const outcomes: ImportOutcome[] = [];
  for (const [index, file] of files.entries()) {
    const report = (phase: ImportProgress['phase'], outcome?: ImportOutcome) =>
      options.onProgress?.({ index, total: files.length, name: file.name, phase, ...(outcome ? { outcome } : {}) });
    const outcome = await importOne(file, options, (phase) => report(phase));
    outcomes.push(outcome);
    report('done', outcome);
  }
  return outcomes;
}

const cancelled = (name: string, size: number): ImportOutcome => ({ status: 'cancelled', name, size, message: 'Cancelled before anything was written.' });

function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

function duplicateOf(name: string, size: number, sha256: string, existing: { id: string; name: string; importedAt: string }): ImportOutcome {
  const as = existing.name === name ? '' : ` as "${existing.name}"`;
  return {
    status: 'duplicate',
    name,
    size,
    sha256,
    sourceId: existing.id,
    importedAt: existing.importedAt,
    message: `Already imported on ${formatWhen(existing.importedAt)}${as}; skipped.`,
  };
}

async function importOne(file: FilePayload, options: ImportOptions, phase: (p: ImportProgress['phase']) => void): Promise<ImportOutcome> {
  const database = options.database ?? appDb();
  const { name } = file;
  const size = file.bytes.byteLength;
  if (options.signal?.aborted) return cancelled(name, size);

  const routed = await options.accessLogs?.(file);
  if (routed) return routed;

  phase('hashing');
  const sha256 = await sha256Hex(file.bytes);
  const known = await database.sources.where('sha256').equals(sha256).first();
  if (known) return duplicateOf(name, size, sha256, known);

  phase('parsing');
  let read: ReadAnyOutput;
  try {
    read = await (options.parse ?? parseInWorker)(file, options.signal);
  } catch (err) {
    if (isAbort(err) || options.signal?.aborted) return cancelled(name, size);
    return { status: 'rejected', name, size, sha256, message: `Could not read the file: ${err instanceof Error ? err.message : String(err)}`, problems: [] };
  }

  const refusal = refuse(read, name, size, sha256);
  if (refusal) return refusal;
  if (options.signal?.aborted) return cancelled(name, size);

  const importedAt = (options.now?.() ?? new Date()).toISOString();
  const plan = await planImport({ name, size, sha256 }, read, importedAt);
  if (plan.transcripts.length === 0 && plan.rubrics.length === 0) {
    return { status: 'rejected', name, size, sha256, message: 'Nothing in the file could be used; nothing was stored.', problems: plan.problems };
  }
  if (options.signal?.aborted) return cancelled(name, size);

  phase('writing');
  try {
    const written = await writeImport(database, plan, {
      activateRubric: options.activateRubric ?? 'never',
      ...(options.bindTo !== undefined ? { bindTo: options.bindTo } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (!written.source) return nothingNew(name, size, sha256, read, plan.rubrics.length, written.identical);
    return {
      status: 'imported',
      name,
      size,
      sha256,
      sourceId: written.source.id,
      kind: written.source.kind,
      format: written.source.format,
      transcripts: written.transcripts,
      rubrics: written.rubrics,
      queued: written.queued,
      problems: written.source.problemCount,
      notes: written.notes,
      ...(written.activatedRubricHash ? { activatedRubricHash: written.activatedRubricHash } : {}),
      rubricHashes: written.rubricHashes,
      unbound: written.unbound,
    };
  } catch (err) {
    if (err instanceof AlreadyImported) return duplicateOf(name, size, sha256, err.existing);
    if (isAbort(err)) return cancelled(name, size);
    return { status: 'rejected', name, size, sha256, message: `Storing failed and was rolled back: ${err instanceof Error ? err.message : String(err)}`, problems: [] };
  }
}

/** A readable file whose every record is already in the library: nothing is kept, not even the file. */
function nothingNew(name: string, size: number, sha256: string, read: ReadAnyOutput, rubrics: number, transcripts: number): ImportOutcome {
  const what = [transcripts ? plural(transcripts, 'transcript') : '', rubrics ? plural(rubrics, 'rubric') : ''].filter(Boolean).join(' and ');
  return {
    status: 'skipped',
    name,
    size,
    sha256,
    kind: read.detection.kind,
    format: formatOf(read),
    message: `Nothing imported: ${what ? `its ${what} ${transcripts + rubrics === 1 ? 'is' : 'are'} already in the library` : 'no new records'}.`,
  };
}

/** Files that are read but not stored: unknown formats, bundles, access logs (for now), empty reads. */
function refuse(read: ReadAnyOutput, name: string, size: number, sha256: string): ImportOutcome | undefined {
  const { detection, result } = read;
  const base = { name, size, sha256 };
  switch (detection.kind) {
    case 'unknown': {
      const tried = detection.tried;
      const names = tried.map((t) => t.format).join(', ');
      // readAny repeats the detector's reason as the only error; keep other errors only.
      const problems = result.errors.filter((e) => e.message !== detection.reason);
      return {
        status: 'rejected',
        ...base,
        message: tried.length ? `Not a format Custody reads; tried ${names}.` : `Not a format Custody reads: ${detection.reason}.`,
        problems,
        tried,
      };
    }
    case 'access-log':
      return {
        status: 'skipped',
        ...base,
        kind: detection.kind,
        format: formatOf(read),
        message: `Access log (${formatOf(read)}) recognized; access-log import arrives with the auditor workbench, so nothing was stored.`,
      };
    case 'bundle':
      return { status: 'rejected', ...base, message: 'This is a signed bundle; bundles are opened from the bundle screen, not imported as data.', problems: [] };
    default:
      if (result.transcripts.length === 0 && result.rubrics.length === 0) {
        const first = result.errors[0];
        const where = first ? (first.line ? `line ${first.line}: ` : first.sample ? `${first.sample}: ` : '') : '';
        return {
          status: 'rejected',
          ...base,
          message: `Read as ${formatOf(read)} but no records could be used${first ? ` (${where}${first.message})` : ''}; nothing was stored.`,
          problems: result.errors,
        };
      }
      return undefined;
  }
}
