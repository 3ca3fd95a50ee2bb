// Benchmark seam, installed only when the page URL has ?bench=1: lets
// test/bench/review write rows straight into Dexie and drive the desk without
// clicking through imports. Nothing here runs for a normal user.
import { db } from '../../db/database.ts';
import { closeDesk, openItem } from './actions.ts';
import { useReview } from './store.ts';

const tables = ['transcripts', 'transcriptBodies', 'rubrics', 'queue', 'annotations', 'settings'] as const;
type BenchTable = (typeof tables)[number];

export interface CustodyBenchHook {
  put(table: BenchTable, rows: unknown[]): Promise<void>;
  clear(table: BenchTable): Promise<void>;
  /** Makes `id` the desk's annotator, in settings and on screen. */
  useAnnotator(id: string, name: string): Promise<void>;
  open(queueItemId: string): Promise<void>;
  toQueue(): Promise<void>;
}

declare global {
  interface Window {
    __custodyBench?: CustodyBenchHook;
  }
}

export function installBenchHook(): void {
  if (typeof window === 'undefined' || !new URLSearchParams(window.location.search).has('bench')) return;
  const check = (t: string) => {
    if (!(tables as readonly string[]).includes(t)) throw new Error(`bench: table ${t} not allowed`);
  };
  window.__custodyBench = {
    async put(table, rows) {
      check(table);
      await db().table(table).bulkPut(rows);
    },
    async clear(table) {
      check(table);
      await db().table(table).clear();
    },
    async useAnnotator(id, name) {
      await db().settings.put({ key: 'annotator', value: { id, name } });
      useReview.setState({ annotatorId: id });
    },
    open: openItem,
    toQueue: closeDesk,
  };
}
