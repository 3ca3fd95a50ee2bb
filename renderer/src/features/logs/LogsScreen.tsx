// The auditor's workbench: facets on the left, search, chips and the histogram on top,
// the virtualized timeline in the middle, the event drawer on the right.
import { formatCount } from '../../common/format.ts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useFileDrop } from '../../common/file-drop.ts';
import { KeySheet } from '../../common/KeySheet.tsx';
import { useStatus } from '../../common/status.ts';
import { chooseFiles } from '../../platform/files.ts';
import { applyView, currentView } from './apply-view.ts';
import { ColumnPicker } from './ColumnPicker.tsx';
import { installLogBenchHook } from '../../logs/engine/bench-hook.ts';
import { logEngine, openLogEngine } from './engine-instance.ts';
import { EventDrawer } from './EventDrawer.tsx';
import { ExportEvents } from './ExportEvents.tsx';
import { FacetsPanel } from './FacetsPanel.tsx';
import { FilterBar } from './FilterBar.tsx';
import { zoneLabel } from './format.ts';
import { Histogram } from './Histogram.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { ImportReports } from './ImportReports.tsx';
import { InterruptedImports } from './InterruptedImports.tsx';
import { useImports } from './import-store.ts';
import { loadLastView, saveLastView, takeLinkedView } from './persist.ts';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { useFacets, useFieldPresence, useProblems, useQueryKey, useSources } from './queries.ts';
import { usePagedRows } from './row-pages.ts';
import { SavedViews, ShareView } from './SavedViews.tsx';
import { sourceLabels } from './source-labels.ts';
import { SourcesPanel } from './SourcesPanel.tsx';
import { StagedImports } from './StagedImports.tsx';
import { useLogsUi, type LogsTab } from './store.ts';
import { Timeline } from './Timeline.tsx';
import { LOGS_KEY_HELP } from './keyboard.ts';
import { useLogsKeys } from './use-logs-keys.ts';
import './logs.css';

// The access-log benchmark drives the engine through this seam (inert without ?bench=1).
installLogBenchHook(logEngine);

export const logExtensions = ['json', 'jsonl', 'ndjson', 'csv', 'gz', 'log', 'txt'];

/** Restores the last view (or a linked one) once, then remembers every change. */
function useViewMemory() {
  useEffect(() => {
    const linked = takeLinkedView();
    // "#logs" in the address while this screen shows, so a reload comes back here.
    if (!location.hash.startsWith('#logs')) history.replaceState(null, '', `${location.pathname}${location.search}#logs`);
    if (linked && 'view' in linked) applyView(linked.view);
    else {
      if (linked) useStatus.getState().say(`View link not applied: ${linked.error}`, 'warn');
      const last = loadLastView();
      if (last) applyView(last);
    }
    const unsubscribe = useLogsUi.subscribe((s, prev) => {
      if (s.filter !== prev.filter || s.columns !== prev.columns || s.sort !== prev.sort) saveLastView(currentView());
    });
    return () => {
      unsubscribe();
      if (location.hash.startsWith('#logs')) history.replaceState(null, '', `${location.pathname}${location.search}`);
    };
  }, []);
  // A link opened while the app is running (pasted into the address bar). Applying a view
  // only sets the filter, so it needs no open engine: the queries follow once it is ready.
  useEffect(() => {
    const onHash = () => {
      const linked = takeLinkedView();
      if (linked && 'view' in linked) applyView(linked.view);
      else if (linked) useStatus.getState().say(`View link not applied: ${linked.error}`, 'warn');
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
}

/**
 * Arriving on the screen puts the keyboard in the timeline (as the review queue does), so
 * j / k / Enter work at once, unless the user is already typing or in a dialog.
 */
function useFocusOnArrival(hasRows: boolean) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !hasRows) return;
    done.current = true;
    const active = document.activeElement;
    if (active?.closest('input, textarea, select, [role="dialog"], [role="alertdialog"]')) return;
    document.querySelector<HTMLElement>('.lg-screen [data-timeline]')?.focus({ preventScroll: true });
  }, [hasRows]);
}

function Tabs({ sources, problems }: { sources: number; problems: number }) {
  const tab = useLogsUi((s) => s.tab);
  const setTab = useLogsUi((s) => s.setTab);
  const items: { id: LogsTab; label: string }[] = [
    { id: 'events', label: 'Events' },
    { id: 'sources', label: `Sources (${sources})` },
    { id: 'problems', label: `Problems (${formatCount(problems)})` },
  ];
  return (
    <div className="lg-tabs" role="tablist" aria-label="Logs views">
      {items.map((t) => (
        <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className="lg-tab" onClick={() => setTab(t.id)}>
          {t.label}
        </button>
      ))}
    </div>
  );
}

export function LogsScreen() {
  const [engine, setEngine] = useState<{ state: 'opening' | 'ready' | 'failed'; error?: string }>({ state: 'opening' });
  const ready = engine.state === 'ready';
  const { filter, sort, tab, zone, setZone, open, openRow } = useLogsUi();
  const stage = useImports((s) => s.stage);
  const { dragging, handlers: dropHandlers } = useFileDrop(stage);
  const importing = useImports((s) => s.running !== null);

  useEffect(() => {
    openLogEngine().then(
      () => setEngine({ state: 'ready' }),
      (err: unknown) => setEngine({ state: 'failed', error: err instanceof Error ? err.message : String(err) }),
    );
  }, []);
  useViewMemory();

  const sources = useSources(ready);
  const problems = useProblems(ready);
  const facets = useFacets(filter, ready && tab === 'events');
  const key = useQueryKey(filter);
  const rowsKey = `${ready}|${sort}|${key}`;
  const rows = usePagedRows(filter, sort, rowsKey, ready);
  useLogsKeys(rows);
  useFocusOnArrival(ready && tab === 'events' && (rows.total ?? 0) > 0);
  const helpOpen = useLogsUi((s) => s.helpOpen);
  const setHelp = useLogsUi((s) => s.setHelp);

  const names = useMemo(() => sourceLabels(sources.data ?? []), [sources.data]);
  const sourceName = useCallback((id: string) => names.get(id) ?? id, [names]);
  const presence = useFieldPresence(sources.data, ready && tab === 'events');
  const describeSource = useCallback(
    (id: string) => {
      const s = sources.data?.find((x) => x.id === id);
      return s ? `${s.format} (${sourceName(id)})` : sourceName(id);
    },
    [sources.data, sourceName],
  );

  const pick = async () => {
    // Not platform.openFiles: that hands over bytes, and access logs can exceed memory.
    stage(await chooseFiles({ title: 'Import access logs', extensions: logExtensions, multiple: true }));
  };

  const totalEvents = (sources.data ?? []).reduce((n, s) => n + s.eventCount, 0);

  return (
    <div
      className="lg-screen"
      data-dragging={dragging || undefined}
      {...dropHandlers}
    >
      <div className="lg-top">
        <h1>Logs</h1>
        <Tabs sources={sources.data?.length ?? 0} problems={(problems.data ?? []).length} />
        <span className="muted lg-count" data-testid="event-count">
          {tab === 'events' && rows.total !== undefined ? `${formatCount(rows.total)} of ${formatCount(totalEvents)} events` : `${formatCount(totalEvents)} events`}
        </span>
        <div className="lg-top-actions">
          <SavedViews />
          <ShareView />
          <ExportEvents total={tab === 'events' ? rows.total : undefined} />
          <ColumnPicker />
          <div className="lg-seg" role="group" aria-label="Time zone">
            <button type="button" className="btn btn-sm" aria-pressed={zone === 'utc'} onClick={() => setZone('utc')}>
              UTC
            </button>
            <button type="button" className="btn btn-sm" aria-pressed={zone === 'local'} onClick={() => setZone('local')} title={`Local time (${zoneLabel('local')})`}>
              Local
            </button>
          </div>
          <button type="button" className="btn btn-sm" onClick={() => setHelp(true)} aria-keyshortcuts="?" title="Keyboard shortcuts (?)">
            Keys <kbd>?</kbd>
          </button>
          <button type="button" className="btn btn-primary btn-sm" onClick={() => void pick()}>
            Import logs…
          </button>
        </div>
      </div>

      <div className="lg-notices">
        {engine.state === 'opening' ? <p className="muted">Opening the log store…</p> : null}
        {engine.state === 'failed' ? <p className="error">The log store could not be opened: {engine.error}</p> : null}
        <ImportProgress />
        <InterruptedImports ready={ready} busy={importing} />
        <StagedImports />
        <ImportReports sources={sources.data} />
      </div>

      {tab === 'events' ? (
        <div className="lg-main" data-drawer={openRow !== null || undefined}>
          <FacetsPanel facets={facets.data} error={facets.error} sourceName={sourceName} presence={presence.data} describeSource={describeSource} />
          <div className="lg-center">
            <FilterBar sourceName={sourceName} />
            <Histogram />
            {rows.error ? <p className="error">The timeline could not be read: {rows.error}</p> : null}
            {ready && rows.total === 0 ? (
              <p className="empty">{totalEvents ? 'No event matches this filter.' : 'No access logs yet. Import logs (Okta, Descope, OpenTelemetry …) or drop files here.'}</p>
            ) : (
              <Timeline rows={rows} sourceName={sourceName} resetKey={rowsKey} onActivate={(i) => void rows.load(i).then((r) => r && open(r.row))} />
            )}
          </div>
          <EventDrawer sourceName={sourceName} />
        </div>
      ) : tab === 'sources' ? (
        <div className="lg-page">
          <SourcesPanel sources={sources.data} sourceName={sourceName} />
        </div>
      ) : (
        <div className="lg-page">
          <ProblemsPanel problems={problems.data} sources={sources.data ?? []} />
        </div>
      )}

      <KeySheet
        open={helpOpen}
        onOpenChange={setHelp}
        groups={LOGS_KEY_HELP}
        title="Logs keyboard"
        intro="Letter keys act only when no text box has focus; Esc leaves a box. Arriving on Logs puts the keyboard in the timeline."
      />

      {dragging ? (
        <div className="lg-drop" aria-hidden="true">
          <p>Drop access logs to import</p>
        </div>
      ) : null}
    </div>
  );
}
