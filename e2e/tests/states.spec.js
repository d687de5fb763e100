// Loading and error states: every failure ends in a message and a way to retry.
import { test, expect } from './fixtures.js';
import { SAMPLE, readHref } from './helpers.js';

/** Holds requests for the sample until `release()` is called. */
async function holdSample(page) {
  let release;
  const released = new Promise((r) => (release = r));
  await page.route(`**/${SAMPLE}`, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('a skeleton shows while loading, and the headline lands where the skeleton had it', async ({ page }) => {
  const release = await holdSample(page);
  await page.goto(readHref(SAMPLE));
  const skeleton = page.locator('.article--skeleton');
  await expect(skeleton).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading article' })).toBeVisible();
  await expect(page).toHaveTitle('Loading… — Broadsheet');
  const before = await skeleton.locator('.skeleton--headline').first().boundingBox();
  release();
  const h1 = page.locator('article h1');
  await expect(h1).toBeVisible();
  await expect(skeleton).toHaveCount(0);
  const after = await h1.boundingBox();
  expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(4);
  expect(Math.abs(after.x - before.x)).toBeLessThanOrEqual(1);
});

const failures = [
  ['HTTP 404', (r) => r.fulfill({ status: 404, body: 'nope' }), 'Article not found', /HTTP 404/],
  ['HTTP 500', (r) => r.fulfill({ status: 500, body: 'boom' }), 'The server had a problem', /HTTP 500/],
  ['network failure', (r) => r.abort('internetdisconnected'), 'Couldn’t reach the server', /offline/],
  ['HTML instead of JSON', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>hi' }), 'This file can’t be read', /not valid JSON/],
  ['truncated JSON', (r) => r.fulfill({ status: 200, body: '{"headline":"H","body":[{"type":' }), 'This file can’t be read', /ends too early/],
  ['a wrong type', (r) => r.fulfill({ status: 200, body: '{"headline":"H","body":[{"type":"figure","image":{"src":7}}]}' }), 'This file can’t be read', /body\[0\]\.image\.src: expected a string, found a number/],
  ['an unknown major version', (r) => r.fulfill({ status: 200, body: '{"version":"2.0","headline":"H","body":[]}' }), 'This file can’t be read', /format version 2\.0/],
  ['an empty body', (r) => r.fulfill({ status: 200, body: '' }), 'This file can’t be read', /empty/],
  ['a missing required field', (r) => r.fulfill({ status: 200, body: '{"version":"1.0","body":[]}' }), 'This file can’t be read', /headline/],
  ['invalid UTF-8', (r) => r.fulfill({ status: 200, body: Buffer.from('{"headline":"Caf\xe9","body":[]}', 'latin1') }), 'This file can’t be read', /not UTF-8 text \(invalid bytes at byte 16\)/],
  ['JSON nested too deep', (r) => r.fulfill({ status: 200, body: '['.repeat(500) + ']'.repeat(500) }), 'This file can’t be read', /nested more than 128 levels deep/],
  ['too many blocks', (r) => r.fulfill({ status: 200, body: JSON.stringify({ headline: 'H', body: Array(5001).fill({ type: 'text', markdown: 'x' }) }) }), 'This file can’t be read', /body: has 5,001 blocks; Broadsheet shows articles of up to 5,000 blocks/],
  ['a file over 5 MB', (r) => r.fulfill({ status: 200, body: Buffer.alloc(6 * 1024 * 1024, 32) }), 'This file can’t be read', /too large \(6 MB\): Broadsheet reads files of up to 5 MB/],
];

for (const [name, fail, title, message] of failures) {
  test(`${name}: a clear message, and Retry loads the article once it is back`, async ({ page }) => {
    let broken = true;
    await page.route(`**/${SAMPLE}`, (route) => (broken ? fail(route) : route.continue()));
    await page.goto(readHref(SAMPLE));
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading')).toHaveText(title);
    await expect(alert).toContainText(message);
    await expect(page.locator('article')).toHaveCount(0);
    broken = false;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.locator('article h1')).toHaveText(/Former Iran diplomat/);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
}

test('the library list failing to load has a message and Retry too', async ({ page }) => {
  let broken = true;
  await page.route('**/articles/index.json', (route) => (broken ? route.fulfill({ status: 503, body: '' }) : route.continue()));
  // The pre-rendered front page carries its list; the app fetches it when the
  // reader comes to the library from another page.
  await page.goto('/read?src=articles%2Fharbour-light-restoration.json');
  await expect(page.locator('article h1')).toBeVisible();
  await page.getByRole('link', { name: 'Broadsheet', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('HTTP 503');
  broken = false;
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('.library-item').first()).toBeVisible();
});

test('an unknown block type is skipped with a console warning, not an error', async ({ page }) => {
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const doc = { version: '1.4', headline: 'Future blocks', body: [
    { type: 'text', markdown: 'Before.' }, { type: 'video', src: 'v.mp4' }, { type: 'text', markdown: 'After.' }] };
  await page.route('**/future.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(doc) }));
  await page.goto(readHref('future.json'));
  await expect(page.locator('.article-body > p')).toHaveText(['Before.', 'After.']);
  await expect.poll(() => warnings.join('\n')).toContain('body[1]: unknown block type "video" skipped');
});
