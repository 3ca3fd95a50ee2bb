// The desktop host: the preload bridge already implements the contract.
import type { CustodyApi, CustodyEvents } from '../../../shared/ipc/contract.ts';
import type { Platform } from './platform.ts';

declare global {
  interface Window {
    custody?: CustodyApi & Partial<CustodyEvents>;
  }
}

/** The bridge when running in Electron; null in a plain browser (or outside any window, as in unit tests). */
export function electronPlatform(): Platform | null {
  return typeof window === 'undefined' ? null : (window.custody ?? null);
}
