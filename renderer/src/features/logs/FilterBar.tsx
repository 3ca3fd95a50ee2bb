// Search (free text over normalized fields and raw), note filters, and the active filter as chips.
import { useEffect, useRef, useState } from 'react';
import { filterChips } from './chips.ts';
import { logEngine, openLogEngine } from './engine-instance.ts';
import { useEngineQuery } from './use-query.ts';
import { useLogsUi } from './store.ts';

const searchDelayMs = 250;

/** What a search means (renderer/src/logs/engine/README.md, "Search"). */
const searchHelp =
  'Every term must appear, ignoring case, inside one value of the event: a text value of its raw record (not keys, numbers or timestamps) or a normalized field (agent, user, tool, decision…). ' +
  'Spaces separate terms; "a quoted phrase" is one term, spaces included (\\" is a literal quote). ' +
  'No wildcards and no field:value syntax: * and : are searched as typed; filter fields with the facets.';

function SearchBox() {
  const text = useLogsUi((s) => s.filter.text ?? '');
  const dispatch = useLogsUi((s) => s.dispatch);
  const focusRequest = useLogsUi((s) => s.searchFocus);
  const [draft, setDraft] = useState(text);
  const input = useRef<HTMLInputElement>(null);

  // A chip removal or an applied view changes the text from outside.
  useEffect(() => setDraft((d) => (d.trim() === text ? d : text)), [text]);
  useEffect(() => {
    if (focusRequest) input.current?.focus();
  }, [focusRequest]);
  useEffect(() => {
    if (draft.trim() === text) return;
    const t = setTimeout(() => dispatch({ type: 'setText', text: draft }), searchDelayMs);
    return () => clearTimeout(t);
  }, [draft, text, dispatch]);

  return (
    <div className="lg-search">
      <label htmlFor="lg-search" className="sr-only">
        Search events
      </label>
      <input
        id="lg-search"
        ref={input}
        type="search"
        placeholder="Search fields and raw records  ( / )"
        title={searchHelp}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') dispatch({ type: 'setText', text: draft });
          if (e.key === 'Escape') {
            e.preventDefault();
            e.currentTarget.blur();
          }
        }}
        spellCheck={false}
        autoComplete="off"
      />
    </div>
  );
}

function NoteFilters() {
  const { starred, tag, commented } = useLogsUi((s) => s.filter);
  const dispatch = useLogsUi((s) => s.dispatch);
  const [tagDraft, setTagDraft] = useState(tag ?? '');
  const notesVersion = useLogsUi((s) => s.notesVersion);
  const { data: tags = [] } = useEngineQuery(async () => {
    await openLogEngine();
    return (await logEngine().tags?.()) ?? [];
  }, `tags|${notesVersion}`);
  useEffect(() => setTagDraft(tag ?? ''), [tag]);
  return (
    <div className="lg-notefilters" role="group" aria-label="Auditor notes filter">
      <button type="button" className="btn btn-sm" aria-pressed={Boolean(starred)} onClick={() => dispatch({ type: 'setStarred', on: !starred })}>
        <span aria-hidden="true">★</span> Starred
      </button>
      <button type="button" className="btn btn-sm" aria-pressed={Boolean(commented)} onClick={() => dispatch({ type: 'setCommented', on: !commented })}>
        <span aria-hidden="true">✎</span> Commented
      </button>
      <form
        className="lg-tagfilter"
        onSubmit={(e) => {
          e.preventDefault();
          dispatch({ type: 'setTag', tag: tagDraft });
        }}
      >
        <label htmlFor="lg-tagfilter" className="sr-only">
          Filter by tag
        </label>
        <input
          id="lg-tagfilter"
          type="text"
          placeholder="tag…"
          list="lg-tags-known"
          value={tagDraft}
          onChange={(e) => setTagDraft(e.target.value)}
          onBlur={() => dispatch({ type: 'setTag', tag: tagDraft })}
        />
        <datalist id="lg-tags-known">
          {tags.map((t) => (
            <option key={t.value} value={t.value}>{`${t.value} (${t.count})`}</option>
          ))}
        </datalist>
      </form>
    </div>
  );
}

export function FilterBar({ sourceName }: { sourceName: (id: string) => string }) {
  const filter = useLogsUi((s) => s.filter);
  const zone = useLogsUi((s) => s.zone);
  const dispatch = useLogsUi((s) => s.dispatch);
  const chips = filterChips(filter, zone, sourceName);
  return (
    <div className="lg-filterbar">
      <div className="lg-filterbar-row">
        <SearchBox />
        <NoteFilters />
      </div>
      <ul className="lg-chips" aria-label="Active filters">
        {chips.length === 0 ? <li className="faint lg-nofilter">No filter: every event is shown.</li> : null}
        {chips.map((c) => (
          <li key={c.key} className="lg-chip">
            <span className="lg-chip-label" title={c.label}>
              {c.label}
            </span>
            <button type="button" className="lg-chip-x" aria-label={`Remove filter ${c.label}`} onClick={() => dispatch(c.remove)}>
              ×
            </button>
          </li>
        ))}
        {chips.length > 1 ? (
          <li>
            <button type="button" className="btn btn-quiet btn-sm" onClick={() => dispatch({ type: 'clear' })}>
              Clear all
            </button>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
