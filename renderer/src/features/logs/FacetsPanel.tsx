// Facets with counts: click a value to filter (OR within a facet, AND across facets).
// Counts come from the engine after every change; selected values stay listed even at 0.
import { formatCount } from '../../common/format.ts';
import { useState } from 'react';
import type { FacetCount, FacetField } from '../../logs/engine/contract.ts';
import { decisionTone } from './decision.ts';
import { facetOrder, facetTitles, facetValueLabel, notSetReason, type FieldPresence, type NotSetReason } from './facet-labels.ts';
import type { FacetCounts } from './queries.ts';
import { useLogsUi } from './store.ts';

const shownValues = 8;

function FacetSection({ field, counts, sourceName, notSet }: { field: FacetField; counts: FacetCount[]; sourceName: (id: string) => string; notSet?: NotSetReason }) {
  const selected = useLogsUi((s) => s.filter.facets?.[field]);
  const dispatch = useLogsUi((s) => s.dispatch);
  const [all, setAll] = useState(false);
  const [open, setOpen] = useState(true);
  const picked = selected ?? [];
  // Selected values first so they never scroll out of reach; the rest by count.
  const listed = [...picked.filter((v) => !counts.some((c) => c.value === v)).map((value) => ({ value, count: 0 })), ...counts];
  const sorted = [...listed].sort((a, b) => Number(picked.includes(b.value)) - Number(picked.includes(a.value)) || b.count - a.count);
  const visible = all ? sorted : sorted.slice(0, Math.max(shownValues, picked.length));
  const headingId = `facet-${field}`;
  return (
    <section className="lg-facet" aria-labelledby={headingId} data-field={field}>
      <div className="lg-facet-head">
        <button type="button" className="lg-facet-toggle" aria-expanded={open} onClick={() => setOpen(!open)} id={headingId}>
          {facetTitles[field]}
        </button>
        {picked.length ? (
          <button type="button" className="btn btn-quiet btn-sm" onClick={() => dispatch({ type: 'clearFacet', field })} aria-label={`Clear ${facetTitles[field]} filter`}>
            clear
          </button>
        ) : (
          <span className="faint lg-facet-n">{counts.length || ''}</span>
        )}
      </div>
      {open ? (
        counts.length === 0 && picked.length === 0 ? (
          <p className="faint lg-facet-empty">none</p>
        ) : (
          <ul className="lg-facet-values">
            {visible.map(({ value, count }) => {
              const on = picked.includes(value);
              const label = facetValueLabel(field, value, sourceName);
              const why = value === '' ? notSet : undefined;
              const events = `${formatCount(count)} ${count === 1 ? 'event' : 'events'}`;
              return (
                <li key={value}>
                  <button
                    type="button"
                    className="lg-facet-value"
                    aria-pressed={on}
                    data-tone={field === 'decision' ? decisionTone(value) : undefined}
                    onClick={() => dispatch({ type: 'toggleFacet', field, value })}
                    title={why ? `${facetTitles[field]} not set. ${why.long}` : `${facetTitles[field]}: ${label}`}
                    aria-label={why ? `${label}, ${why.short}, ${events}` : `${label}, ${events}`}
                    aria-description={why?.long}
                  >
                    <span className="lg-check" aria-hidden="true" />
                    <span className={value === '' ? 'lg-fv-label faint' : 'lg-fv-label'}>
                      {label}
                      {why ? <> <span className="lg-fv-why">{why.short}</span></> : null}
                    </span>{' '}
                    {/* the spaces keep label, reason and count separate words, as in the accessible name */}
                    <span className="lg-fv-count num">{formatCount(count)}</span>
                  </button>
                </li>
              );
            })}
            {sorted.length > visible.length || all ? (
              <li>
                <button type="button" className="btn btn-quiet btn-sm lg-more" onClick={() => setAll(!all)}>
                  {all ? 'Show fewer' : `Show all ${sorted.length}`}
                </button>
              </li>
            ) : null}
          </ul>
        )
      ) : null}
    </section>
  );
}

export function FacetsPanel({
  facets,
  error,
  sourceName,
  presence,
  describeSource,
}: {
  facets: FacetCounts | undefined;
  error?: string;
  sourceName: (id: string) => string;
  /** Which fields each source fills: explains "(not set)". */
  presence?: readonly FieldPresence[];
  /** "format (file)" for a source id. */
  describeSource?: (id: string) => string;
}) {
  const selectedSources = useLogsUi((s) => s.filter.facets?.source);
  // The sources in the current result (the source facet is counted without its own selection).
  const inResult = selectedSources?.length ? selectedSources : (facets?.source ?? []).filter((c) => c.count > 0).map((c) => c.value);
  const reason = (f: FacetField) => (presence ? notSetReason(f, inResult, presence, describeSource ?? sourceName) : undefined);
  return (
    <aside className="lg-facets" aria-label="Facets">
      {error ? <p className="error pad">Facet counts failed: {error}</p> : null}
      {facets ? facetOrder.map((f) => <FacetSection key={f} field={f} counts={facets[f] ?? []} sourceName={sourceName} notSet={reason(f)} />) : <p className="muted pad">Counting…</p>}
    </aside>
  );
}
