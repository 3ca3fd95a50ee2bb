// The active filter as removable chips: one per facet value, time window, text and note filter.
import type { EventFilter } from '../../logs/engine/contract.ts';
import { facetOrder, facetTitles, facetValueLabel } from './facet-labels.ts';
import type { FilterAction } from './filter-state.ts';
import { formatTime, zoneLabel, type Zone } from './format.ts';

export interface Chip {
  key: string;
  label: string;
  remove: FilterAction;
}

export function filterChips(filter: EventFilter, zone: Zone, sourceName: (id: string) => string): Chip[] {
  const chips: Chip[] = [];
  if (filter.timeFrom !== undefined || filter.timeTo !== undefined) {
    const from = filter.timeFrom === undefined ? '…' : formatTime(filter.timeFrom, zone, false);
    const to = filter.timeTo === undefined ? '…' : formatTime(filter.timeTo, zone, false);
    chips.push({ key: 'time', label: `Time: ${from} – ${to} ${zoneLabel(zone, filter.timeFrom)}`, remove: { type: 'clearTime' } });
  }
  for (const field of facetOrder) {
    for (const value of filter.facets?.[field] ?? []) {
      chips.push({ key: `f:${field}:${value}`, label: `${facetTitles[field]}: ${facetValueLabel(field, value, sourceName)}`, remove: { type: 'toggleFacet', field, value } });
    }
  }
  if (filter.text) chips.push({ key: 'text', label: `Text: “${filter.text}”`, remove: { type: 'setText', text: '' } });
  if (filter.starred) chips.push({ key: 'starred', label: 'Starred', remove: { type: 'setStarred', on: false } });
  if (filter.tag) chips.push({ key: 'tag', label: `Tag: ${filter.tag}`, remove: { type: 'setTag', tag: '' } });
  if (filter.commented) chips.push({ key: 'commented', label: 'Commented', remove: { type: 'setCommented', on: false } });
  return chips;
}
