// The filter the auditor builds, as a pure reducer over the engine's EventFilter.
// Kept canonical (no empty arrays, no blank text) so equal filters compare equal,
// encode to the same view link and hit the same query cache.
import { facetFields, type EventFilter, type FacetField } from '../../logs/engine/contract.ts';

export type FilterAction =
  | { type: 'toggleFacet'; field: FacetField; value: string }
  | { type: 'clearFacet'; field: FacetField }
  | { type: 'setText'; text: string }
  | { type: 'setTime'; from: number; to: number }
  | { type: 'clearTime' }
  | { type: 'setStarred'; on: boolean }
  | { type: 'setTag'; tag: string }
  | { type: 'setCommented'; on: boolean }
  | { type: 'replace'; filter: EventFilter }
  | { type: 'clear' };

/** Drops empty parts and orders facet values, so the same filter has one shape. */
export function canonicalFilter(filter: EventFilter): EventFilter {
  const out: EventFilter = {};
  if (typeof filter.timeFrom === 'number' && Number.isFinite(filter.timeFrom)) out.timeFrom = filter.timeFrom;
  if (typeof filter.timeTo === 'number' && Number.isFinite(filter.timeTo)) out.timeTo = filter.timeTo;
  const facets: Partial<Record<FacetField, string[]>> = {};
  for (const field of facetFields) {
    const values = filter.facets?.[field];
    if (values?.length) facets[field] = [...new Set(values)].sort();
  }
  if (Object.keys(facets).length) out.facets = facets;
  const text = filter.text?.trim();
  if (text) out.text = text;
  if (filter.starred) out.starred = true;
  const tag = filter.tag?.trim();
  if (tag) out.tag = tag;
  if (filter.commented) out.commented = true;
  return out;
}

function withFacet(filter: EventFilter, field: FacetField, values: string[]): EventFilter {
  return { ...filter, facets: { ...filter.facets, [field]: values } };
}

export function filterReducer(state: EventFilter, action: FilterAction): EventFilter {
  switch (action.type) {
    case 'toggleFacet': {
      const current = state.facets?.[action.field] ?? [];
      const next = current.includes(action.value) ? current.filter((v) => v !== action.value) : [...current, action.value];
      return canonicalFilter(withFacet(state, action.field, next));
    }
    case 'clearFacet':
      return canonicalFilter(withFacet(state, action.field, []));
    case 'setText':
      return canonicalFilter({ ...state, text: action.text });
    case 'setTime': {
      // A drag may run either way across the chart.
      const from = Math.min(action.from, action.to);
      const to = Math.max(action.from, action.to);
      return to > from ? canonicalFilter({ ...state, timeFrom: from, timeTo: to }) : state;
    }
    case 'clearTime':
      return canonicalFilter({ ...state, timeFrom: undefined, timeTo: undefined });
    case 'setStarred':
      return canonicalFilter({ ...state, starred: action.on });
    case 'setTag':
      return canonicalFilter({ ...state, tag: action.tag });
    case 'setCommented':
      return canonicalFilter({ ...state, commented: action.on });
    case 'replace':
      return canonicalFilter(action.filter);
    case 'clear':
      return {};
  }
}

export function isEmptyFilter(filter: EventFilter): boolean {
  return Object.keys(canonicalFilter(filter)).length === 0;
}

/** Facet counts ignore the facet's own selection so its other values stay pickable (OR within a facet). */
export function withoutFacet(filter: EventFilter, field: FacetField): EventFilter {
  if (!filter.facets?.[field]) return filter;
  return canonicalFilter(withFacet(filter, field, []));
}

export function filterKey(filter: EventFilter): string {
  return JSON.stringify(canonicalFilter(filter));
}
