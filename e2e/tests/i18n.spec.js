// The interface in the reader's language (crates/core/src/i18n, crates/web/src/locale.rs):
// which language is chosen, what the reader sees and hears in it, right-to-left
// chrome, plurals and dates, the publisher's and the embed's fixed language, and
// axe in every interface language. That no locale misses a string is checked
// natively (crates/core/src/i18n/tests.rs).
import { test, expect } from '@playwright/test';
import { SAMPLE, RTL, readHref, articleHref, repoJson, expectNoAxeViolations, wordsFileOf } from './helpers.js';

/** An article in a language Broadsheet has no interface in, so the reader's decides. */
const ITALIAN = 'articles/i18n-italian.json';
const italian = () => ({ ...repoJson(`public/${SAMPLE}`), language: 'it' });
const serveItalian = (page) =>
  page.route(`**/${ITALIAN}`, (route) => route.fulfill({ json: italian(), headers: { 'access-control-allow-origin': '*' } }));

/** What every locale says for the sample's bar and settings (from crates/core/src/i18n/*.rs). */
const WORDS = {
  en: { left: '2 min left', copy: 'Copy link', settings: 'Reader settings', size: 'Text size', read: '2 min read', date: 'March 1, 2011' },
  ar: { left: 'بقيت دقيقتان', copy: 'نسخ الرابط', settings: 'إعدادات القراءة', size: 'حجم النص', read: 'دقيقتان للقراءة', date: '1 مارس 2011' },
  de: { left: 'Noch 2\u00a0Min.', copy: 'Link kopieren', settings: 'Leseeinstellungen', size: 'Schriftgröße', read: '2\u00a0Min. Lesezeit', date: '1. März 2011' },
  es: { left: 'Quedan 2\u00a0min', copy: 'Copiar enlace', settings: 'Ajustes de lectura', size: 'Tamaño del texto', read: '2\u00a0min de lectura', date: '1 de marzo de 2011' },
  fr: { left: '2\u00a0min restantes', copy: 'Copier le lien', settings: 'Réglages de lecture', size: 'Taille du texte', read: '2\u00a0min de lecture', date: '1 mars 2011' },
  ja: { left: '残り2分', copy: 'リンクをコピー', settings: '表示設定', size: '文字サイズ', read: '2分で読めます', date: '2011年3月1日' },
};
const ENGLISH = ['min left', 'Copy link', 'Save offline', 'Reader settings', 'min read', 'Related'];

for (const [lang, words] of Object.entries(WORDS)) {
  test.describe(`a reader whose browser prefers ${lang}`, () => {
    test.use({ locale: lang === 'en' ? 'en-US' : lang });

    test(`an article in another language: the interface in ${lang}, one line at 320 px, and axe is clean`, async ({ page }) => {
      await serveItalian(page);
      await page.setViewportSize({ width: 320, height: 700 });
      await page.goto(readHref(ITALIAN));
      const bar = page.locator('.reader-bar');
      await expect(bar.locator('.time-left')).toHaveText(words.left);
      await expect(bar).toHaveAttribute('lang', lang);
      await expect(bar).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await expect(page.getByRole('button', { name: words.copy, exact: true })).toHaveAttribute('title', words.copy);
      // Inside the Italian article, the interface's words say they are not Italian.
      await expect(page.locator('article .reading-time')).toHaveText(words.read);
      await expect(page.locator('article .reading-time')).toHaveAttribute('lang', lang);
      await expect(page.locator('article time.published')).toHaveText(words.date);

      const parts = await page.evaluate(() =>
        [...document.querySelectorAll('.reader-bar-inner > :is(.time-left, .tool)')].map((e) => {
          const r = e.getBoundingClientRect();
          return Math.round(r.top + r.height / 2);
        }));
      expect(new Set(parts).size, 'one line').toBe(1);

      const settings = page.getByRole('button', { name: words.settings, exact: true });
      await settings.click();
      await expect(page.locator('#reader-settings legend').first()).toHaveText(words.size);
      if (lang !== 'en') {
        const chrome = await page.locator('.reader-bar').innerText();
        for (const english of ENGLISH) expect(chrome, `no English left in the bar: ${english}`).not.toContain(english);
      }
      await expectNoAxeViolations(page);
    });
  });
}

test.describe('a reader who prefers French', () => {
  test.use({ locale: 'fr-FR' });

  test('an article in a language Broadsheet has: the article’s language wins', async ({ page }) => {
    await page.goto(articleHref(SAMPLE));
    await expect(page.locator('#bs-article')).toHaveCount(0);
    await expect(page.locator('.reader-bar .time-left')).toHaveText('2 min left');
    await expect(page.locator('article .reading-time')).not.toHaveAttribute('lang', /./);
  });

  test('the library, the error panel and the site bar follow the reader', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('#bs-library')).toHaveCount(0);
    await expect(page.locator('h1')).toHaveText('Bibliothèque');
    await expect(page).toHaveTitle('Bibliothèque — Broadsheet');
    await expect(page.locator('.library')).toHaveAttribute('lang', 'fr');
    await expect(page.getByLabel('Ouvrir un article à partir de son adresse JSON')).toBeVisible();
    await page.goto(readHref('articles/no-such-article.json'));
    await expect(page.locator('.error-title')).toHaveText('Article introuvable');
    await expect(page.getByRole('button', { name: 'Réessayer' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Retour à la bibliothèque' })).toBeVisible();
  });
});

test.describe('the Arabic sample, for a reader who prefers English', () => {
  test.use({ locale: 'en-US' });

  for (const [where, href] of [['pre-rendered', articleHref(RTL)], ['/read?src=', readHref(RTL)]]) {
    test(`${where}: right-to-left chrome in Arabic, and progress fills from the right`, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 500 });
      await page.goto(href);
      // Once the app has the page (a pre-rendered one is swapped for the app's).
      await expect(page.locator('#bs-article')).toHaveCount(0);
      const bar = page.locator('.reader-bar');
      await expect(bar).toHaveAttribute('dir', 'rtl');
      expect(await bar.evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
      await expect(bar.locator('.time-left')).toHaveText('بقيت دقيقتان');
      await expect(page.locator('.progress')).toHaveAttribute('aria-label', 'تقدّم القراءة');
      // The bar mirrors: minutes left at the right, the tools to its left.
      const [minutes, settings] = await Promise.all([
        bar.locator('.time-left').boundingBox(),
        page.locator('#reader-settings-button').boundingBox(),
      ]);
      expect(minutes.x).toBeGreaterThan(settings.x);
      await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2));
      await expect.poll(() => page.locator('.progress-fill').evaluate((e) => getComputedStyle(e).transform)).not.toBe('matrix(0, 0, 0, 1, 0, 0)');
      const fill = await page.locator('.progress-fill').boundingBox();
      const track = await page.locator('.progress').boundingBox();
      expect(Math.round(fill.x + fill.width)).toBe(Math.round(track.x + track.width));
      expect(fill.width).toBeLessThan(track.width);
    });
  }
});

// The published pages' reader is built with English words only
// (crates/core/src/i18n/words.rs) and fetches its page's other language.
test.describe('a published page in Arabic, its reader’s words', () => {
  test.use({ locale: 'en-US' });

  test('are preloaded by the page and fetched once, from ui/ar-<layout>.json', async ({ page, request }) => {
    const html = await (await request.get(articleHref(RTL))).text();
    const file = wordsFileOf(html, 'ar');
    expect(file, 'the preload of the Arabic words').toBeTruthy();
    const words = await (await request.get(file)).json();
    expect(words).toContain('بقيت دقيقتان');
    const english = await (await request.get(articleHref(SAMPLE))).text();
    expect(english).not.toContain('/ui/');
    const asked = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname.startsWith('/ui/')) asked.push(new URL(r.url()).pathname); });
    await page.goto(articleHref(RTL));
    await expect(page.locator('#bs-article')).toHaveCount(0);
    await expect(page.locator('.reader-bar .time-left')).toHaveText('بقيت دقيقتان');
    await page.locator('#reader-settings-button').click();
    await expect(page.locator('#reader-settings legend').first()).toHaveText('حجم النص');
    expect(asked).toEqual([file]);
  });

  test('when they cannot be had, the tools still come, in English and said to be', async ({ page }) => {
    await page.route('**/ui/ar-*.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(articleHref(RTL));
    await expect(page.locator('#bs-article')).toHaveCount(0);
    const bar = page.locator('.reader-bar');
    await expect(bar.locator('.time-left')).toHaveText('2 min left');
    await expect(bar).toHaveAttribute('lang', 'en');
    await expect(bar).toHaveAttribute('dir', 'ltr');
    await expect(page.locator('article')).toHaveAttribute('dir', 'rtl');
    await page.getByRole('button', { name: 'Reader settings', exact: true }).click();
    await expect(page.locator('#reader-settings legend').first()).toHaveText('Text size');
    expect(warnings.join('\n')).toContain('its tools speak English');
  });
});

test('a publisher’s fixed language (<html data-ui-lang>) wins over the article’s and the reader’s', async ({ page }) => {
  // As `broadsheet build --ui-lang de` writes it (crates/cli), on the page
  // and on the app shell that /read?src= is answered with.
  const fixed = async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/<html lang="(\w+)"/, '<html data-ui-lang="de" lang="$1"');
    await route.fulfill({ response, body: html });
  };
  await page.route('**/articles/rtl-sample-ar/', fixed);
  await page.route('**/read?src=*', fixed);
  // The published page: its reader's tools speak German (the words inside the
  // article are the build's: crates/web/src/prerender.rs tests them).
  await page.goto(articleHref(RTL));
  await expect(page.locator('#bs-article')).toHaveCount(0);
  await expect(page.locator('.reader-bar .time-left')).toHaveText('Noch 2\u00a0Min.');
  await expect(page.locator('.reader-bar')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('article')).toHaveAttribute('dir', 'rtl');
  // The app renders the article itself: the words inside it too.
  await page.goto(readHref(RTL));
  await expect(page.locator('.reader-bar .time-left')).toHaveText('Noch 2\u00a0Min.');
  await expect(page.locator('article')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('article .reading-time')).toHaveAttribute('lang', 'de');
});

// <broadsheet-article ui-lang>: embed.spec.js.
test('the iframe embed: ui-lang fixes its interface', async ({ page }) => {
  await page.goto(`/embed?src=${encodeURIComponent(SAMPLE)}&ui-lang=ja`);
  await expect(page.locator('article .reading-time')).toHaveText('2分で読めます');
  await expect(page.locator('article .reading-time')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('article time.published')).toHaveText('2011年3月1日');
});
