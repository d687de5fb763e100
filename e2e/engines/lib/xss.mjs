// The XSS corpus of the Chromium suite (e2e/tests/xss-corpus.js), put into
// articles as e2e/tests/xss.spec.js does, and its check for anything live.
import { all } from '../../tests/xss-corpus.js';

export const vectors = all;
export const joined = all.join(' ');

/** An article with `vectors` in every field: lists hold one vector per entry;
 * single fields hold them all, joined. (As in xss.spec.js.) */
export function hostileArticle(headline, vectors) {
  const single = vectors.join(' ');
  return {
    version: '1.0',
    id: 'xss',
    language: 'en',
    section: single,
    kicker: single,
    headline,
    dek: single,
    byline: single,
    authors: vectors.map((v) => ({ name: v, url: v })),
    source: { name: single, syndicated: true },
    published: '2011-03-01T09:30:00Z',
    tags: vectors,
    lead: { image: { src: single, alt: single, width: 640, height: 427, srcset: [{ src: single, width: 640 }] }, caption: single, credit: single },
    body: vectors.flatMap((v) => [
      { type: 'text', markdown: v },
      { type: 'text', markdown: `[link](${v}) ![img](${v}) <${v}> **${v}**` },
      { type: 'figure', image: { src: v, alt: v, srcset: [{ src: v, width: 640 }, { src: `x.jpg, ${v} 2x`, width: 1280 }] }, caption: v, credit: v },
      { type: 'quote', text: v, cite: v },
      { type: 'heading', text: v },
    ]),
    related: vectors.map((v) => ({ title: v, url: v, summary: v })),
    comments: { label: single, url: single },
    corrections: vectors.map((v) => ({ date: '2011-03-02', text: v })),
  };
}

/** Runs in the page (sent as source): what a browser could run — script-ish
 * elements, event-handler attributes, and URL attributes that resolve to
 * anything but http(s) or mailto (javascript: above all), in the page and in
 * every shadow root. The same check as xss.spec.js. */
export function liveDanger() {
  const safe = (url) => {
    try {
      return ['http:', 'https:', 'mailto:'].includes(new URL(url, document.baseURI).protocol);
    } catch {
      return true; // Not a URL at all: the browser will not follow it.
    }
  };
  const urls = (name, value) => {
    if (name === 'srcset') return value.split(/,\s+/).map((c) => c.trim().split(/\s+/)[0]);
    if (name === 'style') return [...value.matchAll(/url\(\s*['"]?([^'")]*)/gi)].map((m) => m[1]);
    return ['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'xlink:href', 'ping'].includes(name) ? [value] : [];
  };
  const found = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      const inHead = !!el.closest('head');
      if (['iframe', 'object', 'embed', 'base', 'form', 'math'].includes(tag)) found.push(`<${tag}>`);
      if (['script', 'meta', 'style'].includes(tag) && !inHead) found.push(`<${tag}> outside <head>`);
      if (tag === 'link' && !inHead && !(root instanceof ShadowRoot)) found.push('<link> in body');
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`${tag} ${a.name}="${a.value}"`);
        for (const url of urls(a.name.toLowerCase(), a.value)) {
          if (!safe(url)) found.push(`${tag} ${a.name}="${a.value}"`);
        }
      }
      // The live value too: what the engine resolved href/src to.
      for (const prop of ['href', 'src']) {
        const live = el[prop];
        if (typeof live === 'string' && /^\s*javascript:/i.test(live)) found.push(`${tag}.${prop} resolves to ${live}`);
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return found;
}
