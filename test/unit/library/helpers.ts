// Test doubles for the import pipeline: an isolated fake IndexedDB per test, and a
// "parser" that reads a JSON description of what a reader would have returned, so
// each fake file has its own bytes (and so its own sha256).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CustodyDb } from '../../../renderer/src/db/database.ts';
import type { FilePayload } from '../../../shared/ipc/contract.ts';
import type { Transcript } from '../../../shared/model/transcript.ts';
import type { RubricContent } from '../../../shared/model/rubric.ts';
import type { DataKind, ReadProblem } from '../../../shared/model/import-report.ts';
import type { ParseFn, ReadAnyOutput } from '../../../renderer/src/workers/import-protocol.ts';

let counter = 0;

export function freshDb(): CustodyDb {
  return new CustodyDb(`custody-test-${++counter}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

export function transcript(id: string, text = `question ${id}`, extra: Partial<Transcript> = {}): Transcript {
  return {
    id,
    sourceFormat: 'test',
    agent: { name: 'triage-bot' },
    messages: [
      { id: `${id}-m1`, role: 'user', content: [{ type: 'text', text }], toolCalls: [] },
      {
        id: `${id}-m2`,
        role: 'assistant',
        content: [{ type: 'text', text: 'answer' }],
        toolCalls: [{ id: 'c1', name: 'lookup', arguments: { q: text } }],
      },
    ],
    correlation: {},
    tags: ['demo'],
    metadata: {},
    ...extra,
  };
}

export function rubric(id: string, version = 1, points = [5, -2]): RubricContent {
  return {
    id,
    version,
    title: `Rubric ${id}`,
    description: '',
    criteria: points.map((p, i) => ({ id: `c${i + 1}`, text: `criterion ${i + 1}`, points: p, tags: [], scale: { kind: 'binary' }, rationaleRequired: false })),
  };
}

export interface FakeRead {
  kind?: DataKind;
  format?: string;
  transcripts?: Transcript[];
  rubrics?: RubricContent[];
  errors?: ReadProblem[];
  reason?: string;
}

export function fakeFile(name: string, read: FakeRead): FilePayload {
  return { name, bytes: new TextEncoder().encode(JSON.stringify(read)) };
}

export const fakeParse: ParseFn = async (file) => {
  const read = JSON.parse(new TextDecoder().decode(file.bytes)) as FakeRead;
  const kind = read.kind ?? (read.transcripts?.length ? 'transcripts' : 'rubric');
  const format = kind === 'unknown' ? null : (read.format ?? 'test');
  const output: ReadAnyOutput = {
    detection: {
      kind,
      format,
      confidence: kind === 'unknown' ? 0 : 1,
      reason: read.reason ?? 'test file',
      tried: [{ format: 'custody', reason: 'no format field' }, { format: 'openai-chat', reason: 'no messages' }],
    },
    result: { format: format ?? '', transcripts: read.transcripts ?? [], rubrics: read.rubrics ?? [], errors: read.errors ?? [] },
  };
  return output;
};

/** Row counts of every table, to prove an import changed nothing. */
export async function counts(database: CustodyDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of database.tables) out[table.name] = await table.count();
  return out;
}
