// Navigation, redirects and new windows: the page stays on the app origin.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createOriginPolicy } from '../../../electron/main/app-origin.ts';
import { guardWebContents, installWebContentsGuard } from '../../../electron/main/navigation-guard.ts';

class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Emits a navigation-style event and reports whether it was cancelled. */
  attempt(eventName: string, url: string): boolean {
    const event = { url, preventDefault: vi.fn() };
    this.emit(eventName, event, url);
    return event.preventDefault.mock.calls.length > 0;
  }
}

function guarded(devServerUrl?: string): FakeContents {
  const contents = new FakeContents();
  guardWebContents(contents as never, createOriginPolicy(devServerUrl).isAppUrl);
  return contents;
}

const foreign = [
  'https://evil.example/',
  'http://localhost:5173/',
  'file:///etc/passwd',
  'app://evil/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'custody://custody/',
  'not a url',
];

describe('navigation guard', () => {
  for (const eventName of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    it(`${eventName}: blocks other origins`, () => {
      const contents = guarded();
      for (const url of foreign) expect(contents.attempt(eventName, url), url).toBe(true);
    });

    it(`${eventName}: lets the app origin through`, () => {
      const contents = guarded();
      expect(contents.attempt(eventName, 'app://custody/index.html')).toBe(false);
      expect(contents.attempt(eventName, 'app://custody/index.html#/review')).toBe(false);
    });
  }

  it('allows the dev server only when one is configured', () => {
    expect(guarded('http://localhost:5173/').attempt('will-navigate', 'http://localhost:5173/index.html')).toBe(false);
    expect(guarded('http://localhost:5173/').attempt('will-navigate', 'http://localhost:5174/')).toBe(true);
    expect(guarded().attempt('will-navigate', 'http://localhost:5173/index.html')).toBe(true);
    // A non-http value in ELECTRON_RENDERER_URL is not trusted.
    expect(guarded('file:///tmp/x.html').attempt('will-navigate', 'file:///tmp/x.html')).toBe(true);
  });

  it('denies every window.open, even to the app origin', () => {
    const contents = guarded();
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://custody/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses <webview> attachment', () => {
    const contents = guarded();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('guards every web contents the app creates', () => {
    const app = new EventEmitter();
    installWebContentsGuard(app as never, createOriginPolicy().isAppUrl);
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
