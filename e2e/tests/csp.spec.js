// The release build under the strict Content-Security-Policy of public/_headers.
// serve.mjs sends it with every response, and fixtures.js fails any test that
// triggers a violation, so the whole suite runs under it; this file checks the
// policy is really there and enforced, and tours the app with the service worker on.
import { test as plain } from '@playwright/test';
import { createHash } from 'node:crypto';
import { test, expect } from './fixtures.js';
import { HARBOUR, readHref, repoFile } from './helpers.js';

// The build allows one inline script, boot.js, by its hash (scripts/postbuild.mjs).
const bootHash = `'sha256-${createHash('sha256').update(repoFile('public/boot.js')).digest('base64')}'`;
const policy = repoFile('dist/_headers').match(/Content-Security-Policy: (.*)/)[1];

test('the policy is the strict one issue 6 asks for, with boot.js allowed by its hash', () => {
  expect(policy).toBe(
    `default-src 'none'; script-src 'self' 'wasm-unsafe-eval' ${bootHash}; style-src 'self'; img-src 'self' https: data:; ` +
      "connect-src 'self' https:; worker-src 'self'; manifest-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self'",
  );
  expect(repoFile('public/_headers')).toContain(policy.replace(` ${bootHash}`, ''));
  // Every page of the build: no inline script but boot.js and data, no <base>, no style attribute.
  for (const page of ['dist/index.html', 'dist/shell.html', 'dist/articles/iran-diplomat-defects-2011/index.html']) {
    const html = repoFile(page);
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      ([, attrs]) => !/type="application\/(json|ld\+json)"/.test(attrs),
    );
    expect(inline.map(([, , text]) => text), page).toEqual([repoFile('public/boot.js')]);
    expect(html, page).not.toMatch(/<base\b|\sstyle=/);
  }
});

plain('it is sent with the page and enforced: an injected inline script is refused', async ({ page }) => {
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.effectiveDirective)),
  );
  const response = await page.goto('/');
  expect(response.headers()['content-security-policy']).toBe(policy);
  await page.locator('.library-item').first().waitFor();
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
  });
  await expect.poll(() => violations).toContain('script-src-elem');
  expect(await page.evaluate(() => window.__inlineRan)).toBeUndefined();
});

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });
  test('library, article with images, settings and the iframe embed: no violations', async ({ page }) => {
    await page.goto('/');
    await page.locator('.library-item').first().waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.goto(readHref(HARBOUR));
    await expect(page.locator('article h1')).toBeVisible();
    const lead = page.locator('article img').first();
    await expect.poll(() => lead.evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Reader settings' }).click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.goto(`/embed?src=${encodeURIComponent(HARBOUR)}`);
    await expect(page.locator('article h1')).toBeVisible();
    // fixtures.js fails the test on any violation reported above.
  });
});
