// Figures with real local images: sizes, srcset, aspect ratio before load, failures.
import { test, expect } from './fixtures.js';
import { HARBOUR, LONG, openArticle, readHref, repoJson } from './helpers.js';

const harbour = repoJson('public/articles/harbour-light-restoration.json');
const bodyFigures = harbour.body.filter((b) => b.type === 'figure');

test('images carry alt, width, height, lazy loading, srcset and sizes', async ({ page }) => {
  await openArticle(page, HARBOUR);
  const lead = page.locator('.article-header figure img');
  await expect(lead).toHaveAttribute('alt', harbour.lead.image.alt);
  await expect(lead).toHaveAttribute('loading', 'eager');
  const figures = page.locator('.article-body figure:has(img)');
  await expect(figures).toHaveCount(bodyFigures.length);
  for (const [i, fig] of bodyFigures.entries()) {
    const img = figures.nth(i).locator('img');
    await expect(img).toHaveAttribute('alt', fig.image.alt);
    await expect(img).toHaveAttribute('width', String(fig.image.width));
    await expect(img).toHaveAttribute('height', String(fig.image.height));
    await expect(img).toHaveAttribute('loading', 'lazy');
    await expect(img).toHaveAttribute('decoding', 'async');
    await expect(img).toHaveAttribute('sizes', /42rem/);
    const srcset = await img.getAttribute('srcset');
    for (const entry of fig.image.srcset) {
      // Relative to the article JSON, so ../images/x.jpg → /images/x.jpg
      expect(srcset).toContain(`${new URL(entry.src, 'http://h/articles/a.json').pathname} ${entry.width}w`);
    }
    await expect(figures.nth(i).locator('.caption')).toHaveText(fig.caption);
  }
});

test('an image box has its final aspect ratio before the file arrives', async ({ page }) => {
  // Hold every image: nothing has loaded when we measure.
  await page.route('**/images/**', () => {});
  await openArticle(page, HARBOUR);
  for (const [i, fig] of bodyFigures.entries()) {
    const img = page.locator('.article-body figure img').nth(i);
    const box = await img.boundingBox();
    expect(await img.evaluate((el) => el.complete && el.naturalWidth > 0)).toBe(false);
    expect(box.height).toBeCloseTo((box.width * fig.image.height) / fig.image.width, 0);
  }
});

test('the loaded image fills the same box (no layout shift)', async ({ page }) => {
  await openArticle(page, HARBOUR);
  const img = page.locator('.article-body figure img').first();
  const before = await img.boundingBox();
  await img.scrollIntoViewIfNeeded();
  await expect.poll(() => img.evaluate((el) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  const after = await img.boundingBox();
  expect(after.height).toBeCloseTo(before.height, 0);
  expect(after.width).toBeCloseTo(before.width, 0);
});

test('an image that fails to load leaves caption and credit, and no broken icon', async ({ page }) => {
  await page.route('**/images/harbour-boats*', (route) => route.fulfill({ status: 404, body: '' }));
  await openArticle(page, HARBOUR);
  const figure = page.locator('.article-body figure').filter({ hasText: bodyFigures.find((f) => f.image.src.includes('harbour-boats')).caption });
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toHaveClass(/figure--no-image/);
  await expect(figure.locator('img')).toHaveCount(0);
  await expect(figure.locator('.caption')).toBeVisible();
  await expect(figure.locator('.credit')).toBeVisible();
});

test('corrections are noticed at the top, and "Updated" is shown', async ({ page }) => {
  await openArticle(page, HARBOUR);
  const notice = page.locator('article > .corrections');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(harbour.corrections[0].text);
  const noticeBox = await notice.boundingBox();
  const h1Box = await page.locator('article h1').boundingBox();
  expect(noticeBox.y).toBeLessThan(h1Box.y);
  await expect(page.locator('.updated time')).toHaveAttribute('datetime', harbour.updated);
  await expect(page.locator('.updated')).toContainText('Updated');
  await expect(page.locator('.comments a')).toHaveAttribute('href', harbour.comments.url);
  await expect(page.locator('.comments a')).toHaveText(harbour.comments.label);
});

test('Markdown: headings, lists, table, quotes, code and footnotes become real elements', async ({ page }) => {
  await openArticle(page, LONG);
  const body = page.locator('.article-body');
  await expect(body.locator('h2').first()).toBeVisible();
  await expect(body.locator('ul > li').first()).toBeVisible();
  await expect(body.locator('ol > li').first()).toBeVisible();
  await expect(body.locator('table thead th').first()).toBeVisible();
  await expect(body.locator('table tbody tr').first()).toBeVisible();
  await expect(body.locator('del').first()).toBeAttached();
  await expect(body.locator('code').first()).toBeAttached();
  await expect(body.locator('blockquote').first()).toBeAttached();
  await expect(body.locator('figure.pull-quote')).toHaveCount(3);
  await expect(page.locator('.footnotes li')).toHaveCount(2);
  // Every paragraph has a stable anchor.
  const ids = await body.locator(':scope > p').evaluateAll((ps) => ps.map((p) => p.id));
  expect(ids.every((id) => /^p\d+$/.test(id))).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
});

test('a right-to-left article gets lang and dir', async ({ page }) => {
  await page.goto(readHref('articles/rtl-sample-ar.json'));
  const article = page.locator('article');
  await expect(article).toHaveAttribute('lang', 'ar');
  await expect(article).toHaveAttribute('dir', 'rtl');
  expect(await article.locator('.article-body p').first().evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
  // The interface speaks the article's language (i18n.spec.js has the rest).
  await expect(article.locator('.reading-time')).toHaveText('دقيقتان للقراءة');
  expect(await article.locator('.reading-time').evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
});
