// How it looks to readers: accessibility, colour schemes, widths, print.
import { test, expect } from './fixtures.js';
import { SAMPLE, HARBOUR, LONG, openArticle, expectNoAxeViolations } from './helpers.js';

for (const colorScheme of ['light', 'dark']) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test('axe: no violations on the library', async ({ page }) => {
      await page.goto('/');
      await expect(page.locator('.library-item').first()).toBeVisible();
      await expectNoAxeViolations(page);
    });

    for (const src of [SAMPLE, HARBOUR, LONG]) {
      test(`axe: no violations on ${src}`, async ({ page }) => {
        await openArticle(page, src);
        await expectNoAxeViolations(page);
      });
    }

    test('axe: no violations on an error page', async ({ page }) => {
      await page.route(`**/${SAMPLE}`, (r) => r.fulfill({ status: 404, body: '' }));
      await page.goto(`/read?src=${encodeURIComponent(SAMPLE)}`);
      await expect(page.getByRole('alert')).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}

test('dark mode follows prefers-color-scheme', async ({ browser }) => {
  const colours = {};
  for (const colorScheme of ['light', 'dark']) {
    const page = await browser.newPage({ colorScheme });
    await openArticle(page, SAMPLE);
    colours[colorScheme] = await page.evaluate(() => ({
      bg: getComputedStyle(document.body).backgroundColor,
      fg: getComputedStyle(document.querySelector('article p')).color,
    }));
    await page.close();
  }
  const luminance = (rgb) => rgb.match(/\d+/g).slice(0, 3).reduce((a, b) => a + Number(b), 0);
  expect(luminance(colours.light.bg)).toBeGreaterThan(600);
  expect(luminance(colours.dark.bg)).toBeLessThan(150);
  expect(luminance(colours.dark.fg)).toBeGreaterThan(luminance(colours.dark.bg) + 400);
});

for (const width of [320, 768, 1920]) {
  test(`${width} px wide: no sideways scrolling, and a readable measure`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openArticle(page, LONG);
    const m = await page.evaluate(() => {
      const p = document.querySelector('.article-body > p');
      const style = getComputedStyle(p);
      const probe = document.createElement('span');
      probe.textContent = 'abcdefghijklmnopqrstuvwxyz'.repeat(4);
      probe.style.font = style.font;
      probe.style.whiteSpace = 'nowrap';
      probe.style.position = 'absolute';
      p.append(probe);
      const charWidth = probe.getBoundingClientRect().width / 104;
      probe.remove();
      return {
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        chars: p.getBoundingClientRect().width / charWidth,
        fontSize: parseFloat(style.fontSize),
      };
    });
    expect(m.overflow).toBeLessThanOrEqual(0);
    expect(m.fontSize).toBeGreaterThanOrEqual(16);
    if (width >= 768) {
      expect(m.chars).toBeGreaterThan(55);
      expect(m.chars).toBeLessThan(80);
    }
  });
}

test('keyboard focus is visible', async ({ page }) => {
  await openArticle(page, SAMPLE);
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
});

test('print shows the article only', async ({ page }) => {
  await openArticle(page, SAMPLE);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-bar')).toBeHidden();
  await expect(page.locator('.related')).toBeHidden();
  await expect(page.locator('.comments')).toBeHidden();
  await expect(page.locator('article h1')).toBeVisible();
  await expect(page.locator('.article-body')).toBeVisible();
});

test('no web fonts are downloaded', async ({ page }) => {
  const fonts = [];
  page.on('request', (r) => r.resourceType() === 'font' && fonts.push(r.url()));
  await openArticle(page, SAMPLE);
  expect(fonts).toEqual([]);
});
