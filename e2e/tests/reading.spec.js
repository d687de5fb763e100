// Reading progress, resume, reader settings, contents and paragraph links.
import { test, expect } from './fixtures.js';
import { SAMPLE, LONG, HARBOUR, articleHref, openArticle, readHref, expectNoAxeViolations } from './helpers.js';

const bar = (page) => page.getByRole('progressbar', { name: 'Reading progress' });

/** Body geometry as the viewer defines progress: 0 % when the body's top reaches
 *  the reading line under the sticky bar, 100 % when its end is in view. */
async function geometry(page) {
  return page.evaluate(() => {
    const b = document.querySelector('.article-body').getBoundingClientRect();
    const inset = document.querySelector('.reader-bar').offsetHeight;
    return { top: b.top + scrollY, height: b.height, vh: innerHeight, inset };
  });
}

async function scrollToPercent(page, percent) {
  const g = await geometry(page);
  const start = g.top - g.inset;
  const end = g.top + g.height - g.vh;
  await page.evaluate((y) => window.scrollTo(0, y), start + ((end - start) * percent) / 100);
  await expect.poll(async () => Math.abs(Number(await bar(page).getAttribute('aria-valuenow')) - percent)).toBeLessThanOrEqual(1);
}

/** The id of the block at the reading line. */
const blockAtLine = (page) =>
  page.evaluate(() => {
    const inset = document.querySelector('.reader-bar').offsetHeight;
    return [...document.querySelectorAll('.article-body > [id]')].filter((b) => b.getBoundingClientRect().top <= inset + 1).pop().id;
  });

/** Where block `id` is relative to the reading line. */
const blockBox = (page, id) =>
  page.evaluate((id) => {
    const inset = document.querySelector('.reader-bar').offsetHeight;
    const r = document.getElementById(id).getBoundingClientRect();
    return { top: r.top - inset, bottom: r.bottom - inset };
  }, id);

test('the progress bar follows the body: 25, 50, 75, 100 %; minutes left count down', async ({ page }) => {
  await openArticle(page, LONG);
  await expect(bar(page)).toHaveAttribute('aria-valuenow', '0');
  await expect(bar(page)).toHaveAttribute('aria-valuemin', '0');
  await expect(bar(page)).toHaveAttribute('aria-valuemax', '100');
  const total = Number((await page.locator('.reading-time').textContent()).match(/\d+/)[0]);
  let previous = total + 1;
  for (const percent of [25, 50, 75]) {
    await scrollToPercent(page, percent);
    const left = Number((await page.locator('.time-left').textContent()).match(/(\d+) min left/)[1]);
    expect(left).toBeLessThan(previous);
    expect(Math.abs(left - total * (1 - percent / 100))).toBeLessThanOrEqual(1);
    previous = left;
    const scale = () => page.locator('.progress-fill').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
    await expect.poll(async () => Math.abs((await scale()) * 100 - percent)).toBeLessThanOrEqual(1.5);
  }
  await scrollToPercent(page, 100);
  await expect(page.locator('.time-left')).toHaveText('Finished');
});

test('a new text size keeps the reader on the same paragraph, and progress stays right', async ({ page }) => {
  await openArticle(page, LONG);
  await scrollToPercent(page, 50);
  const anchor = await blockAtLine(page);
  const heightBefore = (await geometry(page)).height;
  await page.getByRole('button', { name: 'Reader settings' }).click();
  await page.getByRole('radio', { name: 'Largest' }).check();
  await page.getByRole('button', { name: 'Reader settings' }).click();
  await expect.poll(async () => (await geometry(page)).height).toBeGreaterThan(heightBefore * 1.1);
  await expect.poll(async () => {
    const box = await blockBox(page, anchor);
    return box.top <= 1 && box.bottom > 0;
  }).toBe(true);
  await expect.poll(async () => Math.abs(Number(await bar(page).getAttribute('aria-valuenow')) - 50)).toBeLessThanOrEqual(3);
  await scrollToPercent(page, 75);
});

for (const [name, width] of [['same width', 1280], ['in a narrower window', 420]]) {
  test(`leave at 40 %, come back, continue: the same paragraph is back at the top (${name})`, async ({ page, context }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openArticle(page, LONG);
    await scrollToPercent(page, 40);
    const anchor = await blockAtLine(page);
    await page.close();
    // Later, in a window of another size: the text has reflowed.
    const again = await context.newPage();
    await again.setViewportSize({ width, height: 800 });
    await again.goto(readHref(LONG));
    const offer = again.getByRole('region', { name: 'Resume reading' });
    await expect(offer).toContainText(/Continue where you left off \((39|40|41)%\)/);
    await offer.getByRole('button', { name: 'Continue' }).click();
    await expect(offer).toHaveCount(0);
    await expect.poll(async () => {
      const box = await blockBox(again, anchor);
      return box.top <= 1 && box.bottom > 0;
    }).toBe(true);
  });
}

test('a reload offers the saved place too', async ({ page }) => {
  await openArticle(page, LONG);
  await scrollToPercent(page, 60);
  const anchor = await blockAtLine(page);
  await page.reload();
  await page.getByRole('region', { name: 'Resume reading' }).getByRole('button', { name: 'Continue' }).click();
  await expect.poll(async () => {
    const box = await blockBox(page, anchor);
    return box.top <= 1 && box.bottom > 0;
  }).toBe(true);
});

test('"Start from the top" keeps the reader at the top; a #p deep link wins over the saved place', async ({ page }) => {
  await openArticle(page, LONG);
  await scrollToPercent(page, 40);
  await page.goto(readHref(LONG) + '#p30');
  await expect(page.locator('article h1')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Resume reading' })).toHaveCount(0);
  await expect.poll(async () => Math.abs((await blockBox(page, 'p30')).top)).toBeLessThanOrEqual(2);

  await page.goto(readHref(LONG));
  const offer = page.getByRole('region', { name: 'Resume reading' });
  await offer.getByRole('button', { name: 'Start from the top' }).click();
  await expect(offer).toHaveCount(0);
  expect(await page.evaluate(() => scrollY)).toBe(0);
});

test('the library shows unread, percentage read, and read', async ({ page }) => {
  await openArticle(page, LONG);
  await scrollToPercent(page, 40);
  await openArticle(page, SAMPLE);
  await page.evaluate(() => window.scrollTo(0, 1e6));
  await expect(bar(page)).toHaveAttribute('aria-valuenow', '100');
  await page.goto('/');
  const item = (re) => page.locator('.library-item').filter({ hasText: re });
  await expect(item(/night shift/).locator('.reading-state')).toHaveText(/^(39|40|41)% read$/);
  await expect(item(/Former Iran diplomat/).locator('.reading-state')).toHaveText('Read');
  await expect(item(/Carrow Point/).locator('.reading-state')).toHaveText('Unread');
});

test('settings persist across reload and change what the reader sees', async ({ page }) => {
  await openArticle(page, SAMPLE);
  const p = page.locator('.article-body p').first();
  const before = await p.evaluate((el) => ({
    size: parseFloat(getComputedStyle(el).fontSize),
    family: getComputedStyle(el).fontFamily,
    bg: getComputedStyle(document.body).backgroundColor,
    width: el.getBoundingClientRect().width,
  }));
  const toggle = page.getByRole('button', { name: 'Reader settings' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('radio', { name: 'Largest' }).check();
  await page.getByRole('radio', { name: 'Sans-serif' }).check();
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.getByRole('radio', { name: 'Narrow' }).check();
  const check = async () => {
    const after = await p.evaluate((el) => ({
      size: parseFloat(getComputedStyle(el).fontSize),
      family: getComputedStyle(el).fontFamily,
      bg: getComputedStyle(document.body).backgroundColor,
      color: getComputedStyle(el).color,
    }));
    expect(after.size).toBeGreaterThan(before.size * 1.2);
    expect(after.family).not.toBe(before.family);
    expect(after.family).toMatch(/system-ui|sans-serif/);
    expect(after.bg).toBe('rgb(22, 21, 20)');
    expect(after.color).toBe('rgb(235, 231, 223)');
  };
  await check();
  await page.reload();
  await expect(page.locator('article h1')).toBeVisible();
  // The reload lands on the pre-rendered page: measure once the app has it.
  await expect(page.locator('#bs-article')).toHaveCount(0);
  await check();
  // Before the app runs, boot.js has already applied the theme: no light flash.
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await toggle.click();
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Largest' })).toBeChecked();
  await page.getByRole('radio', { name: 'Sepia' }).check();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(244, 236, 216)');
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
});

test('with localStorage throwing on every call, the article still renders and scrolls, and says so once', async ({ page }) => {
  await page.addInitScript(() => {
    const fail = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
    for (const m of ['getItem', 'setItem', 'removeItem', 'clear', 'key']) Storage.prototype[m] = fail;
  });
  await openArticle(page, LONG);
  await expect(page.locator('.article-body p').first()).toBeVisible();
  await scrollToPercent(page, 50);
  await expect(page.locator('.storage-note')).toHaveCount(1);
  await expect(page.locator('.storage-note')).toContainText('won’t be kept');
  await page.getByRole('button', { name: 'Reader settings' }).click();
  await page.getByRole('radio', { name: 'Dark' }).check();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 21, 20)');
  await expect(page.locator('.storage-note')).toHaveCount(1);
});

test('corrupt saved values are ignored', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('broadsheet:v1:settings', '{not json');
    localStorage.setItem('broadsheet:v1:pos:long-read-night-shift', '{"anchor":5}');
  });
  await openArticle(page, LONG);
  await expect(page.getByRole('region', { name: 'Resume reading' })).toHaveCount(0);
  await expect(page.locator('.storage-note')).toHaveCount(0);
});

test('contents: listed for articles with headings, following the section being read', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openArticle(page, LONG);
  const toc = page.getByRole('navigation', { name: 'Contents' });
  const links = toc.getByRole('link');
  const headings = page.locator('.article-body :is(h2, h3, h4)');
  await expect(links).toHaveCount(await headings.count());
  expect(await links.count()).toBeGreaterThanOrEqual(3);
  const third = await headings.nth(2).getAttribute('id');
  await links.nth(2).click();
  await expect.poll(async () => Math.abs((await blockBox(page, third)).top)).toBeLessThanOrEqual(80);
  await expect(links.nth(2)).toHaveAttribute('aria-current', 'location');
  await expect(toc.locator('[aria-current]')).toHaveCount(1);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(toc.locator('[aria-current]')).toHaveCount(0);
  // A jump far down the page (no scrolling past the headings in between).
  await scrollToPercent(page, 60);
  const expected = await page.evaluate(() => {
    const inset = document.querySelector('.reader-bar').offsetHeight;
    return [...document.querySelectorAll('.article-body > :is(h2, h3, h4)')].filter((h) => h.getBoundingClientRect().top <= inset + 1).pop().id;
  });
  await expect(toc.locator('[aria-current="location"]')).toHaveAttribute('href', new RegExp(`#${expected}$`));
});

test('no contents for articles with fewer than three headings', async ({ page }) => {
  await openArticle(page, SAMPLE);
  await expect(page.locator('.toc')).toHaveCount(0);
});

test('copy link to this paragraph', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await openArticle(page, HARBOUR);
  await page.evaluate(() => document.getElementById('p6').scrollIntoView());
  await page.evaluate(() => window.scrollBy(0, -document.querySelector('.reader-bar').offsetHeight + 2));
  const anchor = await blockAtLine(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.reader-status')).toHaveText('Link to this paragraph copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${baseURL}${articleHref(HARBOUR)}#${anchor}`);
  // The link opens at that paragraph.
  await page.goto(copied);
  await expect.poll(async () => Math.abs((await blockBox(page, anchor)).top)).toBeLessThanOrEqual(2);
});

test('reduced motion: the bar jumps without animating', async ({ browser }) => {
  const page = await browser.newPage({ reducedMotion: 'reduce' });
  await openArticle(page, SAMPLE);
  expect(await page.locator('.progress-fill').evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
  await page.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe: no violations with the settings panel open (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openArticle(page, LONG);
    await page.getByRole('button', { name: 'Reader settings' }).click();
    await expect(page.locator('#reader-settings')).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
