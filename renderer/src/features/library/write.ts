// Stores one planned file in a single Dexie transaction: it all lands, or none of it.
import { plural } from '../../common/format.ts';
import { canonicalJson } from '../../../../shared/crypto/index.ts';
import { annotationId } from '../../../../shared/model/annotation.ts';
import type { Transcript } from '../../../../shared/model/transcript.ts';
import type { CustodyDb } from '../../db/database.ts';
import type { ImportProblemRow, QueueItem, SourceRow, TranscriptBody, TranscriptSummary } from '../../db/rows.ts';
import { getAnnotator, getSetting } from '../../db/settings.ts';
import { summarize, type ImportPlan } from './plan.ts';

/** Thrown inside the transaction when another import of the same bytes won the race. */
export class AlreadyImported extends Error {
  constructor(readonly existing: SourceRow) {
    super(`already imported as ${existing.name}`);
  }
}

export interface WriteResult {
  /** Null when the file held nothing new: then nothing at all is stored, not even the source. */
  source: SourceRow | null;
  transcripts: number;
  rubrics: number;
  queued: number;
  notes: string[];
  activatedRubricHash?: string;
  /** Every rubric the file carried (new or already stored), sealed hashes in file order. */
  rubricHashes: string[];
  /** Transcripts left unqueued because no rubric was chosen for them. */
  unbound: number;
  /** Identical transcripts already in the library, not added again. */
  identical: number;
}

export interface WriteOptions {
  /** 'always': the file's first rubric becomes active; 'if-none': only when none is set. */
  activateRubric: 'always' | 'if-none' | 'never';
  /**
   * The rubric transcripts without one of their own are queued against: a hash, or null to
   * choose later (they wait in the library, unqueued). Undefined: the desk's last choice
   * (the `activeRubricHash` setting). A rubric that came with the transcript always wins.
   */
  bindTo?: string | null;
  signal?: AbortSignal;
}

/** The tables an import touches, for the transaction scope. */
function importTables(database: CustodyDb) {
  return [
    database.sources,
    database.transcripts,
    database.transcriptBodies,
    database.rubrics,
    database.queue,
    database.importProblems,
    database.settings,
  ];
}

export async function writeImport(database: CustodyDb, plan: ImportPlan, options: WriteOptions): Promise<WriteResult> {
  return database.transaction('rw', importTables(database), async () => {
    if (options.signal?.aborted) throw new DOMException('import cancelled', 'AbortError');
    const existing = await database.sources.where('sha256').equals(plan.source.sha256).first();
    if (existing) throw new AlreadyImported(existing);

    const notes: string[] = [];
    const problems: ImportProblemRow[] = plan.problems.map((p) => ({ ...p, sourceId: plan.source.id, sourceName: plan.source.name }));

    // Rubrics: content-addressed, so an existing hash is simply the same rubric.
    const known = await database.rubrics.bulkGet(plan.rubrics.map((r) => r.hash));
    const newRubrics = plan.rubrics.filter((_, i) => !known[i]);
    for (const r of newRubrics) {
      const clash = await database.rubrics.where('[id+version]').equals([r.id, r.version]).first();
      if (clash) notes.push(`Rubric "${r.id}" v${r.version} differs from the stored v${r.version}; both are kept, told apart by hash.`);
    }
    await database.rubrics.bulkAdd(newRubrics);

    // Transcripts: the reader's id is kept unless it already names different content.
    const stored = await storeTranscripts(database, plan, problems);
    if (stored.identical) notes.push(`${plural(stored.identical, 'transcript')} already in the library (identical) ${stored.identical === 1 ? 'was' : 'were'} not added again.`);

    // Active rubric: a rubric file offered to a desk without one (or the first run) becomes it.
    let active = await getSetting(database, 'activeRubricHash');
    let activatedRubricHash: string | undefined;
    const candidate = plan.rubrics[0]?.hash;
    if (candidate && (options.activateRubric === 'always' || (options.activateRubric === 'if-none' && !active && plan.transcripts.length === 0))) {
      await database.settings.put({ key: 'activeRubricHash', value: candidate });
      active = activatedRubricHash = candidate;
    }

    const rubricHashes = plan.rubrics.map((r) => r.hash);
    // Nothing new at all (every transcript and rubric already stored): keep no empty source.
    if (stored.added.length === 0 && newRubrics.length === 0) {
      return { source: null, transcripts: 0, rubrics: 0, queued: 0, notes, rubricHashes, unbound: 0, identical: stored.identical };
    }

    const bindTo = options.bindTo === undefined ? active : (options.bindTo ?? undefined);
    if (bindTo && !(await database.rubrics.get(bindTo))) throw new Error('the rubric chosen for these transcripts is no longer in the library');
    const queued = await queueTranscripts(database, stored.added, bindTo);
    if (queued.withoutRubric) {
      notes.push(`${plural(queued.withoutRubric, 'transcript')} not queued yet: choose a rubric for ${queued.withoutRubric === 1 ? 'it' : 'them'} (Library › Sources › Queue against…).`);
    }

    if (problems.length) await database.importProblems.bulkAdd(problems);
    const paired = stored.added.filter((a) => a.ownRubricHash).length;
    const source: SourceRow = {
      ...plan.source,
      recordCount: stored.added.length + newRubrics.length,
      transcriptCount: stored.added.length,
      rubricCount: plan.rubrics.length,
      pairedCount: paired,
      problemCount: problems.length,
    };
    await database.sources.add(source);

    return {
      source,
      transcripts: stored.added.length,
      rubrics: newRubrics.length,
      queued: queued.count,
      notes,
      ...(activatedRubricHash ? { activatedRubricHash } : {}),
      rubricHashes,
      unbound: queued.withoutRubric,
      identical: stored.identical,
    };
  });
}

interface AddedTranscript {
  summary: TranscriptSummary;
  ownRubricHash?: string;
}

async function storeTranscripts(database: CustodyDb, plan: ImportPlan, problems: ImportProblemRow[]) {
  const { source } = plan;
  const ids = plan.transcripts.map((p) => p.transcript.id);
  const existingBodies = await database.transcriptBodies.bulkGet(ids);
  const existingById = new Map<string, Transcript>();
  existingBodies.forEach((b) => b && existingById.set(b.id, b.transcript));

  const taken = new Set(existingById.keys());
  const added: AddedTranscript[] = [];
  const bodies: TranscriptBody[] = [];
  let identical = 0;

  for (const planned of plan.transcripts) {
    let transcript = planned.transcript;
    const prior = existingById.get(transcript.id);
    if (prior && canonicalJson(prior) === canonicalJson(transcript)) {
      identical++;
      continue;
    }
    if (taken.has(transcript.id)) {
      // Same id, different content (generic ids like "1" across files): keep both.
      const renamed = await freeId(database, `${transcript.id}~${source.sha256.slice(0, 8)}`, taken);
      problems.push({
        sourceId: source.id,
        sourceName: source.name,
        sample: transcript.id,
        message: `transcript id "${transcript.id}" already names a different transcript; stored as "${renamed}"`,
      });
      transcript = { ...transcript, id: renamed };
    }
    taken.add(transcript.id);
    existingById.set(transcript.id, transcript);
    bodies.push({ id: transcript.id, transcript });
    added.push({ summary: summarize(transcript, source.id, source.importedAt), ...(planned.ownRubricHash ? { ownRubricHash: planned.ownRubricHash } : {}) });
  }

  await database.transcripts.bulkAdd(added.map((a) => a.summary));
  await database.transcriptBodies.bulkAdd(bodies);
  return { added, identical };
}

async function freeId(database: CustodyDb, base: string, taken: Set<string>): Promise<string> {
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(id) && !(await database.transcriptBodies.get(id))) return id;
  }
}

async function queueTranscripts(database: CustodyDb, added: AddedTranscript[], activeRubricHash: string | undefined) {
  const annotator = await getAnnotator(database);
  const last = await database.queue.orderBy('order').last();
  let order = last?.order ?? 0;
  const items: QueueItem[] = [];
  let withoutRubric = 0;
  for (const { summary, ownRubricHash } of added) {
    const rubricHash = ownRubricHash ?? activeRubricHash;
    if (!rubricHash) {
      withoutRubric++;
      continue;
    }
    items.push({
      id: annotationId(summary.id, rubricHash, annotator.id),
      transcriptId: summary.id,
      rubricHash,
      annotatorId: annotator.id,
      order: ++order,
      status: 'todo',
      title: summary.title,
      agentName: summary.agentName,
      tags: summary.tags,
      ...(summary.noResponse ? { noResponse: true } : {}),
    });
  }
  // A kept queue item (work begun before its source was removed) is never reset.
  const existing = await database.queue.bulkGet(items.map((i) => i.id));
  const fresh = items.filter((_, i) => !existing[i]);
  await database.queue.bulkAdd(fresh);
  return { count: fresh.length, withoutRubric };
}
