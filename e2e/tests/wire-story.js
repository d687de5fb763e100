// The wire story the canonical sample was made from (../shared/fixtures), read
// as the scraped text it is. Shared by wire-story.spec.js (Chromium) and the
// Firefox and WebKit suite (engines/). Plain Node: no test framework here.
import { readFileSync } from 'node:fs';

export const storyPath = new URL('../../../shared/fixtures/000_a54c394dac301752.txt', import.meta.url);

/** The wire story as scraped: paragraphs, captions and credits. */
export function wireStory() {
  const lines = readFileSync(storyPath, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const [headline, dek, byline, ...rest] = lines;
  const paragraphs = [];
  const captions = [];
  const credits = [];
  for (const line of rest) {
    if (line.startsWith('![]')) continue;
    const credit = line.match(/^\|\s*Photo by:\s*(.+?)\s*\|$/);
    if (credit) credits.push(credit[1]);
    else if (line.endsWith('|')) captions.push(line.replace(/\|$/, '').trim());
    else if (line !== 'Leave a comment') paragraphs.push(line);
  }
  return { headline, dek, byline, paragraphs, captions, credits };
}

/** Splits a paragraph into sentences (ends at . ? ! or a closing quote after one). */
export function sentences(paragraph) {
  return paragraph.match(/[^.?!]+(?:[.?!]+[”’"]?|$)/g).map((s) => s.trim()).filter((s) => s.length > 3);
}
