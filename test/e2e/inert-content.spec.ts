// Transcript content is data, never code: a transcript full of script tags, event
// handlers, javascript:/data: links, frames and images is imported through the UI,
// opened on the review desk, scrolled, expanded and clicked, and nothing runs,
// loads or navigates, while the hostile text stays readable as text.
import { resolve } from 'node:path';
import { test, expect } from './fixtures.ts';

const fixture = resolve(import.meta.dirname, '../fixtures/e2e/xss.custody.json');

test('hostile transcript content renders inert on the review desk', async ({ page, pageErrors }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Library' }).click();
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
