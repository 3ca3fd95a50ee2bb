// Rubrics: families and their sealed versions; editing makes a new version.
import { plural } from '../../common/format.ts';
import { useState } from 'react';
import { db } from '../../db/database.ts';
import { useLiveQuery } from '../../common/live-query.ts';
import { getSetting } from '../../db/settings.ts';
import type { RubricRow } from '../../db/rows.ts';
import { useStatus } from '../../common/status.ts';
import { chooseForNewAssignments, filterFamilies, groupFamilies, rebindUntouched } from './actions.ts';
import { RubricList } from './RubricList.tsx';
import { RubricDetail } from './RubricDetail.tsx';
import { RubricEditor } from './RubricEditor.tsx';
import './rubrics.css';

type Mode = { kind: 'view' } | { kind: 'new' } | { kind: 'edit'; parent: RubricRow };

function useRubrics() {
  return useLiveQuery(async () => {
    const database = db();
    const [rubrics, activeHash, todo] = await Promise.all([
      database.rubrics.toArray(),
      getSetting(database, 'activeRubricHash'),
      database.queue.where('status').equals('todo').toArray(),
    ]);
    const todoByHash = new Map<string, number>();
    for (const q of todo) todoByHash.set(q.rubricHash, (todoByHash.get(q.rubricHash) ?? 0) + 1);
    return { rubrics, families: groupFamilies(rubrics), activeHash, todoByHash };
  }, []);
}

export function RubricsScreen() {
  const data = useRubrics();
  const say = useStatus((s) => s.say);
  const [selected, setSelected] = useState<string>();
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [query, setQuery] = useState('');

  if (!data) return <p className="muted pad">Loading rubrics…</p>;
  const { families, activeHash, todoByHash } = data;
  const byHash = new Map(data.rubrics.map((r) => [r.hash, r]));
  const current = byHash.get(selected ?? '') ?? byHash.get(activeHash ?? '') ?? families[0]?.versions[0];
  const family = families.find((f) => f.id === current?.id);
  const shown = filterFamilies(families, query);
  // Untouched items an older version of this family still holds.
  const rebindable = current && family ? family.versions.filter((v) => v.version < current.version).reduce((n, v) => n + (todoByHash.get(v.hash) ?? 0), 0) : 0;

  const activate = async (r: RubricRow) => {
    await chooseForNewAssignments(r.hash);
    say(`New assignments now use ${r.title} v${r.version}`, 'ok');
  };
  const rebind = async (r: RubricRow) => {
    const { moved, merged } = await rebindUntouched(r.hash);
    say(`Moved ${moved} untouched queue item(s) to ${r.title} v${r.version}${merged ? ` (${merged} already there)` : ''}`, 'ok');
  };
  const saved = (r: RubricRow) => {
    setMode({ kind: 'view' });
    setSelected(r.hash);
    say(`Saved ${r.title} v${r.version}`, 'ok');
  };

  return (
    <div className="screen rubrics">
      <div className="screen-head">
        <h1>Rubrics</h1>
        <span className="muted">
          {families.length} {families.length === 1 ? 'family' : 'families'} · {plural(data.rubrics.length, 'version')}
        </span>
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={() => setMode({ kind: 'new' })} disabled={mode.kind !== 'view'}>
            New rubric
          </button>
        </div>
      </div>
      <div className="rubrics-layout">
        <section className="panel rubric-list-panel" aria-label="Rubric list">
          <div className="rubric-filter">
            <input
              type="search"
              aria-label="Filter rubrics"
              placeholder="Filter by title, id or description"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape' && query) {
                  e.preventDefault();
                  setQuery('');
                }
              }}
            />
            <span className="muted" aria-live="polite" data-testid="rubric-filter-count">
              {query.trim() ? `${shown.length} of ${families.length}` : `${families.length}`} {families.length === 1 ? 'family' : 'families'}
            </span>
          </div>
          {query.trim() && !shown.length ? (
            <p className="empty">No rubric matches “{query.trim()}”.</p>
          ) : (
            <RubricList
              families={shown}
              {...(activeHash ? { activeHash } : {})}
              {...(current ? { selectedHash: current.hash } : {})}
              onSelect={(hash) => {
                if (mode.kind === 'view') setSelected(hash);
              }}
            />
          )}
        </section>
        <div className="rubric-main">
          {mode.kind === 'new' ? (
            <RubricEditor takenFamilyIds={families.map((f) => f.id)} onSaved={saved} onCancel={() => setMode({ kind: 'view' })} />
          ) : mode.kind === 'edit' ? (
            <RubricEditor
              key={mode.parent.hash}
              parent={mode.parent}
              latestVersion={families.find((f) => f.id === mode.parent.id)?.versions[0]?.version ?? mode.parent.version}
              takenFamilyIds={families.map((f) => f.id)}
              onSaved={saved}
              onCancel={() => setMode({ kind: 'view' })}
            />
          ) : current ? (
            <RubricDetail
              rubric={current}
              {...(current.parentHash && byHash.get(current.parentHash) ? { parent: byHash.get(current.parentHash)! } : {})}
              isActive={current.hash === activeHash}
              rebindable={rebindable}
              onEdit={() => setMode({ kind: 'edit', parent: current })}
              onActivate={() => void activate(current)}
              onRebind={() => void rebind(current)}
            />
          ) : (
            <p className="empty panel">Select a rubric, or create one.</p>
          )}
        </div>
      </div>
    </div>
  );
}
