// Access-log imports: files are staged with the detector's verdict (the auditor may
// override the format or pick a mapping), then ingested one at a time by the engine in
// its worker. Cancel asks first: keep what was committed (a partial source) or discard it.
import { plural } from '../../common/format.ts';
import { create } from 'zustand';
import type { IngestJob, IngestProgress, IngestResult, LogSource } from '../../logs/engine/contract.ts';
import { useStatus } from '../../common/status.ts';
import { detectHead, type DetectedFormat } from './detection.ts';
import { logEngine, openLogEngine } from './engine-instance.ts';
import { useLogsUi } from './store.ts';
import { findStagedTwins } from './staged-twins.ts';

export type LogFile = Blob & { name: string };

export interface StagedFile {
  key: string;
  file: LogFile;
  detection?: DetectedFormat;
  detectError?: string;
  /** The auditor's reader choice; undefined follows detection. */
  format?: string;
  mappingId?: string;
  /** Set when these exact bytes (same SHA-256) are already a stored source. */
  duplicateOf?: LogSource;
  /** Set when a file staged before this one holds the same bytes: that file's name. */
  sameAs?: string;
}

export interface ImportReport {
  key: string;
  name: string;
  status: IngestResult['status'] | 'failed';
  message: string;
  events?: number;
  problems?: number;
  partial?: boolean;
  /** The stored source the report is about (imported, kept partial, or the duplicate's twin). */
  sourceId?: string;
}

/** Reports still true of the store: one about a source that has since been removed goes away with it. */
export function currentReports(reports: readonly ImportReport[], removed: ReadonlySet<string>): ImportReport[] {
  return reports.filter((r) => r.sourceId === undefined || !removed.has(r.sourceId));
}

/**
 * Source ids listed before and missing now. (Not simply "absent from the list": a report
 * can arrive a moment before the refreshed list that includes its new source.)
 */
export function removedSources(seen: Set<string>, current: readonly { id: string }[]): Set<string> {
  const now = new Set(current.map((s) => s.id));
  for (const id of now) seen.add(id);
  return new Set([...seen].filter((id) => !now.has(id)));
}

interface Running {
  key: string;
  name: string;
  size: number;
  progress?: IngestProgress;
  job: IngestJob;
  startedAt: number;
}

export type CancelChoice = 'keep' | 'discard';

interface ImportState {
  staged: StagedFile[];
  queue: StagedFile[];
  running: Running | null;
  /** Set while the cancel question is showing; the import keeps running meanwhile. */
  askingCancel: boolean;
  cancelChoice: CancelChoice | null;
  reports: ImportReport[];
  stage: (files: LogFile[]) => void;
  unstage: (key: string) => void;
  choose: (key: string, patch: Partial<Pick<StagedFile, 'format' | 'mappingId'>>) => void;
  startStaged: () => void;
  /** Straight to the engine, no staging (Library picks and the demo workspace). */
  ingest: (files: LogFile[]) => Promise<ImportReport[]>;
  askCancel: () => void;
  answerCancel: (choice: CancelChoice | 'continue') => void;
  dismissReports: () => void;
}

let seq = 0;
const nextKey = () => `f${++seq}`;
const waiters = new Map<string, (r: ImportReport) => void>();
let pumping = false;

/** A file nothing recognized needs the auditor to pick a reader (and maybe a mapping) first. */
export function needsReader(s: StagedFile): boolean {
  if (s.format || s.mappingId) return false;
  return s.detection !== undefined && (s.detection.kind !== 'access-log' || !s.detection.format);
}

function describe(result: IngestResult, name: string, choice: CancelChoice | null): ImportReport {
  const source = result.source;
  const kept = result.status !== 'rejected' && !(result.status === 'cancelled' && choice === 'discard');
  const base = { key: '', name, status: result.status, events: source?.eventCount, problems: source?.errorCount, ...(kept && source ? { sourceId: source.id } : {}) };
  switch (result.status) {
    case 'imported':
      return { ...base, message: `${plural(source?.eventCount ?? 0, 'event')} imported as ${source?.format ?? 'unknown format'}${source?.errorCount ? `, ${plural(source.errorCount, 'problem')}` : ''}` };
    case 'duplicate':
      return { ...base, message: result.message ?? 'Already imported; skipped (nothing counted twice).' };
    case 'cancelled':
      return choice === 'discard'
        ? { ...base, message: 'Cancelled; the events read so far were discarded.' }
        : source && source.eventCount > 0
          ? { ...base, partial: true, message: `Cancelled; kept ${plural(source.eventCount, 'event')} as a partial source. Import the same file again to resume.` }
          : { ...base, message: result.message ?? 'Cancelled before any events were stored.' };
    case 'rejected':
      return { ...base, message: result.message ?? 'Rejected; nothing was stored.' };
  }
}

export const useImports = create<ImportState>((set, get) => {
  const finish = (item: StagedFile, report: ImportReport) => {
    set((s) => ({ running: null, askingCancel: false, reports: [...s.reports, report] }));
    useLogsUi.getState().dataChanged();
    const tone = report.status === 'imported' ? 'ok' : report.status === 'duplicate' || report.status === 'cancelled' ? 'warn' : 'danger';
    useStatus.getState().say(`${item.file.name}: ${report.message}`, tone);
    waiters.get(item.key)?.(report);
    waiters.delete(item.key);
  };

  const runOne = async (item: StagedFile): Promise<ImportReport> => {
    const failed = (err: unknown): ImportReport => ({ key: item.key, name: item.file.name, status: 'failed', message: `Import failed: ${err instanceof Error ? err.message : String(err)}` });
    let job: IngestJob;
    try {
      await openLogEngine();
      job = logEngine().ingest(item.file, {
        ...(item.format ? { format: item.format } : {}),
        ...(item.mappingId ? { mappingId: item.mappingId } : {}),
        // Always keep on cancel; "discard" removes the partial source afterwards, so the
        // question can be asked while the import is still running.
        onCancel: 'keep',
        onProgress: (progress) => set((s) => (s.running?.key === item.key ? { running: { ...s.running, progress } } : {})),
      });
    } catch (err) {
      return failed(err);
    }
    set({ running: { key: item.key, name: item.file.name, size: item.file.size, job, startedAt: Date.now() }, cancelChoice: null, askingCancel: false });
    useStatus.getState().work(`Importing ${item.file.name}…`);
    try {
      const result = await job.done;
      const choice = get().cancelChoice;
      if (result.status === 'cancelled' && choice === 'discard' && result.source) await logEngine().removeSource(result.source.id);
      return { ...describe(result, item.file.name, choice), key: item.key };
    } catch (err) {
      return failed(err);
    }
  };

  // Twins within what is staged now (this batch and any still waiting). Only the latest
  // answer is applied: an earlier one, still hashing, may name a file since unstaged.
  let twinsAsked = 0;
  const markTwins = (): void => {
    const asked = ++twinsAsked;
    findStagedTwins(get().staged).then(
      (twins) => {
        if (asked !== twinsAsked) return;
        set((s) => ({ staged: s.staged.map((x) => (twins.get(x.key) === x.sameAs ? x : { ...x, sameAs: twins.get(x.key) })) }));
      },
      () => {}, // the import itself still checks
    );
  };

  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      for (let next = get().queue[0]; next; next = get().queue[0]) {
        set((s) => ({ queue: s.queue.slice(1) }));
        finish(next, await runOne(next));
      }
    } finally {
      pumping = false;
    }
  };

  return {
    staged: [],
    queue: [],
    running: null,
    askingCancel: false,
    cancelChoice: null,
    reports: [],
    stage(files) {
      const added = files.map((file) => ({ key: nextKey(), file }));
      set((s) => ({ staged: [...s.staged, ...added] }));
      const patch = (key: string, p: Partial<StagedFile>) => set((s) => ({ staged: s.staged.map((x) => (x.key === key ? { ...x, ...p } : x)) }));
      for (const item of added) {
        // Already imported? Said at staging, from the engine's fingerprint + SHA-256 (not a guess by name).
        openLogEngine()
          .then(() => logEngine().findImported?.(item.file))
          .then(
            (twin) => twin && patch(item.key, { duplicateOf: twin }),
            () => {}, // the import itself still checks
          );
        detectHead(item.file).then(
          (detection) => set((s) => ({ staged: s.staged.map((x) => (x.key === item.key ? { ...x, detection } : x)) })),
          (err: unknown) => set((s) => ({ staged: s.staged.map((x) => (x.key === item.key ? { ...x, detectError: String(err) } : x)) })),
        );
      }
      markTwins();
    },
    unstage: (key) => {
      set((s) => ({ staged: s.staged.filter((x) => x.key !== key) }));
      markTwins();
    },
    choose: (key, patch) => set((s) => ({ staged: s.staged.map((x) => (x.key === key ? { ...x, ...patch } : x)) })),
    startStaged() {
      const ready = get().staged.filter((s) => !needsReader(s));
      if (!ready.length) return;
      set((s) => ({ staged: s.staged.filter((x) => !ready.includes(x)), queue: [...s.queue, ...ready], reports: [] }));
      void pump();
    },
    ingest(files) {
      const items = files.map((file) => ({ key: nextKey(), file }));
      const done = Promise.all(items.map((item) => new Promise<ImportReport>((resolve) => waiters.set(item.key, resolve))));
      set((s) => ({ queue: [...s.queue, ...items] }));
      void pump();
      return done;
    },
    askCancel: () => set({ askingCancel: true }),
    answerCancel(choice) {
      if (choice === 'continue') return set({ askingCancel: false });
      const running = get().running;
      set({ askingCancel: false, cancelChoice: choice });
      // Cancel stops the batch: files still waiting go back to the staged list.
      set((s) => ({ staged: [...s.queue.filter((q) => !waiters.has(q.key)), ...s.staged], queue: s.queue.filter((q) => waiters.has(q.key)) }));
      running?.job.cancel();
    },
    dismissReports: () => set({ reports: [] }),
  };
});
