// Published article pages (broadsheet build, run by every trunk build): what a
// crawler, a link preview, a feed reader and a reader with no script get, and
// how the app takes the page over.
import { test, expect } from './fixtures.js';
import { repoJson, squash } from './helpers.js';
import { existsSync } from 'node:fs';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { sentences, storyPath, wireStory } from './wire-story.js';

const IRAN = '/articles/iran-diplomat-defects-2011/';
const HARBOUR = '/articles/harbour-light-restoration/';
const LONG = '/articles/long-read-night-shift/';
const library = () => repoJson('public/articles/index.json').articles;
const sample = () => repoJson('public/articles/iran-diplomat-defects-2011.json');

/** The HTML's entities, decoded the way a parser reads an attribute. */
const decode = (s) =>
  s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every `<meta>` of the raw HTML: name or property → contents, in order. */
function metas(html) {
  const out = {};
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/g)) {
    const attr = (name) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
    const key = attr('property') ?? attr('name');
    if (key && attr('content') !== undefined) (out[key] ??= []).push(decode(attr('content')));
  }
  return out;
}

const link = (html, rel, type) =>
  [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => tag.includes(`rel="${rel}"`) && (!type || tag.includes(`type="${type}"`)))
    .map((tag) => decode(tag.match(/\bhref="([^"]*)"/)[1]));

test.describe('with no script at all', () => {
  test.use({ javaScriptEnabled: false });
  test.skip(!existsSync(storyPath), '../shared/fixtures is not beside this checkout');

  test('the sample reads in full: every sentence, both captions with credits, the related links', async ({ page }) => {
    const story = wireStory();
    await page.goto(IRAN);
    const article = page.locator('article');
    await expect(article.locator('h1')).toHaveText(story.headline);
    await expect(article.locator('.dek')).toHaveText(story.dek);
    await expect(article.locator('.byline')).toHaveText(story.byline);
    const text = squash(await article.locator('.article-body').innerText());
    for (const paragraph of story.paragraphs) {
      for (const sentence of sentences(paragraph)) expect(text, `missing: ${sentence}`).toContain(squash(sentence));
    }
    const figures = article.locator('.article-body figure.figure');
    await expect(figures).toHaveCount(2);
    for (let i = 0; i < 2; i++) {
      await expect(figures.nth(i).locator('.caption')).toHaveText(story.captions[i]);
      await expect(figures.nth(i).locator('.credit')).toHaveText(`Photo: ${story.credits[i]}`);
    }
    const related = article.locator('.related a');
    await expect(related).toHaveText(sample().related.map((r) => r.title));
    for (const [i, r] of sample().related.entries()) await expect(related.nth(i)).toHaveAttribute('href', r.url);
    // Styled as the app is: the stylesheet applies with no script.
    await expect(article.locator('h1')).toHaveCSS('font-family', /serif/i);
    // No button that cannot work: the reading bar keeps only "minutes left".
    await expect(page.locator('.reader-bar .time-left')).toBeVisible();
    for (const tool of await page.locator('.reader-bar .tool').all()) await expect(tool).toBeHidden();
    await expect(page.locator('.reader-bar .tool')).toHaveCount(3);
  });

  test('the front page is the library: every article, linked to its page', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('h1')).toHaveText('Library');
    const items = page.locator('.library-item');
    await expect(items.locator('h2')).toHaveText(library().map((a) => a.headline));
    for (const [i, a] of library().entries()) {
      await expect(items.nth(i).locator('h2 a')).toHaveAttribute('href', `/articles/${a.src.replace(/\.json$/, '')}/`);
      await expect(items.nth(i).locator('.library-meta')).toContainText(`${a.minutes} min read`);
    }
    await items.first().locator('h2 a').click();
    await expect(page.locator('article h1')).toHaveText(library()[0].headline);
  });
});

test('the head of an article page, read from the raw HTML', async ({ request }) => {
  const response = await request.get(IRAN);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/html/);
  const html = await response.text();
  const a = sample();
  expect(html).toMatch(/<html lang="en" dir="ltr" data-prerendered="\/articles\/iran-diplomat-defects-2011\/" data-app="\/start-reader-[0-9a-f]{16}\.js">/);
  expect(decode(html.match(/<title>([^<]*)<\/title>/)[1])).toBe(`${a.headline} — Broadsheet`);
  const m = metas(html);
  expect(m.description).toEqual([a.dek]);
  const [canonical] = link(html, 'canonical');
  expect(canonical).toMatch(/^https?:\/\/[^/]+\/articles\/iran-diplomat-defects-2011\/$/);
  const site = new URL('/', canonical).href;
  expect(m['og:type']).toEqual(['article']);
  expect(m['og:title']).toEqual([a.headline]);
  expect(m['og:description']).toEqual([a.dek]);
  expect(m['og:url']).toEqual([canonical]);
  expect(m['og:site_name']).toEqual(['Broadsheet']);
  expect(m['og:locale']).toEqual(['en']);
  expect(m['article:published_time']).toEqual([a.published]);
  expect(m['article:section']).toEqual([a.section]);
  expect(m['article:tag']).toEqual(a.tags);
  // Neither figure of the sample has a picture: a summary card, no og:image.
  expect(m['og:image']).toBeUndefined();
  expect(m['twitter:card']).toEqual(['summary']);
  expect(m['twitter:title']).toEqual([a.headline]);
  expect(link(html, 'alternate', 'application/atom+xml')).toEqual([`${site}feed.xml`]);
  expect(link(html, 'alternate', 'application/feed+json')).toEqual([`${site}feed.json`]);
  expect(link(html, 'alternate', 'application/json+oembed')).toEqual([`${canonical}oembed.json`]);

  const ld = JSON.parse(html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)[1]);
  expect(ld['@context']).toBe('https://schema.org');
  expect(ld['@type']).toBe('NewsArticle');
  expect(ld.headline).toBe(a.headline);
  expect(ld.description).toBe(a.dek);
  expect(ld.datePublished).toBe(a.published);
  expect(ld.inLanguage).toBe('en');
  expect(ld.articleSection).toBe(a.section);
  expect(ld.keywords).toEqual(a.tags);
  expect(ld.mainEntityOfPage['@id']).toBe(canonical);
  expect(ld.publisher).toMatchObject({ '@type': 'Organization', name: 'Broadsheet' });
  expect([ld.author].flat().map((p) => p.name)).toEqual(['News Agencies']);
});

test('the head of the front page, read from the raw HTML', async ({ request }) => {
  const html = await (await request.get('/')).text();
  expect(html).toMatch(/<html lang="en" dir="ltr" data-prerendered="\/">/);
  expect(decode(html.match(/<title>([^<]*)<\/title>/)[1])).toBe('Library — Broadsheet');
  const m = metas(html);
  expect(m['og:type']).toEqual(['website']);
  expect(m['og:site_name']).toEqual(['Broadsheet']);
  expect(m.description).toEqual(['Articles to read in Broadsheet.']);
  const path = (links) => links.map((l) => new URL(l).pathname);
  expect(path(link(html, 'canonical'))).toEqual(['/']);
  expect(path(link(html, 'alternate', 'application/atom+xml'))).toEqual(['/feed.xml']);
  expect(path(link(html, 'alternate', 'application/feed+json'))).toEqual(['/feed.json']);
  // The app's module and wasm still preload: this page is also what a host
  // sends for /read?src=….
  expect(html).toMatch(/<link rel="modulepreload"/);
});

test('a picture makes a large card: og:image with its size and alt, from the lead figure', async ({ request }) => {
  const html = await (await request.get(HARBOUR)).text();
  const article = repoJson('public/articles/harbour-light-restoration.json');
  const m = metas(html);
  expect(m['twitter:card']).toEqual(['summary_large_image']);
  expect(m['og:image'][0]).toBe(new URL(article.lead.image.src, new URL('/articles/harbour-light-restoration.json', m['og:url'][0])).href);
  expect(m['og:image:width']).toEqual([String(article.lead.image.width)]);
  expect(m['og:image:height']).toEqual([String(article.lead.image.height)]);
  expect(m['og:image:alt']).toEqual([article.lead.image.alt]);
  const ld = JSON.parse(html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)[1]);
  expect([ld.image].flat()[0].url ?? [ld.image].flat()[0]).toBe(m['og:image'][0]);
});

test('the feeds, read by a feed parser, list the library newest first with each article', async ({ request }) => {
  const entries = library();
  const atom = parseFeed(await (await request.get('/feed.xml')).text());
  expect(atom.meta.type).toBe('atom');
  expect(atom.items.map((i) => i.title)).toEqual(entries.map((e) => e.headline));
  for (const [i, item] of atom.items.entries()) {
    const name = entries[i].src.replace(/\.json$/, '');
    expect(new URL(item.url).pathname).toBe(`/articles/${name}/`);
    expect(item.id).toBe(item.url);
    expect(item.published).toBeInstanceOf(Date);
    expect(item.updated).toBeInstanceOf(Date);
    if (entries[i].dek) expect(item.description).toBe(entries[i].dek);
    expect(item.content.length).toBeGreaterThan(200);
    expect(item.content).not.toMatch(/<script/i);
  }
  expect(atom.items.map((i) => i.published.getTime())).toEqual([...atom.items.map((i) => i.published.getTime())].sort((x, y) => y - x));

  const json = await (await request.get('/feed.json')).json();
  expect(json.version).toBe('https://jsonfeed.org/version/1.1');
  expect(json.items.map((i) => i.title)).toEqual(entries.map((e) => e.headline));
  expect(json.items.map((i) => i.url)).toEqual(atom.items.map((i) => i.url));
  const iran = json.items.find((i) => i.url.endsWith(IRAN));
  expect(iran.summary).toBe(sample().dek);
  expect(iran.content_html).toContain('slaughter');
  expect(iran.authors.map((a) => a.name)).toEqual(['News Agencies']);
});

test('the sitemap lists every article page with its date; robots.txt names it; oEmbed embeds the iframe', async ({ request }) => {
  const xml = await (await request.get('/sitemap.xml')).text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const urls = [new XMLParser().parse(xml).urlset.url].flat();
  const pages = urls.map((u) => new URL(u.loc).pathname);
  for (const entry of library()) {
    const path = `/articles/${entry.src.replace(/\.json$/, '')}/`;
    expect(pages).toContain(path);
    const article = repoJson(`public/articles/${entry.src}`);
    expect(String(urls[pages.indexOf(path)].lastmod)).toContain((article.updated ?? article.published).slice(0, 10));
  }
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);

  const oembed = await (await request.get(`${IRAN}oembed.json`)).json();
  expect(oembed).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Broadsheet', title: sample().headline, author_name: 'News Agencies' });
  expect(oembed.width).toBeGreaterThan(0);
  expect(oembed.height).toBeGreaterThan(0);
  const src = decode(oembed.html.match(/<iframe[^>]*\bsrc="([^"]*)"/)[1]);
  expect(new URL(src).pathname).toBe('/embed');
  expect(new URL(new URL(src).searchParams.get('src')).pathname).toBe('/articles/iran-diplomat-defects-2011.json');
});

/** Holds back the wasm until `release()` is called: the page as it is before the app starts. */
async function holdTheApp(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route('**/*_bg.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Console warnings and errors, and article files fetched, from now on. */
function watch(page) {
  const seen = { console: [], fetched: [] };
  page.on('console', (m) => {
    // Chromium's own note on Trunk's preload link, and the test's blocking of
    // service workers (playwright.config.js), are not the page's doing.
    const theirs = /integrity. attribute is currently ignored|registration blocked by Playwright|service worker could not be registered/;
    if (['warning', 'error'].includes(m.type()) && !theirs.test(m.text())) seen.console.push(m.text());
  });
  page.on('request', (r) => r.url().endsWith('.json') && seen.fetched.push(r.url()));
  return seen;
}

const takenOver = (page) => page.waitForFunction(() => !document.getElementById('bs-article') && document.querySelectorAll('article').length === 1);

test('the app takes the page over in place: same line, no shift, no second fetch, a clean console', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  const release = await holdTheApp(page);
  const seen = watch(page);
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__shifts += e.value))).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(LONG);
  await expect(page.locator('#bs-article')).toHaveCount(1);
  // The reader scrolls before the app has started.
  await page.locator('#p12').scrollIntoViewIfNeeded();
  const start = await page.evaluate(() => scrollY);
  await page.mouse.wheel(0, 300);
  // The whole wheel scroll, not a moment in the middle of it.
  await expect.poll(() => page.evaluate(() => scrollY)).toBe(start + 300);
  const before = await page.evaluate(() => ({ y: scrollY, top: document.getElementById('p12').getBoundingClientRect().top, text: document.getElementById('p12').textContent }));
  const layoutShiftBefore = await page.evaluate(() => window.__shifts);
  release();
  await takenOver(page);
  const after = await page.evaluate(() => ({ y: scrollY, top: document.getElementById('p12').getBoundingClientRect().top, text: document.getElementById('p12').textContent }));
  expect(after).toEqual(before);
  expect(await page.evaluate(() => window.__shifts)).toBe(layoutShiftBefore);
  expect(seen.fetched.filter((u) => u.includes('/articles/long-read-night-shift'))).toEqual([]);
  expect(seen.console).toEqual([]);
  // One of everything: the static page is gone.
  await expect(page.locator('header.site-bar')).toHaveCount(1);
  await expect(page.locator('main')).toHaveCount(1);
});

test('the app takes the library over in place, without fetching the list again', async ({ page }) => {
  const release = await holdTheApp(page);
  const seen = watch(page);
  await page.goto('/');
  await expect(page.locator('#bs-library')).toHaveCount(1);
  await expect(page.locator('.library-item')).toHaveCount(library().length);
  // Only the reader's browser knows what they have read.
  await expect(page.locator('.reading-state')).toHaveCount(0);
  release();
  await expect(page.locator('#bs-library')).toHaveCount(0);
  await expect(page.locator('.reading-state')).toHaveText(library().map(() => 'Unread'));
  await expect(page.locator('.library-item')).toHaveCount(library().length);
  await expect(page.locator('header.site-bar')).toHaveCount(1);
  expect(seen.fetched.filter((u) => u.includes('/articles/index.json'))).toEqual([]);
  expect(seen.console).toEqual([]);
});

test('a host that sends the front page for /read?src= never shows the library there', async ({ page }) => {
  // Every frame until the article is up: was any of the library laid out?
  await page.addInitScript(() => {
    window.__librarySeen = false;
    const look = () => {
      const list = document.querySelector('.library');
      if (list && list.getClientRects().length > 0) window.__librarySeen = true;
      if (!document.querySelector('article h1')) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const release = await holdTheApp(page);
  await page.goto('/read?src=articles%2Fharbour-light-restoration.json');
  // What the host sent: the library page, hidden.
  await expect(page.locator('html')).toHaveAttribute('data-elsewhere', '');
  await expect(page.locator('.library')).toHaveCount(1);
  await expect(page.locator('.library')).toBeHidden();
  release();
  await expect(page.locator('article h1')).toBeVisible();
  await expect(page.locator('html')).not.toHaveAttribute('data-elsewhere', '');
  await expect(page.locator('.library')).toHaveCount(0);
  await expect(page.locator('main')).toHaveCount(1);
  expect(await page.evaluate(() => window.__librarySeen)).toBe(false);
});

test('after the take-over: progress, minutes left, contents, settings, copy link and resume work', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 800 });
  await page.goto(LONG);
  await takenOver(page);
  const bar = page.getByRole('progressbar', { name: 'Reading progress' });
  await expect(bar).toHaveAttribute('aria-valuenow', '0');
  await page.locator('#p40').scrollIntoViewIfNeeded();
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(10);
  await expect(page.locator('.time-left')).toHaveText(/^\d+ min left$/);
  await expect(page.locator('.toc a[aria-current="location"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Reader settings' }).click();
  await expect(page.locator('#reader-settings')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(copied).pathname).toBe(LONG);
  expect(new URL(copied).hash).toMatch(/^#(p|h-)/);
  // Leave and come back: "Continue where you left off".
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.reload();
  await takenOver(page);
  await expect(page.getByRole('region', { name: 'Resume reading' })).toContainText(/Continue where you left off \(\d+%\)/);
});

test.describe('a reader in Britain', () => {
  test.use({ locale: 'en-GB' });
  test('sees the dates as their browser writes them once the reader runs', async ({ page }) => {
    const release = await holdTheApp(page);
    await page.goto(IRAN);
    // As built: en-US, in UTC.
    await expect(page.locator('article time.published')).toHaveText('March 1, 2011');
    release();
    await takenOver(page);
    await expect(page.locator('article time.published')).toHaveText('1 March 2011');
  });
});

test('the head stays true: one description, the page\'s own tags, and the front page\'s own once there', async ({ page }) => {
  await page.goto(IRAN);
  await takenOver(page);
  await expect(page.locator('meta[name="description"]')).toHaveCount(1);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/articles\/iran-diplomat-defects-2011\/$/);
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1);
  // The published page's reader has no router: the link loads the front page.
  await page.getByRole('link', { name: 'Broadsheet', exact: true }).click();
  await expect(page.locator('.library-list')).toBeVisible();
  await expect(page).toHaveTitle('Library — Broadsheet');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/$/);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'website');
  await expect(page.locator('meta[name="description"]')).toHaveCount(1);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', 'Articles to read in Broadsheet.');
  // In-app navigation from there: the article's tags go, the app's own stay.
  await page.locator('main a', { hasText: sample().headline }).click();
  await expect(page.locator('article h1')).toHaveText(sample().headline);
  await expect(page.locator('link[rel="canonical"], meta[property^="og:"], script[type="application/ld+json"]')).toHaveCount(0);
  await expect(page.locator('meta[name="description"]')).toHaveCount(1);
});

test('a link clicked before the app starts works as a plain link', async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto(IRAN);
  await page.getByRole('link', { name: 'Broadsheet', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  release();
  await expect(page.locator('.library-list a').first()).toBeVisible();
});

test('the library\'s open-by-URL form works before the app starts, as a plain form', async ({ page, baseURL }) => {
  const release = await holdTheApp(page);
  await page.goto('/');
  await page.getByLabel('Open an article from its JSON address').fill(`${baseURL}/articles/harbour-light-restoration.json`);
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page).toHaveURL(/\/read\?src=http/);
  release();
  await expect(page.locator('article h1')).toHaveText(repoJson('public/articles/harbour-light-restoration.json').headline);
  await expect(page).toHaveURL(HARBOUR);
});

test('the library, related links and /read?src= use the article addresses; in-app navigation renders the same page', async ({ page }) => {
  await page.goto('/');
  const first = library()[0];
  const name = first.src.replace(/\.json$/, '');
  const entry = page.locator('main a', { hasText: first.headline });
  await expect(entry).toHaveAttribute('href', `/articles/${name}/`);
  await entry.click();
  await expect(page).toHaveURL(`/articles/${name}/`);
  await expect(page.locator('article h1')).toHaveText(first.headline);
  await page.goto('/read?src=articles%2Fharbour-light-restoration.json#p3');
  await expect(page.locator('article h1')).toBeVisible();
  await expect(page).toHaveURL(`${HARBOUR}#p3`);
});
