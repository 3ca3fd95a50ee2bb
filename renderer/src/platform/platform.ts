// What the app needs from its host. Two implementations: Electron (through the
// preload bridge) and plain web (so the same app runs in any Chromium).
import type { CustodyApi, CustodyEvents } from '../../../shared/ipc/contract.ts';

/** Events exist only where the host has them (the Electron app menu). */
export type Platform = CustodyApi & Partial<CustodyEvents>;
