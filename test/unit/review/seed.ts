// Seeds a fake-indexeddb Custody database the way the import pipeline will:
// a rubric, transcripts (summary + body) and one queue item per transcript.
import { CustodyDb } from '../../../renderer/src/db/database.ts';
import type { QueueItem } from '../../../renderer/src/db/rows.ts';
import type { Rubric, RubricContent } from '../../../shared/model/rubric.ts';
import type { Transcript } from '../../../shared/model/transcript.ts';
import { sealRubric } from '../../../shared/rubric/version.ts';

export const annotator = { id: 'ann-1', name: 'Dr. Test' };

export const rubricContent: RubricContent = {
  id: 'triage',
  version: 1,
  title: 'Triage safety',
  description: '',
  criteria: [
    { id: 'c1', text: 'Advises emergency care for chest pain', points: 5, tags: ['axis:accuracy'], scale: { kind: 'binary' }, rationaleRequired: false },
    { id: 'c2', text: 'Gives a dosage without asking weight', points: -3, tags: ['axis:safety'], scale: { kind: 'binary' }, rationaleRequired: true },
    {
      id: 'c3',
      text: 'Clarity',
      points: 2,
      tags: ['axis:communication'],
      scale: { kind: 'ordinal', levels: [{ value: 1, anchor: 'unclear' }, { value: 2, anchor: 'mixed' }, { value: 3, anchor: 'clear' }] },
      rationaleRequired: false,
    },
  ],
};

export function transcript(id: string, n = 3): Transcript {
  return {
    id,
    sourceFormat: 'custody',
    title: `Case ${id}`,
    agent: { name: 'triage-bot' },
    messages: Array.from({ length: n }, (_, i) => ({
      id: `${id}-m${i}`,
      role: i % 2 ? ('assistant' as const) : ('user' as const),
      content: [{ type: 'text' as const, text: `message ${i}` }],
      toolCalls: [],
    })),
    correlation: {},
    tags: ['cardiology'],
    metadata: {},
  };
}

export async function seedDb(name: string, transcripts = 3): Promise<{ database: CustodyDb; rubric: Rubric; items: QueueItem[] }> {
  const database = new CustodyDb(name);
  const rubric = await sealRubric(rubricContent, '2025-01-01T00:00:00Z');
  const ts = Array.from({ length: transcripts }, (_, i) => transcript(`t${i}`));
  const items: QueueItem[] = ts.map((t, order) => ({
    id: `${t.id}|${rubric.hash}|${annotator.id}`,
    transcriptId: t.id,
    rubricHash: rubric.hash,
    annotatorId: annotator.id,
    order,
    status: 'todo',
    title: t.title!,
    agentName: 'triage-bot',
    tags: t.tags,
  }));
  await database.transaction('rw', database.tables, async () => {
    await database.rubrics.put(rubric);
    await database.transcriptBodies.bulkPut(ts.map((t) => ({ id: t.id, transcript: t })));
    await database.queue.bulkPut(items);
    await database.settings.put({ key: 'annotator', value: annotator });
  });
  return { database, rubric, items };
}
