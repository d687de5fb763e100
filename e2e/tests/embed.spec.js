// Embedding on another site: iframe mode (/embed) and the example host page.
import { test, expect } from './fixtures.js';
import { SAMPLE, inject, openArticle, repoFile, repoJson, withoutLocalNetworkChecks } from './helpers.js';

const sample = repoJson('public/articles/iran-diplomat-defects-2011.json');

// The host page is answered by the test under a made-up public origin; Chromium's
// local-network checks would stop it framing the viewer on 127.0.0.1 (in real use
// both sites are public). Switch those checks off for this file only.
test.use({ launchOptions: withoutLocalNetworkChecks });

/** Answers http://blog.test/ with the page `html` and the example's stylesheet. */
async function serveBlog(page, html) {
  await page.route('http://blog.test/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.endsWith('.css')) return route.fulfill({ contentType: 'text/css', body: repoFile(`public${path}`) });
    return route.fulfill({ contentType: 'text/html', body: html });
  });
}

/** Answers http://blog.test/examples/blog.html with the example blog, its
 *  embeds pointing at the viewer on 127.0.0.1. */
async function serveHostPage(page, baseURL, embedQuery) {
  const html = repoFile('public/examples/blog.html')
    .replace('src="/embed?src=articles%2Firan-diplomat-defects-2011.json"', `src="${baseURL}/embed?${embedQuery}"`)
    .replaceAll('src="/', `src="${baseURL}/`);
  await serveBlog(page, html);
}

/** Opens the example blog as if it lived on another site (http://blog.test,
 *  answered by the test itself), its iframe pointing at the viewer on 127.0.0.1. */
async function openHostPage(page, baseURL, embedQuery) {
  await serveHostPage(page, baseURL, embedQuery);
  await page.goto('http://blog.test/examples/blog.html');
  // The custom elements above the iframe have rendered: the layout has settled.
  await expect(page.locator('broadsheet-article article h1')).toHaveCount(2);
  return page.frameLocator('iframe[data-broadsheet]');
}

/** Brings the iframe into view and waits until the host has sized it to its content. */
async function iframeSettled(page, frame) {
  const iframe = page.locator('iframe[data-broadsheet]');
  await iframe.scrollIntoViewIfNeeded();
  await expect(frame.locator('article h1')).toBeVisible();
  const contentHeight = () => frame.locator('.embed').evaluate((el) => el.getBoundingClientRect().bottom + scrollY);
  await expect.poll(async () => Math.abs((await iframe.boundingBox()).height - (await contentHeight()))).toBeLessThanOrEqual(2);
}

const events = (page, type, from = 'iframe') =>
  page.evaluate(([t, f]) => window.broadsheetEvents.filter((e) => e.type === t && e.from === f).map(({ type, detail }) => ({ type, detail })), [type, from]);

test('iframe mode: no app chrome, the host page resizes it to its content, and hears load', async ({ page, baseURL }) => {
  const frame = await openHostPage(page, baseURL, `src=${encodeURIComponent(`${baseURL}/${SAMPLE}`)}`);
  await expect(frame.locator('article h1')).toHaveText(sample.headline);
  await expect(frame.locator('.site-bar, .reader-bar')).toHaveCount(0);
  const iframe = page.locator('iframe[data-broadsheet]');
  // Chromium does not render (so does not resize-observe) an off-screen
  // cross-origin frame; a reader sees it once it is in view, and so do we.
  await iframe.scrollIntoViewIfNeeded();
  const contentHeight = () => frame.locator('.embed').evaluate((el) => el.getBoundingClientRect().bottom + scrollY);
  await expect.poll(async () => Math.abs((await iframe.boundingBox()).height - (await contentHeight()))).toBeLessThanOrEqual(2);

  // A bigger text size inside: the iframe follows.
  await iframe.scrollIntoViewIfNeeded();
  const before = (await iframe.boundingBox()).height;
  await frame.locator('html').evaluate((root) => root.setAttribute('data-size', '4'));
  await expect.poll(async () => (await iframe.boundingBox()).height).toBeGreaterThan(before * 1.1);
  await expect.poll(async () => Math.abs((await iframe.boundingBox()).height - (await contentHeight()))).toBeLessThanOrEqual(2);

  await expect.poll(() => events(page, 'broadsheet-load')).toEqual([{ type: 'broadsheet-load', detail: { id: sample.id, headline: sample.headline } }]);
});

test('iframe mode: progress as the host page scrolls the frame through the window', async ({ page, baseURL }) => {
  const frame = await openHostPage(page, baseURL, `src=${encodeURIComponent(`${baseURL}/${SAMPLE}`)}`);
  await iframeSettled(page, frame);
  const iframe = page.locator('iframe[data-broadsheet]');
  const bodyBox = await frame.locator('.article-body').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + scrollY, height: r.height };
  });
  const lastPercent = async () => (await events(page, 'broadsheet-progress')).at(-1)?.detail.percent;
  // Put the bottom of the window halfway down the article body.
  const scrollBodyTo = (fraction) =>
    iframe.evaluate((el, [box, f]) => {
      const frameTop = el.getBoundingClientRect().top + scrollY;
      window.scrollTo(0, frameTop + box.top + box.height * f - innerHeight);
    }, [bodyBox, fraction]);
  await scrollBodyTo(0.5);
  await expect.poll(lastPercent).toBeGreaterThanOrEqual(40);
  expect(await lastPercent()).toBeLessThanOrEqual(60);
  await scrollBodyTo(1.02);
  await expect.poll(lastPercent).toBe(100);
});

test('iframe mode: "Leave a comment" without a comments URL asks the host', async ({ page, baseURL }) => {
  const frame = await openHostPage(page, baseURL, `src=${encodeURIComponent(`${baseURL}/${SAMPLE}`)}`);
  await iframeSettled(page, frame);
  await frame.getByRole('button', { name: 'Leave a comment' }).click();
  await expect.poll(() => events(page, 'broadsheet-comment')).toHaveLength(1);
});

test('iframe mode: a failure is shown in the frame and reported to the host', async ({ page, baseURL }) => {
  const frame = await openHostPage(page, baseURL, `src=${encodeURIComponent(`${baseURL}/articles/missing.json`)}`);
  await expect(frame.getByRole('alert')).toContainText('HTTP 404');
  await expect.poll(async () => (await events(page, 'broadsheet-error'))[0]?.detail.message).toMatch(/Article not found.*HTTP 404/);
});

test('iframe mode: messages go only to the host origin that was named', async ({ page, baseURL }) => {
  // The host names another origin than its own: it must hear nothing from the iframe.
  const frame = await openHostPage(page, baseURL, `src=${encodeURIComponent(`${baseURL}/${SAMPLE}`)}&origin=${encodeURIComponent('https://elsewhere.example')}`);
  await expect(frame.locator('article h1')).toHaveText(sample.headline);
  await expect(frame.locator('.comments-cta')).toBeVisible();
  await frame.getByRole('button', { name: 'Leave a comment' }).click();
  expect(await page.evaluate(() => window.broadsheetEvents.filter((e) => e.from === 'iframe').length)).toBe(0);
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

// ---- <broadsheet-article> ----

const harbour = repoJson('public/articles/harbour-light-restoration.json');
const long = repoJson('public/articles/long-read-night-shift.json');
const SRC = `src=${encodeURIComponent('articles/iran-diplomat-defects-2011.json')}`;

test('custom elements: both render in shadow roots, and fire broadsheet-load', async ({ page, baseURL }) => {
  await openHostPage(page, baseURL, SRC);
  await expect(page.locator('#first article h1')).toHaveText(harbour.headline);
  await expect(page.locator('#second article h1')).toHaveText(long.headline);
  expect(await page.locator('#first').evaluate((el) => !!el.shadowRoot.querySelector('article'))).toBe(true);
  await expect.poll(() => events(page, 'broadsheet-load', 'first')).toEqual([{ type: 'broadsheet-load', detail: { id: harbour.id, headline: harbour.headline } }]);
  await expect.poll(() => events(page, 'broadsheet-load', 'second')).toEqual([{ type: 'broadsheet-load', detail: { id: long.id, headline: long.headline } }]);
  // The second asked for sepia.
  expect(await page.locator('#second .bs-embed').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(244, 236, 216)');
  // One wasm instance for both.
  expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm')).length)).toBe(1);
});

test('custom elements: the host CSS changes nothing inside, and the embed changes nothing outside', async ({ page, browser, baseURL }) => {
  const styleOf = (locator) =>
    locator.evaluate((el) => {
      const s = getComputedStyle(el);
      return { fontSize: s.fontSize, color: s.color, display: s.display, fontFamily: s.fontFamily, lineHeight: s.lineHeight, letterSpacing: s.letterSpacing };
    });
  await openHostPage(page, baseURL, SRC);
  await expect(page.locator('#first article h1')).toBeVisible();
  const inside = { h1: await styleOf(page.locator('#first article h1')), p: await styleOf(page.locator('#first .article-body p').first()) };
  const figure = page.locator('#first .article-body figure img').first();
  await figure.scrollIntoViewIfNeeded();
  await expect(figure).toBeVisible();
  await expect(page.locator('#first figcaption').first()).toBeVisible();
  const outside = { h1: await styleOf(page.locator('body > h1')), p: await styleOf(page.locator('body > p').first()) };

  const standalone = await browser.newPage({ viewport: page.viewportSize() });
  await openArticle(standalone, 'articles/harbour-light-restoration.json');
  expect(inside.h1).toEqual(await styleOf(standalone.locator('article h1')));
  expect(inside.p).toEqual(await styleOf(standalone.locator('.article-body p').first()));
  await standalone.close();

  // Not even a host that shrinks its root font size scales the article.
  await page.addStyleTag({ content: 'html { font-size: 10px !important; }' });
  expect(await styleOf(page.locator('#first article h1'))).toEqual(inside.h1);
  expect(await styleOf(page.locator('#first .article-body p').first())).toEqual(inside.p);

  // The same host page with no embeds at all.
  const bare = await browser.newPage({ viewport: page.viewportSize() });
  const html = repoFile('public/examples/blog.html').replace(/<broadsheet-article id=[^>]*><\/broadsheet-article>|<iframe data-broadsheet[\s\S]*?<\/iframe>|<script src="\/embed.js"[^>]*><\/script>/g, '');
  await serveBlog(bare, html);
  await bare.goto('http://blog.test/examples/blog.html');
  expect(outside.h1).toEqual(await styleOf(bare.locator('body > h1')));
  expect(outside.p).toEqual(await styleOf(bare.locator('body > p').first()));
  await bare.close();
});

test('custom elements: scrolling through the first moves only its progress', async ({ page, baseURL }) => {
  await openHostPage(page, baseURL, SRC);
  await expect(page.locator('#second article h1')).toBeVisible();
  const bar = (id) => page.locator(`#${id} [role="progressbar"]`);
  await expect(bar('first')).toHaveAttribute('aria-valuenow', '0');
  // Halfway through the first article's body.
  await page.locator('#first').evaluate((host) => {
    const body = host.shadowRoot.querySelector('.article-body').getBoundingClientRect();
    window.scrollTo(0, scrollY + body.top + (body.height - innerHeight) / 2);
  });
  await expect.poll(async () => Number(await bar('first').getAttribute('aria-valuenow'))).toBeGreaterThan(40);
  await expect.poll(async () => Number(await bar('first').getAttribute('aria-valuenow'))).toBeLessThan(60);
  await expect(bar('second')).toHaveAttribute('aria-valuenow', '0');
  const percents = await events(page, 'broadsheet-progress', 'first');
  expect(percents.at(-1).detail.percent).toBe(Number(await bar('first').getAttribute('aria-valuenow')));
  // The second only ever reported where it started.
  expect((await events(page, 'broadsheet-progress', 'second')).map((e) => e.detail.percent)).toEqual([0]);
  // The bar sits at the top of the element's visible part.
  const top = await bar('first').evaluate((el) => el.getBoundingClientRect().top);
  expect(Math.abs(top)).toBeLessThanOrEqual(1);
});

test('custom elements: "Leave a comment" asks the host; src changes re-render; removal stops events', async ({ page, baseURL }) => {
  await openHostPage(page, baseURL, SRC);
  const second = page.locator('#second');
  await expect(second.locator('article h1')).toHaveText(long.headline);
  await second.getByRole('button', { name: 'Leave a comment' }).click();
  await expect.poll(() => events(page, 'broadsheet-comment', 'second')).toHaveLength(1);

  await page.locator('#second').evaluate((el) => el.setAttribute('src', el.getAttribute('src').replace('long-read-night-shift', 'rtl-sample-ar')));
  await expect(second.locator('article')).toHaveAttribute('dir', 'rtl');

  await page.locator('#first').evaluate((el) => el.remove());
  const before = (await events(page, 'broadsheet-progress', 'first')).length;
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(second.locator('[role="progressbar"]')).not.toHaveAttribute('aria-valuenow', '0');
  expect((await events(page, 'broadsheet-progress', 'first')).length).toBe(before);
});

test('custom elements: progress="none", related="hide" and lang', async ({ page, baseURL }) => {
  await openHostPage(page, baseURL, SRC);
  await page.locator('#first').evaluate((el) => {
    el.setAttribute('progress', 'none');
    el.setAttribute('related', 'hide');
    el.setAttribute('lang', 'en-GB');
  });
  const first = page.locator('#first');
  await expect(first.locator('article')).toHaveAttribute('lang', 'en-GB');
  await expect(first.locator('[role="progressbar"]')).toBeHidden();
  await expect(first.locator('nav.related')).toHaveCount(0);
});

test('custom elements: ui-lang fixes the interface language', async ({ page, baseURL }) => {
  await openHostPage(page, baseURL, SRC);
  await page.locator('#first').evaluate((el) => el.setAttribute('ui-lang', 'es'));
  const first = page.locator('#first');
  await expect(first.locator('article .reading-time')).toHaveText(/^\d+\u00a0min de lectura$/);
  await expect(first.locator('article .reading-time')).toHaveAttribute('lang', 'es');
  await expect(first.locator('[role="progressbar"]')).toHaveAttribute('aria-label', 'Progreso de lectura');
  // The other element keeps the reader's language.
  await expect(page.locator('#second article .reading-time')).toHaveText(/^\d+ min read$/);
});

test('custom elements: themed from the host with ::part() and custom properties', async ({ page, baseURL }) => {
  await openHostPage(page, baseURL, SRC);
  await page.addStyleTag({ content: 'broadsheet-article::part(article) { --bs-accent: rgb(0, 90, 156); --bs-font-serif: "DejaVu Sans Mono", monospace; border: 3px solid rgb(1, 2, 3); }' });
  const first = page.locator('#first');
  expect(await first.locator('.kicker').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 90, 156)');
  expect(await first.locator('article h1').evaluate((el) => getComputedStyle(el).fontFamily)).toContain('DejaVu Sans Mono');
  expect(await first.locator('.bs-embed').evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(1, 2, 3)');
});

test('custom elements: a failure shows in the element, with Retry, and fires broadsheet-error', async ({ page, baseURL }) => {
  await openHostPage(page, baseURL, SRC);
  await page.locator('#first').evaluate((el) => el.setAttribute('src', el.getAttribute('src').replace('harbour-light-restoration', 'missing')));
  const alert = page.locator('#first').getByRole('alert');
  await expect(alert).toContainText('HTTP 404');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(alert.getByRole('link', { name: 'Back to the library' })).toHaveCount(0);
  await expect.poll(async () => (await events(page, 'broadsheet-error', 'first'))[0]?.detail.message).toMatch(/HTTP 404/);
});

test('iframe mode works under a strict host CSP: only the host’s own snippet runs', async ({ page, baseURL }) => {
  const html = `<!doctype html><html><head><title>Strict host</title></head><body>
    <iframe data-broadsheet title="Article" style="width:100%;border:0" src="${baseURL}/embed?src=${encodeURIComponent('articles/iran-diplomat-defects-2011.json')}"></iframe>
    <script nonce="n0nce">
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));
      addEventListener('message', function (event) {
        var frame = document.querySelector('iframe[data-broadsheet]');
        if (frame.contentWindow !== event.source || new URL(frame.src).origin !== event.origin) return;
        if (event.data && event.data.type === 'broadsheet-resize') frame.style.height = event.data.detail.height + 'px';
      });
    </script></body></html>`;
  const csp = `default-src 'none'; script-src 'nonce-n0nce'; style-src 'unsafe-inline'; frame-src ${baseURL}`;
  await page.route('http://strict.test/**', (route) => route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': csp }, body: html }));
  await page.goto('http://strict.test/');
  const frame = page.frameLocator('iframe[data-broadsheet]');
  await expect(frame.locator('article h1')).toHaveText(sample.headline);
  const contentHeight = () => frame.locator('.embed').evaluate((el) => el.getBoundingClientRect().bottom + scrollY);
  await expect.poll(async () => Math.abs((await page.locator('iframe').boundingBox()).height - (await contentHeight()))).toBeLessThanOrEqual(2);
  expect(await page.evaluate(() => window.violations)).toEqual([]);
});

test.describe('a browser API that throws while the articles render', () => {
  // The stopped app's later callbacks may panic too.
  test.use({ allowPageError: true, allowPanic: true });
  test('each custom element and the iframe show “Something went wrong” instead of freezing', async ({ page, baseURL }) => {
    await inject(page, 'throwing-api');
    await serveHostPage(page, baseURL, SRC);
    await page.goto('http://blog.test/examples/blog.html');
    for (const id of ['first', 'second']) {
      const alert = page.locator(`broadsheet-article#${id}`).getByRole('alert');
      await expect(alert.getByRole('heading')).toHaveText('Something went wrong');
      await expect(alert.getByRole('link', { name: 'Reload' })).toBeVisible();
    }
    // Shown for the exception itself, not only for a panic that came after it.
    expect(await page.evaluate(() => window.__bsPanelOnError)).toBe(true);
    // The iframe's article measures its body (and so meets the throwing API)
    // when its blocks come into view; the host resizes the iframe as it loads,
    // so bring it into view on every look, as a reader scrolling to it would.
    const iframe = page.locator('iframe[data-broadsheet]');
    const frame = page.frameLocator('iframe[data-broadsheet]');
    const heading = frame.getByRole('alert').getByRole('heading');
    await expect
      .poll(async () => {
        await iframe.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        return (await heading.count()) ? heading.textContent() : null;
      })
      .toBe('Something went wrong');
    expect(await frame.locator('html').evaluate(() => window.__bsPanelOnError)).toBe(true);
  });
});
