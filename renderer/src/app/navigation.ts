// Which screen is showing. UI state only; data lives in Dexie.
import { create } from 'zustand';

export type Screen = 'review' | 'library' | 'rubrics' | 'logs';

interface NavState {
  screen: Screen;
  go: (screen: Screen) => void;
}

/** A shared `#logs?view=…` link opens the Logs screen; otherwise the app starts on Review. */
function initialScreen(): Screen {
  return typeof location !== 'undefined' && location.hash.startsWith('#logs') ? 'logs' : 'review';
}

export const useNav = create<NavState>((set) => ({
  screen: initialScreen(),
  go: (screen) => set({ screen }),
}));
