// The XSS corpus (xss-corpus.js) in every field of an article, rendered in the
// viewer, the iframe embed and the custom element: nothing runs, and no
// dangerous URL becomes live anywhere in the DOM.
import { test, expect } from './fixtures.js';
import { readHref, withoutLocalNetworkChecks } from './helpers.js';
import { all, cheatSheet, hostileArticle } from './xss-corpus.js';

// The custom-element test answers its host page itself; Chromium would count
// that page as a public site and keep it from loading the viewer on 127.0.0.1.
test.use({ launchOptions: withoutLocalNetworkChecks });

const joined = all.join(' ');


/** What a browser could run: script-ish elements, event-handler attributes, and
 * URL attributes that resolve to anything but http(s) or mailto — in the page
 * and in shadow roots. */
function liveDanger() {
  const safe = (url) => {
    try {
      return ['http:', 'https:', 'mailto:'].includes(new URL(url, document.baseURI).protocol);
    } catch {
      return true; // Not a URL at all: the browser will not follow it.
    }
  };
  const urls = (name, value) => {
    if (name === 'srcset') return value.split(/,\s+/).map((c) => c.trim().split(/\s+/)[0]);
    if (name === 'style') return [...value.matchAll(/url\(\s*['"]?([^'")]*)/gi)].map((m) => m[1]);
    return ['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'xlink:href', 'ping'].includes(name) ? [value] : [];
  };
  const found = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      const inHead = !!el.closest('head');
      if (['iframe', 'object', 'embed', 'base', 'form', 'math'].includes(tag)) found.push(`<${tag}>`);
      if (['script', 'meta', 'style'].includes(tag) && !inHead) found.push(`<${tag}> outside <head>`);
      if (tag === 'link' && !inHead && !(root instanceof ShadowRoot)) found.push('<link> in body');
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`${tag} ${a.name}="${a.value}"`);
        for (const url of urls(a.name.toLowerCase(), a.value)) {
          if (!safe(url)) found.push(`${tag} ${a.name}="${a.value}"`);
        }
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return found;
}

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
