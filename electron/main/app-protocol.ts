// The app:// protocol: serves the built renderer from one directory, nothing else,
// with the CSP on every response (errors included).
import { readFile, stat } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';
import { realPathInside, resolveInside } from './contained-path.ts';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import { mimeTypeFor } from './mime.ts';

/**
 * Must run before app 'ready'. standard + secure give app:// a real origin (storage,
 * IndexedDB, module scripts, workers) in a secure context. No bypassCSP, and no
 * corsEnabled: leaving it unset keeps app:// unreadable from any other origin.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** The file a request URL names inside root, or null if it is foreign or escapes. */
export function fileForRequestUrl(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.pathname === '/' || url.pathname === '') return resolveInside(root, ['index.html']);
  // Decode per segment, so an encoded "/" or "\" stays inside one segment and is refused there.
  const segments: string[] = [];
  for (const raw of url.pathname.slice(1).split('/')) {
    try {
      segments.push(decodeURIComponent(raw));
    } catch {
      return null;
    }
  }
  return resolveInside(root, segments);
}

function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** The protocol.handle callback for root (the built renderer directory). */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    const lexical = fileForRequestUrl(root, request.url);
    if (!lexical) return plain(404, 'not found');
    // A symlink inside the build must not lead outside it either.
    const file = await realPathInside(root, lexical);
    if (!file) return plain(404, 'not found');
    try {
      if (!(await stat(file)).isFile()) return plain(404, 'not found');
      const body = request.method === 'HEAD' ? null : await readFile(file);
      return new Response(body, { status: 200, headers: securityHeaders(mimeTypeFor(file)) });
    } catch {
      return plain(404, 'not found');
    }
  };
}

/** Call after 'ready': serves app://custody/… from root in the default session. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}
