// The Parquet export's column list and writer: the list covers every field of the model
// and matches the README's table; the writer cuts row groups as it goes (bytes reach the
// sink before finish), waits for a slow sink and reports a failing one. Values per column
// are compared in test/unit/cli/normalize-parquet.test.ts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AccessEvent } from '../../../shared/model/access-event.ts';
import { EVENT_COLUMNS, EVENT_PARQUET_SCHEMA, EventParquetWriter, parquetTypeLabel, type ByteSink } from '../../../shared/formats/access-logs/parquet.ts';
import { readParquetBack } from './duckdb-parquet.ts';
import { logFixture, read } from './helpers.ts';

const README = fileURLToPath(new URL('../../../shared/formats/README.md', import.meta.url));

interface ZodNode {
  _zod: { def: { type: string; shape?: Record<string, ZodNode>; innerType?: ZodNode } };
}

/** Leaf paths of a zod object schema; arrays (of anything) are leaves. */
function leafPaths(node: ZodNode, path: string[] = []): string[][] {
  const def = node._zod.def;
  if (def.innerType && ['optional', 'nullable', 'default'].includes(def.type)) return leafPaths(def.innerType, path);
  if (def.type === 'object' && def.shape) return Object.entries(def.shape).flatMap(([key, child]) => leafPaths(child, [...path, key]));
  return [path];
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A sink that keeps every piece (copied) and counts writes. */
function memorySink() {
  const pieces: Uint8Array[] = [];
  const sink: ByteSink = { write: (bytes) => void pieces.push(bytes.slice()) };
  return { sink, pieces, bytes: () => Buffer.concat(pieces) };
}

function tempFile(name: string, bytes: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'custody-parquet-')), name);
  writeFileSync(path, bytes);
  return path;
}

const events = () => read(logFixture('okta/system-log.jsonl')).events;

describe('the Parquet column list', () => {
  it('has a column for every field of the model, named by its path in snake_case (correlation ids by their own name)', () => {
    const names = new Set(EVENT_COLUMNS.map((c) => c.name));
    const fromModel = leafPaths(AccessEvent as unknown as ZodNode).map((path) => (path[0] === 'correlation' ? path.slice(1) : path).map(snake).join('_'));
    expect(fromModel.filter((name) => !names.has(name))).toEqual([]);
    expect(names.size).toBe(EVENT_COLUMNS.length);
  });

  it('is the table in shared/formats/README.md, in order, with the same types and nullability', () => {
    const text = readFileSync(README, 'utf8');
    const start = text.indexOf('\n## Parquet export of access events\n');
    expect(start).toBeGreaterThan(-1);
    const end = text.indexOf('\n## ', start + 1);
    const section = text.slice(start, end === -1 ? undefined : end);
    const rows = section.split('\n').filter((l) => /^\| `/.test(l)).map((l) => l.split('|').slice(1, 4).map((cell) => cell.trim()));
    expect(rows).toEqual(EVENT_COLUMNS.map((c) => [`\`${c.name}\``, parquetTypeLabel(c.kind), c.required ? 'no' : 'yes']));
  });
});

describe('EventParquetWriter', () => {
  it('cuts a row group every N rows and hands its bytes to the sink before finish', async () => {
    const all = events();
    const { sink, pieces, bytes } = memorySink();
    const writer = await EventParquetWriter.create(sink, { rowGroupRows: 3 });
    const returned = all.map((e) => writer.add(e));
    // Sync sink: nothing to wait for, but the first group's bytes are out already.
    expect(returned.every((r) => r === undefined)).toBe(true);
    expect(pieces.length).toBeGreaterThan(0);
    await writer.finish();
    const back = await readParquetBack(tempFile('groups.parquet', bytes()));
    expect(back.rows.map((r) => r.id)).toEqual(all.map((e) => e.id));
    expect(back.rowGroups).toBe(Math.ceil(all.length / 3));
    expect(back.keyValues).toEqual({ [EVENT_PARQUET_SCHEMA.key]: EVENT_PARQUET_SCHEMA.value });
  });

  it('also cuts a row group when the raw records reach a size', async () => {
    const all = events();
    const { sink, bytes } = memorySink();
    const writer = await EventParquetWriter.create(sink, { rowGroupRawChars: 1 });
    for (const e of all) writer.add(e);
    await writer.finish();
    expect((await readParquetBack(tempFile('one-each.parquet', bytes()))).rowGroups).toBe(all.length);
  });

  it('keeps a digest the event already has, and computes the missing ones', async () => {
    const [first, second] = events();
    const given = 'sha256:' + 'ab'.repeat(32);
    const { sink, bytes } = memorySink();
    const writer = await EventParquetWriter.create(sink);
    writer.add({ ...first!, rawDigest: given });
    writer.add(second!);
    await writer.finish();
    const rows = (await readParquetBack(tempFile('digests.parquet', bytes()))).rows;
    expect(rows.map((r) => r.raw_digest)).toEqual([given, expect.stringMatching(/^sha256:[0-9a-f]{64}$/)]);
  });

  it('hands back a promise for a slow sink, writes to it one piece at a time, and finish waits for every write', async () => {
    const pieces: Uint8Array[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const sink: ByteSink = {
      write: async (b) => {
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        pieces.push(b);
        inFlight--;
      },
    };
    const writer = await EventParquetWriter.create(sink, { rowGroupRows: 2 });
    // Not awaited on purpose: the writer still keeps the sink's writes in order, one at a time.
    const waits = events().map((e) => writer.add(e));
    expect(waits.filter((w) => w !== undefined).length).toBe(Math.floor(events().length / 2));
    await writer.finish();
    expect(inFlight).toBe(0);
    expect(mostInFlight).toBe(1);
    const back = await readParquetBack(tempFile('slow.parquet', Buffer.concat(pieces)));
    expect(back.rows).toHaveLength(events().length);
  });

  it('fails finish when the sink fails, even if no one awaited the write', async () => {
    const writer = await EventParquetWriter.create({ write: () => Promise.reject(new Error('disk full')) }, { rowGroupRows: 2 });
    for (const e of events()) void writer.add(e)?.catch(() => undefined);
    await expect(writer.finish()).rejects.toThrow('disk full');
  });

  it('writes a readable file with every column and no rows when there are no events', async () => {
    const { sink, bytes } = memorySink();
    const writer = await EventParquetWriter.create(sink);
    await writer.finish();
    const back = await readParquetBack(tempFile('empty.parquet', bytes()));
    expect(back.types.map(([name]) => name)).toEqual(EVENT_COLUMNS.map((c) => c.name));
    expect(back.rows).toEqual([]);
    expect(() => writer.add(events()[0]!)).toThrow(/after finish/);
  });
});
