// Faults a reader can hit beyond a plain error status: a server that never
// answers, pathological Markdown, a panic, a locale that Intl rejects, a browser
// API that throws. (states.spec.js has the rest; other-site.spec.js the faults
// of another site's server; embed.spec.js the embeds' panels.)
import { test, expect } from './fixtures.js';
import { SAMPLE, articleHref, inject, readHref } from './helpers.js';

test('a server that never answers: the load is abandoned with a message, and Retry works', async ({ page }) => {
  await page.clock.install();
  let hang = true;
  await page.route(`**/${SAMPLE}`, (route) => (hang ? undefined : route.continue()));
  await page.goto(readHref(SAMPLE));
  await expect(page.getByRole('status').filter({ hasText: 'Loading article' })).toBeVisible();
  await page.clock.runFor(10_000);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.clock.runFor(11_000);
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('The server is taking too long');
  await expect(alert).toContainText('Nothing arrived for 20 seconds');
  hang = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('article h1')).toHaveText(/Former Iran diplomat/);
});

test('pathological Markdown renders, shortened where a limit applies', async ({ page }) => {
  const blocks = [
    ['brackets', '['.repeat(100_000)],
    ['nested quotes', '>'.repeat(10_000) + ' deep quote'],
    ['nested lists', Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')],
    ['emphasis', '*a **a '.repeat(20_000)],
    ['backticks', Array.from({ length: 3_000 }, (_, i) => '`'.repeat(i % 50 + 1) + 'x').join(' ')],
    ['links', '[a]('.repeat(30_000)],
    ['table', '| a | b |\n|---|---|\n' + '| 1 | 2 |\n'.repeat(4_000)],
  ].map(([, markdown]) => ({ type: 'text', markdown }));
  const doc = { version: '1.0', headline: 'Pathological', body: [...blocks, { type: 'text', markdown: 'The end.' }] };
  await page.route('**/pathological.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(doc) }));
  await page.goto(readHref('pathological.json'));
  await expect(page.locator('article h1')).toHaveText('Pathological');
  await expect(page.locator('.article-body')).toContainText('deep quote');
  await expect(page.locator('.article-body')).toContainText('item 1999');
  await expect(page.locator('.article-body')).toContainText('Table shortened: 1,501 rows left out');
  await expect(page.locator('.article-body > p').last()).toHaveText('The end.');
  await expect(page.locator('.article-body table tr')).toHaveCount(2_500);
});

test.describe('a panic', () => {
  test.use({ allowPanic: true });

  /** Panics in the page's wasm, then finds the message: its alert. */
  async function panicked(page) {
    await page.evaluate(() => {
      try {
        window.wasmBindings.__broadsheetPanicForTests();
      } catch {
        // The wasm instance traps after the panic hook ran.
      }
    });
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading')).toHaveText('Something went wrong');
    await expect(page.locator('article')).toHaveCount(0);
    return alert;
  }

  test('shows “Something went wrong” and a Reload link instead of a frozen page', async ({ page }) => {
    await page.goto(readHref(`${SAMPLE}`) + '#p3');
    await expect(page.locator('article h1')).toBeVisible();
    const reload = (await panicked(page)).getByRole('link', { name: 'Reload' });
    await expect(reload).toHaveAttribute('href', articleHref(SAMPLE));
    await reload.click();
    await expect(page.locator('article h1')).toHaveText(/Former Iran diplomat/);
  });

  test('on a published page, its reader shows the same message', async ({ page }) => {
    await page.goto(articleHref(SAMPLE));
    await expect(page.locator('#bs-article')).toHaveCount(0);
    const alert = await panicked(page);
    await expect(alert.getByRole('link', { name: 'Reload' })).toHaveAttribute('href', articleHref(SAMPLE));
  });
});

test('a locale that Intl rejects (WebKitGTK reports “C” under LANG=C): the library and the article show, dates included', async ({ page }) => {
  await inject(page, 'odd-locale');
  await page.goto('/');
  expect(await page.evaluate(() => navigator.language)).toBe('C');
  await expect(page.locator('.library-item time').first()).toHaveText(/\d{4}/);
  await page.goto(readHref(SAMPLE));
  await expect(page.locator('article h1')).toHaveText(/Former Iran diplomat/);
  await expect(page.locator('article time.published')).toHaveText(/2011/);
});

test.describe('a browser API that throws while the article renders', () => {
  // The stopped app's later callbacks may panic too.
  test.use({ allowPageError: true, allowPanic: true });
  test('shows “Something went wrong” and a Reload link instead of a frozen page', async ({ page }) => {
    await inject(page, 'throwing-api');
    await page.goto(readHref(SAMPLE));
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading')).toHaveText('Something went wrong');
    // Shown for the exception itself, not only for a panic that came after it.
    expect(await page.evaluate(() => window.__bsPanelOnError)).toBe(true);
    await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
    await expect(alert.getByRole('link', { name: 'Reload' })).toHaveAttribute('href', articleHref(SAMPLE));
  });
});
