// Which timeline columns show. Time is always first; the choice persists on this desk.
import { allColumns, defaultColumns, timeColumnId, toggleColumn } from './columns.ts';
import { Popover } from './Popover.tsx';
import { useLogsUi } from './store.ts';

export function ColumnPicker() {
  const columns = useLogsUi((s) => s.columns);
  const setColumns = useLogsUi((s) => s.setColumns);
  return (
    <Popover label="Columns" title="Timeline columns" align="right">
      {() => (
        <div className="lg-colpick">
          <ul>
            {allColumns.map((c) => (
              <li key={c.id}>
                <label>
                  <input type="checkbox" checked={columns.includes(c.id)} disabled={c.id === timeColumnId} onChange={() => setColumns(toggleColumn(columns, c.id))} />
                  {c.label}
                </label>
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-quiet btn-sm" onClick={() => setColumns([...defaultColumns])}>
            Reset to defaults
          </button>
        </div>
      )}
    </Popover>
  );
}
