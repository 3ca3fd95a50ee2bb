// Reads a Parquet file back with DuckDB, the way an analyst would (read_parquet), for the
// export tests: column types as DuckDB names them, rows in file order with timestamps as
// epoch microseconds (a JS Date would drop them) and each raw record's UTF-8 bytes.
import { DuckDBInstance } from '@duckdb/node-api';

export interface ParquetReadBack {
  /** Column name → DuckDB type, in file order. */
  types: [string, string][];
  /** Rows in file order; TIMESTAMP columns as bigint µs, plus `raw_utf8` (bytes of `raw`) when there is a raw column. */
  rows: Record<string, unknown>[];
  rowGroups: number;
  keyValues: Record<string, string>;
}

const sql = (path: string) => `'${path.replaceAll("'", "''")}'`;

export async function readParquetBack(path: string): Promise<ParquetReadBack> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    const described = (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${sql(path)})`)).getRowObjectsJS();
    const types = described.map((r): [string, string] => [String(r.column_name), String(r.column_type)]);
    const micros = types.filter(([, t]) => t.startsWith('TIMESTAMP')).map(([n]) => `epoch_us("${n}") AS "${n}"`);
    const replace = micros.length > 0 ? ` REPLACE (${micros.join(', ')})` : '';
    const rawBytes = types.some(([n]) => n === 'raw') ? ', encode(raw) AS raw_utf8' : '';
    const result = await c.runAndReadAll(
      `SELECT * EXCLUDE (file_row_number)${replace}${rawBytes} FROM read_parquet(${sql(path)}, file_row_number = true) ORDER BY file_row_number`,
    );
    const rows = result.getRowObjectsJS().map((row) => {
      if (row.raw_utf8 instanceof Uint8Array) row.raw_utf8 = new Uint8Array(row.raw_utf8);
      return row as Record<string, unknown>;
    });
    const groups = (await c.runAndReadAll(`SELECT count(DISTINCT row_group_id) AS n FROM parquet_metadata(${sql(path)})`)).getRowObjectsJS();
    const kv = (await c.runAndReadAll(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata(${sql(path)})`)).getRowObjectsJS();
    return { types, rows, rowGroups: Number(groups[0]?.n ?? 0), keyValues: Object.fromEntries(kv.map((r) => [String(r.key), String(r.value)])) };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
