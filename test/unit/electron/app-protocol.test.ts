// The app:// protocol: strict CSP on every response, right content types, and no way
// out of the renderer folder.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createAppProtocolHandler,
  fileForRequestUrl,
  registerAppScheme,
  serveAppProtocol,
} from '../../../electron/main/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp.ts';

let sandbox: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  sandbox = await mkdtemp(join(tmpdir(), 'custody-protocol-'));
  root = join(sandbox, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Custody</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'export {};');
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(root, 'assets', 'duckdb.wasm'), new Uint8Array([0, 97, 115, 109]));
  await writeFile(join(root, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(join(root, 'assets', 'a b.json'), '{}');
  // Things that must never be served.
  await writeFile(join(sandbox, 'secret.txt'), 'top secret');
  await symlink(join(sandbox, 'secret.txt'), join(root, 'assets', 'link-out.txt'));
  handle = createAppProtocolHandler(root);
});

afterAll(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

function directives(csp: string): Map<string, string> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+(.*)/s).slice(0, 2) as [string, string]));
}

describe('Content-Security-Policy', () => {
  it('is strict', () => {
    const d = directives(CONTENT_SECURITY_POLICY);
    expect(d.get('default-src')).toBe("'self'");
    expect(d.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    expect(d.get('img-src')).toBe("'self' data:");
    expect(d.get('connect-src')).toBe("'self'");
    expect(d.get('worker-src')).toBe("'self' blob:");
    expect(d.get('object-src')).toBe("'none'");
    expect(d.get('base-uri')).toBe("'none'");
    expect(d.get('frame-ancestors')).toBe("'none'");
    expect(d.get('form-action')).toBe("'none'");
    // WebAssembly may be compiled; JavaScript eval never.
    expect(CONTENT_SECURITY_POLICY.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-eval|\*|https?:/);
    // 'unsafe-inline' only for styles (Radix injects <style>), never for scripts.
    expect(d.get('script-src')).not.toContain('unsafe-inline');
  });

  it('is sent on every response, errors included', async () => {
    for (const url of ['app://custody/', 'app://custody/index.html', 'app://custody/nope.js', 'app://custody/../secret.txt']) {
      const res = await get(url);
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
    const post = await get('app://custody/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('serving files', () => {
  it.each([
    ['app://custody/', 'text/html; charset=utf-8', '<!doctype html><title>Custody</title>'],
    ['app://custody/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Custody</title>'],
    ['app://custody/assets/index-abc.js', 'text/javascript; charset=utf-8', 'export {};'],
    ['app://custody/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://custody/assets/logo.svg', 'image/svg+xml', '<svg/>'],
    ['app://custody/assets/a%20b.json', 'application/json; charset=utf-8', '{}'],
    ['app://custody/index.html?x=1#top', 'text/html; charset=utf-8', '<!doctype html><title>Custody</title>'],
  ])('%s → 200 %s', async (url, type, body) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(await res.text()).toBe(body);
  });

  it('serves wasm as application/wasm with its bytes', async () => {
    const res = await get('app://custody/assets/duckdb.wasm');
    expect(res.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  it('answers HEAD without a body', async () => {
    const res = await get('app://custody/index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});

describe('path containment', () => {
  it.each([
    'app://custody/../secret.txt',
    'app://custody/../../secret.txt',
    'app://custody/assets/../../secret.txt',
    'app://custody/%2e%2e/secret.txt',
    'app://custody/%2E%2E/%2e%2e/secret.txt',
    'app://custody/..%2fsecret.txt',
    'app://custody/assets/..%2f..%2fsecret.txt',
    'app://custody/..%5csecret.txt',
    'app://custody/..\\secret.txt',
    'app://custody/assets\\..\\..\\secret.txt',
    'app://custody/%252e%252e/secret.txt',
    'app://custody//etc/passwd',
    'app://custody/%2fetc%2fpasswd',
    `app://custody/${encodeURIComponent(join(tmpdir(), 'secret.txt'))}`,
    'app://custody/C:%5cWindows%5cwin.ini',
    'app://custody/c:/Windows/win.ini',
    'app://custody/index.html%00.js',
    'app://custody/%E0%A4%A',
    'app://custody/assets/link-out.txt',
    'app://custody/assets',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('%s → 404', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('top secret');
  });

  it('resolves nothing outside the root even before touching the disk', () => {
    for (const url of ['app://custody/..%2fsecret.txt', 'app://custody/%2fetc%2fpasswd', 'app://custody/..%5csecret.txt']) {
      expect(fileForRequestUrl(root, url), url).toBeNull();
    }
    expect(fileForRequestUrl(root, 'app://custody/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
  });
});

describe('registration', () => {
  it('registers app: as standard + secure, without CSP bypass or CORS', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    const [schemes] = registerSchemesAsPrivileged.mock.calls[0]!;
    expect(schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(schemes[0].privileges.bypassCSP).toBeUndefined();
    expect(schemes[0].privileges.corsEnabled).toBeUndefined();
  });

  it('handles the app scheme with the file handler', async () => {
    const handleSpy = vi.fn();
    serveAppProtocol({ handle: handleSpy }, root);
    expect(handleSpy).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = handleSpy.mock.calls[0]![1] as (r: Request) => Promise<Response>;
    expect((await handler(new Request('app://custody/'))).status).toBe(200);
  });
});
