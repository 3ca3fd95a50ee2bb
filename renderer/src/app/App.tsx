import { plural } from '../common/format.ts';
import { useEffect, useState } from 'react';
import { useNav, type Screen } from './navigation.ts';
import { useStatus } from '../common/status.ts';
import { ReviewScreen } from '../features/review/ReviewScreen.tsx';
import { LibraryScreen } from '../features/library/LibraryScreen.tsx';
import { RubricsScreen } from '../features/rubrics/RubricsScreen.tsx';
import { LogsScreen } from '../features/logs/LogsScreen.tsx';
import { acceptAccessLogHandoffs } from '../features/logs/route.ts';
import { ensureWorkspace } from '../features/library/first-run.ts';
import { useImportRunner } from '../features/library/import-runner.ts';
import { db } from '../db/database.ts';
import { useLiveQuery } from '../common/live-query.ts';
import { getSetting } from '../db/settings.ts';
import { platform } from '../platform/index.ts';
import { WorkspaceDialog } from './WorkspaceDialog.tsx';

// Access logs picked in the Library are ingested by the Logs screen.
acceptAccessLogHandoffs();

const screens: { id: Screen; label: string }[] = [
  { id: 'review', label: 'Review' },
  { id: 'library', label: 'Library' },
  { id: 'rubrics', label: 'Rubrics' },
  { id: 'logs', label: 'Logs' },
];

function useWorkspaceContext() {
  return useLiveQuery(async () => {
    const database = db();
    const [title, annotator] = await Promise.all([getSetting(database, 'workspaceTitle'), getSetting(database, 'annotator')]);
    return { title, annotator };
  }, []);
}

function StatusArea() {
  const { message, tone, busy } = useStatus();
  return (
    <div className="app-status" role="status" aria-live="polite" data-tone={tone} title={message}>
      {busy ? <span className="spinner" aria-hidden="true" /> : null}
      <span>{message}</span>
    </div>
  );
}

export function App() {
  const { screen, go } = useNav();
  const [ready, setReady] = useState<'loading' | 'ready'>('loading');
  const context = useWorkspaceContext();

  useEffect(() => {
    const status = useStatus.getState();
    status.work('Opening workspace…');
    ensureWorkspace().then(
      (report) => {
        setReady('ready');
        if (!report.seeded) return status.say('');
        // The Library shows what the first run brought in, file by file.
        useImportRunner.setState({ outcomes: report.outcomes });
        const imported = report.outcomes.filter((o) => o.status === 'imported').length;
        const failed = report.outcomes.filter((o) => o.status === 'rejected').length;
        status.say(`Demo workspace opened: ${plural(imported, 'file')} imported${failed ? `, ${failed} rejected (see Library)` : ''}`, failed ? 'warn' : 'ok');
      },
      (err: unknown) => {
        // The desk stays usable without the demo; the next start tries again.
        setReady('ready');
        status.say(`The demo workspace could not be opened: ${err instanceof Error ? err.message : String(err)}`, 'danger');
      },
    );
  }, []);

  // A view link pasted into the address bar of the running app, on any screen: show Logs,
  // which applies the link as it mounts (or, already showing, on the same hashchange).
  useEffect(() => {
    const onHash = () => {
      if (location.hash.startsWith('#logs?')) go('logs');
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [go]);

  // File › Import… in the desktop menu: show the Library and open the picker.
  useEffect(
    () =>
      platform.onMenuCommand?.((command) => {
        if (command !== 'import') return;
        go('library');
        void useImportRunner.getState().pickAndRun();
      }),
    [go],
  );

  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">Custody</span>
        <nav aria-label="Screens" className="app-tabs">
          {screens.map((s) => (
            <button key={s.id} type="button" className="tab" aria-current={screen === s.id ? 'page' : undefined} onClick={() => go(s.id)}>
              {s.label}
            </button>
          ))}
        </nav>
        <div className="app-context">
          <StatusArea />
          {context ? (
            <>
              <span className="sep" aria-hidden="true" />
              <WorkspaceDialog title={context.title} annotator={context.annotator} />
            </>
          ) : null}
        </div>
      </header>
      <main className="app-main">
        {ready === 'loading' ? (
          <p className="muted pad">Opening workspace…</p>
        ) : screen === 'review' ? (
          <ReviewScreen />
        ) : screen === 'library' ? (
          <LibraryScreen />
        ) : screen === 'logs' ? (
          <LogsScreen />
        ) : (
          <RubricsScreen />
        )}
      </main>
    </div>
  );
}
