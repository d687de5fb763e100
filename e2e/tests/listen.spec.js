// "Listen": reading the article aloud, against a fake speechSynthesis that
// records every utterance (text, lang, rate, voice) and speaks nothing until the
// test ends the current one (window.__speech.end()): no sleeping, no real voice.
import { test, expect } from './fixtures.js';
import { SAMPLE, RTL, LONG, articleHref, expectNoAxeViolations, openArticle, repoFile, repoJson, withoutLocalNetworkChecks } from './helpers.js';

// The embeds' host page is answered under a made-up public origin (as in embed.spec.js).
test.use({ launchOptions: withoutLocalNetworkChecks });

const sample = repoJson('public/articles/iran-diplomat-defects-2011.json');
const squash = (s) => s.replace(/\s+/g, ' ').trim();

const ENGLISH = { name: 'Fake English', lang: 'en-US', default: true, localService: true, voiceURI: 'fake-en' };
const FRENCH = { name: 'Fake French', lang: 'fr-FR', default: false, localService: true, voiceURI: 'fake-fr' };
const ARABIC = { name: 'Fake Arabic', lang: 'ar-SA', default: false, localService: true, voiceURI: 'fake-ar' };

/** Replaces speechSynthesis and SpeechSynthesisUtterance in every page and frame.
 *  `voices`: what getVoices() returns at first (`late`: only after voiceschanged);
 *  `missing`: no speech synthesis at all. */
async function fakeSpeech(page, { voices = [ENGLISH], late = false, missing = false } = {}) {
  await page.addInitScript(({ voices, late, missing }) => {
    if (missing) {
      for (const name of ['speechSynthesis', 'SpeechSynthesisUtterance']) {
        try { Object.defineProperty(window, name, { value: undefined, configurable: true, writable: true }); } catch { delete window[name]; }
      }
      return;
    }
    const fire = (target, type, extra = {}) => {
      const event = Object.assign(new Event(type), extra);
      target.dispatchEvent(event);
      if (typeof target[`on${type}`] === 'function') target[`on${type}`](event);
    };
    class FakeUtterance extends EventTarget {
      constructor(text) {
        super();
        Object.assign(this, { text, lang: '', rate: 1, pitch: 1, volume: 1, voice: null, onend: null, onerror: null });
      }
    }
    let known = late ? [] : voices;
    let queue = [];
    const log = [];
    const calls = { cancel: 0, pause: 0, resume: 0 };
    class FakeSynthesis extends EventTarget {
      constructor() { super(); this.paused = false; }
      get speaking() { return queue.length > 0; }
      get pending() { return queue.length > 1; }
      getVoices() { return known.slice(); }
      speak(u) {
        queue.push(u);
        log.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice ? u.voice.name : null });
      }
      cancel() {
        calls.cancel++;
        const was = queue;
        queue = [];
        for (const u of was) fire(u, 'error', { error: 'interrupted' });
      }
      pause() { calls.pause++; this.paused = true; }
      resume() { calls.resume++; this.paused = false; }
    }
    const synth = new FakeSynthesis();
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true, writable: true });
    window.__speech = {
      log,
      calls,
      get queued() { return queue.map((u) => u.text); },
      get paused() { return synth.paused; },
      /** The current utterance has been spoken. */
      end() {
        const u = queue.shift();
        if (u) fire(u, 'end');
        return !!u;
      },
      /** The voices arrive (as they do, late, in Chromium). */
      arrive() {
        known = voices;
        fire(synth, 'voiceschanged');
      },
    };
  }, { voices, late, missing });
}

const log = (page) => page.evaluate(() => window.__speech.log);
const spoken = async (page) => (await log(page)).map((u) => u.text);
const lastSpoken = async (page) => (await spoken(page)).at(-1);
const endCurrent = (page) => page.evaluate(() => window.__speech.end());
const listenButton = (page) => page.getByRole('button', { name: 'Listen', exact: true });
const highlighted = (page) => page.locator('[data-listening]');

/** The plain text of the body block `id`, as the plan reads it. */
const blockText = (page, id) => page.locator(`#${id}`).evaluate((el) => el.textContent).then(squash);

test('reads the headline, the dek, then the body with captions and not credits, highlighting each', async ({ page }) => {
  await fakeSpeech(page);
  await openArticle(page, SAMPLE);
  const listen = listenButton(page);
  await expect(listen).toBeVisible();
  await expect(listen).toHaveAttribute('aria-pressed', 'false');
  await expect(listen).toHaveAttribute('title', 'Listen');

  await listen.click();
  await expect(listen).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Reading aloud' })).toBeVisible();
  await expect.poll(() => log(page)).toEqual([{ text: sample.headline, lang: 'en', rate: 1, voice: 'Fake English' }]);
  await expect(highlighted(page)).toHaveCount(1);
  await expect(page.locator('article h1')).toHaveAttribute('data-listening', '');

  await endCurrent(page);
  await expect.poll(() => lastSpoken(page)).toBe(squash(sample.dek));
  await expect(page.locator('.dek')).toHaveAttribute('data-listening', '');

  for (const id of ['p1', 'p2', 'fig1', 'p3']) {
    await endCurrent(page);
    const text = id === 'fig1' ? squash(await page.locator('#fig1 .caption').textContent()) : await blockText(page, id);
    await expect.poll(() => lastSpoken(page)).toBe(text);
    await expect(page.locator(`#${id}`)).toHaveAttribute('data-listening', '');
    await expect(highlighted(page)).toHaveCount(1);
  }
  const texts = await spoken(page);
  expect(texts.join(' ')).not.toContain('Photo: AP');
  expect(texts.every((t) => t.length > 0)).toBe(true);

  // Stop: nothing queued, nothing highlighted.
  await listen.click();
  await expect(listen).toHaveAttribute('aria-pressed', 'false');
  await expect(highlighted(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  expect(await page.evaluate(() => window.__speech.queued)).toEqual([]);
  await expect(page.getByRole('status').filter({ hasText: 'Stopped reading aloud' })).toBeVisible();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe: no violations while listening, ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await fakeSpeech(page);
    await openArticle(page, SAMPLE);
    await listenButton(page).click();
    for (let i = 0; i < 2; i++) {
      await expect.poll(() => spoken(page).then((s) => s.length)).toBe(i + 1);
      await endCurrent(page);
    }
    await expect(page.locator('#p1')).toHaveAttribute('data-listening', '');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expectNoAxeViolations(page);
  });
}

test('pause and resume, next and previous paragraph, and the speed', async ({ page }) => {
  await fakeSpeech(page);
  await openArticle(page, SAMPLE);
  await listenButton(page).click();
  await expect.poll(() => lastSpoken(page)).toBe(sample.headline);

  const pause = page.getByRole('button', { name: 'Pause' });
  await expect(pause).toHaveAttribute('aria-pressed', 'false');
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => window.__speech.paused)).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'Paused' })).toBeVisible();
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'false');
  expect(await page.evaluate(() => window.__speech.paused)).toBe(false);
  expect(await spoken(page)).toHaveLength(1); // resumed where it was, not restarted

  const next = page.getByRole('button', { name: 'Next paragraph' });
  const previous = page.getByRole('button', { name: 'Previous paragraph' });
  await next.click();
  await expect.poll(() => lastSpoken(page)).toBe(squash(sample.dek));
  await next.click();
  await expect.poll(() => lastSpoken(page)).toBe(await blockText(page, 'p1'));
  await expect(page.locator('#p1')).toHaveAttribute('data-listening', '');
  await previous.click();
  await expect.poll(() => lastSpoken(page)).toBe(squash(sample.dek));
  await expect(page.locator('.dek')).toHaveAttribute('data-listening', '');
  // Only the paragraph being read is queued.
  expect(await page.evaluate(() => window.__speech.queued)).toEqual([squash(sample.dek)]);

  // The speed: the paragraph again from its start, faster; and it stays.
  const rate = page.getByRole('combobox', { name: 'Reading speed' });
  await expect(rate).toHaveValue('1');
  expect(await rate.locator('option').allTextContents()).toEqual(['0.8×', '1×', '1.25×', '1.5×', '1.75×', '2×']);
  await rate.selectOption('1.5');
  await expect.poll(async () => (await log(page)).at(-1)).toEqual({ text: squash(sample.dek), lang: 'en', rate: 1.5, voice: 'Fake English' });
  await endCurrent(page);
  await expect.poll(async () => (await log(page)).at(-1)).toMatchObject({ text: await blockText(page, 'p1'), rate: 1.5 });

  // Moving while paused: highlighted at once, spoken on resume.
  await pause.click();
  const before = (await spoken(page)).length;
  await next.click();
  await expect(page.locator('#p2')).toHaveAttribute('data-listening', '');
  expect(await spoken(page)).toHaveLength(before);
  await pause.click();
  await expect.poll(() => lastSpoken(page)).toBe(await blockText(page, 'p2'));
  expect(await page.evaluate(() => window.__speech.paused)).toBe(false);
});

test('starts at the paragraph at the reading line; progress and "min left" follow the listening', async ({ page }) => {
  await fakeSpeech(page);
  await page.setViewportSize({ width: 1000, height: 700 });
  await openArticle(page, LONG);
  // The reader has scrolled to the tenth block.
  const tenth = await page.locator('.article-body > [id]').nth(9).getAttribute('id');
  await page.locator(`#${tenth}`).evaluate((el) => el.scrollIntoView());
  await expect.poll(() => page.locator('.progress').getAttribute('aria-valuenow')).not.toBe('0');
  await listenButton(page).click();
  await expect.poll(() => spoken(page).then((s) => s.length)).toBe(1);
  const first = await page.locator('[data-listening]').evaluate((el) => el.closest('.article-body > [id]').id);
  const ids = await page.locator('.article-body > [id]').evaluateAll((els) => els.map((e) => e.id));
  expect(ids.indexOf(first)).toBeGreaterThanOrEqual(9);
  expect(ids.indexOf(first)).toBeLessThanOrEqual(11);

  // The reader scrolls back to the top: the page stays there as it reads on,
  // and progress is where the listening is.
  const percentAtStart = Number(await page.locator('.progress').getAttribute('aria-valuenow'));
  expect(percentAtStart).toBeGreaterThan(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await endCurrent(page);
  await expect.poll(() => spoken(page).then((s) => s.length)).toBe(2);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect.poll(async () => Number(await page.locator('.progress').getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(percentAtStart);
  // "min left" too: fewer than the whole reading time, though the page is at the top.
  const total = parseInt(await page.locator('.reading-time').textContent(), 10);
  await expect.poll(async () => parseInt(await page.locator('.time-left').textContent(), 10)).toBeLessThan(total);

  // Next: brought into view again (the reader asked for it).
  await page.getByRole('button', { name: 'Next paragraph' }).click();
  await expect.poll(() => spoken(page).then((s) => s.length)).toBe(3);
  await expect(highlighted(page)).toBeInViewport();
  const bar = await page.locator('.reader-bar').boundingBox();
  const box = await highlighted(page).boundingBox();
  expect(box.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
  // While it reads on, the next paragraph is kept in view.
  for (let i = 0; i < 3; i++) {
    await endCurrent(page);
    await expect.poll(() => spoken(page).then((s) => s.length)).toBe(4 + i);
    await expect(highlighted(page)).toBeInViewport();
  }
});

test('the saved reading position is the listening position, and is offered after a reload', async ({ page }) => {
  await fakeSpeech(page);
  await page.setViewportSize({ width: 1000, height: 700 });
  await openArticle(page, LONG);
  const ids = await page.locator('.article-body > [id]').evaluateAll((els) => els.map((e) => e.id));
  await page.locator(`#${ids[30]}`).evaluate((el) => el.scrollIntoView());
  await listenButton(page).click();
  for (let i = 0; i < 3; i++) {
    await expect.poll(() => spoken(page).then((s) => s.length)).toBe(i + 1);
    await endCurrent(page);
  }
  await expect.poll(() => spoken(page).then((s) => s.length)).toBe(4);
  // The reader went back to the top of the page, still listening.
  await page.evaluate(() => window.scrollTo(0, 0));
  await endCurrent(page);
  await expect.poll(() => spoken(page).then((s) => s.length)).toBe(5);
  const anchor = await highlighted(page).evaluate((el) => el.closest('.article-body > [id]').id);
  const saved = () =>
    page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('broadsheet:v1:') && JSON.parse(localStorage[k]).anchor);
      return key && JSON.parse(localStorage[key]);
    });
  await expect.poll(async () => (await saved())?.anchor).toBe(anchor);
  expect((await saved()).percent).toBeGreaterThan(3);

  await page.reload();
  const offer = page.getByRole('button', { name: 'Continue', exact: true });
  await expect(offer).toBeVisible();
  await offer.click();
  await expect
    .poll(() =>
      page.evaluate(() => {
        const line = document.querySelector('.reader-bar').getBoundingClientRect().bottom + 2;
        return [...document.querySelectorAll('.article-body > [id]')].filter((b) => b.getBoundingClientRect().top <= line).at(-1)?.id;
      }),
    )
    .toBe(anchor);
});

test('works with the keyboard, and says what it does in the status region', async ({ page }) => {
  await fakeSpeech(page);
  await openArticle(page, SAMPLE);
  await listenButton(page).focus();
  await page.keyboard.press('Enter');
  await expect(listenButton(page)).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => lastSpoken(page)).toBe(sample.headline);
  // Tab on to the player's Pause.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Pause')) break;
  }
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Tab'); // Next paragraph
  await page.keyboard.press('Enter');
  await expect.poll(() => lastSpoken(page)).toBe(squash(sample.dek));
  await page.keyboard.press('Tab'); // the speed
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await log(page)).at(-1).rate).toBe(1.25);
  await listenButton(page).focus();
  await page.keyboard.press('Space');
  await expect(listenButton(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('status').filter({ hasText: 'Stopped reading aloud' })).toBeVisible();
});

test('the end of the article: finished', async ({ page }) => {
  await fakeSpeech(page);
  await page.route(`**/${SAMPLE}`, (r) =>
    r.fulfill({ contentType: 'application/json', body: JSON.stringify({ headline: 'Short', language: 'en', body: [{ type: 'text', markdown: 'One.\n\n- a\n- b' }] }) }),
  );
  await openArticle(page, SAMPLE);
  await listenButton(page).click();
  for (const text of ['Short', 'One.', 'a', 'b']) {
    await expect.poll(() => lastSpoken(page)).toBe(text);
    await endCurrent(page);
  }
  await expect(listenButton(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('status').filter({ hasText: 'Finished reading aloud' })).toBeVisible();
  await expect(highlighted(page)).toHaveCount(0);
});

test('a voice for the article’s language: Arabic for the Arabic sample, with its controls in Arabic', async ({ page }) => {
  await fakeSpeech(page, { voices: [ENGLISH, ARABIC] });
  await openArticle(page, RTL);
  // The interface speaks the article's language (i18n.spec.js).
  const button = page.getByRole('button', { name: 'استماع', exact: true });
  await button.click();
  await expect.poll(async () => (await log(page))[0]).toMatchObject({ lang: 'ar', voice: 'Fake Arabic' });
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('group', { name: 'القراءة بصوت عالٍ' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'الفقرة التالية', exact: true })).toBeVisible();
  await expect(page.locator('.reader-status')).toHaveText('تجري القراءة بصوت عالٍ');
});

test('hidden with no speech synthesis, and with no voice for the language', async ({ page }) => {
  await fakeSpeech(page, { missing: true });
  await openArticle(page, SAMPLE);
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(listenButton(page)).toHaveCount(0);
});

test('hidden with only a French voice for an English article', async ({ page }) => {
  await fakeSpeech(page, { voices: [FRENCH] });
  await openArticle(page, SAMPLE);
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(listenButton(page)).toHaveCount(0);
});

test('voices that arrive late (voiceschanged) show it', async ({ page }) => {
  await fakeSpeech(page, { late: true });
  await openArticle(page, SAMPLE);
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(listenButton(page)).toHaveCount(0);
  await page.evaluate(() => window.__speech.arrive());
  await expect(listenButton(page)).toBeVisible();
});

test('a speech synthesis that throws: a message, no panic', async ({ page }) => {
  await fakeSpeech(page);
  await page.addInitScript(() => {
    window.speechSynthesis.speak = () => { throw new Error('synthesis-failed'); };
  });
  await openArticle(page, SAMPLE);
  await listenButton(page).click();
  await expect(page.getByRole('status').filter({ hasText: 'the browser could not speak' })).toBeVisible();
  await expect(listenButton(page)).toHaveAttribute('aria-pressed', 'false');
});

test('stops when the reader leaves the article, and on pagehide', async ({ page }) => {
  await fakeSpeech(page);
  await openArticle(page, SAMPLE);
  await listenButton(page).click();
  await expect.poll(() => lastSpoken(page)).toBe(sample.headline);
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })));
  await expect(listenButton(page)).toHaveAttribute('aria-pressed', 'false');
  expect(await page.evaluate(() => window.__speech.queued)).toEqual([]);

  await listenButton(page).click();
  await expect.poll(() => page.evaluate(() => window.__speech.queued)).toEqual([sample.headline]);
  await page.getByRole('link', { name: 'Broadsheet', exact: true }).click();
  await expect(page.locator('.library-item').first()).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__speech.queued)).toEqual([]);
  // Nothing more is spoken once gone.
  const count = (await spoken(page)).length;
  await page.evaluate(() => window.__speech.end());
  expect(await spoken(page)).toHaveLength(count);
});

test('not there before the app takes over a published page, nor with no script', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto(articleHref(SAMPLE));
  await expect(page.locator('article h1')).toBeVisible();
  await expect(page.locator('.listen-toggle, .listen-player, .listen-embed')).toHaveCount(0);
  await context.close();
});

test('on a published page it appears once the app has taken over', async ({ page }) => {
  await fakeSpeech(page);
  await page.goto(articleHref(SAMPLE));
  await expect(listenButton(page)).toBeVisible();
  await listenButton(page).click();
  await expect.poll(() => lastSpoken(page)).toBe(sample.headline);
});

for (const width of [320, 360, 390]) {
  test(`${width} px wide: with Listen the bar is one line, and so is the player, its controls named and 44 px`, async ({ page }) => {
    await fakeSpeech(page);
    await page.setViewportSize({ width, height: 800 });
    await openArticle(page, LONG);
    await expect(listenButton(page)).toBeVisible();
    const oneLine = (selector) =>
      page.evaluate((selector) => {
        const row = document.querySelector(selector);
        const parts = [...row.children].filter((e) => getComputedStyle(e).position !== 'absolute' && e.getBoundingClientRect().width > 0);
        const rects = parts.map((e) => e.getBoundingClientRect());
        return {
          centres: [...new Set(rects.map((r) => Math.round(r.top + r.height / 2)))],
          right: Math.max(...rects.map((r) => r.right)),
          left: Math.min(...rects.map((r) => r.left)),
          width: document.documentElement.clientWidth,
          sizes: [...row.querySelectorAll('button, select')].map((e) => [e.getBoundingClientRect().width, e.getBoundingClientRect().height]),
          minutes: document.querySelector('.time-left').scrollWidth <= document.querySelector('.time-left').clientWidth,
        };
      }, selector);
    const bar = await oneLine('.reader-bar-inner');
    expect(bar.centres, 'the bar').toHaveLength(1);
    expect(bar.right).toBeLessThanOrEqual(bar.width);
    expect(bar.minutes, '"min left" is not cut off').toBe(true);
    for (const [w, h] of bar.sizes) expect(Math.min(w, h)).toBeGreaterThanOrEqual(44);

    await listenButton(page).click();
    await expect(page.getByRole('group', { name: 'Reading aloud' })).toBeVisible();
    for (const name of ['Previous paragraph', 'Pause', 'Next paragraph']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('combobox', { name: 'Reading speed' })).toBeVisible();
    const player = await oneLine('.listen-player');
    expect(player.centres, 'the player').toHaveLength(1);
    expect(player.right).toBeLessThanOrEqual(player.width);
    expect(player.left).toBeGreaterThanOrEqual(0);
    for (const [w, h] of player.sizes) expect(Math.min(w, h)).toBeGreaterThanOrEqual(44);
    expect((await oneLine('.reader-bar-inner')).centres).toHaveLength(1);
    // What is read is not hidden under the taller bar.
    await page.getByRole('button', { name: 'Next paragraph' }).click();
    await page.getByRole('button', { name: 'Next paragraph' }).click();
    await expect(highlighted(page)).toBeInViewport();
    const barBox = await page.locator('.reader-bar').boundingBox();
    const box = await highlighted(page).boundingBox();
    expect(box.y).toBeGreaterThanOrEqual(barBox.y + barBox.height - 1);
  });
}

test.describe('in embeds', () => {
  async function openHostPage(page, baseURL) {
    const html = repoFile('public/examples/blog.html')
      .replace('src="/embed?src=articles%2Firan-diplomat-defects-2011.json"', `src="${baseURL}/embed?src=${encodeURIComponent(`${baseURL}/${SAMPLE}`)}"`)
      .replaceAll('src="/', `src="${baseURL}/`);
    await page.route('http://blog.test/**', (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path.endsWith('.css')) return route.fulfill({ contentType: 'text/css', body: repoFile(`public${path}`) });
      if (path.endsWith('.js')) return route.fulfill({ contentType: 'text/javascript', body: repoFile(`public${path}`) });
      return route.fulfill({ contentType: 'text/html', body: html });
    });
    await page.goto('http://blog.test/examples/blog.html');
    await expect(page.locator('broadsheet-article article h1')).toHaveCount(2);
  }
  const events = (page, from) =>
    page.evaluate((f) => window.broadsheetEvents.filter((e) => e.type === 'broadsheet-listen' && e.from === f).map((e) => e.detail), from);

  test('custom element: Listen in the shadow root, broadsheet-listen on start and stop, one article at a time', async ({ page, baseURL }) => {
    await fakeSpeech(page);
    await openHostPage(page, baseURL);
    const first = page.locator('#first');
    const second = page.locator('#second');
    const listen = first.getByRole('button', { name: 'Listen', exact: true });
    await listen.scrollIntoViewIfNeeded();
    await listen.click();
    await expect(listen).toHaveAttribute('aria-pressed', 'true');
    const harbour = repoJson('public/articles/harbour-light-restoration.json');
    await expect.poll(() => lastSpoken(page)).toBe(harbour.headline);
    await expect(first.locator('article h1')).toHaveAttribute('data-listening', '');
    await expect.poll(() => events(page, 'first')).toEqual([{ listening: true }]);
    await endCurrent(page);
    await expect.poll(() => lastSpoken(page)).toBe(squash(harbour.dek));
    await first.getByRole('button', { name: 'Pause' }).click();
    await expect(first.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
    await first.getByRole('button', { name: 'Pause' }).click();

    // The second element takes the voice: the first stops.
    await second.getByRole('button', { name: 'Listen', exact: true }).click();
    await expect(listen).toHaveAttribute('aria-pressed', 'false');
    await expect(first.locator('[data-listening]')).toHaveCount(0);
    await expect.poll(() => events(page, 'first')).toEqual([{ listening: true }, { listening: false }]);
    await expect.poll(() => events(page, 'second')).toEqual([{ listening: true }]);

    // Removing the element stops it, and says so (on the element, now detached).
    await second.evaluate((el) => {
      el.addEventListener('broadsheet-listen', (e) => (window.heardWhenRemoved = e.detail));
      el.remove();
    });
    await expect.poll(() => page.evaluate(() => window.heardWhenRemoved)).toEqual({ listening: false });
    expect(await page.evaluate(() => window.__speech.queued)).toEqual([]);
  });

  test('iframe: Listen from the headline, broadsheet-listen through the host snippet', async ({ page, baseURL }) => {
    await fakeSpeech(page);
    await openHostPage(page, baseURL);
    const iframe = page.locator('iframe[data-broadsheet]');
    await iframe.scrollIntoViewIfNeeded();
    const frame = page.frameLocator('iframe[data-broadsheet]');
    const listen = frame.getByRole('button', { name: 'Listen', exact: true });
    await listen.click();
    await expect(listen).toHaveAttribute('aria-pressed', 'true');
    await expect(frame.locator('article h1')).toHaveAttribute('data-listening', '');
    await expect.poll(() => events(page, 'iframe')).toEqual([{ listening: true }]);
    const inFrame = page.frames().find((f) => f.url().includes('/embed'));
    expect(await inFrame.evaluate(() => window.__speech.log.map((u) => u.text))).toEqual([sample.headline]);
    await inFrame.evaluate(() => window.__speech.end());
    await expect.poll(() => inFrame.evaluate(() => window.__speech.log.at(-1).text)).toBe(squash(sample.dek));
    await frame.getByRole('button', { name: 'Next paragraph' }).click();
    await expect(frame.locator('#p1')).toHaveAttribute('data-listening', '');
    await listen.click();
    await expect.poll(() => events(page, 'iframe')).toEqual([{ listening: true }, { listening: false }]);
  });
});
