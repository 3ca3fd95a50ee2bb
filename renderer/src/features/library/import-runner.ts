// UI state of the import in progress and the last batch's results, shared by the
// Library screen and the app menu (File › Import…).
import { plural } from '../../common/format.ts';
import { create } from 'zustand';
import type { FilePayload } from '../../../../shared/ipc/contract.ts';
import { platform } from '../../platform/index.ts';
import { useStatus } from '../../common/status.ts';
import { importFiles } from './import.ts';
import { routeAccessLog } from './access-logs.ts';
import { type ImportOutcome, type ImportProgress } from './outcome.ts';

export const importExtensions = ['json', 'jsonl', 'eval', 'traj', 'csv', 'gz'];

interface ImportRunner {
  running: boolean;
  progress?: ImportProgress;
  /** Results of the last batch, shown until dismissed or replaced. */
  outcomes: ImportOutcome[];
  controller?: AbortController;
  run: (files: FilePayload[]) => Promise<void>;
  pickAndRun: () => Promise<void>;
  cancel: () => void;
  dismiss: () => void;
}

const phaseWords: Record<ImportProgress['phase'], string> = {
  hashing: 'Checking',
  parsing: 'Reading',
  writing: 'Storing',
  done: 'Finished',
};

export function describeProgress(p: ImportProgress): string {
  const of = p.total > 1 ? ` (${p.index + 1} of ${p.total})` : '';
  return `${phaseWords[p.phase]} ${p.name}${of}…`;
}

function batchSummary(outcomes: ImportOutcome[]): { text: string; tone: 'ok' | 'warn' | 'danger' } {
  const count = (s: ImportOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  const transcripts = outcomes.reduce((n, o) => n + (o.status === 'imported' ? o.transcripts : 0), 0);
  const parts: string[] = [];
  if (count('imported')) parts.push(`Imported ${plural(count('imported'), 'file')} (${plural(transcripts, 'transcript')})`);
  if (count('duplicate')) parts.push(`${count('duplicate')} already imported`);
  if (count('skipped')) parts.push(`${count('skipped')} not stored`);
  if (count('forwarded')) parts.push(`${plural(count('forwarded'), 'access log')} sent to Logs`);
  if (count('rejected')) parts.push(`${plural(count('rejected'), 'file')} rejected`);
  if (count('cancelled')) parts.push(`${count('cancelled')} cancelled`);
  const tone = count('rejected') ? 'danger' : count('imported') === outcomes.length ? 'ok' : 'warn';
  const text = parts.join(', ');
  return { text: text.charAt(0).toUpperCase() + text.slice(1), tone };
}

export const useImportRunner = create<ImportRunner>((set, get) => ({
  running: false,
  outcomes: [],
  async run(files) {
    if (get().running || files.length === 0) return;
    const controller = new AbortController();
    set({ running: true, outcomes: [], controller, progress: undefined });
    const status = useStatus.getState();
    try {
      const outcomes = await importFiles(files, {
        signal: controller.signal,
        accessLogs: routeAccessLog,
        onProgress: (progress) => {
          set((s) => ({ progress, outcomes: progress.outcome ? [...s.outcomes, progress.outcome] : s.outcomes }));
          if (progress.phase !== 'done') status.work(describeProgress(progress));
        },
      });
      const summary = batchSummary(outcomes);
      status.say(summary.text, summary.tone);
    } catch (err) {
      status.say(`Import failed: ${err instanceof Error ? err.message : String(err)}`, 'danger');
    } finally {
      set({ running: false, controller: undefined, progress: undefined });
    }
  },
  async pickAndRun() {
    if (get().running) return;
    const files = await platform.openFiles({ title: 'Import files', extensions: importExtensions, multiple: true });
    await get().run(files);
  },
  cancel() {
    get().controller?.abort();
  },
  dismiss() {
    set({ outcomes: [] });
  },
}));
