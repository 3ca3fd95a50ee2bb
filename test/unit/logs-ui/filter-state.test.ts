// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { canonicalFilter, filterKey, filterReducer, isEmptyFilter, withoutFacet } from '../../../renderer/src/features/logs/filter-state.ts';
import { filterChips } from '../../../renderer/src/features/logs/chips.ts';
import type { EventFilter } from '../../../renderer/src/logs/engine/contract.ts';

const run = (actions: Parameters<typeof filterReducer>[1][], start: EventFilter = {}) => actions.reduce(filterReducer, start);

describe('filter reducer', () => {
  it('toggles facet values: OR within a facet, AND across facets, empty facets vanish', () => {
    const f = run([
      { type: 'toggleFacet', field: 'decision', value: 'deny' },
      { type: 'toggleFacet', field: 'decision', value: 'challenge' },
      { type: 'toggleFacet', field: 'agent', value: 'agent-a' },
    ]);
    expect(f).toEqual({ facets: { agent: ['agent-a'], decision: ['challenge', 'deny'] } });
    const off = run([{ type: 'toggleFacet', field: 'agent', value: 'agent-a' }], f);
    expect(off).toEqual({ facets: { decision: ['challenge', 'deny'] } });
    expect(run([{ type: 'clearFacet', field: 'decision' }], off)).toEqual({});
  });

  it('keeps "" as a real value meaning "not set"', () => {
    expect(run([{ type: 'toggleFacet', field: 'subjectUser', value: '' }])).toEqual({ facets: { subjectUser: [''] } });
  });

  it('orders a dragged time window either way and ignores an empty one', () => {
    expect(run([{ type: 'setTime', from: 500, to: 100 }])).toEqual({ timeFrom: 100, timeTo: 500 });
    expect(run([{ type: 'setTime', from: 100, to: 100 }])).toEqual({});
    expect(run([{ type: 'setTime', from: 1, to: 9 }, { type: 'clearTime' }])).toEqual({});
  });

  it('trims text and tags; blank ones and false flags are dropped', () => {
    const f = run([
      { type: 'setText', text: '  token  ' },
      { type: 'setStarred', on: true },
      { type: 'setTag', tag: ' follow-up ' },
      { type: 'setCommented', on: true },
    ]);
    expect(f).toEqual({ text: 'token', starred: true, tag: 'follow-up', commented: true });
    expect(
      run(
        [
          { type: 'setText', text: ' ' },
          { type: 'setStarred', on: false },
          { type: 'setTag', tag: '' },
          { type: 'setCommented', on: false },
        ],
        f,
      ),
    ).toEqual({});
  });

  it('replaces and clears; equal filters share one key', () => {
    const f = run([{ type: 'replace', filter: { facets: { tool: ['b', 'a', 'a'] }, text: '' } }]);
    expect(f).toEqual({ facets: { tool: ['a', 'b'] } });
    expect(filterKey({ facets: { tool: ['b', 'a'] } })).toBe(filterKey(f));
    expect(run([{ type: 'clear' }], f)).toEqual({});
    expect(isEmptyFilter({ facets: { tool: [] }, text: ' ' })).toBe(true);
  });

  it('counts a facet without its own selection (so its other values stay pickable)', () => {
    const f: EventFilter = { facets: { decision: ['deny'], agent: ['a'] }, text: 'x' };
    expect(withoutFacet(f, 'decision')).toEqual({ facets: { agent: ['a'] }, text: 'x' });
    expect(withoutFacet(f, 'tool')).toBe(f);
  });

  it('canonicalFilter drops non-finite times', () => {
    expect(canonicalFilter({ timeFrom: Number.NaN, timeTo: Infinity })).toEqual({});
  });

  it('turns the filter into chips whose removal undoes exactly that part', () => {
    const f = run([
      { type: 'toggleFacet', field: 'source', value: 'src-1' },
      { type: 'toggleFacet', field: 'decision', value: 'deny' },
      { type: 'setText', text: 'scope' },
      { type: 'setTime', from: Date.UTC(2026, 10, 2, 12) * 1000, to: Date.UTC(2026, 10, 2, 13) * 1000 },
      { type: 'setStarred', on: true },
    ]);
    const chips = filterChips(f, 'utc', (id) => (id === 'src-1' ? 'okta.jsonl' : id));
    expect(chips.map((c) => c.label)).toEqual(['Time: 2026-11-02 12:00:00 – 2026-11-02 13:00:00 UTC', 'Decision: deny', 'Source file: okta.jsonl', 'Text: “scope”', 'Starred']);
    const withoutSource = filterReducer(f, chips.find((c) => c.key.startsWith('f:source'))!.remove);
    expect(withoutSource.facets).toEqual({ decision: ['deny'] });
    expect(chips.reduce((acc, c) => filterReducer(acc, c.remove), f)).toEqual({});
  });
});
