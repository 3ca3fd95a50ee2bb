// Which screen is showing. UI state only; data lives in Dexie.
import { create } from 'zustand';

export type Screen = 'review' | 'library' | 'rubrics';

interface NavState {
  screen: Screen;
  go: (screen: Screen) => void;
}

export const useNav = create<NavState>((set) => ({
  screen: 'review',
  go: (screen) => set({ screen }),
}));
