// DuckDB baseline on the same file: read_json (newline-delimited) into a table, the raw
// lines into another (for the free-text question), then the same questions as SQL.
import { DuckDBInstance } from '@duckdb/node-api';
import { duckdbView, percentile, round, type AuditQuestion } from './audit.ts';

export interface DuckDbResult {
  loadSeconds: number;
  /** Loading the raw lines as one VARCHAR column, for the free-text question. */
  rawLoadSeconds: number;
  queries: { name: string; p50Ms: number; p95Ms: number; runs: number; firstTotal: number | null }[];
}

export async function runDuckDb(path: string, questions: AuditQuestion[], runs: number): Promise<DuckDbResult> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    let t = performance.now();
    await c.run(`CREATE TABLE ev AS SELECT * FROM read_json(${sqlString(path)}, format = 'newline_delimited')`);
    const loadSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    await c.run(`CREATE TABLE lines AS SELECT column0 AS line FROM read_csv(${sqlString(path)}, header = false, columns = {'column0': 'VARCHAR'}, delim = E'\\x01', quote = '', escape = '', max_line_size = 67108864)`);
    const rawLoadSeconds = (performance.now() - t) / 1000;
    await c.run(duckdbView);
    const queries: DuckDbResult['queries'] = [];
    for (const q of questions) {
      const first = await c.runAndReadAll(q.countSql ?? q.sql[0]!);
      const row = first.getRowObjectsJson()[0] as Record<string, unknown> | undefined;
      const firstTotal = row && 'total' in row ? Number(row.total) : null;
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await c.runAndReadAll(q.sql[i % q.sql.length]!);
        ms.push(performance.now() - start);
      }
      queries.push({ name: q.name, p50Ms: round(percentile(ms, 50)), p95Ms: round(percentile(ms, 95)), runs, firstTotal });
    }
    return { loadSeconds: round(loadSeconds, 2), rawLoadSeconds: round(rawLoadSeconds, 2), queries };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
