// Transcript content is data, never code: a transcript full of script tags, event
// handlers, javascript:/data: links, frames and images is imported through the UI,
// opened on the review desk, scrolled, expanded and clicked, and nothing runs,
// loads or navigates, while the hostile text stays readable as text.
//
// Then the XSS corpus (test/fixtures/xss/payloads.ts, OWASP filter-evasion classes) is put in
// transcripts, tool calls and results, rubrics, access-log fields and file names, imported
// through the UI and rendered in every view that shows them, with a tripwire (tripwire.ts)
// that first proves it catches a deliberately unsafe render of the same corpus.
//
// The CSP is bypassed in this file: content must be inert because of how it is rendered,
// not because the policy blocked what it tried.
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect as baseExpect } from './fixtures.ts';
import { payloads } from '../fixtures/xss/payloads.ts';
import { armTripwire, scanDom } from './tripwire.ts';
import { asFileName, brokenChatsFile, groups, LOG_EVENTS, oktaLogFile, RUBRIC_ID, rubricFile, transcriptTitle, transcriptsFile, type MemoryFile } from './hostile-files.ts';

const fixture = resolve(import.meta.dirname, '../fixtures/e2e/xss.custody.json');
const shots = '/tmp/custody-xss';

test.use({ bypassCSP: true });
// Generous waits: these tests render large hostile content on a shared, busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });

test('hostile transcript content renders inert on the review desk', async ({ page, pageErrors }) => {
  test.setTimeout(180_000); // first run imports the demo workspace: slow on a busy machine
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Library' }).click();
  // Binding is the expert's choice: queue the file's transcripts against the demo rubric.
  const picker = page.getByLabel('Queue imported transcripts against');
  await picker.selectOption((await picker.locator('option', { hasText: /Clinical care-coordination safety/ }).first().getAttribute('value'))!);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles(fixture);
  await expect(page.getByText(/imported/i).first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Review' }).click();

  // The hostile title is plain text in the queue; open it with the keyboard.
  const row = page.getByRole('option', { name: /Hostile content/ });
  await expect(row).toContainText('<script>window.__pwned=1</script>');
  await page.keyboard.press('End');
  await expect(page.locator('.rv-qrow[aria-selected="true"]')).toContainText('Hostile content');
  await page.keyboard.press('Enter');
  await expect(page.locator('.rv-msg')).toHaveCount(7);

  // Expand everything that could hide content, then poke at it.
  for (const fold of await page.locator('.rv-fold, .jt-toggle[aria-expanded="false"]').all()) await fold.click();
  await page.getByText('overlay').first().click();
  await page.locator('.md-link').first().click();
  await page.locator('.rv-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/screens/review-inert.png' });

  // Visible as text.
  await expect(page.getByText('SENTINEL-VISIBLE-TEXT').first()).toBeVisible();
  await expect(page.locator('.rv-msg[data-msg="x1-m2"]')).toContainText('<script>window.__pwned=1</script>');
  await expect(page.getByText('<script>window.__pwned=1</script>', { exact: false }).first()).toBeVisible();
  await expect(page.locator('.rv-msg[data-msg="x1-m5"]')).toContainText('javascript:window.__pwned=3'); // a link target, shown as text

  // Nothing ran, nothing opened.
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(\?.*)?$/);
  expect(requests.filter((u) => !u.startsWith(new URL(page.url()).origin))).toEqual([]);

  // Nothing live was created from content.
  const dom = await page.evaluate(() => {
    const all = Array.from(document.querySelectorAll('*'));
    const urlAttrs = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'poster'];
    return {
      scripts: Array.from(document.scripts).map((s) => ({ src: s.getAttribute('src'), inline: s.textContent ?? '' })),
      iframes: document.querySelectorAll('iframe, frame, object, embed').length,
      images: document.querySelectorAll('#root img, #root svg image').length,
      imgOnerror: document.querySelectorAll('img[onerror]').length,
      svgs: document.querySelectorAll('#root svg[onload]').length,
      handlers: all.flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`)),
      badUrls: all.flatMap((el) =>
        urlAttrs
          .map((n) => el.getAttribute(n))
          .filter((v): v is string => v !== null && /^\s*(javascript|data|vbscript):/i.test(v))
          .map((v) => `${el.tagName}: ${v}`),
      ),
      anchorsInTranscript: document.querySelectorAll('.rv-transcript a').length,
    };
  });
  expect(dom.scripts.every((s) => s.src !== null && s.inline.trim() === '')).toBe(true);
  expect(dom.iframes).toBe(0);
  expect(dom.images).toBe(0);
  expect(dom.imgOnerror).toBe(0);
  expect(dom.svgs).toBe(0);
  expect(dom.handlers).toEqual([]);
  expect(dom.badUrls).toEqual([]);
  expect(dom.anchorsInTranscript).toBe(0);
  expect(pageErrors).toEqual([]);
});

const appOrigin = () => new URL(test.info().project.use.baseURL!).origin;
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name });

async function pick(page: Page, button: string, files: MemoryFile[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(files);
}

/**
 * Clicks every closed fold/expander and every link-like span in scope, a few rounds (expanding
 * reveals more). Clicked from script in one round trip each: a real click per element is far
 * too slow on a busy machine, and a click event is what a handler or an <a href> would act on.
 */
async function expandAll(scope: Locator, selector: string, links = '') {
  for (let round = 0; round < 4; round++) {
    const clicked = await scope.evaluateAll(
      (roots, [sel, linkSel]) => {
        let n = 0;
        for (const root of roots) {
          const folds = Array.from(root.querySelectorAll<HTMLElement>(sel)).filter((el) => !/^Fold$/.test(el.textContent ?? ''));
          for (const el of folds) {
            el.click();
            n++;
          }
          if (linkSel) for (const el of Array.from(root.querySelectorAll<HTMLElement>(linkSel))) el.click();
        }
        return n;
      },
      [selector, links] as const,
    );
    if (!clicked) return;
    await scope.page().waitForTimeout(150);
  }
}

test('the tripwire catches a deliberately unsafe render of the corpus, and not a safe one', async ({ page, context }) => {
  test.setTimeout(120_000);
  expect(payloads.length).toBeGreaterThanOrEqual(50);
  const wire = await armTripwire(page, context, appOrigin());
  // A tiny page of our own on the app's origin (no CSP): `?render=text` writes each payload
  // with textContent, `?render=html` with innerHTML — the bug the app must never have.
  const corpus = JSON.stringify(payloads.filter((p) => !p.text.includes('http-equiv')).map((p) => p.text));
  await page.route(
    (url) => url.searchParams.has('render'),
    (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><body><div id="out"></div><script>
          const mode = new URL(location.href).searchParams.get('render');
          document.currentScript.remove(); // the harness itself is not content
          for (const text of ${corpus.replace(/</g, '\\u003c')}) {
            const div = document.createElement('div');
            if (mode === 'html') div.innerHTML = text; else div.textContent = text;
            document.getElementById('out').append(div);
          }
        </script></body></html>`,
      }),
  );

  // Negative control: the same text, rendered as text, trips nothing.
  await page.goto('./?render=text');
  await page.waitForTimeout(1_500);
  expect(wire.findings()).toEqual([]);
  expect(await scanDom(page)).toEqual([]);
  await expect(page.locator('#out > div')).toHaveCount(payloads.length - 1);

  // The unsafe render: scripts run, requests try to leave, live markup appears.
  await page.goto('./?render=html');
  await page.waitForTimeout(2_500);
  // The payloads' own full-page overlay (it already ran on load) would take every click.
  await page.evaluate(() => document.querySelectorAll('[style*="position:fixed"]').forEach((el) => el.remove()));
  await page.locator('a[href^="javascript:__xss(29)"]').click();
  await page.locator('a[href^="http://xss.invalid/35"]').click(); // target=_blank: a popup
  await page.waitForTimeout(1_000);
  const ran = new Set(wire.ran);
  console.log(`unsafe render: ${ran.size} payloads ran code (${[...ran].join(', ')}), ${wire.requests.length} requests stopped, ${wire.popups.length} popups`);
  for (const id of ['4', '29', '49', '61', '73', '74']) expect(ran, `__xss(${id}) should run when rendered as HTML`).toContain(id);
  expect(ran.size).toBeGreaterThanOrEqual(10);
  expect(wire.requests).toContain('http://xss.invalid/5.png');
  expect(wire.requests.some((u) => /\/xss4$/.test(u) || /xss\.invalid\/17\/xss4$/.test(u))).toBe(true);
  const dom = await scanDom(page);
  expect(dom.some((d) => d.startsWith('handler '))).toBe(true);
  expect(dom.some((d) => d.startsWith('element <iframe'))).toBe(true);
  expect(dom.some((d) => d.startsWith('url <a') && d.includes('javascript:'))).toBe(true);

  // A navigation (meta refresh) is caught too.
  const refresh = payloads.find((p) => p.text.includes('http-equiv'))!;
  wire.requests.length = 0;
  await page.evaluate((html) => {
    document.body.innerHTML = html;
  }, refresh.text);
  await expect.poll(() => wire.findings().some((f) => f.includes('xss.invalid/16'))).toBe(true);
});

/**
 * Scans the page for live markup after each view is opened, and keeps a screenshot of it.
 * Also notes a view the hostile names (thousands of characters, no spaces) made wider than
 * the window: a panel must wrap or clip such a name, not push the layout off screen.
 */
function domChecker(page: Page) {
  const live: string[] = [];
  const check = async (view: string) => {
    await page.waitForTimeout(300);
    live.push(...(await scanDom(page)).map((d) => `${view}: ${d}`));
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (wide > 0) live.push(`${view}: the page is ${wide}px wider than the window`);
    await page.screenshot({ path: `${shots}/${view}.png` });
  };
  return { live, check };
}

test('the corpus in transcripts, tool calls, rubrics and file names stays inert in every view', async ({ page, context, pageErrors }) => {
  test.setTimeout(900_000);
  const wire = await armTripwire(page, context, appOrigin());
  const { live, check } = domChecker(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('.rv-qrow').first()).toBeVisible({ timeout: 90_000 });

  // Library: the hostile rubric, then the transcripts and a JSONL of hostile broken lines.
  await nav(page, 'Library').click();
  const results = page.getByRole('region', { name: 'Import results' });
  const rubric = rubricFile();
  await pick(page, 'Import files…', [rubric]);
  await expect(results.locator('[data-status="imported"]').filter({ hasText: asFileName(groups[1]![0]!.text) })).toHaveCount(1, { timeout: 30_000 });

  // Rubrics screen: list, detail, then the editor with hostile values in its fields.
  await nav(page, 'Rubrics').click();
  await page.getByRole('button', { name: `${RUBRIC_ID} version 1` }).click();
  const detail = page.getByRole('article', { name: /^XSS rubric / });
  await expect(detail.getByRole('table', { name: 'Criteria' }).getByRole('row')).toHaveCount(payloads.length + 1);
  const criteria = detail.getByRole('table', { name: 'Criteria' });
  for (const p of payloads.filter((q) => !q.text.includes('\n'))) await expect(criteria).toContainText(p.text);
  await detail.getByRole('button', { name: 'Use for new assignments' }).click();
  await expect(detail.getByText('used for new assignments')).toBeVisible();
  await check('rubrics-detail');
  await detail.getByRole('button', { name: 'Edit as new version' }).click();
  const editor = page.getByRole('form', { name: /^Edit XSS rubric/ });
  await expect(editor.getByRole('group', { name: 'Criterion 1', exact: true }).getByLabel('Criterion text')).toHaveValue(payloads[0]!.text);
  await check('rubrics-editor');
  await editor.getByRole('button', { name: 'Cancel' }).click();

  await nav(page, 'Library').click();
  const transcripts = transcriptsFile();
  await pick(page, 'Import files…', [transcripts]);
  await expect(results.locator('[data-status="imported"]').filter({ hasText: asFileName(groups[0]![0]!.text) })).toHaveCount(1, { timeout: 30_000 });
  const broken = brokenChatsFile();
  await pick(page, 'Import files…', [broken]);
  await expect(results.getByText(asFileName(groups[2]![0]!.text)).first()).toBeVisible({ timeout: 30_000 });
  const sources = page.getByRole('table', { name: 'Sources' });
  for (const f of [rubric, transcripts, broken]) await expect(sources).toContainText(f.name);
  await expect(results).toContainText(broken.name);
  const problems = page.getByRole('table', { name: 'Import problems' });
  await expect(problems.getByRole('row').filter({ hasText: broken.name }).first()).toBeVisible();
  await check('library');

  // Review queue: the hostile titles are text.
  await nav(page, 'Review').click();
  for (let k = 0; k < groups.length; k++) {
    await expect(page.locator('.rv-qrow').filter({ hasText: `XSS corpus ${k + 1}/${groups.length}` })).toContainText(transcriptTitle(k).slice(0, 60));
  }
  await check('review-queue');

  // The desk, for each hostile transcript: every fold and JSON node opened, every link-like
  // span clicked, the whole virtualized list scrolled through; the rubric panel beside it.
  for (let k = 0; k < groups.length; k++) {
    await page.locator('.rv-qrow').filter({ hasText: `XSS corpus ${k + 1}/${groups.length}` }).click();
    await expect(page.locator('.rv-msg').first()).toBeVisible();
    const scroller = page.locator('.rv-scroller');
    const seen = new Set<string>();
    for (let step = 0; step < 60; step++) {
      await expandAll(page.locator('.rv-transcript'), '.rv-fold, .jt-toggle[aria-expanded="false"]', '.md-link, .md-img');
      for (const id of await page.locator('.rv-msg').evaluateAll((els) => els.map((e) => e.getAttribute('data-msg') ?? ''))) seen.add(id);
      const atEnd = await scroller.evaluate((el) => {
        el.scrollBy(0, el.clientHeight * 0.8);
        return el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
      });
      await page.waitForTimeout(100);
      if (atEnd && step > 0) break;
    }
    expect([...seen].filter((id) => id.startsWith(`x${k}-`)).sort()).toEqual([1, 2, 3, 4, 5, 6].map((m) => `x${k}-m${m}`));
    // The raw-HTML payloads are on screen as the characters the agent wrote.
    const transcript = page.locator('.rv-transcript');
    const rawHtml = groups[k]!.filter((p) => p.kind === 'tag' || p.kind === 'encoded' || p.kind === 'svg').slice(0, 3);
    for (const p of rawHtml) await expect(transcript).toContainText(p.text);
    await expect(page.locator('.rv-title-text')).toContainText(`XSS corpus ${k + 1}/`);
    const panel = page.locator('.rv-crit').first();
    await expect(panel).toContainText(payloads[0]!.text);
    await check(`desk-${k + 1}`);
    await page.locator('.rv-back').click();
    await expect(page.locator('.rv-qrow').first()).toBeVisible();
  }

  await page.waitForTimeout(1_000);
  expect(wire.findings()).toEqual([]);
  expect(live).toEqual([]);
  expect(page.url()).toMatch(new RegExp(`^${appOrigin()}/([?#].*)?$`));
  expect(pageErrors).toEqual([]);
});

test('the corpus in access-log fields and file names stays inert on the Logs screen', async ({ page, context, pageErrors }) => {
  test.setTimeout(900_000);
  const wire = await armTripwire(page, context, appOrigin());
  const { live, check } = domChecker(page);
  await page.goto('./');
  await nav(page, 'Logs').click();
  await expect(page.getByRole('heading', { name: 'Logs', level: 1 })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('tab', { name: /Sources \(3\)/ })).toBeVisible({ timeout: 240_000 });
  await expect(page.getByRole('region', { name: 'Import progress' })).toHaveCount(0, { timeout: 240_000 });

  const log = oktaLogFile();
  await pick(page, 'Import logs…', [log]);
  const staged = page.getByRole('region', { name: 'Files to import' });
  await expect(staged).toContainText(log.name);
  await expect(staged.getByText('okta-system-log', { exact: true })).toBeVisible();
  await check('logs-staged');
  await staged.getByRole('button', { name: /^Import 1 file/ }).click();
  const results = page.getByRole('region', { name: 'Import results' });
  await expect(results.locator('[data-status="imported"]').filter({ hasText: asFileName(groups[3]![0]!.text) })).toContainText(`${LOG_EVENTS} events`, { timeout: 60_000 });
  await expect(results).toContainText(log.name);
  await check('logs-import-results');

  await page.getByRole('tab', { name: /Sources/ }).click();
  await expect(page.getByRole('table', { name: 'Log sources' })).toContainText(log.name);
  await check('logs-sources');
  await page.getByRole('tab', { name: /Problems/ }).click();
  const problem = page.getByRole('table', { name: 'Import problems' }).getByRole('row').filter({ hasText: asFileName(groups[3]![0]!.text) });
  await expect(problem).toContainText('line 4');
  await check('logs-problems');
  await page.getByRole('tab', { name: 'Events' }).click();

  // Facets: only the hostile file's events; its name is a chip and a facet value.
  const facets = page.getByRole('complementary', { name: 'Facets' });
  await facets.getByRole('region', { name: 'Source file' }).getByRole('button', { name: new RegExp(`^${asFileName(groups[3]![0]!.text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(asFileName(groups[3]![0]!.text));
  await expect(page.getByTestId('event-count')).toContainText(`${LOG_EVENTS} of`);
  await expect(facets).toContainText('__xss(');
  await check('logs-facets');

  // Table and drawer: open events, both raw views, everything expanded.
  const timeline = page.getByRole('grid', { name: 'Events' });
  const drawer = page.getByRole('complementary', { name: 'Event details' });
  for (const row of [1, 2, 3, 5, 8]) {
    await timeline.getByRole('row').nth(row).click();
    await expect(drawer).toBeVisible();
    await expandAll(drawer, '[aria-expanded="false"]');
    await check(`logs-drawer-${row}`);
    await drawer.getByRole('group', { name: 'Raw record view' }).getByRole('button', { name: 'Exact text' }).click();
    await expect(drawer.locator('.rt-text')).toContainText('xss-evt-');
    await drawer.getByRole('group', { name: 'Raw record view' }).getByRole('button', { name: 'Tree' }).click();
  }
  await expect(drawer).toContainText('__xss(');
  await check('logs-drawer');
  await page.keyboard.press('Escape');

  // Free-text search for a payload: matches are highlighted as text.
  await page.getByLabel('Search events').fill('<svg onload');
  await page.getByLabel('Search events').press('Enter');
  await expect.poll(async () => Number(((await page.getByTestId('event-count').textContent()) ?? '').match(/^([\d,]+) of/)?.[1]?.replace(/,/g, '') ?? NaN)).toBeLessThan(LOG_EVENTS);
  await check('logs-search');

  await page.waitForTimeout(1_000);
  expect(wire.findings()).toEqual([]);
  expect(live).toEqual([]);
  expect(pageErrors).toEqual([]);
});
