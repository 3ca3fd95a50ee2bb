// UI state of the Logs screen. Evidence lives in the engine; this holds only what the
// auditor is looking at: filter, sort, columns, zone, cursor and the open event.
import { create } from 'zustand';
import type { EventAnnotation, EventFilter, SortOrder } from '../../logs/engine/contract.ts';
import { filterReducer, type FilterAction } from './filter-state.ts';
import { loadColumns, saveColumns } from './columns.ts';
import type { Zone } from './format.ts';

export type LogsTab = 'events' | 'sources' | 'problems';

const zoneKey = 'custody.logs.zone.v1';

function loadZone(): Zone {
  try {
    return localStorage.getItem(zoneKey) === 'local' ? 'local' : 'utc';
  } catch {
    return 'utc';
  }
}

export interface LogsUi {
  filter: EventFilter;
  sort: SortOrder;
  columns: string[];
  /** The column the auditor turned on last: it is kept in view before default-ranked ones. */
  lastAdded?: string;
  zone: Zone;
  tab: LogsTab;
  /** Index of the keyboard cursor in the current result list. */
  cursor: number;
  /** Engine row shown in the drawer, or null. */
  openRow: number | null;
  /** Bumped when stored events change (import, removal), so every query reruns. */
  dataVersion: number;
  /** Bumped when annotations change, so rows and annotation filters refresh. */
  notesVersion: number;
  /** Asks the search box to take focus (the "/" key). */
  searchFocus: number;
  /** The "?" keyboard sheet is showing. */
  helpOpen: boolean;
  /** Annotations changed in this session, overlaid on rows already fetched. */
  annotations: Record<string, EventAnnotation>;
  dispatch: (action: FilterAction) => void;
  setSort: (sort: SortOrder) => void;
  setColumns: (columns: string[]) => void;
  setZone: (zone: Zone) => void;
  setTab: (tab: LogsTab) => void;
  setCursor: (cursor: number) => void;
  open: (row: number | null) => void;
  dataChanged: () => void;
  noted: (annotation: EventAnnotation) => void;
  focusSearch: () => void;
  setHelp: (open: boolean) => void;
}

export const useLogsUi = create<LogsUi>((set) => ({
  filter: {},
  sort: 'time-asc',
  columns: loadColumns(),
  zone: loadZone(),
  tab: 'events',
  cursor: 0,
  openRow: null,
  dataVersion: 0,
  notesVersion: 0,
  searchFocus: 0,
  helpOpen: false,
  annotations: {},
  // A new filter starts the cursor at the top; the open event stays open.
  dispatch: (action) => set((s) => ({ filter: filterReducer(s.filter, action), cursor: 0 })),
  setSort: (sort) => set({ sort, cursor: 0 }),
  setColumns: (columns) =>
    set((s) => ({ columns: saveColumns(columns), lastAdded: columns.find((c) => !s.columns.includes(c)) ?? (columns.includes(s.lastAdded ?? '') ? s.lastAdded : undefined) })),
  setZone: (zone) => {
    try {
      localStorage.setItem(zoneKey, zone);
    } catch {
      // preference only
    }
    set({ zone });
  },
  setTab: (tab) => set({ tab }),
  setCursor: (cursor) => set({ cursor: Math.max(0, cursor) }),
  open: (openRow) => set({ openRow }),
  dataChanged: () => set((s) => ({ dataVersion: s.dataVersion + 1 })),
  noted: (a) => set((s) => ({ annotations: { ...s.annotations, [a.eventId]: a }, notesVersion: s.notesVersion + 1 })),
  focusSearch: () => set((s) => ({ searchFocus: s.searchFocus + 1, tab: 'events' })),
  setHelp: (helpOpen) => set({ helpOpen }),
}));
