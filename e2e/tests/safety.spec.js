// Article text is data, never markup.
import { test, expect } from './fixtures.js';
import { readHref } from './helpers.js';

const hostile = {
  version: '1.0',
  id: 'hostile',
  headline: '<img src=x onerror="window.__pwned=1">Headline',
  dek: '<script>window.__pwned=1</script>',
  byline: '<b>By</b> Eve',
  body: [
    { type: 'text', markdown: 'Raw <script>window.__pwned=1</script> and <img src=x onerror="window.__pwned=1">.\n\n<div onclick="x()">block html</div>\n\n[click me](javascript:window.__pwned=1) [ok](https://example.org/)' },
    { type: 'figure', image: { src: 'javascript:window.__pwned=1', alt: '"><script>window.__pwned=1</script>' }, caption: '<i>caption</i>', credit: 'AP' },
  ],
  related: [{ title: 'Evil', url: 'JaVaScRiPt:window.__pwned=1' }],
  comments: { url: 'javascript:window.__pwned=1' },
};

test('hostile strings render as text; no script runs; no javascript: URL in the DOM', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  await page.route('**/hostile.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(hostile) }));
  await page.goto(readHref('hostile.json'));
  await expect(page.locator('article h1')).toHaveText(hostile.headline);
  await expect(page.locator('.dek')).toHaveText(hostile.dek);
  await expect(page.locator('.article-body')).toContainText('Raw <script>window.__pwned=1</script>');
  await expect(page.locator('.article-body')).toContainText('<div onclick="x()">block html</div>');
  await expect(page.locator('.article-body script, article img[src="x"], .article-body div[onclick]')).toHaveCount(0);
  await expect(page.getByText('click me')).toBeVisible();
  await expect(page.locator('.article-body a')).toHaveCount(1);
  const urls = await page.evaluate(() =>
    [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value)).filter((v) => /javascript:/i.test(v)),
  );
  expect(urls).toEqual([]);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
});
