// Keeps every web contents on the app origin: no navigation or redirect elsewhere,
// no new windows, no <webview>. Installed for all contents via 'web-contents-created',
// so it also covers anything created later that the window code never sees.
import type { App, WebContents } from 'electron';

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardWebContents(contents: GuardedContents, isAppUrl: (url: string) => boolean): void {
  const denyForeign = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', denyForeign);
  contents.on('will-frame-navigate', denyForeign);
  contents.on('will-redirect', denyForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // window.open and target=_blank: never a new window, and no shell.openExternal either.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function installWebContentsGuard(app: Pick<App, 'on'>, isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, isAppUrl));
}
