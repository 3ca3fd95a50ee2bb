// Stores written before schema v4 kept chunks in IndexedDB (eventChunks, rawChunks,
// textChunks). Opening the engine moves them into chunk files: afterwards every answer is
// the one a fresh import gives, the old tables are empty, and each chunk is in one place.
import { describe, expect, it } from 'vitest';
import type { EventChunkRow, LogChunkRow, RawChunkRow, TextChunkRow } from '../../../renderer/src/db/rows.ts';
import { codedColumns, packedColumns, packedAt, type PackedStrings } from '../../../renderer/src/logs/engine/columns.ts';
import { decodePart } from '../../../renderer/src/logs/engine/storage/chunk-codec.ts';
import { chunkFileName } from '../../../renderer/src/logs/engine/storage/catalog.ts';
import { part } from '../../../renderer/src/logs/engine/storage/chunk-parts.ts';
import { fileOf, oktaBytes, run, testEngine, type TestEngine } from './helpers.ts';

const decoder = new TextDecoder();
const buf = (a: ArrayBufferView) => a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength) as ArrayBuffer;

/** One v4 chunk written back in the v2 shape (session coded, raw and rare text as strings). */
async function oldRows(t: TestEngine, row: LogChunkRow, tokenHashText: boolean): Promise<[EventChunkRow, RawChunkRow, TextChunkRow]> {
  const file = await t.files.open(chunkFileName(row.sourceId));
  const bytes = new Uint8Array(row.length);
  file.read(bytes, row.at);
  const get = (name: string) => (row.parts[name] ? decodePart(bytes, row.parts[name]!) : undefined);
  const dicts: Record<string, string[]> = {};
  const codes: Record<string, ArrayBuffer> = {};
  for (const c of codedColumns) {
    dicts[c] = get(part.dict(c)) as string[];
    codes[c] = buf(get(part.codes(c)) as Uint8Array);
  }
  const packed: EventChunkRow['packed'] = {};
  let session: PackedStrings | null = null;
  for (const c of packedColumns) {
    const offsets = get(part.packedOffsets(c)) as Uint32Array | undefined;
    const b = get(part.packedBytes(c)) as Uint8Array | undefined;
    if (!offsets || !b) continue;
    if (c === 'session') session = { offsets, bytes: b };
    else packed[c] = { bytes: buf(b), offsets: buf(offsets) };
  }
  const sessions = Array.from({ length: row.count }, (_, i) => packedAt(session, i));
  const sessionDict = ['', ...new Set(sessions.filter(Boolean))];
  dicts.session = sessionDict;
  codes.session = buf(Uint32Array.from(sessions, (v) => sessionDict.indexOf(v)));
  const ev: EventChunkRow = { id: row.id, sourceId: row.sourceId, seq: row.seq, count: row.count, minTime: row.minTime, maxTime: row.maxTime, time: buf(get(part.time) as Float64Array), lines: buf(get(part.lines) as Uint32Array), dicts, codes, packed };
  // The bench data is ASCII: byte ends are character ends.
  const raw: RawChunkRow = { id: row.id, sourceId: row.sourceId, count: row.count, text: decoder.decode(get(part.raw) as Uint8Array), ends: buf(get(part.rawEnds) as Uint32Array) };
  const text: TextChunkRow = {
    id: row.id,
    sourceId: row.sourceId,
    values: get(part.values) as string[],
    valueOffsets: buf(get(part.valueOffsets) as Uint32Array),
    valueRows: buf(get(part.valueRows) as Uint16Array),
    rare: decoder.decode(get(part.rare) as Uint8Array),
    rareEnds: buf(get(part.rareEnds) as Uint32Array),
  };
  // Before December 2026, one-off values were token hashes: no rare text at all.
  if (tokenHashText) return [ev, raw, { ...text, rare: undefined, rareEnds: undefined, hashKeys: new ArrayBuffer(0) } as unknown as TextChunkRow];
  return [ev, raw, text];
}

async function answers(t: TestEngine, probe: string) {
  await t.engine.textReady();
  const all = await t.engine.query({}, 'time-asc', 0, 1e6);
  const text = await t.engine.query({ text: probe }, 'time-desc', 0, 1e6);
  const facets = await t.engine.facets({ facets: { decision: ['deny'] } });
  const details = await Promise.all([0, 17, all.total - 1].map((r) => t.engine.event(all.rows[r]!.row)));
  return { all, text, facets, details: details.map((d) => ({ raw: d.raw, digest: d.rawSha256, line: d.line, id: d.row.id })) };
}

describe('chunks stored before schema v4', () => {
  for (const tokenHashText of [false, true]) {
    it(`move into chunk files when the engine opens, answering as before${tokenHashText ? ' (text rows from the token-hash era are rebuilt)' : ''}`, async () => {
      const bytes = oktaBytes(1_000, 11);
      const first = JSON.parse(new TextDecoder().decode(bytes).split('\n')[600]!) as { transaction: { id: string } };
      const probe = first.transaction.id.slice(3, 12);
      const t = testEngine({ batchRecords: 300 });
      await run(t.engine, fileOf('okta.jsonl', bytes));
      const before = await answers(t, probe);
      expect(before.text.total).toBeGreaterThan(0);

      // Rewrite the store as a v3 engine left it: chunk rows in IndexedDB, no chunk files.
      const rows = await t.db.logChunks.toArray();
      expect(rows.length).toBe(4);
      for (const row of rows) {
        const [ev, raw, text] = await oldRows(t, row, tokenHashText);
        await t.db.eventChunks.put(ev);
        await t.db.rawChunks.put(raw);
        await t.db.textChunks.put(text);
      }
      await t.db.logChunks.clear();
      const [source] = await t.db.logSources.toArray();
      await t.db.logSources.put({ ...source!, storedBytes: undefined });
      await t.files.remove(chunkFileName(source!.id));

      const reopened = t.reopen();
      expect(await answers(reopened, probe)).toEqual(before);
      for (const table of ['eventChunks', 'rawChunks', 'textChunks'] as const) expect(await reopened.db.table(table).count()).toBe(0);
      expect(await reopened.db.logChunks.count()).toBe(4);
      const file = await reopened.files.open(chunkFileName(source!.id));
      expect(file.size()).toBe((await reopened.db.logSources.get(source!.id))!.storedBytes);
    });
  }
});
