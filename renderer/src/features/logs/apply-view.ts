// Applying a saved or linked view: filter, columns and sort together, nothing half-done.
import type { LinkedView } from './view-link.ts';
import { normalizeColumns } from './columns.ts';
import { useLogsUi } from './store.ts';

export function applyView(view: LinkedView): void {
  const ui = useLogsUi.getState();
  ui.dispatch({ type: 'replace', filter: view.filter });
  if (view.columns?.length) ui.setColumns(normalizeColumns(view.columns));
  if (view.sort) ui.setSort(view.sort);
  ui.setTab('events');
}

export function currentView(name?: string): LinkedView {
  const { filter, columns, sort } = useLogsUi.getState();
  return { ...(name ? { name } : {}), filter, columns, sort };
}
