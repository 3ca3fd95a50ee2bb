// The header's status line: one message at a time, from whichever feature spoke last.
import { create } from 'zustand';

export type Tone = 'info' | 'ok' | 'warn' | 'danger';

interface StatusState {
  message: string;
  tone: Tone;
  busy: boolean;
  say: (message: string, tone?: Tone) => void;
  work: (message: string) => void;
}

export const useStatus = create<StatusState>((set) => ({
  message: '',
  tone: 'info',
  busy: false,
  say: (message, tone = 'info') => set({ message, tone, busy: false }),
  work: (message) => set({ message, tone: 'info', busy: true }),
}));
