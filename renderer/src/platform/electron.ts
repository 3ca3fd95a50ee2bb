// The desktop host: the preload bridge already implements the contract.
import type { CustodyApi } from '../../../shared/ipc/contract.ts';
import type { Platform } from './platform.ts';

declare global {
  interface Window {
    custody?: CustodyApi;
  }
}

export function electronPlatform(): Platform | null {
  return window.custody ?? null;
}
