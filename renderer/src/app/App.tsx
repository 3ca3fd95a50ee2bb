import { useEffect, useState } from 'react';
import { useNav, type Screen } from './navigation.ts';
import { ReviewScreen } from '../features/review/ReviewScreen.tsx';
import { LibraryScreen } from '../features/library/LibraryScreen.tsx';
import { RubricsScreen } from '../features/rubrics/RubricsScreen.tsx';
import { ensureWorkspace } from '../features/library/first-run.ts';

const screens: { id: Screen; label: string }[] = [
  { id: 'review', label: 'Review' },
  { id: 'library', label: 'Library' },
  { id: 'rubrics', label: 'Rubrics' },
];

export function App() {
  const { screen, go } = useNav();
  const [ready, setReady] = useState<'loading' | 'ready' | Error>('loading');

  useEffect(() => {
    ensureWorkspace().then(
      () => setReady('ready'),
      (err: unknown) => setReady(err instanceof Error ? err : new Error(String(err))),
    );
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">Custody</span>
        <nav aria-label="Screens">
          {screens.map((s) => (
            <button key={s.id} type="button" className="tab" aria-current={screen === s.id ? 'page' : undefined} onClick={() => go(s.id)}>
              {s.label}
            </button>
          ))}
        </nav>
      </header>
      <main className="app-main">
        {ready === 'loading' ? (
          <p className="muted pad">Opening workspace…</p>
        ) : ready instanceof Error ? (
          <p role="alert" className="error pad">Could not open the workspace: {ready.message}</p>
        ) : screen === 'review' ? (
          <ReviewScreen />
        ) : screen === 'library' ? (
          <LibraryScreen />
        ) : (
          <RubricsScreen />
        )}
      </main>
    </div>
  );
}
