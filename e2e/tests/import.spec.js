// Every importer's output opens in the viewer (issue 14): the files of
// tests/fixtures/import/expected/, which `broadsheet import` writes from the
// fixtures beside them (tests/import.rs checks that natively, with the parser).
// Each is served as an article from another path of this site: its headline,
// dek and figures are on screen, no error panel, and nothing from the
// fixtures' hostile bits is live (the fixture also fails on page errors and
// CSP reports).
import { test, expect } from './fixtures.js';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { liveDanger } from './xss-corpus.js';

const expected = fileURLToPath(new URL('../../tests/fixtures/import/expected/', import.meta.url));
const files = readdirSync(expected, { recursive: true }).filter((f) => f.endsWith('.json')).sort();

test('there is an imported article of every format', () => {
  for (const format of ['scraped', 'jsonld', 'hugo', 'wordpress', 'rss-feed', 'atom-feed', 'ans', 'anf']) {
    expect(files.some((f) => f.startsWith(format)), format).toBe(true);
  }
});

for (const file of files) {
  test(`imported ${file} opens in the viewer`, async ({ page }) => {
    const body = readFileSync(`${expected}/${file}`, 'utf8');
    const article = JSON.parse(body);
    const src = `/imported/${file}`;
    await page.route(`**${src}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    await page.goto(`/read?src=${encodeURIComponent(src)}`);
    await expect(page.locator('article h1')).toHaveText(article.headline.trim());
    if (article.dek) await expect(page.locator('article .dek')).toHaveText(article.dek.trim());
    await expect(page.getByRole('alert')).toHaveCount(0);
    const figures = article.body.filter((b) => b.type === 'figure');
    await expect(page.locator('.article-body figure.figure')).toHaveCount(figures.length);
    for (const [i, f] of figures.entries()) {
      if (f.caption) await expect(page.locator('.article-body figure.figure').nth(i).locator('.caption')).toHaveText(f.caption.trim());
    }
    expect(await page.evaluate(liveDanger)).toEqual([]);
  });
}
