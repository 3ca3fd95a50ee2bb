// The workbench's reads from the engine, keyed on what they depend on.
import { facetFields, type EventFilter, type FacetCount, type FacetField, type LogEngine, type LogSource } from '../../logs/engine/contract.ts';
import { presenceOf, type FieldPresence } from './facet-labels.ts';
import { logEngine } from './engine-instance.ts';
import { filterKey, withoutFacet } from './filter-state.ts';
import { useLogsUi } from './store.ts';
import { useEngineQuery } from './use-query.ts';

export type FacetCounts = Record<FacetField, FacetCount[]>;

/**
 * Counts for every facet. A facet with a selection is counted without its own
 * selection, so its other values keep their counts and can be added (OR within a facet).
 */
export async function disjunctiveFacets(engine: LogEngine, filter: EventFilter): Promise<FacetCounts> {
  const selected = facetFields.filter((f) => filter.facets?.[f]?.length);
  const [base, ...own] = await Promise.all([engine.facets(filter), ...selected.map((f) => engine.facets(withoutFacet(filter, f)))]);
  const out = { ...base! };
  selected.forEach((f, i) => {
    out[f] = own[i]![f];
  });
  return out;
}

function useVersions(): string {
  const dataVersion = useLogsUi((s) => s.dataVersion);
  const notesVersion = useLogsUi((s) => s.notesVersion);
  return `${dataVersion}.${notesVersion}`;
}

/** Annotation filters make results depend on notes; otherwise only data changes matter. */
function usesNotes(filter: EventFilter): boolean {
  return Boolean(filter.starred || filter.tag || filter.commented);
}

export function useQueryKey(filter: EventFilter): string {
  const versions = useVersions();
  const dataVersion = versions.split('.')[0];
  return `${usesNotes(filter) ? versions : dataVersion}|${filterKey(filter)}`;
}

export function useFacets(filter: EventFilter, enabled = true) {
  const key = useQueryKey(filter);
  return useEngineQuery(() => disjunctiveFacets(logEngine(), filter), `facets|${key}`, enabled);
}

export function useHistogram(filter: EventFilter, buckets: number, enabled = true) {
  const key = useQueryKey(filter);
  return useEngineQuery(() => logEngine().histogram(filter, buckets), `hist|${buckets}|${key}`, enabled);
}

export function useSources(enabled = true) {
  const dataVersion = useLogsUi((s) => s.dataVersion);
  return useEngineQuery(() => logEngine().sources(), `sources|${dataVersion}`, enabled);
}

export function useTimeRange(enabled = true) {
  const dataVersion = useLogsUi((s) => s.dataVersion);
  return useEngineQuery(() => logEngine().timeRange(), `range|${dataVersion}`, enabled);
}

export function useProblems(enabled = true) {
  const dataVersion = useLogsUi((s) => s.dataVersion);
  return useEngineQuery(() => logEngine().problems(), `problems|${dataVersion}`, enabled);
}

export function useTotal(filter: EventFilter, enabled = true) {
  const key = useQueryKey(filter);
  return useEngineQuery(async () => (await logEngine().query(filter, 'time-asc', 0, 0)).total, `total|${key}`, enabled);
}

/** At most this many sources are profiled for the "(not set)" reasons (one facet query each). */
const presenceSources = 50;

/** For each source, which facet fields it fills: the ground for saying why a value is "(not set)". */
export function useFieldPresence(sources: LogSource[] | undefined, enabled = true) {
  const dataVersion = useLogsUi((s) => s.dataVersion);
  const ids = (sources ?? []).slice(0, presenceSources).map((s) => s.id);
  return useEngineQuery<FieldPresence[]>(
    () => Promise.all(ids.map(async (id) => presenceOf(id, await logEngine().facets({ facets: { source: [id] } })))),
    `presence|${dataVersion}|${ids.join(',')}`,
    enabled && sources !== undefined,
  );
}
