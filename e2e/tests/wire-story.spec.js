// The canonical sample, checked against the wire story it was made from.
import { test, expect } from './fixtures.js';
import { SAMPLE, openArticle, repoJson, squash } from './helpers.js';
import { existsSync } from 'node:fs';
import { sentences, storyPath, wireStory } from './wire-story.js';

test.describe('the sample wire story', () => {
  test.skip(!existsSync(storyPath), '../shared/fixtures is not beside this checkout');

  test('renders every sentence, both captions with credits, and the comment call', async ({ page }) => {
    const story = wireStory();
    expect(story.paragraphs.length).toBe(13);
    await openArticle(page, SAMPLE);
    const article = page.locator('article');
    await expect(article.locator('h1')).toHaveText(story.headline);
    await expect(article.locator('.dek')).toHaveText(story.dek);
    await expect(article.locator('.byline')).toHaveText(story.byline);

    const text = squash(await article.locator('.article-body').innerText());
    let checked = 0;
    for (const paragraph of story.paragraphs) {
      for (const sentence of sentences(paragraph)) {
        expect(text, `missing sentence: ${sentence}`).toContain(squash(sentence));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(story.paragraphs.length);

    const figures = article.locator('.article-body figure.figure');
    await expect(figures).toHaveCount(2);
    for (let i = 0; i < 2; i++) {
      const caption = figures.nth(i).locator('figcaption');
      await expect(caption).toBeVisible();
      await expect(caption.locator('.caption')).toHaveText(story.captions[i]);
      await expect(caption.locator('.credit')).toHaveText(`Photo: ${story.credits[i]}`);
      // No image in the source: no <img>, so no broken-image icon.
      await expect(figures.nth(i).locator('img')).toHaveCount(0);
    }
    await expect(article.locator('.comments')).toContainText('Leave a comment');
  });

  test('header: section, dates, reading time, source, tags', async ({ page }) => {
    const json = repoJson('public/articles/iran-diplomat-defects-2011.json');
    await openArticle(page, SAMPLE);
    const article = page.locator('article');
    await expect(article).toHaveAttribute('lang', 'en');
    await expect(article).toHaveAttribute('dir', 'ltr');
    await expect(article.locator('.section')).toHaveText(json.section);
    const published = article.locator('time.published');
    await expect(published).toHaveAttribute('datetime', '2011-03-01');
    // Localised with the browser's locale (en-US in these tests).
    await expect(published).toHaveText('March 1, 2011');
    await expect(article.locator('.updated')).toHaveCount(0);
    await expect(article.locator('.reading-time')).toHaveText(/^\d+ min read$/);
    await expect(article.locator('.source')).toHaveText('Source: News Agencies');
    await expect(article.locator('.tags li')).toHaveText(json.tags);
  });

  test('the four related links, with summaries and domains', async ({ page }) => {
    const json = repoJson('public/articles/iran-diplomat-defects-2011.json');
    await openArticle(page, SAMPLE);
    const nav = page.getByRole('navigation', { name: 'Related' });
    const items = nav.locator('li');
    await expect(items).toHaveCount(4);
    for (const [i, related] of json.related.entries()) {
      const link = items.nth(i).getByRole('link', { name: related.title });
      await expect(link).toHaveAttribute('href', related.url);
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
      await expect(items.nth(i).locator('.related-domain')).toHaveText(new URL(related.url).hostname.replace(/^www\./, ''));
      if (related.summary) await expect(items.nth(i).locator('.related-summary')).toHaveText(related.summary);
      else await expect(items.nth(i).locator('.related-summary')).toHaveCount(0);
    }
  });

  test('document title and meta description follow the article', async ({ page }) => {
    const json = repoJson('public/articles/iran-diplomat-defects-2011.json');
    await openArticle(page, SAMPLE);
    await expect(page).toHaveTitle(`${json.headline} — Broadsheet`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', json.dek);
  });
});
