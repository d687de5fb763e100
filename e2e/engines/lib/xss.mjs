// The XSS corpus of the Chromium suite (e2e/tests/xss-corpus.js), put into
// articles as e2e/tests/xss.spec.js does, and its check for anything live.
import { all } from '../../tests/xss-corpus.js';

export { hostileArticle } from '../../tests/xss-corpus.js';

export const vectors = all;
export const joined = all.join(' ');


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
