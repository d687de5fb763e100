// Embedding on another site: iframe mode (/embed) and the example host page.
import { test, expect } from './fixtures.js';
import { SAMPLE, openArticle, repoFile, repoJson } from './helpers.js';

const sample = repoJson('public/articles/iran-diplomat-defects-2011.json');

// The host page is answered by the test under a made-up public origin; Chromium's
// local-network checks would stop it framing the viewer on 127.0.0.1 (in real use
// both sites are public). Switch those checks off for this file only.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessForNavigations',
    ],
  },
});

/** Opens the example blog as if it lived on another site (http://blog.test,
 *  answered by the test itself), its iframe pointing at the viewer on 127.0.0.1. */
async function openHostPage(page, baseURL, embedQuery) {
  const html = repoFile('public/examples/blog.html').replace(
    'src="/embed?src=articles%2Firan-diplomat-defects-2011.json"',
    `src="${baseURL}/embed?${embedQuery}"`,
  );
  await page.route('http://blog.test/**', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto('http://blog.test/examples/blog.html');
  return page.frameLocator('iframe[data-broadsheet]');
}

const events = (page, type) => page.evaluate((t) => window.broadsheetEvents.filter((e) => e.type === t), type);

test('iframe mode: no app chrome, the host page resizes it to its content, and hears load', async ({ page, baseURL }) => {
  const frame = await openHostPage(page, baseURL, `src=${encodeURIComponent(`${baseURL}/${SAMPLE}`)}`);
  await expect(frame.locator('article h1')).toHaveText(sample.headline);
  await expect(frame.locator('.site-bar, .reader-bar')).toHaveCount(0);
  const iframe = page.locator('iframe[data-broadsheet]');
  const contentHeight = () => frame.locator('.embed').evaluate((el) => el.getBoundingClientRect().bottom + scrollY);
  await expect.poll(async () => Math.abs((await iframe.boundingBox()).height - (await contentHeight()))).toBeLessThanOrEqual(2);

  // A bigger text size inside: the iframe follows.
  const before = (await iframe.boundingBox()).height;
  await frame.locator('html').evaluate((root) => root.setAttribute('data-size', '4'));
  await expect.poll(async () => (await iframe.boundingBox()).height).toBeGreaterThan(before * 1.1);
  await expect.poll(async () => Math.abs((await iframe.boundingBox()).height - (await contentHeight()))).toBeLessThanOrEqual(2);

  await expect.poll(() => events(page, 'broadsheet-load')).toEqual([{ type: 'broadsheet-load', detail: { id: sample.id, headline: sample.headline } }]);
});

test('iframe mode: "Leave a comment" without a comments URL asks the host', async ({ page, baseURL }) => {
  const frame = await openHostPage(page, baseURL, `src=${encodeURIComponent(`${baseURL}/${SAMPLE}`)}`);
  await frame.getByRole('button', { name: 'Leave a comment' }).click();
  await expect.poll(() => events(page, 'broadsheet-comment')).toHaveLength(1);
});

test('iframe mode: a failure is shown in the frame and reported to the host', async ({ page, baseURL }) => {
  const frame = await openHostPage(page, baseURL, `src=${encodeURIComponent(`${baseURL}/articles/missing.json`)}`);
  await expect(frame.getByRole('alert')).toContainText('HTTP 404');
  await expect.poll(async () => (await events(page, 'broadsheet-error'))[0]?.detail.message).toMatch(/Article not found.*HTTP 404/);
});

test('iframe mode: messages go only to the host origin that was named', async ({ page, baseURL }) => {
  // The host names another origin than its own: it must hear nothing.
  const frame = await openHostPage(page, baseURL, `src=${encodeURIComponent(`${baseURL}/${SAMPLE}`)}&origin=${encodeURIComponent('https://elsewhere.example')}`);
  await expect(frame.locator('article h1')).toHaveText(sample.headline);
  await expect(frame.locator('.comments-cta')).toBeVisible();
  await frame.getByRole('button', { name: 'Leave a comment' }).click();
  expect(await page.evaluate(() => window.broadsheetEvents.length)).toBe(0);
});

test('the host page’s aggressive CSS does not reach the embedded article', async ({ page, browser, baseURL }) => {
  const styleOf = (locator) =>
    locator.evaluate((el) => {
      const s = getComputedStyle(el);
      return { fontSize: s.fontSize, color: s.color, display: s.display, fontFamily: s.fontFamily, lineHeight: s.lineHeight };
    });
  const frame = await openHostPage(page, baseURL, `src=${encodeURIComponent(`${baseURL}/${SAMPLE}`)}`);
  await expect(frame.locator('article h1')).toBeVisible();
  const embedded = { h1: await styleOf(frame.locator('article h1')), p: await styleOf(frame.locator('.article-body p').first()) };
  await expect(frame.locator('figure figcaption').first()).toBeVisible();
  // And the host keeps its own styles.
  expect(await page.locator('body > p').first().evaluate((el) => getComputedStyle(el).fontSize)).toBe('40px');

  // The standalone page at the iframe's width (type sizes are fluid).
  const width = await frame.locator('html').evaluate((el) => el.clientWidth);
  const standalone = await browser.newPage({ viewport: { width, height: 800 } });
  await openArticle(standalone, SAMPLE);
  expect(embedded.h1).toEqual(await styleOf(standalone.locator('article h1')));
  expect(embedded.p).toEqual(await styleOf(standalone.locator('.article-body p').first()));
  await standalone.close();
});
