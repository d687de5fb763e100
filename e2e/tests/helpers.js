import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/harness.mjs';

export const SAMPLE = 'articles/iran-diplomat-defects-2011.json';
export const HARBOUR = 'articles/harbour-light-restoration.json';
export const LONG = 'articles/long-read-night-shift.json';
export const RTL = 'articles/rtl-sample-ar.json';

export const readHref = (src) => `/read?src=${encodeURIComponent(src)}`;
/** The address of this site's article `articles/<name>.json`: `/articles/<name>/`
 *  (where /read?src= moves to, and what links, copy link and the library use). */
export const articleHref = (src) => `/${src.replace(/\.json$/, '')}/`;

/** The interface words a published page preloads for its reader, from its raw HTML
 * (`/ui/<code>-<layout>.json`, written by broadsheet build); `undefined` if none. */
export const wordsFileOf = (html, code) =>
  html.match(new RegExp(`<link rel="preload" href="(/ui/${code}-[0-9a-f]{8}\\.json)" as="fetch" crossorigin>`))?.[1];

/** Opens an article in the viewer and waits until its headline is shown. */
export async function openArticle(page, src) {
  await page.goto(readHref(src));
  await expect(page.locator('article h1')).toBeVisible();
}

/** Reads a file of the repository (paths from the repository root). */
export function repoFile(path) {
  return readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
}

export function repoJson(path) {
  return JSON.parse(repoFile(path));
}

/** Asserts that axe-core finds no WCAG 2.x A/AA or best-practice violations. */
export async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

/** Runs the test-only script `e2e/inject/NAME.js` first in every page and frame
 *  (the WebDriver suite gets the same scripts from the test server). */
export const inject = (page, name) => page.addInitScript({ path: new URL(`../inject/${name}.js`, import.meta.url).pathname });

/** Collapses white space so text compares the way a reader sees it. */
export const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** Launch options with Chromium's local-network checks off, for tests whose page
 * is answered by the test under a made-up public origin (in real use both sites
 * are public): `test.use({ launchOptions: withoutLocalNetworkChecks })`. */
export const withoutLocalNetworkChecks = {
  executablePath: CHROMIUM,
  args: [...CHROMIUM_ARGS, '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessForNavigations'],
};
