// Binds the timeline keys to the window while the Logs screen is showing.
import { useEffect, useRef } from 'react';
import { annotateEvent, withNotes } from './annotate.ts';
import { logEngine } from './engine-instance.ts';
import { resolveLogsKey } from './keyboard.ts';
import type { PagedRows } from './row-pages.ts';
import { useLogsUi } from './store.ts';

export function useLogsKeys(rows: PagedRows): void {
  // The handler reads the latest rows without re-binding on every page load.
  const current = useRef(rows);
  current.current = rows;

  useEffect(() => {
    const move = async (delta: number) => {
      const { cursor, openRow, setCursor, open } = useLogsUi.getState();
      const total = current.current.total ?? 0;
      if (!total) return;
      const next = Math.max(0, Math.min(total - 1, cursor + delta));
      setCursor(next);
      // With the drawer open, it follows the cursor.
      if (openRow !== null) {
        const row = await current.current.load(next);
        if (row && useLogsUi.getState().cursor === next) open(row.row);
      }
    };

    const star = async () => {
      const ui = useLogsUi.getState();
      const row = ui.openRow !== null ? (await logEngine().event(ui.openRow)).row : await current.current.load(ui.cursor);
      if (!row) return;
      const shown = withNotes(row, useLogsUi.getState().annotations[row.id]);
      await annotateEvent(row.id, { starred: !shown.starred });
    };

    const onKey = (e: KeyboardEvent) => {
      const action = resolveLogsKey(e);
      if (!action) return;
      const ui = useLogsUi.getState();
      if (action === 'help') {
        e.preventDefault();
        ui.setHelp(true);
        return;
      }
      if (ui.tab !== 'events' && action !== 'search') return;
      switch (action) {
        case 'down':
        case 'up':
          e.preventDefault();
          void move(action === 'down' ? 1 : -1);
          return;
        case 'open':
          e.preventDefault();
          void current.current.load(ui.cursor).then((row) => row && useLogsUi.getState().open(row.row));
          return;
        case 'close':
          if (ui.openRow !== null) {
            e.preventDefault();
            ui.open(null);
          }
          return;
        case 'search':
          e.preventDefault();
          ui.focusSearch();
          return;
        case 'star':
          e.preventDefault();
          void star();
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
