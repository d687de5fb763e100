// A huge article: the first paragraphs come at once, the rest follow frame by
// frame, and a deep link far down still lands where it points.
import { test, expect } from './fixtures.js';
import { readHref } from './helpers.js';

const paragraphs = 1_500;
const doc = {
  version: '1.0',
  headline: 'A very long article',
  body: Array.from({ length: paragraphs }, (_, i) => ({ type: 'text', markdown: `Paragraph ${i + 1}. ${'Words to read. '.repeat(20)}` })),
};

test.beforeEach(async ({ page }) => {
  await page.route('**/huge.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(doc) }));
});

test('every paragraph arrives, in order', async ({ page }) => {
  await page.goto(readHref('huge.json'));
  await expect(page.locator('#p1')).toContainText('Paragraph 1.');
  const body = page.locator('.article-body > p');
  await expect(body).toHaveCount(paragraphs);
  expect(await body.evaluateAll((ps) => ps.every((p, i) => p.id === `p${i + 1}` && p.textContent.startsWith(`Paragraph ${i + 1}.`)))).toBe(true);
});

test('a deep link to paragraph 1,400 lands on it', async ({ page }) => {
  await page.goto(readHref('huge.json') + '#p1400');
  const target = page.locator('#p1400');
  await expect(target).toBeInViewport();
});

test('a thousand footnotes all arrive, numbered, each linking back', async ({ page }) => {
  const notes = 1_000;
  const withNotes = {
    version: '1.0',
    headline: 'Many notes',
    body: Array.from({ length: notes }, (_, i) => ({ type: 'text', markdown: `Claim ${i + 1}.[^n${i}]\n\n[^n${i}]: Source ${i + 1}.` })),
  };
  await page.route('**/notes.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(withNotes) }));
  await page.goto(readHref('notes.json'));
  const items = page.locator('.footnotes li');
  await expect(items).toHaveCount(notes);
  await expect(page.locator('#fn-1000')).toContainText('Source 1000.');
  await expect(page.locator('#fn-1000 .footnote-back')).toHaveAttribute('href', /#fnref-1000$/);
});
