// The XSS corpus (xss-corpus.js) in every field of an article, rendered in the
// viewer, the iframe embed and the custom element: nothing runs, and no
// dangerous URL becomes live anywhere in the DOM.
import { test, expect } from './fixtures.js';
import { readHref, withoutLocalNetworkChecks } from './helpers.js';
import { all, cheatSheet, hostileArticle, liveDanger } from './xss-corpus.js';

// The custom-element test answers its host page itself; Chromium would count
// that page as a public site and keep it from loading the viewer on 127.0.0.1.
test.use({ launchOptions: withoutLocalNetworkChecks });

const joined = all.join(' ');



async function expectNothingRan(page, dialogs) {
  expect(await page.evaluate(liveDanger)).toEqual([]);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
}

function watchDialogs(page) {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  return dialogs;
}

test.beforeEach(async ({ page }) => {
  await page.route('**/xss*.json', (route) => {
    const n = Number(/xss-?(\d*)\.json/.exec(route.request().url())[1] || -1);
    // xss.json: every vector everywhere; xss-N.json: vector N alone in every field.
    const doc = n < 0 ? hostileArticle(joined, all) : hostileArticle(`Vector ${n}`, [all[n]]);
    return route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(doc) });
  });
});

test(`${all.length} vectors in every field of the viewer's article: shown as text, nothing runs`, async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto(readHref('xss.json'));
  await expect(page.locator('article h1')).toHaveText(joined);
  await expect(page.locator('.dek')).toHaveText(joined);
  // Each text block shows its vector as written.
  const blocks = page.locator('.article-body > p');
  await expect(blocks.filter({ hasText: cheatSheet[0] }).first()).toBeVisible();
  await expect(page.locator('.article-body')).toContainText(`<iframe srcdoc="<script>parent.__xss=1</script>">`);
  // Hover and click what could carry a handler, then look again.
  await page.locator('article a').first().hover();
  await expectNothingRan(page, dialogs);
});

test('each vector alone in every field, the single-valued ones too (comments, lead image, dek…)', async ({ page }) => {
  // 85 articles in one test: about 13 s on an idle machine, more on a busy one.
  test.slow();
  const dialogs = watchDialogs(page);
  await page.goto(readHref('xss-0.json'));
  for (let n = 0; n < all.length; n++) {
    // In-app navigation: one wasm start-up for the whole corpus.
    await page.evaluate((src) => {
      history.pushState(null, '', `/read?src=${encodeURIComponent(src)}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, `xss-${n}.json`);
    await expect(page.locator('article h1')).toHaveText(`Vector ${n}`);
    await expect(page.locator('.dek')).toHaveText(all[n]);
    await expectNothingRan(page, dialogs);
  }
});

test('the corpus in the iframe embed and in <broadsheet-article>', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await page.goto(`/embed?src=${encodeURIComponent('xss.json')}`);
  await expect(page.locator('article h1')).toHaveText(joined);
  await expectNothingRan(page, dialogs);
  await page.route('**/xss-host.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>Host</title><script src="/embed.js"></script><broadsheet-article id="hostile" src="/xss.json"></broadsheet-article>',
    }),
  );
  await page.goto('/xss-host.html');
  await expect(page.locator('#hostile article h1')).toHaveText(joined);
  await expectNothingRan(page, dialogs);
});
