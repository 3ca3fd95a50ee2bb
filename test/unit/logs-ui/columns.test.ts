// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { allColumns, columnsStorageKey, defaultColumns, fitColumns, gridTemplate, loadColumns, normalizeColumns, saveColumns, toggleColumn } from '../../../renderer/src/features/logs/columns.ts';

describe('column picker persistence', () => {
  beforeEach(() => localStorage.clear());

  it('starts from the defaults, time first', () => {
    expect(loadColumns()).toEqual([...defaultColumns]);
    expect(defaultColumns[0]).toBe('time');
  });

  it('saves the choice and loads it back (as after a restart)', () => {
    const chosen = toggleColumn(toggleColumn([...defaultColumns], 'traceId'), 'source');
    expect(chosen).toContain('traceId');
    expect(chosen).not.toContain('source');
    saveColumns(chosen);
    expect(JSON.parse(localStorage.getItem(columnsStorageKey)!)).toEqual(chosen);
    expect(loadColumns()).toEqual(chosen);
  });

  it('keeps the catalogue order whatever order columns were ticked in', () => {
    const cols = toggleColumn(toggleColumn(['time', 'agent'], 'ip'), 'decision');
    expect(cols).toEqual(['time', 'decision', 'agent', 'ip']);
  });

  it('never hides time, nor the last data column', () => {
    expect(toggleColumn(['time', 'agent'], 'time')).toEqual(['time', 'agent']);
    expect(toggleColumn(['time', 'agent'], 'agent')).toEqual(['time', 'agent']);
  });

  it('drops unknown ids and repeats from storage or a shared link; garbage falls back to defaults', () => {
    expect(normalizeColumns(['agent', 'agent', 'no-such', 42, 'time', 'ip'])).toEqual(['time', 'agent', 'ip']);
    localStorage.setItem(columnsStorageKey, '{broken');
    expect(loadColumns()).toEqual([...defaultColumns]);
    localStorage.setItem(columnsStorageKey, JSON.stringify(['bogus']));
    expect(loadColumns()).toEqual([...defaultColumns]);
  });

  it('works with any key-value store (and survives one that throws)', () => {
    const map = new Map<string, string>();
    const store = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    saveColumns(['time', 'tool'], store);
    expect(loadColumns(store)).toEqual(['time', 'tool']);
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(saveColumns(['time', 'tool'], broken)).toEqual(['time', 'tool']);
    expect(loadColumns(broken)).toEqual([...defaultColumns]);
  });
});

describe('fitting the table to its pane', () => {
  const minOf = (ids: string[]) => ids.reduce((n, id) => n + (allColumns.find((c) => c.id === id)?.min ?? 0), 0);

  it('shows every chosen column when they fit', () => {
    const fit = fitColumns(defaultColumns, 5000);
    expect(fit.shown).toEqual([...defaultColumns]);
    expect(fit.hidden).toEqual([]);
  });

  it('never needs more than the pane: hides the least important first, in the chosen order otherwise', () => {
    for (const width of [1180, 900, 741, 600, 420]) {
      const fit = fitColumns(defaultColumns, width);
      expect(minOf(fit.shown)).toBeLessThanOrEqual(width);
      expect(fit.minWidth).toBe(minOf(fit.shown));
      expect(fit.shown).toEqual(defaultColumns.filter((id) => fit.shown.includes(id)));
      expect([...fit.shown, ...fit.hidden].sort()).toEqual([...defaultColumns].sort());
    }
  });

  it('keeps time, decision and action beside the open drawer (1440 px window: 741 px pane)', () => {
    const fit = fitColumns(defaultColumns, 741);
    for (const key of ['time', 'decision', 'actionNative', 'agent', 'subjectUser']) expect(fit.shown).toContain(key);
    expect(fit.hidden).toContain('source');
    // Too narrow for anything but time still keeps one more column (a bare timeline misleads).
    expect(fitColumns(defaultColumns, 10).shown).toEqual(['time', 'decision']);
  });

  it('keeps the column just turned on in view, stepping a default-ranked one aside instead', () => {
    const chosen = [...defaultColumns, 'traceId'];
    const width = minOf(defaultColumns.filter((id) => id !== 'source'));
    expect(fitColumns(chosen, width).shown).not.toContain('traceId');
    const fit = fitColumns(chosen, width, 'traceId');
    expect(fit.shown).toContain('traceId');
    expect(minOf(fit.shown)).toBeLessThanOrEqual(width);
    for (const key of fitColumns(chosen, 10).shown) expect(fit.shown).toContain(key);
  });

  it('tracks grow from their minimum with the spare room', () => {
    expect(gridTemplate(['time', 'actionNative'])).toBe('minmax(172px, 184fr) minmax(150px, 240fr)');
  });
});
