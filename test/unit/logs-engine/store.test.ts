// The in-memory store: 8-bit codes widen when a dictionary outgrows them; time order
// across overlapping chunks; removing a source shifts later rows down; ids and lines are
// read from the chunk's bytes only when asked for.
import { describe, expect, it } from 'vitest';
import type { LogChunkRow } from '../../../renderer/src/db/rows.ts';
import { ChunkBuilder, codedColumns, packedColumns, type EventFields } from '../../../renderer/src/logs/engine/columns.ts';
import { EventStore } from '../../../renderer/src/logs/engine/store.ts';
import { buildTextChunk } from '../../../renderer/src/logs/engine/text-extract.ts';
import { encodeChunk } from '../../../renderer/src/logs/engine/storage/chunk-parts.ts';
import { encodedBytes, type EncodedChunk } from '../../../renderer/src/logs/engine/storage/chunk-codec.ts';

function fields(i: number, time: number | null, ip: string): EventFields {
  const coded = Object.fromEntries(codedColumns.map((c) => [c, ''])) as EventFields['coded'];
  coded.ip = ip;
  coded.agent = `agent-${i % 3}`;
  const packed = Object.fromEntries(packedColumns.map((c) => [c, ''])) as EventFields['packed'];
  packed.eventId = String(i + 1);
  return { time, line: i + 1, coded, packed };
}

/** Chunk bytes by chunk id: the "file" the store reads lazy parts from. */
const files = new Map<string, Uint8Array>();
const newStore = () => new EventStore((row, at, length) => files.get(row.id)!.slice(at, at + length));

function chunk(sourceId: string, seq: number, events: EventFields[]): [LogChunkRow, EncodedChunk] {
  const b = new ChunkBuilder(events.length);
  for (const e of events) b.add(e);
  const columns = b.seal();
  const ends = new Uint32Array(events.length);
  const encoded = encodeChunk({ columns, raw: { bytes: new Uint8Array(0), ends }, text: buildTextChunk('', ends) });
  const id = `${sourceId}/${String(seq).padStart(6, '0')}`;
  const bytes = encodedBytes(encoded);
  files.set(id, bytes);
  const row: LogChunkRow = { id, sourceId, seq, count: columns.count, minTime: columns.minTime, maxTime: columns.maxTime, firstId: '', lastId: '', at: 0, length: encoded.length, parts: encoded.parts };
  return [row, encoded];
}

describe('EventStore', () => {
  it('widens a column to 32-bit codes past 65,536 values, keeping every value', () => {
    const store = newStore();
    const n = 70_000;
    store.append(...chunk('a', 0, Array.from({ length: 40_000 }, (_, i) => fields(i, i, `10.0.${i >> 8}.${i & 255}`))));
    expect(store.cols.ip).toBeInstanceOf(Uint16Array);
    expect(store.cols.agent).toBeInstanceOf(Uint8Array);
    store.append(...chunk('a', 1, Array.from({ length: n - 40_000 }, (_, k) => fields(40_000 + k, 40_000 + k, `10.1.${k >> 8}.${k & 255}`))));
    expect(store.cols.ip).toBeInstanceOf(Uint32Array);
    expect(store.cols.agent).toBeInstanceOf(Uint8Array);
    expect(store.value('ip', 5)).toBe('10.0.0.5');
    expect(store.packed('eventId', 69_999)).toBe('70000');
    expect(store.line(40_000)).toBe(40_001);
    expect(store.value('ip', 69_999)).toBe(`10.1.${29_999 >> 8}.${29_999 & 255}`);
  });

  it('orders overlapping, reversed and untimed chunks by time, ties by row, untimed last', () => {
    const store = newStore();
    store.append(...chunk('a', 0, [fields(0, 30, 'x'), fields(1, 20, 'x'), fields(2, 10, 'x')]));
    store.append(...chunk('b', 0, [fields(0, 15, 'x'), fields(1, null, 'x'), fields(2, 20, 'x'), fields(3, 5, 'x')]));
    const { order, timed } = store.timeOrder();
    expect(timed).toBe(6);
    expect([...order]).toEqual([6, 2, 3, 1, 5, 0, 4]);
  });

  it('drops a source in place and renumbers the rows after it', () => {
    const store = newStore();
    store.append(...chunk('a', 0, [fields(0, 1, 'a0'), fields(1, 2, 'a1')]));
    store.append(...chunk('b', 0, [fields(0, 3, 'b0')]));
    store.append(...chunk('c', 0, [fields(0, 0, 'c0'), fields(1, 4, 'c1')]));
    const bases = store.removeSource('b');
    expect(bases).toEqual(new Map([['a/000000', 0], ['c/000000', 2]]));
    expect(store.rows).toBe(4);
    expect([0, 1, 2, 3].map((r) => store.value('ip', r))).toEqual(['a0', 'a1', 'c0', 'c1']);
    expect([...store.timeOrder().order]).toEqual([2, 0, 1, 3]);
  });
});
