import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../../../renderer/src/db/rows.ts';
import {
  clampCursor,
  emptyFilter,
  filterQueue,
  formatScore,
  pickNextUndone,
  queueFacets,
  queueProgress,
} from '../../../renderer/src/features/review/queue-filter.ts';

const item = (order: number, status: QueueItem['status'], agentName = 'triage-bot', tags: string[] = []): QueueItem => ({
  id: `t${order}|sha256:r|me`,
  transcriptId: `t${order}`,
  rubricHash: 'sha256:r',
  annotatorId: 'me',
  order,
  status,
  title: `Transcript ${order}`,
  agentName,
  tags,
});

const items = [
  item(0, 'submitted', 'triage-bot', ['cardiology']),
  item(1, 'draft', 'triage-bot', ['cardiology', 'urgent']),
  item(2, 'todo', 'scribe', ['urgent']),
  item(3, 'todo', 'scribe'),
  item(4, 'submitted', 'scribe', ['urgent']),
];

describe('queue filters', () => {
  it('no filter keeps everything, in order', () => {
    expect(filterQueue(items, emptyFilter).map((i) => i.order)).toEqual([0, 1, 2, 3, 4]);
  });

  it('filters by status, agent and tag, combined', () => {
    expect(filterQueue(items, { ...emptyFilter, status: 'todo' }).map((i) => i.order)).toEqual([2, 3]);
    expect(filterQueue(items, { ...emptyFilter, agent: 'scribe' }).map((i) => i.order)).toEqual([2, 3, 4]);
    expect(filterQueue(items, { ...emptyFilter, tag: 'urgent' }).map((i) => i.order)).toEqual([1, 2, 4]);
    expect(filterQueue(items, { status: 'submitted', agent: 'scribe', tag: 'urgent' }).map((i) => i.order)).toEqual([4]);
    expect(filterQueue(items, { status: 'draft', agent: 'scribe', tag: null })).toEqual([]);
  });

  it('counts progress: submitted is done', () => {
    expect(queueProgress(items)).toEqual({ total: 5, done: 2, draft: 1, todo: 2, skipped: 0, noResponse: 0 });
    expect(queueProgress([])).toEqual({ total: 0, done: 0, draft: 0, todo: 0, skipped: 0, noResponse: 0 });
  });

  it('offers sorted agent and tag facets', () => {
    expect(queueFacets(items)).toEqual({ agents: ['scribe', 'triage-bot'], tags: ['cardiology', 'urgent'] });
  });

  it('next undone: after the current one, wrapping, never the one just finished', () => {
    expect(pickNextUndone(items, 1, items[1]!.id)?.order).toBe(2);
    expect(pickNextUndone(items, 3, items[3]!.id)?.order).toBe(1); // wraps past the end
    expect(pickNextUndone(items, -Infinity)?.order).toBe(1);
    const allDone = items.map((i) => ({ ...i, status: 'submitted' as const }));
    expect(pickNextUndone(allDone, 0)).toBeUndefined();
  });

  // Its speed is the review bench's (10,000-item queue); here only the answer is checked.
  it('filters 10,000 items exactly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => item(i, i % 3 === 0 ? 'submitted' : 'todo', `agent-${i % 7}`, [`tag-${i % 11}`]));
    const out = filterQueue(many, { status: 'todo', agent: 'agent-3', tag: 'tag-5' });
    const p = queueProgress(many);
    const want = many.filter((i) => i.status === 'todo' && i.agentName === 'agent-3' && i.tags.includes('tag-5'));
    expect(out.map((i) => i.id)).toEqual(want.map((i) => i.id));
    expect(out.every((i) => i.status === 'todo' && i.agentName === 'agent-3' && i.tags.includes('tag-5'))).toBe(true);
    expect(p.done).toBe(3334);
  });
});

describe('skipped and no-response items', () => {
  const mixed = [
    item(0, 'submitted'),
    item(1, 'skipped'),
    { ...item(2, 'todo'), noResponse: true },
    item(3, 'draft'),
    { ...item(4, 'skipped'), noResponse: true },
  ];

  it('counts skipped apart from done and undone, and todo items with nothing to grade', () => {
    expect(queueProgress(mixed)).toEqual({ total: 5, done: 1, draft: 1, skipped: 2, noResponse: 1, todo: 1 });
  });

  it('never picks a skipped item as the next undone', () => {
    expect(pickNextUndone(mixed, 0)?.order).toBe(2);
    expect(pickNextUndone(mixed, 3)?.order).toBe(2); // wraps past the skipped 4 and the submitted 0
    expect(pickNextUndone([item(0, 'skipped'), item(1, 'submitted')], -1)).toBeUndefined();
  });

  it('filters by the skipped status', () => {
    expect(filterQueue(mixed, { ...emptyFilter, status: 'skipped' }).map((i) => i.order)).toEqual([1, 4]);
  });
});

describe('queue cells', () => {
  it('formats a submitted score, and says when nothing positive was scored', () => {
    expect(formatScore(0.8249)).toBe('82%');
    expect(formatScore(1)).toBe('100%');
    expect(formatScore(null)).toBe('—');
  });

  it('keeps the cursor inside the list', () => {
    expect(clampCursor(7, 10)).toBe(7);
    expect(clampCursor(12, 10)).toBe(9);
    expect(clampCursor(3, 0)).toBe(0);
  });
});
