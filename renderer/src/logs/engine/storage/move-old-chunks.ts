// Schema v4 moved chunks out of IndexedDB into files. A store written before keeps its
// chunks in the v2 tables (eventChunks, rawChunks, textChunks) until the engine opens: then
// each one is encoded as today's chunk, appended to its source's file and, in one
// transaction, named in logChunks and deleted from the old tables — so a crash in the
// middle leaves every chunk in exactly one place, and the move continues at the next open.
import { utf8WithEnds } from '../raw-chunk.ts';
import type { EventChunkRow, LogSourceRow, RawChunkRow, TextChunkRow } from '../../../db/rows.ts';
import { codedColumns, packStrings, type PackedStrings, type SealedColumns } from '../columns.ts';
import { codesFrom } from '../dictionary.ts';
import { buildTextChunk, type TextChunkParts } from '../text-extract.ts';
import type { ChunkCatalog } from './catalog.ts';
import { encodeChunk } from './chunk-parts.ts';

const decoder = new TextDecoder();

function packed(p: EventChunkRow['packed'][string] | undefined): PackedStrings | null {
  return p && p.offsets.byteLength > 0 ? { bytes: new Uint8Array(p.bytes), offsets: new Uint32Array(p.offsets) } : null;
}

/** An old chunk's columns as today's (its coded session column becomes a packed one). */
export function columnsOfOldChunk(ev: EventChunkRow): SealedColumns {
  const n = ev.count;
  const dicts = {} as SealedColumns['dicts'];
  const codes = {} as SealedColumns['codes'];
  for (const c of codedColumns) {
    dicts[c] = ev.dicts[c] ?? [''];
    codes[c] = ev.codes[c] ? codesFrom(ev.codes[c], n) : new Uint8Array(n);
  }
  const sessionDict = ev.dicts.session ?? [''];
  const sessionCodes = ev.codes.session ? codesFrom(ev.codes.session, n) : new Uint8Array(n);
  return {
    count: n,
    minTime: ev.minTime,
    maxTime: ev.maxTime,
    time: new Float64Array(ev.time),
    lines: new Uint32Array(ev.lines),
    dicts,
    codes,
    packed: {
      eventId: packed(ev.packed.eventId),
      traceId: packed(ev.packed.traceId),
      toolCallId: packed(ev.packed.toolCallId),
      session: packStrings(Array.from(sessionCodes, (code) => sessionDict[code] ?? '')),
    },
  };
}

function textOf(text: TextChunkRow | undefined, raw: RawChunkRow): TextChunkParts {
  // Rows from before the rare text existed (token hashes) are rebuilt from the records.
  if (!text || typeof text.rare !== 'string' || !(text.rareEnds instanceof ArrayBuffer)) return buildTextChunk(raw.text, new Uint32Array(raw.ends));
  const valueOffsets = new Uint32Array(text.valueOffsets);
  const total = valueOffsets[text.values.length] ?? 0;
  const valueRows = total > 0 && text.valueRows.byteLength / total === 4 ? new Uint32Array(text.valueRows) : new Uint16Array(text.valueRows);
  return { values: text.values, valueOffsets, valueRows, rare: text.rare, rareEnds: new Uint32Array(text.rareEnds) };
}

const idAt = (p: PackedStrings | null, i: number): string => (p ? decoder.decode(p.bytes.subarray(p.offsets[i]!, p.offsets[i + 1]!)) : '');

/** Moves a source's v2 chunks into its file; returns the source as now stored. */
export async function moveOldChunks(catalog: ChunkCatalog, source: LogSourceRow): Promise<LogSourceRow> {
  const { db } = catalog;
  const keys = ((await db.eventChunks.where('sourceId').equals(source.id).primaryKeys()) as string[]).sort();
  let current = source;
  for (const key of keys) {
    const [ev, raw, text] = await Promise.all([db.eventChunks.get(key), db.rawChunks.get(key), db.textChunks.get(key)]);
    if (!ev || !raw) throw new Error(`chunk ${key} of ${source.name} is incomplete in the old store (${ev ? 'records' : 'columns'} missing)`);
    const columns = columnsOfOldChunk(ev);
    const encoded = encodeChunk({ columns, raw: utf8WithEnds(raw.text, new Uint32Array(raw.ends)), text: textOf(text, raw) });
    const at = current.storedBytes ?? 0;
    catalog.append(source.id, encoded, at);
    // Flushed before the old rows go: they are the only other copy.
    catalog.file(source.id).flush();
    const next: LogSourceRow = { ...current, storedBytes: at + encoded.length };
    await db.transaction('rw', [db.logChunks, db.eventChunks, db.rawChunks, db.textChunks, db.logSources], async () => {
      await db.logChunks.put({
        id: ev.id,
        sourceId: ev.sourceId,
        seq: ev.seq,
        count: ev.count,
        minTime: ev.minTime,
        maxTime: ev.maxTime,
        firstId: idAt(columns.packed.eventId, 0),
        lastId: idAt(columns.packed.eventId, ev.count - 1),
        at,
        length: encoded.length,
        parts: encoded.parts,
      });
      await db.eventChunks.delete(key);
      await db.rawChunks.delete(key);
      await db.textChunks.delete(key);
      await db.logSources.put(next);
    });
    current = next;
  }
  return current;
}
