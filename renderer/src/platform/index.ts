import { electronPlatform } from './electron.ts';
import { webPlatform } from './web.ts';
import type { Platform } from './platform.ts';

/** The host this renderer runs in, decided once at start-up. */
export const platform: Platform = electronPlatform() ?? webPlatform;
