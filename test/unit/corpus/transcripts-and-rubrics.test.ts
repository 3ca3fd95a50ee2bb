// The readers against real public files (../shared/corpus, or CUSTODY_CORPUS=dir).
// Expected figures were counted from the files with plain JSON tooling, not with these readers.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAny } from '../../../shared/formats/read.ts';
import { readers } from '../../../shared/formats/registry.ts';
import { openInspectEval } from '../../../shared/formats/transcripts/inspect-eval.ts';
import { Transcript } from '../../../shared/model/transcript.ts';
import { RubricContent } from '../../../shared/model/rubric.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS = resolve(REPO, process.env.CUSTODY_CORPUS ?? '../shared/corpus');
const present = existsSync(join(CORPUS, 'transcripts')) && existsSync(join(CORPUS, 'rubrics'));

interface Expected {
  format: string;
  transcripts: number;
  messages: number;
  toolCalls: number;
  rubrics?: number;
  criteria?: number;
}

const POPULARITY = 'transcripts/inspect-ai/2025-02-11T15-17-00-05-00_popularity_dPiJifoWeEQBrfWsAopzWr.eval';
const HEALTHBENCH_30 = 'rubrics/healthbench/2025-05-07-06-14-12_oss_eval.first30.jsonl';

const SUPPORTED: Record<string, Expected> = {
  'transcripts/tau-bench/gpt-4o-airline.trial0-first20.json': { format: 'tau-bench', transcripts: 20, messages: 610, toolCalls: 123 },
  'transcripts/inspect-ai/2025-05-12T20-27-36-04-00_browser.json': { format: 'inspect-json', transcripts: 1, messages: 10, toolCalls: 4 },
  [POPULARITY]: { format: 'inspect-eval', transcripts: 10, messages: 30, toolCalls: 0 },
  'transcripts/swe-agent/marshmallow-code__marshmallow-1867.function_calling_replace.traj': { format: 'swe-agent', transcripts: 1, messages: 24, toolCalls: 11 },
  // Legacy: the 12 trajectory[].action commands are the tool calls.
  'transcripts/swe-agent/pydicom__pydicom-1458.traj': { format: 'swe-agent', transcripts: 1, messages: 26, toolCalls: 12 },
  // 74 prompt messages plus the 24 rows that carry an ideal completion.
  [HEALTHBENCH_30]: { format: 'healthbench', transcripts: 30, messages: 98, toolCalls: 0, rubrics: 30, criteria: 352 },
  'rubrics/healthbench/2025-05-07-06-14-12_oss_eval_example_2.json': { format: 'healthbench', transcripts: 1, messages: 2, toolCalls: 0, rubrics: 1, criteria: 10 },
  'rubrics/inspect-ai/2025-05-12T20-28-26-04-00_security-guide.json': { format: 'inspect-json', transcripts: 3, messages: 9, toolCalls: 0 },
};

/**
 * Files under transcripts/ that are access logs as much as transcripts: read by the
 * access-log readers (test/unit/corpus/access-logs.test.ts covers access-logs/).
 */
const ACCESS_LOGS: Record<string, { format: string; events: number }> = {
  // Bedrock model-invocation logs: who (identity.arn) invoked which model, when.
  'transcripts/aws-bedrock/panther_bedrock_model_invocation_test_events.jsonl': { format: 'generic-jsonl', events: 6 },
  // A plain OTLP trace: one span, no gen_ai attributes, so a lower confidence.
  'transcripts/otel-genai/otlp-proto-examples-trace.json': { format: 'otel-spans', events: 1 },
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function load(path: string) {
  return readAny({ name: path.split('/').pop() ?? path, bytes: new Uint8Array(readFileSync(join(CORPUS, path))) });
}

const files = present ? ['transcripts', 'rubrics'].flatMap((d) => filesUnder(join(CORPUS, d))).map((f) => relative(CORPUS, f)).sort() : [];
const supported = files.filter((f) => f in SUPPORTED);
const unsupported = files.filter((f) => !(f in SUPPORTED) && !(f in ACCESS_LOGS));
const accessLogs = files.filter((f) => f in ACCESS_LOGS);

if (!present) console.warn(`corpus not found at ${CORPUS}, corpus suite skipped (set CUSTODY_CORPUS=dir to point at it)`);

describe.skipIf(!present)(`corpus at ${CORPUS}`, () => {
  if (!present) {
    // The one (skipped) test a run without the corpus shows, saying why.
    it(`corpus not found at ${CORPUS}, corpus suite skipped`, () => {});
    return;
  }

  it('holds every file this suite expects to read', () => {
    expect(supported.sort()).toEqual(Object.keys(SUPPORTED).sort());
    expect(unsupported.length).toBeGreaterThan(0);
  });

  it.each(supported)('%s is detected and read with the counts of the file', (path) => {
    const want = SUPPORTED[path]!;
    const { detection, result } = load(path);
    expect(detection).toMatchObject({ format: want.format, kind: 'transcripts' });
    expect(detection.confidence).toBeGreaterThanOrEqual(0.9);
    const messages = result.transcripts.flatMap((t) => t.messages);
    expect({
      format: result.format,
      transcripts: result.transcripts.length,
      messages: messages.length,
      toolCalls: messages.reduce((n, m) => n + m.toolCalls.length, 0),
      ...(want.rubrics !== undefined ? { rubrics: result.rubrics.length, criteria: result.rubrics.reduce((n, r) => n + r.criteria.length, 0) } : {}),
    }).toEqual(want);
    expect(result.errors).toEqual([]);
  });

  it.each(supported)('%s yields valid, uniquely identified, linked records, with ids stable across re-imports', (path) => {
    const { result } = load(path);
    const ids = result.transcripts.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(load(path).result.transcripts.map((t) => t.id)).toEqual(ids);
    for (const t of result.transcripts) {
      expect(Transcript.safeParse(t).success).toBe(true);
      const messageIds = t.messages.map((m) => m.id);
      expect(new Set(messageIds).size).toBe(messageIds.length);
      // Every tool result answers a call made earlier in the same transcript.
      const calls = new Set(t.messages.flatMap((m) => m.toolCalls.map((c) => c.id)));
      for (const m of t.messages) if (m.toolResult?.toolCallId) expect(calls.has(m.toolResult.toolCallId)).toBe(true);
    }
    for (const r of result.rubrics) expect(RubricContent.safeParse(r).success).toBe(true);
  });

  it('keeps HealthBench points signed and links each transcript to its rubric', () => {
    const { result } = load(HEALTHBENCH_30);
    expect(result.rubrics.flatMap((r) => r.criteria).filter((c) => c.points < 0)).toHaveLength(102);
    const rubricIds = new Set(result.rubrics.map((r) => r.id));
    for (const t of result.transcripts) expect(rubricIds.has(String(t.metadata.rubricId))).toBe(true);
  });

  it('lists the popularity .eval from its header and inflates samples on demand', () => {
    const archive = openInspectEval(new Uint8Array(readFileSync(join(CORPUS, POPULARITY))));
    expect(archive.problems).toEqual([]);
    expect(archive.header?.eval.task).toBe('popularity');
    expect(archive.sampleNames).toHaveLength(10);
    expect(archive.sampleNames[0]).toBe('samples/1_epoch_1.json');
    expect(archive.readSample('samples/10_epoch_1.json').transcript?.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
  });

  it.each(accessLogs)('%s is read as an access log', (path) => {
    const want = ACCESS_LOGS[path]!;
    const { detection, result } = load(path);
    expect(detection).toMatchObject({ kind: 'access-log', format: want.format });
    expect(result.events).toHaveLength(want.events);
    expect(result.transcripts).toEqual([]);
  });

  it.each(unsupported)('%s is reported unknown, naming every format tried', (path) => {
    const { detection, result } = load(path);
    expect(detection).toMatchObject({ kind: 'unknown', format: null });
    expect(detection.tried.map((t) => t.format)).toEqual(readers.map((r) => r.format));
    for (const t of detection.tried) expect(detection.reason).toContain(`${t.format}: ${t.reason}`);
    expect(result.transcripts).toEqual([]);
  });
});
