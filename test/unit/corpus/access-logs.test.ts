// The access-log readers against real public samples (../shared/corpus/access-logs, or
// CUSTODY_CORPUS=dir). Every JSON, JSONL, CSV or gzip file must be detected (its vendor's
// reader, or generic JSONL/JSON/CSV for vendors without one) and read with as many events
// as it has records — counted here with plain JSON.parse and line splitting, not with the
// readers. YAML test scenarios get a plain "unsupported format" answer.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readAny } from '../../../shared/formats/read.ts';
import { AccessEvent } from '../../../shared/model/access-event.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS = resolve(REPO, process.env.CUSTODY_CORPUS ?? '../shared/corpus');
const LOGS = join(CORPUS, 'access-logs');
const present = existsSync(LOGS);

/** The reader each file should get: the vendor's, or a generic one for vendors without a reader. */
const FORMATS: Record<string, string> = {
  '1password/panther_onepassword_rules_test_events.jsonl': 'generic-jsonl',
  'anthropic-activity/panther_anthropic_rules_test_events.jsonl': 'generic-jsonl',
  'auth0/panther_auth0_rules_test_events.jsonl': 'auth0-logs',
  'aws-cloudtrail/otrf_AWS_S3_HoneyBucketLogs.csv': 'aws-cloudtrail-csv',
  'aws-cloudtrail/otrf_ec2_proxy_s3_exfiltration_2020-09-14011940.json': 'aws-cloudtrail',
  'aws-cloudtrail/panther_aws_cloudtrail_rules_test_events.jsonl': 'aws-cloudtrail',
  'aws-cloudtrail/stratus-red-team/aws.credential-access.secretsmanager-retrieve-secrets.json': 'aws-cloudtrail',
  'aws-cloudtrail/stratus-red-team/aws.execution.ssm-start-session.json': 'aws-cloudtrail',
  'aws-cloudtrail/stratus-red-team/aws.impact.bedrock-invoke-model.json': 'aws-cloudtrail',
  'aws-cloudtrail/stratus-red-team/aws.initial-access.console-login-without-mfa.json': 'aws-cloudtrail',
  'aws-cloudtrail/stratus-red-team/aws.persistence.iam-create-admin-user.json': 'aws-cloudtrail',
  'aws-cloudtrail/stratus-red-team/aws.persistence.iam-create-user-login-profile.json': 'aws-cloudtrail',
  'aws-cloudtrail/stratus-red-team/aws.persistence.sts-federation-token.json': 'aws-cloudtrail',
  'azure-entra-id/otrf_AADAuditEvents.json': 'generic-jsonl',
  'azure-entra-id/panther_azure_signin_rules_test_events.jsonl': 'generic-jsonl',
  'duo/panther_duo_rules_test_events.jsonl': 'generic-jsonl',
  'gcp-audit/panther_gcp_audit_rules_test_events.jsonl': 'generic-jsonl',
  'github-audit/panther_github_rules_test_events.jsonl': 'generic-jsonl',
  'google-workspace/panther_gsuite_activityevent_rules_test_events.jsonl': 'generic-jsonl',
  'microsoft-365/otrf_OfficeActivityEvents.json': 'generic-json',
  'okta/panther_okta_rules_test_events.jsonl': 'okta-system-log',
  'onelogin/panther_onelogin_rules_test_events.jsonl': 'generic-jsonl',
  'openai-audit/panther_openai_rules_test_events.jsonl': 'generic-jsonl',
  'slack-audit/panther_slack_rules_test_events.jsonl': 'generic-jsonl',
  'snowflake/panther_snowflake_loginhistory_test_events.jsonl': 'generic-jsonl',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Records in a file, counted without the readers: a JSON document's array (or envelope), JSON Lines, CSV rows. */
function countRecords(path: string, text: string): number {
  if (path.endsWith('.csv')) {
    const rows = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    // No quoted field in these exports spans lines: each quote count per line is even.
    for (const row of rows) expect((row.match(/"/g) ?? []).length % 2, row).toBe(0);
    return rows.length - 1;
  }
  try {
    const whole: unknown = JSON.parse(text);
    if (Array.isArray(whole)) return whole.length;
    const records = (whole as Record<string, unknown>).Records;
    return Array.isArray(records) ? records.length : 1;
  } catch {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    for (const line of lines) JSON.parse(line);
    return lines.length;
  }
}

function load(path: string, bytes = new Uint8Array(readFileSync(join(LOGS, path)))) {
  return readAny({ name: path.split('/').pop()!, bytes });
}

const files = present ? filesUnder(LOGS).map((f) => relative(LOGS, f)).sort() : [];
const readable = files.filter((f) => /\.(json|jsonl|csv|gz)$/.test(f));
const yaml = files.filter((f) => /\.ya?ml$/.test(f));

if (!present) console.warn(`corpus not found at ${LOGS}, access-log corpus suite skipped (set CUSTODY_CORPUS=dir to point at it)`);

describe.skipIf(!present)(`access-log corpus at ${LOGS}`, () => {
  if (!present) {
    it(`corpus not found at ${LOGS}, access-log corpus suite skipped`, () => {});
    return;
  }

  it('holds every file this suite expects, and nothing it does not classify', () => {
    expect(readable).toEqual(Object.keys(FORMATS).sort());
    expect(files.filter((f) => !readable.includes(f) && !yaml.includes(f))).toEqual([]);
    expect(yaml.length).toBeGreaterThan(0);
  });

  it.each(readable)('%s is detected and read with one event per record, without problems', (path) => {
    const text = readFileSync(join(LOGS, path), 'utf8');
    const expected = countRecords(path, text);
    const { detection, result } = load(path);
    expect(detection).toMatchObject({ kind: 'access-log', format: FORMATS[path] });
    expect(detection.confidence).toBeGreaterThanOrEqual(0.5);
    expect(result.errors).toEqual([]);
    const events = result.events ?? [];
    expect(events).toHaveLength(expected);
    for (const e of events) expect(AccessEvent.safeParse(e).success).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    // Nothing is dropped: each raw is the record as written.
    if (path.endsWith('.jsonl')) {
      const lines = text.split('\n');
      for (const e of events) expect(e.raw).toBe(lines[e.source.line - 1]!.replace(/\r$/, ''));
    } else if (!path.endsWith('.csv')) {
      for (const e of events) expect(JSON.parse(e.raw)).toBeTypeOf('object');
    }
  });

  it.each(readable.filter((f) => !f.endsWith('.csv')))('%s reads the same from gzip', (path) => {
    const bytes = new Uint8Array(readFileSync(join(LOGS, path)));
    const plain = load(path, bytes).result.events ?? [];
    const { detection, result } = load(`${path}.gz`, gzipSync(bytes));
    expect(detection.format).toBe(FORMATS[path]);
    expect((result.events ?? []).map((e) => e.raw)).toEqual(plain.map((e) => e.raw));
  });

  it.each(yaml)('%s gets a clear "unsupported format" answer', (path) => {
    const { detection, result } = load(path);
    expect(detection).toMatchObject({ kind: 'unknown', format: null });
    expect(detection.reason).toMatch(/^unsupported format: YAML/);
    expect(result.errors).toEqual([{ message: detection.reason }]);
  });

  it('maps real vendor fields', () => {
    const events = (path: string) => load(path).result.events ?? [];
    const login = events('aws-cloudtrail/stratus-red-team/aws.initial-access.console-login-without-mfa.json')[0]!;
    expect(login).toMatchObject({ actionClass: 'authn', outcome: 'success', mfa: { performed: false }, actor: { type: 'human' } });
    const federation = events('aws-cloudtrail/stratus-red-team/aws.persistence.sts-federation-token.json').find((e) => e.actionNative === 'GetFederationToken')!;
    expect(federation).toMatchObject({ actionClass: 'token_issue', credential: { type: 'sts_session', id: 'ASIASTJKC5GCM7ZE6LUP', expires: Date.parse('2024-11-30T20:43:17Z') * 1000 } });
    const trail = events('aws-cloudtrail/panther_aws_cloudtrail_rules_test_events.jsonl');
    expect(trail.filter((e) => e.decision === 'deny').length).toBeGreaterThanOrEqual(35);
    const okta = events('okta/panther_okta_rules_test_events.jsonl');
    expect(okta.filter((e) => e.decision === 'challenge').length).toBe(7);
    expect(okta.every((e) => e.actionNative.includes('.'))).toBe(true);
    const auth0 = events('auth0/panther_auth0_rules_test_events.jsonl');
    expect(auth0.filter((e) => e.actionNative === 'sapi').every((e) => e.credential?.jti !== undefined || e.actor.id !== undefined)).toBe(true);
    const honey = events('aws-cloudtrail/otrf_AWS_S3_HoneyBucketLogs.csv');
    expect(honey[0]).toMatchObject({ actionNative: 'ListObjects', target: { resourceIds: ['microsoft-devtest'] }, actor: { id: 'ANONYMOUS_PRINCIPAL' } });
    const gcp = events('gcp-audit/panther_gcp_audit_rules_test_events.jsonl')[0]!;
    expect(gcp).toMatchObject({ actionNative: 'v1.compute.subnetworks.patch', actor: { id: 'user1@company.io' }, src: { ip: '1.2.3.4' } });
  });
});
