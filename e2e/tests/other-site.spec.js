// Faults of another site's server: refusing CORS, and an answer that never ends.
import { createServer } from 'node:http';
import { test, expect } from './fixtures.js';
import { SAMPLE, readHref, repoFile, withoutLocalNetworkChecks } from './helpers.js';

// The CORS test answers the page through the test, so Chromium counts it as a
// public site, which may not fetch from 127.0.0.1 unless these checks are off.
test.use({ launchOptions: withoutLocalNetworkChecks });

// Another site, on another port: its articles without CORS permission unless
// `allowCors`, and an answer that streams for ever in chunks (no Content-Length).
let other;
let allowCors = false;
test.beforeAll(async () => {
  const article = repoFile(`public/${SAMPLE}`);
  other = createServer((req, res) => {
    if (req.url === '/story.json') {
      res.writeHead(200, { 'content-type': 'application/json', ...(allowCors ? { 'access-control-allow-origin': '*' } : {}) });
      res.end(article);
    } else if (req.url === '/endless.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 32);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((done) => other.listen(0, '127.0.0.1', done));
});
test.afterAll(() => other.closeAllConnections() || other.close());
const otherUrl = (path) => `http://127.0.0.1:${other.address().port}${path}`;

test('another site that refuses CORS is named and explained; Retry works once it allows it', async ({ page }) => {
  // The shipped policy only lets the page fetch other sites over https, which
  // this test can't serve: the page's policy is lifted here, for this one test.
  await page.route(/\/read\?/, async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    delete headers['content-security-policy'];
    await route.fulfill({ response, headers });
  });
  const src = otherUrl('/story.json');
  await page.goto(readHref(src));
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading')).toHaveText('That site doesn’t share its articles');
  await expect(alert).toContainText(`127.0.0.1:${other.address().port} answered, but doesn’t allow other sites to show its articles`);
  allowCors = true;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('article h1')).toHaveText(/Former Iran diplomat/);
});

test('an answer that streams past 5 MB is cut off with a message', async ({ page }) => {
  // Sent in chunks with no Content-Length, so only counting what arrives catches it.
  await page.route('**/endless.json', (route) => route.continue({ url: otherUrl('/endless.json') }));
  await page.goto(readHref('endless.json'));
  await expect(page.getByRole('alert')).toContainText('It is not a valid Broadsheet article: the file is too large: Broadsheet reads files of up to 5 MB.');
});
