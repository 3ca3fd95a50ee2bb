// Which origins count as "the app": the custom protocol always, the Vite dev server
// only in development. Navigation and IPC checks both ask this one place.

export const APP_SCHEME = 'app';
export const APP_HOST = 'custody';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * scheme://host[:port] of a hierarchical URL, or null. Node's URL reports "null" as the
 * origin of non-special schemes such as app:, so the origin is rebuilt by hand.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.host) return null;
  return `${parsed.protocol}//${parsed.host}`;
}

export interface OriginPolicy {
  /** Origins the app may be served from, e.g. ["app://custody"]. */
  readonly origins: readonly string[];
  isAppUrl(url: string): boolean;
}

/** devServerUrl: ELECTRON_RENDERER_URL, passed only when the app is not packaged. */
export function createOriginPolicy(devServerUrl?: string): OriginPolicy {
  const origins = [APP_ORIGIN];
  // Only an http(s) dev server counts; anything else in the variable is ignored.
  const devOrigin = devServerUrl ? originOf(devServerUrl) : null;
  if (devOrigin && /^https?:\/\//.test(devOrigin)) origins.push(devOrigin);
  return {
    origins,
    isAppUrl(url) {
      const origin = originOf(url);
      return origin !== null && origins.includes(origin);
    },
  };
}
