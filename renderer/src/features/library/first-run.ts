// First run: an empty desk opens the embedded demo workspace, rubric first so the
// transcripts are queued against it. Safe to run again after a reload mid-way:
// each file imports atomically and known bytes are skipped.
import { z } from 'zod';
import type { FilePayload } from '../../../../shared/ipc/contract.ts';
import { db as appDb, type CustodyDb } from '../../db/database.ts';
import { getSetting, setSetting } from '../../db/settings.ts';
import { platform as appPlatform } from '../../platform/index.ts';
import type { Platform } from '../../platform/platform.ts';
import { importFiles } from './import.ts';
import type { ImportOutcome } from './outcome.ts';
import type { ParseFn } from '../../workers/import-protocol.ts';
import { forwardAccessLogs } from './access-logs.ts';

export const WorkspaceManifest = z.object({
  format: z.literal('custody.workspace'),
  version: z.literal(1),
  title: z.string().min(1),
  files: z.array(z.object({ path: z.string().min(1), kind: z.string(), vendor: z.string().optional() })),
  annotator: z.object({ id: z.string().min(1), name: z.string().min(1) }),
});
export type WorkspaceManifest = z.infer<typeof WorkspaceManifest>;

export interface FirstRunReport {
  /** False when the desk already had a workspace. */
  seeded: boolean;
  title?: string;
  outcomes: ImportOutcome[];
}

export interface FirstRunOptions {
  database?: CustodyDb;
  platform?: Pick<Platform, 'readDemoWorkspace'>;
  parse?: ParseFn;
  /** Hands the manifest's access logs to the log engine; without it they are listed as not stored. */
  accessLogs?: (files: FilePayload[]) => Promise<ImportOutcome[]>;
}

async function seed(options: FirstRunOptions): Promise<FirstRunReport> {
  const database = options.database ?? appDb();
  if (await getSetting(database, 'workspaceSeeded')) return { seeded: false, outcomes: [] };
  const resuming = Boolean(await getSetting(database, 'workspaceSeeding'));
  // A desk that already holds the user's own data is left alone.
  if (!resuming && (await database.sources.count()) > 0) return { seeded: false, outcomes: [] };
  await setSetting(database, 'workspaceSeeding', new Date().toISOString());

  const files = await (options.platform ?? appPlatform).readDemoWorkspace();
  const manifestFile = files.find((f) => f.name === 'workspace.json');
  if (!manifestFile) throw new Error('the demo workspace has no workspace.json');
  const manifest = WorkspaceManifest.parse(JSON.parse(new TextDecoder().decode(manifestFile.bytes)));
  await setSetting(database, 'workspaceTitle', manifest.title);
  if (!resuming || !(await getSetting(database, 'annotator'))) await setSetting(database, 'annotator', manifest.annotator);

  const byKind = (kind: string): FilePayload[] =>
    manifest.files.filter((f) => f.kind === kind).flatMap((f) => files.filter((file) => file.name === f.path));
  const common = { database, ...(options.parse ? { parse: options.parse } : {}) };
  // The demo's transcripts are queued against the demo's rubric, but that is not made the
  // desk's choice for later imports: what the user imports next is bound as they choose.
  const rubricOutcomes = await importFiles(byKind('rubric'), common);
  const demoRubric = await demoRubricHash(database, rubricOutcomes);
  const outcomes = [
    ...rubricOutcomes,
    ...(await importFiles(byKind('transcripts'), { ...common, bindTo: demoRubric ?? null })),
    ...(options.accessLogs ? await options.accessLogs(byKind('access-log')) : byKind('access-log').map(accessLogLater)),
  ];
  await setSetting(database, 'workspaceSeeded', new Date().toISOString());
  return { seeded: true, title: manifest.title, outcomes };
}

/** The demo rubric's hash: from this run's import, or (a resumed run) the stored rubric file. */
async function demoRubricHash(database: CustodyDb, outcomes: ImportOutcome[]): Promise<string | undefined> {
  for (const o of outcomes) {
    if (o.status === 'imported' && o.rubricHashes[0]) return o.rubricHashes[0];
    if (o.status === 'duplicate') {
      // Already imported before a reload: the rubric stored with that source's import time.
      const source = await database.sources.get(o.sourceId);
      const stored = source ? await database.rubrics.filter((r) => r.createdAt === source.importedAt).first() : undefined;
      if (stored) return stored.hash;
    }
  }
  return undefined;
}

function accessLogLater(file: FilePayload): ImportOutcome {
  return {
    status: 'skipped',
    name: file.name,
    size: file.bytes.byteLength,
    kind: 'access-log',
    format: 'access log',
    message: 'Access log not imported yet: access-log import arrives with the auditor workbench.',
  };
}

let pending: Promise<FirstRunReport> | undefined;

/** Opens the demo workspace on an empty desk. The app's call is shared (StrictMode runs effects twice). */
export function ensureWorkspace(options?: FirstRunOptions): Promise<FirstRunReport> {
  if (options) return seed(options);
  pending ??= seed({ accessLogs: forwardAccessLogs }).finally(() => {
    pending = undefined;
  });
  return pending;
}
