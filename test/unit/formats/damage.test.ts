// Damaged input (cut short, bytes flipped) must never throw, and whatever a reader still
// gets out of it must be valid model data.
import { describe, expect, it } from 'vitest';
import { Transcript } from '../../../shared/model/transcript.ts';
import { RubricContent } from '../../../shared/model/rubric.ts';
import type { FormatReader, InputFile } from '../../../shared/formats/types.ts';
import { readers } from '../../../shared/formats/registry.ts';
import { detectFormat } from '../../../shared/formats/detect.ts';
import { AccessEvent } from '../../../shared/model/access-event.ts';
import { damaged, evalArchive, fixture, fixtureJson } from './fixtures.ts';

const samples: Record<string, InputFile[]> = {
  'custody-transcripts': [fixture('custody/transcripts.json')],
  'custody-rubric': [fixture('custody/rubric.json')],
  'inspect-eval': [{ name: 'pantry.eval', bytes: evalArchive(fixtureJson('inspect/log.json') as Record<string, unknown>) }],
  'inspect-json': [fixture('inspect/log.json')],
  healthbench: [fixture('healthbench/examples.jsonl'), fixture('healthbench/single.json')],
  'tau-bench': [fixture('tau-bench/trajectories.json')],
  'swe-agent': [fixture('swe-agent/v1.traj'), fixture('swe-agent/legacy.traj')],
  'openai-chat': [fixture('openai/conversation.json'), fixture('openai/conversations.json'), fixture('openai/conversations.jsonl')],
  // Access logs (their own property tests are in test/unit/access-logs/fuzz.test.ts).
  'okta-system-log': [fixture('../access-logs/okta/system-log.jsonl'), fixture('../access-logs/okta/system-log-array.json')],
  'descope-audit': [fixture('../access-logs/descope/audit.json'), fixture('../access-logs/descope/search-response.json')],
  'auth0-logs': [fixture('../access-logs/auth0/tenant-logs.jsonl')],
  'aws-cloudtrail': [fixture('../access-logs/cloudtrail/records.json'), fixture('../access-logs/cloudtrail/records.jsonl')],
  'aws-cloudtrail-csv': [fixture('../access-logs/cloudtrail/console-export.csv')],
  ocsf: [fixture('../access-logs/ocsf/events.jsonl')],
  'otel-spans': [fixture('../access-logs/otel/genai-mcp.json'), fixture('../access-logs/otel/collector.jsonl')],
  'generic-jsonl': [fixture('../access-logs/generic/github-like.jsonl')],
  'generic-json': [fixture('../access-logs/generic/single-object.json')],
  'generic-csv': [fixture('../access-logs/generic/logins.csv'), fixture('../access-logs/generic/ragged.csv')],
};

const VARIANTS = 150;

function checkRead(reader: FormatReader, file: InputFile): void {
  const result = reader.read(file);
  expect(result.format).toBe(reader.format);
  for (const t of result.transcripts) expect(Transcript.safeParse(t).success).toBe(true);
  for (const r of result.rubrics) expect(RubricContent.safeParse(r).success).toBe(true);
  for (const e of result.events ?? []) expect(AccessEvent.safeParse(e).success).toBe(true);
  for (const e of result.errors) expect(typeof e.message).toBe('string');
}

describe.each(readers.map((r) => [r.format, r] as const))('%s on damaged input', (format, reader) => {
  it('has fixtures', () => expect(samples[format]?.length).toBeGreaterThan(0));

  it(`never throws over ${VARIANTS} truncations and byte flips per fixture`, () => {
    for (const [n, original] of (samples[format] ?? []).entries()) {
      for (const file of damaged(original, VARIANTS, 1000 + n)) {
        expect(() => checkRead(reader, file)).not.toThrow();
        expect(() => detectFormat(file)).not.toThrow();
      }
    }
  });
});
