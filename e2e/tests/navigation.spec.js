// The library, routes, deep links and history.
import { test, expect } from './fixtures.js';
import { SAMPLE, HARBOUR, LONG, articleHref, readHref, openArticle, repoJson } from './helpers.js';

test('the library lists every article of index.json with dek, date and reading time', async ({ page }) => {
  const index = repoJson('public/articles/index.json');
  await page.goto('/');
  await expect(page).toHaveTitle('Library — Broadsheet');
  const items = page.locator('.library-item');
  await expect(items).toHaveCount(index.articles.length);
  for (const [i, entry] of index.articles.entries()) {
    const item = items.nth(i);
    await expect(item.getByRole('heading', { level: 2 })).toHaveText(entry.headline);
    await expect(item.locator('.library-dek')).toHaveText(entry.dek);
    await expect(item.locator('.library-meta')).toContainText(`${entry.minutes} min read`);
    await expect(item.locator('time')).toHaveAttribute('datetime', entry.published);
  }
});

test('library → article → back, and forward again', async ({ page }) => {
  const json = repoJson('public/articles/iran-diplomat-defects-2011.json');
  await page.goto('/');
  await page.getByRole('link', { name: json.headline }).click();
  await expect(page).toHaveURL(articleHref(SAMPLE));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(json.headline);
  await page.goBack();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Library');
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(json.headline);
});

test('a deep link survives a reload', async ({ page }) => {
  await openArticle(page, LONG);
  const headline = await page.locator('article h1').textContent();
  await page.reload();
  await expect(page.locator('article h1')).toHaveText(headline);
});

test('an absolute article URL opens too, and the open-by-URL form navigates', async ({ page, baseURL }) => {
  const json = repoJson('public/articles/harbour-light-restoration.json');
  await page.goto('/');
  await page.getByLabel('Open an article from its JSON address').fill(`${baseURL}/${HARBOUR}`);
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.locator('article h1')).toHaveText(json.headline);
  // This site's own article: the address moves to the article's.
  await expect(page).toHaveURL(`${baseURL}${articleHref(HARBOUR)}`);
});

test('a related link to another article on this site opens inside the viewer', async ({ page }) => {
  const long = repoJson('public/articles/long-read-night-shift.json');
  await openArticle(page, HARBOUR);
  const link = page.getByRole('navigation', { name: 'Related' }).getByRole('link', { name: /night shift/i });
  await expect(link).toHaveAttribute('href', articleHref(LONG));
  await expect(link).not.toHaveAttribute('rel', /noopener/);
  await link.click();
  await expect(page.locator('article h1')).toHaveText(long.headline);
  await page.goBack();
  await expect(page.locator('article h1')).not.toHaveText(long.headline);
});

test('unknown routes and a missing src say so', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('alert')).toContainText('Page not found');
  await page.getByRole('link', { name: 'Back to the library' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Library');
  await page.goto('/read');
  await expect(page.getByRole('alert')).toContainText('No article chosen');
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
});

test('footnote links jump to the note and back', async ({ page }) => {
  await openArticle(page, LONG);
  const ref = page.locator('sup.footnote-ref a').first();
  await ref.click();
  await expect(page.locator('#fn-1')).toBeInViewport();
  await page.locator('#fn-1 .footnote-back').click();
  await expect(page.locator('#fnref-1')).toBeInViewport();
  await expect(page.locator('article h1')).toBeAttached();
});
