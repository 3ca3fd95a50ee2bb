// Benchmark seam, active only with ?bench=1: test/bench/access-log drives the engine
// through window.__custodyLogBench (ingest a picked File, reopen, time queries) and reads
// timings measured inside the page. Nothing here runs for a normal user.
import type { EventFilter, IngestProgress, IngestResult, LogEngine, SortOrder } from './contract.ts';

export interface BenchQuery {
  name: string;
  kind: 'query' | 'facets';
  filter: EventFilter;
  sort?: SortOrder;
}

export interface LogBenchHook {
  /** Ingests the file currently picked in `input`; times done; keeps a progress sample every ~0.5 s. */
  ingest(input: HTMLInputElement): Promise<{ ms: number; result: IngestResult; timeline: (IngestProgress & { ms: number })[] }>;
  /** open() then the timeline's first page; sinceNavigationMs counts from the page's navigation start. */
  reopen(): Promise<{ openMs: number; firstPageMs: number; sinceNavigationMs: number; events: number }>;
  textReady(): Promise<number>;
  /** Per group: one warm-up, then `runs` timed runs rotating through its variants (no run repeats the previous one). */
  time(groups: { name: string; variants: BenchQuery[] }[], runs: number): Promise<{ name: string; ms: number[]; first: number }[]>;
  engine: LogEngine;
}

declare global {
  interface Window {
    __custodyLogBench?: LogBenchHook;
  }
}

export function installLogBenchHook(engine: () => LogEngine & { textReady?(): Promise<void> }): void {
  if (typeof window === 'undefined' || !new URLSearchParams(window.location.search).has('bench')) return;
  window.__custodyLogBench = {
    get engine() {
      return engine();
    },
    async ingest(input) {
      const file = input.files?.[0];
      if (!file) throw new Error('bench: no file picked');
      const timeline: (IngestProgress & { ms: number })[] = [];
      const t = performance.now();
      const job = engine().ingest(file, {
        onProgress: (p) => {
          const ms = performance.now() - t;
          const prev = timeline[timeline.length - 1];
          if (!prev || ms - prev.ms >= 500 || p.phase !== prev.phase) timeline.push({ ...p, ms: Math.round(ms) });
        },
      });
      const result = await job.done;
      return { ms: performance.now() - t, result, timeline };
    },
    async reopen() {
      const t = performance.now();
      const opened = await engine().open();
      const openMs = performance.now() - t;
      await engine().query({}, 'time-desc', 0, 100);
      return { openMs, firstPageMs: performance.now() - t, sinceNavigationMs: performance.now(), events: opened.events };
    },
    async textReady() {
      const t = performance.now();
      await engine().textReady?.();
      return performance.now() - t;
    },
    async time(groups, runs) {
      const run = async (q: BenchQuery) => {
        if (q.kind === 'facets') {
          // Total of the first facet the filter leaves alone = events matching the filter.
          const f = await engine().facets(q.filter);
          const free = (Object.keys(f) as (keyof typeof f)[]).find((k) => !q.filter.facets?.[k]?.length) ?? 'agent';
          return f[free].reduce((n, c) => n + c.count, 0);
        }
        return (await engine().query(q.filter, q.sort ?? 'time-desc', 0, 100)).total;
      };
      const out: { name: string; ms: number[]; first: number }[] = [];
      for (const g of groups) {
        // The warm-up answers the first variant: its total is compared with DuckDB's.
        const first = await run(g.variants[0]!);
        const ms: number[] = [];
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          await run(g.variants[(i + 1) % g.variants.length]!);
          ms.push(performance.now() - t);
        }
        out.push({ name: g.name, ms, first });
      }
      return out;
    },
  };
}
