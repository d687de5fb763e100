// Offline after the first visit: service worker, saved articles, updates.
import { test, expect } from './fixtures.js';
import { SAMPLE, HARBOUR, openArticle, readHref, repoJson, wordsFileOf } from './helpers.js';
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker controls the page and has `path` cached. */
async function offlineReady(page, path) {
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
  await expect
    .poll(() => page.evaluate(async (p) => !!(await caches.match(new URL(p, `${location.origin}/`).href)), path), { timeout: 15_000 })
    .toBe(true);
}

test('after one visit, the app and the article open offline with no network', async ({ page, context }) => {
  const json = repoJson('public/articles/iran-diplomat-defects-2011.json');
  await openArticle(page, SAMPLE);
  await offlineReady(page, SAMPLE);
  await context.setOffline(true);
  const fromNetwork = [];
  page.on('response', (r) => { if (!r.fromServiceWorker()) fromNetwork.push(r.url()); });
  await page.reload();
  await expect(page.locator('article h1')).toHaveText(json.headline);
  await expect(page.locator('.article-body figcaption .caption')).toHaveText(json.body.filter((b) => b.type === 'figure').map((f) => f.caption));
  await expect(page.getByRole('navigation', { name: 'Related' }).getByRole('link')).toHaveCount(4);
  await expect(page.locator('.net-status')).toHaveText('Offline');
  expect(fromNetwork).toEqual([]);
  // The library works offline too.
  await page.getByRole('link', { name: 'Broadsheet' }).click();
  await expect(page.locator('.library-item')).toHaveCount(repoJson('public/articles/index.json').articles.length);
});

test('a pre-rendered article page, opened once, reloads offline as it was and is taken over', async ({ page, context }) => {
  const page_ = '/articles/iran-diplomat-defects-2011/';
  await page.goto(page_);
  await expect(page.locator('#bs-article')).toHaveCount(0);
  await offlineReady(page, page_);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('article h1')).toHaveText(repoJson('public/articles/iran-diplomat-defects-2011.json').headline);
  // Taken over (the data script is gone once the app has the page) and reading.
  await expect(page.locator('#bs-article')).toHaveCount(0);
  await expect(page.locator('.net-status')).toHaveText('Offline');
  await page.locator('#p8').scrollIntoViewIfNeeded();
  await expect.poll(async () => Number(await page.getByRole('progressbar').getAttribute('aria-valuenow'))).toBeGreaterThan(0);
});

test('a published page in another interface language reloads offline in it: its words are precached', async ({ page, context, request }) => {
  const page_ = '/articles/rtl-sample-ar/';
  const words = wordsFileOf(await (await request.get(page_)).text(), 'ar');
  expect(words, 'the preload of the Arabic words').toBeTruthy();
  await page.goto(page_);
  await expect(page.locator('#bs-article')).toHaveCount(0);
  await offlineReady(page, page_);
  await offlineReady(page, words);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('#bs-article')).toHaveCount(0);
  await expect(page.locator('.net-status')).toHaveText('غير متصل');
  await expect(page.locator('.reader-bar .time-left')).toHaveText('بقيت دقيقتان');
});

test('offline, an article never opened says so, and loads by itself when back online', async ({ page, context }) => {
  await openArticle(page, SAMPLE);
  await offlineReady(page, SAMPLE);
  await context.setOffline(true);
  await page.goto(readHref(HARBOUR));
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('You’re offline');
  await expect(alert).toContainText('this article isn’t saved');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await context.setOffline(false);
  await expect(page.locator('article h1')).toHaveText(/Carrow Point/);
  await expect(page.locator('.net-status')).toHaveText('');
});

test('save an article with its images, read it offline with every image, then remove it', async ({ page, context }) => {
  const harbour = repoJson('public/articles/harbour-light-restoration.json');
  await openArticle(page, HARBOUR);
  await offlineReady(page, HARBOUR);
  const save = page.getByRole('button', { name: 'Save offline' });
  await save.click();
  await expect(page.getByRole('button', { name: 'Saved offline' })).toHaveAttribute('aria-pressed', 'true');

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('article h1')).toHaveText(harbour.headline);
  const imgs = page.locator('article figure img');
  await expect(imgs).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await imgs.nth(i).scrollIntoViewIfNeeded();
    await expect.poll(() => imgs.nth(i).evaluate((el) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  }

  await page.goto('/');
  const saved = page.getByRole('region', { name: 'Saved for offline' });
  const item = saved.getByRole('listitem').filter({ hasText: harbour.headline });
  await expect(item).toBeVisible();
  await expect(item.locator('.saved-size')).toHaveText(/^\d+(\.\d)?\s(KB|MB)$/);
  await expect(saved.locator('.storage-usage')).toContainText('Using');
  await item.getByRole('button', { name: /Remove/ }).click();
  await expect(saved.getByRole('listitem')).toHaveCount(0);
  await expect(saved).toContainText('Nothing yet');
});

test('a newer copy of an open article is announced, and shown on request', async ({ page, context }) => {
  const json = repoJson('public/articles/iran-diplomat-defects-2011.json');
  await openArticle(page, SAMPLE);
  await offlineReady(page, SAMPLE);
  // The publisher corrects the headline.
  const corrected = { ...json, headline: `${json.headline} (corrected)` };
  await context.route(`**/${SAMPLE}`, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(corrected) }));
  // Opened again inside the app (a reload would get the pre-rendered page, which
  // is fetched fresh from the network whenever there is one).
  await page.getByRole('link', { name: 'Broadsheet' }).click();
  await page.getByRole('link', { name: json.headline }).click();
  // The cached copy shows at once…
  await expect(page.locator('article h1')).toHaveText(json.headline);
  // …and the refreshed one is offered.
  const notice = page.getByRole('status').filter({ hasText: 'A newer version of this article is available' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Show it' }).click();
  await expect(page.locator('article h1')).toHaveText(corrected.headline);
});

test('installable: a manifest with name, icons (192, 512, maskable), colours and start URL', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await request.get(href)).json();
  expect(manifest).toMatchObject({ name: 'Broadsheet', short_name: 'Broadsheet', display: 'standalone', start_url: './' });
  expect(manifest.theme_color).toMatch(/^#/);
  expect(manifest.background_color).toMatch(/^#/);
  for (const [size, purpose] of [['192x192', 'any'], ['512x512', 'any'], ['512x512', 'maskable']]) {
    const icon = manifest.icons.find((i) => i.sizes === size && i.purpose === purpose);
    expect(icon, `${size} ${purpose}`).toBeTruthy();
    const [w, h] = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, icon.src);
    expect(`${w}x${h}`).toBe(size);
  }
});

test('the service worker never caches an HTTP error or a partial response', async ({ page }) => {
  await openArticle(page, SAMPLE);
  await offlineReady(page, SAMPLE);
  const result = await page.evaluate(async () => {
    const missing = await fetch('/articles/no-such-article.json');
    const partial = await fetch('/images/harbour-boats-640.jpg', { headers: { Range: 'bytes=0-99' } });
    const whole = await fetch('/images/lamp-lens-640.jpg');
    const base = `${location.origin}/`;
    const has = async (p) => !!(await caches.match(new URL(p, base).href));
    return {
      statuses: [missing.status, partial.status, whole.status],
      cached: [await has('articles/no-such-article.json'), await has('images/harbour-boats-640.jpg'), await has('images/lamp-lens-640.jpg')],
    };
  });
  expect(result.statuses).toEqual([404, 206, 200]);
  expect(result.cached).toEqual([false, false, true]);
});

test('a new deploy: the open page offers to reload, reloading runs the new version, old caches go', async ({ browser }) => {
  // It runs a build step (scripts/postbuild.mjs, about 10 s with two wasms to
  // compress) besides the page's own waits.
  test.setTimeout(60_000);
  const dist = fileURLToPath(new URL('../../dist', import.meta.url));
  const site = fileURLToPath(new URL('../../target/e2e/update-site', import.meta.url));
  const precache = fileURLToPath(new URL('../../scripts/postbuild.mjs', import.meta.url));
  const serve = fileURLToPath(new URL('../serve.mjs', import.meta.url));
  rmSync(site, { recursive: true, force: true });
  cpSync(dist, site, { recursive: true });
  const port = 4180 + test.info().workerIndex;
  const server = spawn(process.execPath, [serve, site, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise((resolve) => server.stdout.once('data', resolve));
    const context = await browser.newContext({ serviceWorkers: 'allow', baseURL: `http://127.0.0.1:${port}` });
    const page = await context.newPage();
    await openArticle(page, SAMPLE);
    await offlineReady(page, SAMPLE);
    const shellCaches = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('broadsheet-shell-')));
    const [oldShell] = await shellCaches();

    // Deploy version 2: any change to the shell, then the build step that writes sw.js.
    const index = `${site}/shell.html`;
    writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', '<head><meta name="broadsheet-build" content="2">'));
    execFileSync(process.execPath, [precache, site]);

    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const prompt = page.getByRole('status').filter({ hasText: 'A new version of Broadsheet is available' });
    await expect(prompt).toBeVisible({ timeout: 15_000 });
    // Nothing reloaded by itself: still the old page.
    await expect(page.locator('meta[name="broadsheet-build"]')).toHaveCount(0);
    await prompt.getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('meta[name="broadsheet-build"]')).toHaveAttribute('content', '2');
    await expect(page.locator('article h1')).toBeVisible();
    await expect.poll(shellCaches).not.toContain(oldShell);
    expect(await shellCaches()).toHaveLength(1);
    await context.close();
  } finally {
    server.kill();
  }
});
