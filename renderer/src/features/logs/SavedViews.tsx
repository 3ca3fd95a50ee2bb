// Saved views (filter + columns under a name) and shareable view links.
import { useState } from 'react';
import type { SavedView } from '../../logs/engine/contract.ts';
import { useStatus } from '../../common/status.ts';
import { applyView, currentView } from './apply-view.ts';
import { deleteView, listViews, saveView } from './engine-ports.ts';
import { Popover } from './Popover.tsx';
import { useLogsUi } from './store.ts';
import { useEngineQuery } from './use-query.ts';
import { decodeView, viewLinkUrl } from './view-link.ts';

function describe(v: SavedView): string {
  const f = v.filter;
  const facets = Object.values(f.facets ?? {}).reduce((n, vals) => n + (vals?.length ?? 0), 0);
  const parts = [facets ? `${facets} facet value${facets === 1 ? '' : 's'}` : '', f.text ? `“${f.text}”` : '', f.timeFrom !== undefined ? 'time window' : '', f.starred ? 'starred' : '', f.tag ? `#${f.tag}` : '', f.commented ? 'commented' : ''];
  return parts.filter(Boolean).join(' · ') || 'all events';
}

export function SavedViews() {
  const [version, setVersion] = useState(0);
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const { data: views = [] } = useEngineQuery(listViews, `views|${version}`);
  const say = useStatus((s) => s.say);

  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) return setError('Name the view.');
    try {
      const { filter, columns } = useLogsUi.getState();
      await saveView({ name: trimmed, filter, columns });
      setName('');
      setError(undefined);
      setVersion((v) => v + 1);
      say(`Saved view “${trimmed}”`, 'ok');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Popover label={`Views${views.length ? ` (${views.length})` : ''}`} title="Saved views" align="right">
      {(close) => (
        <div className="lg-views">
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <label htmlFor="lg-view-name" className="sr-only">
              View name
            </label>
            <input id="lg-view-name" type="text" placeholder="Name this view…" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} data-autofocus />
            <button type="submit" className="btn btn-sm btn-primary">
              Save
            </button>
          </form>
          {error ? <p className="field-error">{error}</p> : null}
          {views.length === 0 ? <p className="faint">No saved views yet. A view keeps the filter and the columns.</p> : null}
          <ul className="lg-views-list" aria-label="Saved views">
            {views.map((v) => (
              <li key={v.id}>
                <button
                  type="button"
                  className="lg-view-apply"
                  onClick={() => {
                    applyView({ name: v.name, filter: v.filter, columns: v.columns });
                    close();
                  }}
                >
                  <span className="lg-view-name">{v.name}</span>
                  <span className="faint">{describe(v)}</span>
                </button>
                <button
                  type="button"
                  className="btn btn-quiet btn-sm"
                  aria-label={`Delete view ${v.name}`}
                  onClick={() => void deleteView(v.id).then(() => setVersion((n) => n + 1))}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Popover>
  );
}

export function ShareView() {
  const [link, setLink] = useState('');
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [paste, setPaste] = useState('');
  const [pasteError, setPasteError] = useState<string>();
  const say = useStatus((s) => s.say);

  const make = () => {
    const l = viewLinkUrl(currentView());
    setLink(l);
    setCopied(null);
    const copiedOk = () => {
      setCopied('yes');
      say('View link copied: opening it shows this filter, these columns and this sort.', 'ok');
    };
    const copyFailed = () => {
      // Hosts may deny the clipboard; the link is shown, selected, to copy by hand.
      setCopied('no');
      say('The clipboard is not available here: the view link is selected in its box; copy it with Ctrl/⌘+C.', 'warn');
    };
    if (!navigator.clipboard?.writeText) return copyFailed();
    navigator.clipboard.writeText(l).then(copiedOk, copyFailed);
  };

  return (
    <Popover label="Copy view link" title="Share this view" onOpen={make} align="right">
      {(close) => (
        <div className="lg-share">
          <label htmlFor="lg-link" className="field-label">
            View link
          </label>
          <span className="lg-share-state" data-testid="view-link-state">
            {copied === 'yes' ? <span className="ok-text">✓ Copied to the clipboard</span> : copied === 'no' ? <span className="muted">Not copied: select the link and copy it</span> : null}
          </span>
          <input id="lg-link" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} className="mono" data-testid="view-link" />
          <p className="faint">Anyone with this workspace's data can open it (on load, or pasted into the address bar of a running app): it carries the filter, columns and sort, no events.</p>
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              const decoded = decodeView(paste);
              if (!decoded.ok) return setPasteError(decoded.reason);
              applyView(decoded.view);
              setPaste('');
              setPasteError(undefined);
              close();
            }}
          >
            <label htmlFor="lg-paste" className="field-label">
              Open a view link
            </label>
            <div className="row">
              <input id="lg-paste" type="text" placeholder="Paste a view link (…#logs?view=…)" value={paste} onChange={(e) => setPaste(e.target.value)} aria-invalid={pasteError ? true : undefined} />
              <button type="submit" className="btn btn-sm" disabled={!paste.trim()}>
                Open
              </button>
            </div>
            {pasteError ? <span className="field-error">{pasteError}</span> : null}
          </form>
        </div>
      )}
    </Popover>
  );
}
