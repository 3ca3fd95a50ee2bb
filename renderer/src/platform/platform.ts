// What the app needs from its host. Two implementations: Electron (through the
// preload bridge) and plain web (so the same app runs in any Chromium).
import type { CustodyApi } from '../../../shared/ipc/contract.ts';

export type Platform = CustodyApi;
