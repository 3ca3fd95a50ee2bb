// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { LogSource } from '../../../renderer/src/logs/engine/contract.ts';
import { currentReports, removedSources, type ImportReport } from '../../../renderer/src/features/logs/import-store.ts';
import { sourceLabels } from '../../../renderer/src/features/logs/source-labels.ts';

const source = (id: string, name: string, more: Partial<LogSource> = {}): LogSource => ({
  id,
  name,
  format: 'okta-system-log',
  size: 2048,
  sha256: `${id}0123456789abcdef`,
  eventCount: 1,
  errorCount: 0,
  importedAt: '2026-11-10T12:00:00.000Z',
  state: 'complete',
  ...more,
});

describe('source labels', () => {
  it('a unique name is just the name', () => {
    expect(sourceLabels([source('a', 'okta.jsonl'), source('b', 'descope.json')]).get('a')).toBe('okta.jsonl');
  });

  it('same-named sources are told apart by import time and digest (size while partial)', () => {
    const labels = sourceLabels([
      source('aa', 'okta.jsonl', { importedAt: '2026-11-10T12:00:00.000Z' }),
      source('bb', 'okta.jsonl', { importedAt: '2026-11-11T08:30:00.000Z' }),
      source('cc', 'okta.jsonl', { sha256: '', state: 'partial' }),
    ]);
    expect(labels.get('aa')).toBe('okta.jsonl (imported 2026-11-10 12:00 UTC, sha256 aa012345)');
    expect(labels.get('bb')).toBe('okta.jsonl (imported 2026-11-11 08:30 UTC, sha256 bb012345)');
    expect(labels.get('cc')).toMatch(/^okta\.jsonl \(imported 2026-11-10 12:00 UTC, 2(\.0)? KB\)$/);
    expect(new Set(labels.values()).size).toBe(3);
  });
});

describe('import reports follow the store', () => {
  const report = (key: string, sourceId?: string): ImportReport => ({ key, name: key, status: 'imported', message: '', ...(sourceId ? { sourceId } : {}) });

  it('a report about a removed source goes; others (and ones without a source) stay', () => {
    const seen = new Set<string>();
    const reports = [report('r1', 's1'), report('r2', 's2'), report('rejected')];
    expect(currentReports(reports, removedSources(seen, [{ id: 's1' }, { id: 's2' }])).map((r) => r.key)).toEqual(['r1', 'r2', 'rejected']);
    expect(currentReports(reports, removedSources(seen, [{ id: 's2' }])).map((r) => r.key)).toEqual(['r2', 'rejected']);
  });

  it('a report that arrives before the refreshed source list is not hidden', () => {
    const seen = new Set<string>();
    removedSources(seen, [{ id: 's1' }]);
    expect(currentReports([report('new', 's9')], removedSources(seen, [{ id: 's1' }])).map((r) => r.key)).toEqual(['new']);
  });
});
