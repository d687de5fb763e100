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

for (const width of [320, 360, 390, 768]) {
  test(`${width} px wide: the reading bar is one line, its tools named, at least 24 px (44 on phones)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await openArticle(page, LONG);
    const tools = page.locator('.reader-bar .tool');
    await expect(tools).toHaveCount(3);
    for (const name of ['Save offline', 'Copy link', 'Reader settings']) {
      const tool = page.getByRole('button', { name, exact: true });
      await expect(tool).toBeVisible();
      await expect(tool).toHaveAttribute('title', name);
    }
    const bar = await page.evaluate(() => {
      const inner = document.querySelector('.reader-bar-inner').getBoundingClientRect();
      const parts = [...document.querySelectorAll('.reader-bar-inner > :is(.time-left, .tool)')].map((e) => e.getBoundingClientRect());
      return {
        height: inner.height,
        // One line: every part shares the same vertical band.
        tops: parts.map((r) => Math.round(r.top + r.height / 2)),
        sizes: parts.slice(1).map((r) => [r.width, r.height]),
        right: Math.max(...parts.map((r) => r.right)),
        width: document.documentElement.clientWidth,
        minutes: document.querySelector('.time-left').scrollWidth <= document.querySelector('.time-left').clientWidth,
      };
    });
    expect(new Set(bar.tops).size, JSON.stringify(bar.tops)).toBe(1);
    expect(bar.height).toBeLessThanOrEqual(50);
    const least = width < 640 ? 44 : 24;
    for (const [w, h] of bar.sizes) {
      expect(w).toBeGreaterThanOrEqual(least);
      expect(h).toBeGreaterThanOrEqual(least);
    }
    expect(bar.right).toBeLessThanOrEqual(bar.width);
    expect(bar.minutes, '"min left" is not cut off').toBe(true);
    // "Link copied" does not push anything onto a second line.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'copied' })).toBeVisible();
    expect(await page.evaluate(() => document.querySelector('.reader-bar-inner').getBoundingClientRect().height)).toBe(bar.height);
  });
}

test('390 px wide: what takes the keyboard focus in the article is never under the sticky bar', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await openArticle(page, LONG);
  let checked = 0;
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const seen = await page.evaluate(() => {
      const focused = document.activeElement;
      if (!focused.closest('article') || focused.closest('.reader-bar')) return null;
      const r = focused.getBoundingClientRect();
      return { what: focused.outerHTML.slice(0, 80), top: r.top, bottom: r.bottom, bar: document.querySelector('.reader-bar').getBoundingClientRect().bottom, height: innerHeight };
    });
    if (!seen) continue;
    checked++;
    expect(seen.top, seen.what).toBeGreaterThanOrEqual(seen.bar);
    expect(seen.bottom, seen.what).toBeLessThanOrEqual(seen.height);
  }
  expect(checked).toBeGreaterThan(5);
});

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
