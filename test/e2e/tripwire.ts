// A tripwire for hostile content: armed on a page before the app loads, it records
// - code that ran: `__xss(n)` calls (exposed in every frame) and dialogs (alert/confirm/prompt);
// - requests that left: anything not to the app's own origin (aborted, never sent), and
//   same-origin requests for a path containing "xss" (a payload's relative src/href);
// - navigation: main-frame URLs other than the app's own page (its ?query and #hash aside),
//   popups, extra frames;
// and `scanDom` lists live markup that content could have created (handlers, frames,
// scripts, remote or javascript:/data: URLs, styles, meta refresh, base). test/e2e/
// inert-content.spec.ts shows it catches a deliberately unsafe render before trusting it.
import type { BrowserContext, Page } from '@playwright/test';

export interface Tripwire {
  /** `__xss(n)` calls, in order. */
  ran: string[];
  dialogs: string[];
  /** Requests that would have left the app (or fetched a payload's path). */
  requests: string[];
  /** Main-frame URLs that are not the app's page. */
  navigations: string[];
  popups: string[];
  /** Everything above in one list, empty when nothing happened. */
  findings(): string[];
}

export async function armTripwire(page: Page, context: BrowserContext, appOrigin: string): Promise<Tripwire> {
  const t: Tripwire = {
    ran: [],
    dialogs: [],
    requests: [],
    navigations: [],
    popups: [],
    findings() {
      return [
        ...this.ran.map((n) => `script ran: __xss(${n})`),
        ...this.dialogs.map((d) => `dialog: ${d}`),
        ...this.requests.map((r) => `request: ${r}`),
        ...this.navigations.map((u) => `navigation: ${u}`),
        ...this.popups.map((u) => `popup: ${u}`),
      ];
    },
  };
  await page.exposeFunction('__xss', (n: unknown) => {
    t.ran.push(String(n));
  });
  page.on('dialog', (d) => {
    t.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  // Context-wide, so popups and workers are covered too.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    let offsite = true;
    let payloadPath = false;
    try {
      const u = new URL(url);
      offsite = u.origin !== appOrigin && u.protocol !== 'blob:' && u.protocol !== 'data:';
      payloadPath = !offsite && /xss/i.test(decodeURIComponent(u.pathname + u.search));
    } catch {
      /* unparseable: offsite */
    }
    if (offsite || payloadPath) {
      t.requests.push(url);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  // data: images and blob: URLs never reach route(); a data: URL is only suspicious
  // when it is a document or script, which the navigation and DOM checks catch.
  page.on('request', (r) => {
    const url = r.url();
    if (/^data:text\/html/i.test(url) || /^javascript:/i.test(url)) t.requests.push(url);
  });
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) {
      if (frame.url() !== 'about:blank' && frame.url() !== '') t.navigations.push(`frame ${frame.url()}`);
      return;
    }
    const u = new URL(frame.url());
    if (u.origin !== appOrigin || !/^\/(index\.html)?$/.test(u.pathname)) t.navigations.push(frame.url());
  });
  context.on('page', (p) => {
    if (p !== page) t.popups.push(p.url() || '(new window)');
  });
  return t;
}

/** Live markup in every frame of the page that hostile text could have produced. */
export async function scanDom(page: Page): Promise<string[]> {
  const found: string[] = [];
  if (page.frames().length > 1) found.push(`frames: ${page.frames().length - 1} child frame(s): ${page.frames().slice(1).map((f) => f.url()).join(', ')}`);
  for (const frame of page.frames()) {
    found.push(
      ...(await frame.evaluate(() => {
        const out: string[] = [];
        const all = Array.from(document.querySelectorAll('*'));
        const describe = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}>`;
        const urlAttrs = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcdoc', 'ping'];
        for (const el of all) {
          for (const a of Array.from(el.attributes)) {
            if (/^on/i.test(a.name)) out.push(`handler ${describe(el)}[${a.name}]`);
          }
          for (const name of urlAttrs) {
            const v = el.getAttribute(name);
            if (v === null) continue;
            if (/^\s*(javascript|data|vbscript):/i.test(v) || /xss/i.test(v) || /^\s*(https?:)?\/\//i.test(v)) out.push(`url ${describe(el)}[${name}=${v.slice(0, 80)}]`);
          }
          const style = el.getAttribute('style');
          if (style && /url\(|expression\(/i.test(style)) out.push(`style ${describe(el)}: ${style.slice(0, 80)}`);
        }
        for (const el of Array.from(document.querySelectorAll('iframe, frame, object, embed, base, meta[http-equiv]:not([http-equiv="Content-Security-Policy" i]), form[action], math, marquee, video, audio, svg image, svg animate, svg set, svg script')))
          out.push(`element ${describe(el)}`);
        for (const s of Array.from(document.scripts)) {
          if (!s.getAttribute('src') || (s.textContent ?? '').trim() !== '') out.push(`script ${s.outerHTML.slice(0, 80)}`);
        }
        for (const s of Array.from(document.querySelectorAll('style'))) {
          if (/xss|@import|url\(/i.test(s.textContent ?? '')) out.push(`style element: ${(s.textContent ?? '').slice(0, 80)}`);
        }
        for (const l of Array.from(document.querySelectorAll('link[href]'))) {
          const href = l.getAttribute('href') ?? '';
          if (!href.startsWith('/assets/') && !href.startsWith('./assets/') && !/^\/[^/]/.test(href)) out.push(`link ${href}`);
        }
        for (const img of Array.from(document.querySelectorAll('img'))) out.push(`img src=${img.getAttribute('src') ?? ''}`);
        return out;
      })),
    );
  }
  return found;
}
