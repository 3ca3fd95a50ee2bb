// Turns what a reader returned into rows, before any transaction opens: validation
// and rubric sealing are async (WebCrypto) and must not run inside a Dexie
// transaction, which would commit early on a foreign promise.
import { Transcript } from '../../../../shared/model/transcript.ts';
import type { ReadProblem } from '../../../../shared/model/import-report.ts';
import type { RubricContent } from '../../../../shared/model/rubric.ts';
import { sealRubric } from '../../../../shared/rubric/version.ts';
import type { RubricRow, SourceRow, TranscriptSummary } from '../../db/rows.ts';
import { formatOf, type ReadAnyOutput } from '../../workers/import-protocol.ts';
import { agentLabel, lacksResponse } from '../../../../shared/model/transcript-facts.ts';

export interface PlannedTranscript {
  transcript: Transcript;
  /** Hash of the rubric the file carried for this transcript, if any. */
  ownRubricHash?: string;
}

export interface ImportPlan {
  source: Omit<SourceRow, 'recordCount' | 'problemCount'>;
  transcripts: PlannedTranscript[];
  /** Sealed, one per distinct hash. */
  rubrics: RubricRow[];
  problems: ReadProblem[];
}

export function sourceIdFor(sha256: string): string {
  return `src-${sha256.slice(0, 16)}`;
}

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}

/**
 * Which rubric a transcript carries. Readers of per-sample rubric data (HealthBench)
 * say so with metadata.rubricId naming a rubric in the same file; failing that, a
 * file with exactly one rubric per transcript pairs them by position.
 */
function ownRubricIndex(t: Transcript, index: number, rubrics: RubricContent[], transcriptCount: number): number | undefined {
  const named = t.metadata['rubricId'];
  if (typeof named === 'string') {
    const found = rubrics.findIndex((r) => r.id === named);
    if (found >= 0) return found;
  }
  if (rubrics.length > 1 && rubrics.length === transcriptCount) return index;
  return undefined;
}

export async function planImport(
  file: { name: string; size: number; sha256: string },
  read: ReadAnyOutput,
  importedAt: string,
): Promise<ImportPlan> {
  const { detection, result } = read;
  const problems: ReadProblem[] = [...result.errors];

  // Seal each rubric once; index → hash lets transcripts point at theirs.
  const hashByIndex: (string | undefined)[] = [];
  const rubrics = new Map<string, RubricRow>();
  for (const [i, content] of result.rubrics.entries()) {
    try {
      const sealed = await sealRubric(content, importedAt);
      hashByIndex[i] = sealed.hash;
      if (!rubrics.has(sealed.hash)) rubrics.set(sealed.hash, sealed);
    } catch (err) {
      const message = err && typeof err === 'object' && 'issues' in err ? firstIssue(err as never) : String(err);
      problems.push({ sample: content?.id ?? `rubric ${i + 1}`, message: `rubric skipped: ${message}` });
    }
  }

  const transcripts: PlannedTranscript[] = [];
  for (const [i, raw] of result.transcripts.entries()) {
    const parsed = Transcript.safeParse(raw);
    if (!parsed.success) {
      problems.push({ sample: raw?.id ?? `transcript ${i + 1}`, message: `transcript skipped: ${firstIssue(parsed.error)}` });
      continue;
    }
    const rubricIndex = ownRubricIndex(parsed.data, i, result.rubrics, result.transcripts.length);
    const ownRubricHash = rubricIndex === undefined ? undefined : hashByIndex[rubricIndex];
    transcripts.push({ transcript: parsed.data, ...(ownRubricHash ? { ownRubricHash } : {}) });
  }

  return {
    source: {
      id: sourceIdFor(file.sha256),
      name: file.name,
      kind: detection.kind,
      format: formatOf(read),
      size: file.size,
      sha256: file.sha256,
      importedAt,
    },
    transcripts,
    rubrics: [...rubrics.values()],
    problems,
  };
}

function firstUserText(t: Transcript): string | undefined {
  for (const m of t.messages) {
    if (m.role !== 'user') continue;
    for (const part of m.content) if (part.type === 'text' && part.text.trim()) return part.text.trim();
  }
  return undefined;
}

function clip(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function summarize(t: Transcript, sourceId: string, importedAt: string): TranscriptSummary {
  return {
    id: t.id,
    sourceId,
    sourceFormat: t.sourceFormat,
    title: clip(t.title?.trim() || firstUserText(t) || t.id),
    agentName: agentLabel(t),
    ...(lacksResponse(t) ? { noResponse: true } : {}),
    ...(t.principalUser ? { principalUser: t.principalUser } : {}),
    messageCount: t.messages.length,
    toolCallCount: t.messages.reduce((n, m) => n + m.toolCalls.length, 0),
    tags: t.tags,
    ...(t.startedAt ? { startedAt: t.startedAt } : {}),
    importedAt,
  };
}
