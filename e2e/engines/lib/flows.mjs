// The reader-visible flows, the same in every engine. Each gets `t`:
//   t.driver  a fresh browser (its own profile and storage)
//   t.app     the viewer's origin (a copy of dist/, served by e2e/serve.mjs)
//   t.host    another origin holding the example blog that embeds the viewer
//   t.site    that copy of dist/: t.site.write(path, content) adds a file to it
//   t.go(url) navigates (and remembers the origin, to read its problems at the end)
// What the Chromium suite asserts (e2e/tests/*.spec.js) is what is asserted here.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { By, Key } from 'selenium-webdriver';
import { sentences, storyPath, wireStory } from '../../tests/wire-story.js';
import { repoJson, repoText, serve } from './servers.mjs';
import {
  LONG, SAMPLE, articleHref, expectNoDialog, hover, poll, readHref, reload, run, scrollIntoView, setInject, squash, textOf, waitElement, waitText, pathOf,
} from './page.mjs';
import { all as vectors, hostileArticle, liveDanger } from '../../tests/xss-corpus.js';

const joined = vectors.join(' ');

const sample = repoJson('public/articles/iran-diplomat-defects-2011.json');
const harbour = repoJson('public/articles/harbour-light-restoration.json');
const long = repoJson('public/articles/long-read-night-shift.json');
const index = repoJson('public/articles/index.json');

/** Opens an article in the viewer and waits until its headline is shown. */
async function openArticle(t, src, origin = t.app) {
  await t.go(origin + readHref(src));
  return waitHeadline(t.driver);
}

/** Waits for an article's headline (not the skeleton, not an error), shown by
 *  the app: on a pre-rendered page, once the app has taken it over (its buttons
 *  do nothing before). */
const waitHeadline = (driver, timeout) =>
  poll(
    driver,
    () =>
      run(driver, () => ({
        h1: document.querySelector('article h1')?.textContent ?? null,
        app: !document.getElementById('bs-article'),
        page: document.body?.innerText.slice(0, 200),
      })),
    (s) => !!s.h1 && s.app,
    'an article headline is shown by the app',
    timeout,
  ).then((s) => s.h1);

/** Runs `fn` inside `frame`, always coming back to the top page. */
async function inFrame(driver, frame, fn) {
  await driver.switchTo().frame(frame);
  try {
    return await fn();
  } finally {
    await driver.switchTo().defaultContent();
  }
}

// ---- 1. The sample against the wire story (wire-story.spec.js) ----

async function wireStoryFlow(t) {
  if (!existsSync(storyPath)) return t.skip('../shared/fixtures is not beside this checkout');
  await setInject(t.driver, t.app, ['monitor']);
  await openArticle(t, SAMPLE);
  await readsTheWireStory(t.driver);
}

/** The sample on screen has every sentence of the wire story, both captions
 *  with their credits, the comments line and the related links. */
async function readsTheWireStory(driver) {
  const story = wireStory();
  assert.equal(story.paragraphs.length, 13);
  const seen = await run(driver, () => {
    const text = (el, css) => el?.querySelector(css)?.textContent.trim() ?? null;
    const article = document.querySelector('article');
    return {
      headline: text(article, 'h1'),
      dek: text(article, '.dek'),
      byline: text(article, '.byline'),
      figures: [...article.querySelectorAll('.article-body figure.figure')].map((f) => ({
        caption: text(f, 'figcaption .caption'),
        credit: text(f, 'figcaption .credit'),
        shown: f.querySelector('figcaption').getBoundingClientRect().height > 0,
        images: f.querySelectorAll('img').length,
      })),
      related: [...document.querySelectorAll('nav.related li')].map((li) => ({
        title: text(li, 'a'),
        href: li.querySelector('a')?.getAttribute('href') ?? null,
        rel: li.querySelector('a')?.getAttribute('rel') ?? null,
        domain: text(li, '.related-domain'),
        summary: text(li, '.related-summary'),
      })),
      comments: text(article, '.comments'),
    };
  });
  assert.equal(seen.headline, story.headline);
  assert.equal(seen.dek, story.dek);
  assert.equal(seen.byline, story.byline);

  // The text as the engine renders it for a reader (WebDriver's element text).
  const text = squash(await driver.findElement(By.css('article .article-body')).getText());
  let checked = 0;
  for (const paragraph of story.paragraphs) {
    for (const sentence of sentences(paragraph)) {
      assert.ok(text.includes(squash(sentence)), `missing sentence: ${sentence}`);
      checked++;
    }
  }
  assert.ok(checked >= story.paragraphs.length);

  assert.deepEqual(
    seen.figures,
    story.captions.map((caption, i) => ({ caption, credit: `Photo: ${story.credits[i]}`, shown: true, images: 0 })),
  );
  assert.ok(seen.comments?.includes('Leave a comment'), `comments: ${seen.comments}`);
  assert.deepEqual(
    seen.related,
    sample.related.map((r) => ({
      title: r.title,
      href: r.url,
      rel: 'noopener noreferrer',
      domain: new URL(r.url).hostname.replace(/^www\./, ''),
      summary: r.summary ?? null,
    })),
  );
}

// ---- 1b. With no script at all: the published pages (published.spec.js) ----

async function noScriptFlow(t) {
  if (!existsSync(storyPath)) return t.skip('../shared/fixtures is not beside this checkout');
  const { driver } = t;
  await setInject(driver, t.app, ['monitor']);
  // Scripts really are off: boot.js would hide the library sent for this address.
  await t.go(`${t.app}${readHref(SAMPLE)}`);
  const fallback = await run(driver, () => ({
    hidden: document.documentElement.hasAttribute('data-elsewhere'),
    items: document.querySelectorAll('.library-item').length,
  }));
  assert.deepEqual(fallback, { hidden: false, items: index.articles.length });

  await t.go(`${t.app}${articleHref(SAMPLE)}`);
  assert.equal((await driver.findElements(By.css('#bs-article'))).length, 1, 'the page as built, not taken over');
  await readsTheWireStory(driver);

  // The front page lists the library, each article linked to its page, and the links work.
  await t.go(`${t.app}/`);
  const items = await run(driver, () =>
    [...document.querySelectorAll('.library-item h2 a')].map((a) => ({ headline: a.textContent.trim(), href: a.getAttribute('href') })),
  );
  assert.deepEqual(
    items,
    index.articles.map((a) => ({ headline: a.headline, href: articleHref(`articles/${a.src}`) })),
  );
  // Followed as the browser follows a plain link (a click on a page with scripts
  // off once left WebKit's driver waiting for good, so the address is opened).
  await t.go(`${t.app}${items.find((i) => i.headline === harbour.headline).href}`);
  assert.equal(await textOf(driver, 'article h1'), harbour.headline);
}

// ---- 2. Library → article → back (navigation.spec.js) ----

async function libraryFlow(t) {
  const { driver } = t;
  await setInject(driver, t.app, ['monitor']);
  await t.go(`${t.app}/`);
  // The app's list: the pre-rendered one is replaced when the app takes the
  // page over (its data script then goes), and an element of it goes stale.
  const listed = () =>
    run(driver, () =>
      document.getElementById('bs-library') ? [] : [...document.querySelectorAll('.library-item')].map((li) => ({
        headline: li.querySelector('h2')?.textContent.trim(),
        dek: li.querySelector('.library-dek')?.textContent.trim() ?? null,
        meta: li.querySelector('.library-meta')?.textContent ?? '',
        published: li.querySelector('time')?.getAttribute('datetime') ?? null,
      })),
    );
  const items = await poll(driver, listed, (l) => l.length === index.articles.length, `the library lists ${index.articles.length} articles`);
  for (const [i, entry] of index.articles.entries()) {
    assert.equal(items[i].headline, entry.headline);
    assert.equal(items[i].dek, entry.dek ?? null);
    assert.ok(items[i].meta.includes(`${entry.minutes} min read`), `${entry.src}: ${items[i].meta}`);
    assert.equal(items[i].published, entry.published);
  }
  assert.equal(await driver.getTitle(), 'Library — Broadsheet');

  const link = await run(driver, (h) => [...document.querySelectorAll('.library-headline a')].find((a) => a.textContent.trim() === h), sample.headline);
  assert.ok(link, 'a link to the sample');
  await link.click();
  await poll(driver, () => pathOf(driver), (p) => p === articleHref(SAMPLE), 'the address is the article’s');
  await waitText(driver, 'article h1', sample.headline);

  await driver.navigate().back();
  await poll(driver, () => pathOf(driver), (p) => p === '/', 'back at /');
  await waitText(driver, 'h1', 'Library');
  await poll(driver, listed, (l) => l.length === index.articles.length, 'the library is listed again');

  await driver.navigate().forward();
  await waitText(driver, 'article h1', sample.headline);
}

// ---- 3. Reading progress and resume (reading.spec.js) ----

const BAR = '[role="progressbar"][aria-label="Reading progress"]';
const barValue = (driver) => run(driver, (css) => Number(document.querySelector(css).getAttribute('aria-valuenow')), BAR);

/** Scrolls so that `percent` of the body has been read, as the viewer defines
 * it (0 % when the body's top reaches the reading line under the sticky bar,
 * 100 % when its end is in view), and waits for the bar to say so. */
async function scrollToPercent(driver, percent) {
  await run(driver, (percent) => {
    const b = document.querySelector('.article-body').getBoundingClientRect();
    const inset = document.querySelector('.reader-bar').offsetHeight;
    const top = b.top + scrollY;
    const start = top - inset;
    const end = top + b.height - innerHeight;
    window.scrollTo(0, start + ((end - start) * percent) / 100);
  }, percent);
  await poll(driver, () => barValue(driver), (v) => Math.abs(v - percent) <= 1, `the progress bar reads ${percent}`);
}

/** The id of the block at the reading line. */
const blockAtLine = (driver) =>
  run(driver, () => {
    const inset = document.querySelector('.reader-bar').offsetHeight;
    return [...document.querySelectorAll('.article-body > [id]')].filter((b) => b.getBoundingClientRect().top <= inset + 1).pop().id;
  });

/** Whether block `id` is at the reading line (its top at or above it, its bottom below). */
const blockAtLineIs = (driver, id) =>
  run(driver, (id) => {
    const inset = document.querySelector('.reader-bar').offsetHeight;
    const r = document.getElementById(id).getBoundingClientRect();
    return { top: r.top - inset, bottom: r.bottom - inset };
  }, id);

async function progressFlow(t) {
  const { driver } = t;
  await setInject(driver, t.app, ['monitor']);
  await openArticle(t, LONG);
  const attrs = await run(driver, (css) => {
    const bar = document.querySelector(css);
    return ['aria-valuenow', 'aria-valuemin', 'aria-valuemax'].map((a) => bar.getAttribute(a));
  }, BAR);
  assert.deepEqual(attrs, ['0', '0', '100']);
  const total = Number((await textOf(driver, '.reading-time')).match(/\d+/)[0]);
  let previous = total + 1;
  const scale = () => run(driver, () => new DOMMatrix(getComputedStyle(document.querySelector('.progress-fill')).transform).a);
  for (const percent of [25, 50, 75]) {
    await scrollToPercent(driver, percent);
    // The bar's fill grows with it (a scaleX transform).
    await poll(driver, scale, (s) => Math.abs(s * 100 - percent) <= 1.5, `the fill is ${percent} % wide`);
    const left = Number((await textOf(driver, '.time-left')).match(/(\d+) min left/)[1]);
    assert.ok(left < previous, `${left} min left after ${previous}`);
    assert.ok(Math.abs(left - total * (1 - percent / 100)) <= 1, `${left} of ${total} min left at ${percent} %`);
    previous = left;
  }

  // A reload part-way offers the saved place, and Continue goes back to it.
  await scrollToPercent(driver, 60);
  const anchor = await blockAtLine(driver);
  await reload(driver);
  await waitHeadline(driver);
  const offer = await waitElement(driver, '[role="region"][aria-label="Resume reading"]');
  await poll(driver, () => offer.getText(), (s) => /Continue where you left off \((59|60|61)%\)/.test(s), 'the offer to continue at 60 %');
  await offer.findElement(By.xpath('.//button[normalize-space(.)="Continue"]')).click();
  await poll(driver, () => blockAtLineIs(driver, anchor), (b) => b.top <= 1 && b.bottom > 0, `block ${anchor} is back at the reading line`);
  await poll(driver, async () => (await driver.findElements(By.css('[aria-label="Resume reading"]'))).length, (n) => n === 0, 'the offer is gone');
}

// ---- 4. Reader settings persist (reading.spec.js) ----

/** Picks an option in the open settings panel, as a reader does: by its label. */
async function choose(driver, label) {
  const option = await driver.findElement(By.xpath(`//section[@id="reader-settings"]//label[normalize-space(.)="${label}"]`));
  await option.click();
}

const paragraphStyle = (driver) =>
  run(driver, () => {
    const p = document.querySelector('.article-body p');
    const s = getComputedStyle(p);
    return { size: parseFloat(s.fontSize), family: s.fontFamily, color: s.color, bg: getComputedStyle(document.body).backgroundColor };
  });

async function settingsFlow(t) {
  const { driver } = t;
  await setInject(driver, t.app, ['monitor']);
  await openArticle(t, SAMPLE);
  const before = await paragraphStyle(driver);
  const toggle = await driver.findElement(By.id('reader-settings-button'));
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await waitElement(driver, '#reader-settings');
  for (const label of ['Largest', 'Sans-serif', 'Dark', 'Narrow']) await choose(driver, label);
  const applied = async (what) => {
    const after = await poll(driver, () => paragraphStyle(driver), (s) => s.bg === 'rgb(22, 21, 20)' && s.size > before.size * 1.2, `${what}: dark and larger`);
    assert.notEqual(after.family, before.family);
    assert.match(after.family, /system-ui|sans-serif/);
    assert.equal(after.color, 'rgb(235, 231, 223)');
  };
  await applied('chosen');
  await reload(driver);
  await waitHeadline(driver);
  await applied('after a reload');
  // boot.js applied the theme before the app ran: no light flash.
  assert.equal(await run(driver, () => document.documentElement.dataset.theme), 'dark');
  await driver.findElement(By.id('reader-settings-button')).click();
  await waitElement(driver, '#reader-settings');
  const checked = await run(driver, () => [...document.querySelectorAll('#reader-settings input:checked')].map((i) => i.closest('label').textContent.trim()));
  assert.deepEqual(checked, ['Largest', 'Sans-serif', 'Narrow', 'Dark']);
  await choose(driver, 'Sepia');
  await poll(driver, () => paragraphStyle(driver), (s) => s.bg === 'rgb(244, 236, 216)', 'sepia');
  // Escape closes the panel and gives focus back to its button.
  await driver.actions().sendKeys(Key.ESCAPE).perform();
  const button = await driver.findElement(By.id('reader-settings-button'));
  await poll(driver, () => button.getAttribute('aria-expanded'), (v) => v === 'false', 'Escape closed the panel');
  assert.equal(await run(driver, () => document.activeElement?.id), 'reader-settings-button');
}

// ---- 5. Both embeds on a page of another origin (embed.spec.js) ----

/** The iframe's height and its content's, in CSS px. */
async function iframeHeights(driver, iframe) {
  const outer = await run(driver, (el) => el.getBoundingClientRect().height, iframe);
  const inner = await inFrame(driver, iframe, () =>
    run(driver, () => {
      const e = document.querySelector('.embed');
      return e ? e.getBoundingClientRect().bottom + scrollY : null;
    }),
  );
  return { outer, inner };
}

/** Headline (or error title) inside each <broadsheet-article>'s shadow root. */
const elementTexts = (driver, css) =>
  run(driver, (css) => ['first', 'second'].map((id) => document.getElementById(id)?.shadowRoot?.querySelector(css)?.textContent.trim() ?? null), css);

async function embedFlow(t) {
  const { driver } = t;
  await setInject(driver, t.app, ['monitor']);
  await t.go(`${t.host}/examples/blog.html`);
  await poll(driver, () => elementTexts(driver, 'article h1'), (h) => h[0] === harbour.headline && h[1] === long.headline, 'both custom elements show their headline');
  // Inside shadow roots, not in the host's DOM.
  assert.equal(await run(driver, () => document.querySelectorAll('article').length), 0);
  // The host's aggressive CSS applies to the host (and, above, not inside).
  assert.equal(await run(driver, () => getComputedStyle(document.querySelector('body > p')).fontSize), '40px');

  const iframe = await driver.findElement(By.css('iframe[data-broadsheet]'));
  // A lazy iframe loads once near the view; a reader scrolls to it.
  await scrollIntoView(driver, iframe);
  await inFrame(driver, iframe, async () => {
    await waitText(driver, 'article h1', sample.headline);
    assert.equal(await run(driver, () => document.querySelectorAll('.site-bar, .reader-bar').length), 0);
  });
  await poll(driver, () => iframeHeights(driver, iframe), (h) => h.inner > 100 && Math.abs(h.outer - h.inner) <= 2, 'the iframe is as tall as its content');

  const loads = () => run(driver, () => window.broadsheetEvents.filter((e) => e.type === 'broadsheet-load').map((e) => `${e.from}: ${e.detail.headline}`).sort());
  await poll(
    driver,
    loads,
    (l) => JSON.stringify(l) === JSON.stringify([`first: ${harbour.headline}`, `iframe: ${sample.headline}`, `second: ${long.headline}`]),
    'the host heard broadsheet-load from all three',
  );
}

// ---- 6. Offline reload with the service worker (offline.spec.js) ----

async function offlineFlow(t) {
  const { driver } = t;
  // An origin of its own, so stopping its server stops nothing else.
  const server = await serve(t.site.root);
  try {
    await setInject(driver, server.origin, ['monitor']);
    await openArticle(t, SAMPLE, server.origin);
    await poll(driver, () => run(driver, () => !!navigator.serviceWorker?.controller), (c) => c, 'a service worker controls the page', 20_000);
    await poll(
      driver,
      () => run(driver, async (p) => !!(await caches.match(new URL(p, `${location.origin}/`).href)), SAMPLE),
      (c) => c,
      'the service worker has the article cached',
      20_000,
    );
    await server.stop();
    await reload(driver);
    assert.equal(await waitHeadline(driver), sample.headline);
    const shown = await run(driver, () => ({
      captions: [...document.querySelectorAll('.article-body figcaption .caption')].map((c) => c.textContent.trim()),
      related: document.querySelectorAll('nav.related a').length,
    }));
    assert.deepEqual(shown, { captions: sample.body.filter((b) => b.type === 'figure').map((f) => f.caption), related: 4 });
    // Really from the worker: the server is gone.
    assert.equal(await fetch(`${server.origin}/`).then(() => 'answered', () => 'refused'), 'refused');
  } finally {
    await server.stop();
  }
}

// ---- 7. Loading errors: a message and Retry (states.spec.js) ----

async function expectError(driver, title, message) {
  await waitText(driver, '[role="alert"] h1', title);
  const alert = await driver.findElement(By.css('[role="alert"]'));
  assert.match(await alert.getText(), message);
  assert.equal((await driver.findElements(By.css('article'))).length, 0);
  return alert.findElement(By.xpath('.//button[normalize-space(.)="Retry"]'));
}

const BROKEN = '{"headline":"H","body":[{"type":';
const controlled = (driver) =>
  poll(driver, () => run(driver, () => !!navigator.serviceWorker?.controller), (c) => c, 'a service worker controls the page', 20_000);

async function errorsFlow(t) {
  const { driver, site } = t;
  await setInject(driver, t.app, ['monitor']);
  // Left in place afterwards: the app or its service worker may still ask for
  // them, and the site is a throw-away copy anyway.
  site.remove('articles/no-such.json');
  await t.go(t.app + readHref('articles/no-such.json'));
  const retry = await expectError(driver, 'Article not found', /HTTP 404/);
  // Once the file is there, Retry shows it.
  site.write('articles/no-such.json', repoText(`public/${SAMPLE}`));
  await retry.click();
  await waitText(driver, 'article h1', sample.headline);
  assert.equal((await driver.findElements(By.css('[role="alert"]'))).length, 0);

  site.write('articles/bad.json', BROKEN);
  await t.go(t.app + readHref('articles/bad.json'));
  await expectError(driver, 'This file can’t be read', /not valid JSON \(the text ends too early/);
}

/** The publisher fixes a broken file; the reader, on a later visit (the service
 * worker in charge of articles), presses Retry. */
async function fixedFileFlow(t) {
  const { driver, site } = t;
  await setInject(driver, t.app, ['monitor']);
  await openArticle(t, SAMPLE);
  await controlled(driver);
  site.write('articles/fixed-later.json', BROKEN);
  await t.go(t.app + readHref('articles/fixed-later.json'));
  const retry = await expectError(driver, 'This file can’t be read', /ends too early/);
  site.write('articles/fixed-later.json', repoText(`public/${SAMPLE}`));
  await retry.click();
  await poll(
    driver,
    () => run(driver, () => document.querySelector('article h1')?.textContent ?? document.querySelector('[role="alert"]')?.innerText ?? null),
    (s) => s === sample.headline,
    'Retry shows the fixed file (if the old error is still shown, the service worker answered with its cached copy of the broken file)',
  );
}

// ---- 8. The XSS corpus (xss.spec.js) ----

async function expectNothingRan(driver) {
  await expectNoDialog(driver);
  assert.deepEqual(await run(driver, liveDanger), []);
  assert.equal(await run(driver, () => typeof window.__xss), 'undefined');
  await expectNoDialog(driver);
}

/** Writes the hostile articles into the site: xss.json (every vector in every
 * field) and xss-N.json (vector N alone in every field), and a host page. */
export function writeXssFiles(site) {
  site.write('articles/xss.json', hostileArticle(joined, vectors));
  vectors.forEach((v, n) => site.write(`articles/xss-${n}.json`, hostileArticle(`Vector ${n}`, [v])));
  site.write(
    'xss-host.html',
    '<!doctype html><html lang="en"><head><title>Host</title><script src="/embed.js"></script></head><body><broadsheet-article id="hostile" src="/articles/xss.json"></broadsheet-article></body></html>',
  );
}

async function xssAllFlow(t) {
  const { driver } = t;
  await setInject(driver, t.app, ['monitor']);
  await t.go(t.app + readHref('articles/xss.json'));
  await waitText(driver, 'article h1', joined);
  assert.equal(squash(await textOf(driver, '.dek')), squash(joined));
  assert.ok((await textOf(driver, '.article-body')).includes('<iframe srcdoc="<script>parent.__xss=1</script>">'));
  // Hover what could carry a handler, then look again.
  await hover(driver, await driver.findElement(By.css('article a')));
  await expectNothingRan(driver);

  await t.go(`${t.app}/embed?src=${encodeURIComponent('articles/xss.json')}`);
  await waitText(driver, 'article h1', joined);
  await expectNothingRan(driver);

  await t.go(`${t.app}/xss-host.html`);
  await poll(
    driver,
    () => run(driver, () => document.getElementById('hostile').shadowRoot?.querySelector('article h1')?.textContent ?? null),
    (h) => h !== null && squash(h) === squash(joined),
    'the custom element shows the hostile article',
  );
  await expectNothingRan(driver);
}

async function xssEachFlow(t) {
  const { driver } = t;
  await setInject(driver, t.app, ['monitor']);
  await openArticle(t, 'articles/xss-0.json');
  for (let n = 0; n < vectors.length; n++) {
    // In-app navigation: one wasm start-up for the whole corpus. To the article's
    // own address (/read?src= would move there: a second history entry each
    // time, and WebKit allows only 100 history changes in 10 s).
    await run(driver, (href) => {
      history.pushState(null, '', href);
      dispatchEvent(new PopStateEvent('popstate'));
    }, articleHref(`articles/xss-${n}.json`));
    await waitText(driver, 'article h1', `Vector ${n}`);
    assert.equal(squash(await textOf(driver, '.dek')), squash(vectors[n]), `vector ${n} in the dek`);
    await expectNothingRan(driver);
  }
}

// ---- 9. A locale tag that Intl rejects (WebKitGTK under LANG=C) ----

async function oddLocaleFlow(t) {
  const { driver } = t;
  await setInject(driver, t.app, ['monitor', 'odd-locale']);
  await t.go(t.app + readHref(SAMPLE));
  assert.equal(await run(driver, () => navigator.language), 'C');
  await poll(
    driver,
    () => run(driver, () => ({ h1: document.querySelector('article h1')?.textContent ?? null, page: document.body.innerText.slice(0, 120) })),
    (s) => s.h1 === sample.headline,
    'the article shows, not "Loading"',
  );
  const dates = await run(driver, () => [...document.querySelectorAll('article time')].map((e) => [e.getAttribute('datetime'), e.textContent.trim()]));
  assert.ok(dates.length > 0, 'a date');
  for (const [datetime, text] of dates) assert.ok(text.length > 0, `<time datetime="${datetime}"> has text`);
  assert.match(await textOf(driver, 'article time.published'), /2011/);
  assert.equal(await run(driver, () => document.querySelectorAll('.article--skeleton').length), 0);

  await t.go(`${t.app}/`);
  const items = await poll(
    driver,
    () => run(driver, () => [...document.querySelectorAll('.library-item')].map((li) => li.querySelector('time')?.textContent.trim() ?? '')),
    (l) => l.length === index.articles.length,
    'the library lists every article, not "Loading"',
  );
  assert.ok(items.every((d) => /\d{4}/.test(d)), `every date shows its year: ${JSON.stringify(items)}`);
  assert.equal(await run(driver, () => document.querySelectorAll('.library-loading').length), 0);
}

// ---- 10. A browser API that throws while the article renders (faults.spec.js, embed.spec.js) ----

const FATAL = 'Something went wrong';

/** The fatal panel in `root` (a document or a shadow root), as a reader sees it. */
const fatalPanel = (root) => {
  const panel = root.querySelector('.error-panel[role="alert"]');
  const link = panel && [...panel.querySelectorAll('a')].find((a) => a.textContent.trim() === 'Reload');
  return { title: panel?.querySelector('h1')?.textContent.trim() ?? null, reload: link?.getAttribute('href') ?? null };
};

/** Set by e2e/inject/throwing-api.js: whether the panel was already up when the
 * exception reached the window — shown for the exception itself, not only for a
 * panic of the stopped app that came after it. */
const panelOnError = (driver) => run(driver, () => window.__bsPanelOnError ?? null);

async function throwingApiFlow(t) {
  const { driver } = t;
  await setInject(driver, t.app, ['monitor', 'throwing-api']);
  await t.go(t.app + readHref(SAMPLE));
  await poll(
    driver,
    () => run(driver, `return (${fatalPanel})(document)`),
    (p) => p.title === FATAL && p.reload === articleHref(SAMPLE),
    `the page shows "${FATAL}" with a Reload link to the article`,
  );
  assert.equal(await panelOnError(driver), true, 'the page: panel up when the exception reached the window');
  assert.equal(await run(driver, () => [...document.querySelectorAll('[role="status"]')].filter((s) => /Loading/.test(s.textContent)).length), 0);

  await t.go(`${t.host}/examples/blog.html`);
  await poll(
    driver,
    () => run(driver, `return ['first', 'second'].map((id) => { const r = document.getElementById(id).shadowRoot; return r ? (${fatalPanel})(r) : null; })`),
    (ps) => ps.every((p) => p?.title === FATAL && p.reload),
    `each <broadsheet-article> shows "${FATAL}" with a Reload link`,
  );
  assert.equal(await panelOnError(driver), true, 'the host page: panels up when the exception reached the window');
  const iframe = await driver.findElement(By.css('iframe[data-broadsheet]'));
  // The iframe's article measures its body (and so meets the throwing API) when
  // its blocks come into view. The host resizes the iframe as it loads, so bring
  // it into view again on every look, as a reader scrolling to it would.
  await poll(
    driver,
    async () => {
      await scrollIntoView(driver, iframe);
      return inFrame(driver, iframe, () => run(driver, `return (${fatalPanel})(document)`));
    },
    (p) => p.title === FATAL && !!p.reload,
    `the iframe embed shows "${FATAL}" with a Reload link`,
  );
  await inFrame(driver, iframe, async () => {
    assert.equal(await panelOnError(driver), true, 'the iframe: panel up when the exception reached the window');
  });
}

/** name, the flow, and (for the one test that throws on purpose) which recorded
 * problems are expected. */
// ---- 13. A published page, brought to life by its reader (published.spec.js) ----

async function publishedFlow(t) {
  const { driver } = t;
  await setInject(driver, t.app, ['monitor']);
  await t.go(`${t.app}${articleHref(LONG)}`);
  // The reader has the page: its data is read, and there is one article, not two.
  await poll(
    driver,
    () => run(driver, () => ({ data: !!document.getElementById('bs-article'), articles: document.querySelectorAll('article').length })),
    (s) => !s.data && s.articles === 1,
    'the reader took the page over',
  );
  assert.equal(await waitHeadline(driver), long.headline);
  const head = await run(driver, () => ({
    canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    og: document.querySelector('meta[property="og:title"]')?.getAttribute('content'),
  }));
  assert.ok(head.canonical.endsWith(articleHref(LONG)), head.canonical);
  assert.equal(head.og, long.headline);
  await scrollToPercent(driver, 50);
  await poll(driver, () => run(driver, () => Number(document.querySelector('.progress').getAttribute('aria-valuenow'))), (n) => n >= 45, 'progress follows the scroll');
  // Its reader's settings (crates/web/src/published.rs): open, and applied.
  const toggle = await driver.findElement(By.id('reader-settings-button'));
  await toggle.click();
  await waitElement(driver, '#reader-settings');
  await choose(driver, 'Dark');
  await poll(driver, () => paragraphStyle(driver), (st) => st.bg === 'rgb(22, 21, 20)', 'dark, on the published page');
  await driver.actions().sendKeys(Key.ESCAPE).perform();
  await poll(driver, () => toggle.getAttribute('aria-expanded'), (v) => v === 'false', 'Escape closed the panel');
}

// ---- 14. The interface in the article's language, right to left (i18n.spec.js) ----

const RTL = 'articles/rtl-sample-ar.json';

async function languagesFlow(t) {
  const { driver } = t;
  await setInject(driver, t.app, ['monitor']);
  await t.go(`${t.app}${articleHref(RTL)}`);
  await waitHeadline(driver);
  const bar = await run(driver, () => {
    const bar = document.querySelector('.reader-bar');
    const fill = document.querySelector('.progress-fill');
    const minutes = bar.querySelector('.time-left').getBoundingClientRect();
    const settings = document.getElementById('reader-settings-button');
    return {
      dir: getComputedStyle(bar).direction,
      minutes: bar.querySelector('.time-left').textContent,
      settings: settings.getAttribute('title'),
      mirrored: minutes.left > settings.getBoundingClientRect().left,
      progress: document.querySelector('.progress').getAttribute('aria-label'),
      // Fills from the right: its transform's origin is its right edge.
      origin: Math.round(parseFloat(getComputedStyle(fill).transformOrigin)),
      width: Math.round(fill.getBoundingClientRect().width || fill.offsetWidth),
    };
  });
  assert.deepEqual(
    { ...bar, origin: undefined, width: undefined },
    { dir: 'rtl', minutes: 'بقيت دقيقتان', settings: 'إعدادات القراءة', mirrored: true, progress: 'تقدّم القراءة', origin: undefined, width: undefined },
  );
  assert.ok(Math.abs(bar.origin - bar.width) <= 1, `transform-origin at the right edge: ${bar.origin} of ${bar.width}`);

  // The iframe embed with its interface fixed to Japanese; dates by this engine's Intl.
  await t.go(`${t.app}/embed?src=${encodeURIComponent(SAMPLE)}&ui-lang=ja`);
  await waitText(driver, 'article .reading-time', '2分で読めます');
  assert.equal(await textOf(driver, 'article time.published'), '2011年3月1日');
}

// ---- 15. A panic (faults.spec.js): the release wasm traps at once, with no hook ----

async function panicFlow(t) {
  const { driver } = t;
  await setInject(driver, t.app, ['monitor']);
  // The app at /read?src=, then a published page's own reader.
  for (const href of [readHref(SAMPLE), articleHref(SAMPLE)]) {
    await t.go(t.app + href);
    await waitHeadline(driver);
    await poll(
      driver,
      () => run(driver, () => !!window.wasmBindings?.__broadsheetPanicForTests && !document.getElementById('bs-article')),
      (ready) => ready,
      `${href}: the wasm has the page`,
    );
    await run(driver, () => window.wasmBindings.__broadsheetPanicForTests());
    await poll(
      driver,
      () => run(driver, `return (${fatalPanel})(document)`),
      (p) => p.title === FATAL && p.reload === articleHref(SAMPLE),
      `${href}: "${FATAL}" with a Reload link to the article`,
    );
  }
}

export const flows = [
  { name: 'the interface speaks the article\'s language: the Arabic sample right to left, and an embed\'s ui-lang', run: languagesFlow },
  { name: 'the sample article has every sentence of the wire story, both captions with credits, and the related links', run: wireStoryFlow },
  {
    name: 'with no script: the sample article page reads in full, and the front page lists the library',
    run: noScriptFlow,
    session: { script: false },
    timeout: 180_000,
  },
  { name: 'library → article → back (and forward)', run: libraryFlow },
  { name: 'a published article page comes to life with its reader: progress and settings', run: publishedFlow },
  { name: 'reading progress follows the scroll, and a reload offers to continue there', run: progressFlow },
  { name: 'reader settings persist across a reload', run: settingsFlow },
  { name: 'both embeds on a page of another origin: shadow roots, and the iframe sized to its content', run: embedFlow },
  { name: 'offline reload from the service worker', run: offlineFlow },
  { name: '404 and bad JSON: the message, and Retry', run: errorsFlow },
  { name: 'a broken file fixed on the server shows on Retry, with the service worker in charge', run: fixedFileFlow },
  { name: 'XSS corpus in every field: viewer, iframe embed and custom element, nothing runs', run: xssAllFlow },
  { name: 'XSS corpus, each vector alone in every field: nothing runs', run: xssEachFlow, timeout: 180_000 },
  { name: 'odd locale ("C"): the article and the library show their dates, not "Loading"', run: oddLocaleFlow },
  {
    name: 'a throwing browser API ends in "Something went wrong" with Reload: page, iframe, custom elements',
    run: throwingApiFlow,
    // The monitor records the thrown error: that is the point here. A CSP violation still fails.
    expected: (problem) => /: (page error|unhandled rejection): /.test(problem),
  },
  {
    name: 'a panic ends in "Something went wrong" with Reload: the app and a published page\'s reader',
    run: panicFlow,
    // The trap reaches the window (and the monitor) before Broadsheet handles it.
    expected: (problem) => /: (page error|unhandled rejection): .*unreachable/i.test(problem),
  },
];
