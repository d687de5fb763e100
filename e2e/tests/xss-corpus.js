// XSS vectors, after the OWASP XSS Filter Evasion Cheat Sheet, plus
// Markdown-specific ones. Every vector that would run sets window.__xss or opens
// a dialog, so a test can see whether anything ran. `hostileArticle` places each in
// every field of an article, and `liveDanger` looks for anything live; both
// suites use them (xss.spec.js, engines/lib/flows.mjs).
const run = 'window.__xss=1';
const b64 = Buffer.from(`<script>parent.__xss=1;alert(1)</script>`).toString('base64');

export const cheatSheet = [
  `<script>${run}</script>`,
  `<SCRIPT SRC=data:text/javascript,${run}></SCRIPT>`,
  `javascript:${run}`,
  `JaVaScRiPt:${run}`,
  `<IMG SRC="javascript:${run}">`,
  `<IMG SRC=JaVaScRiPt:${run}>`,
  `<IMG SRC=\`javascript:${run}\`>`,
  `<a onmouseover="${run}">xxs link</a>`,
  `<IMG """><SCRIPT>${run}</SCRIPT>">`,
  `<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>`,
  `<IMG SRC=# onmouseover="${run}">`,
  `<IMG SRC=/ onerror="${run}"></img>`,
  `<img src=x onerror="&#0000119&#0000105&#0000110&#0000100&#0000111&#0000119&#0000046&#0000095&#0000095&#0000120&#0000115&#0000115&#0000061&#0000049">`,
  `&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${run}`,
  `&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058${run}`,
  `&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A${run}`,
  `jav\tascript:${run}`,
  `jav&#x09;ascript:${run}`,
  `jav&#x0A;ascript:${run}`,
  `jav&#x0D;ascript:${run}`,
  `java\u0000script:${run}`,
  ` &#14;  javascript:${run}`,
  `\u0001javascript:${run}`,
  `java&Tab;script&colon;${run}`,
  `javascript&colon;${run}`,
  `&amp;#106;avascript:${run}`,
  `<SCRIPT/XSS SRC="data:text/javascript,${run}"></SCRIPT>`,
  `<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^\`=${run}>`,
  `<<SCRIPT>${run};//\\<</SCRIPT>`,
  `</TITLE><SCRIPT>${run}</SCRIPT>`,
  `<INPUT TYPE="IMAGE" SRC="javascript:${run};">`,
  `<BODY BACKGROUND="javascript:${run}">`,
  `<svg/onload=${run}>`,
  `<svg><script>${run}</script></svg>`,
  `<iframe src="javascript:${run}"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>">`,
  `<object data="data:text/html;base64,${b64}"></object>`,
  `<embed src="data:text/html;base64,${b64}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${run}">`,
  `<link rel="stylesheet" href="javascript:${run}">`,
  `<style>@import 'javascript:${run}';</style>`,
  `<div style="background-image: url(javascript:${run})">`,
  `<div style="width: expression(${run});">`,
  `<base href="javascript:${run}//">`,
  `<form action="javascript:${run}"><button>x</button></form>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${run}>`,
  `<noscript><p title="</noscript><img src=x onerror=${run}>">`,
  `<details open ontoggle=${run}>`,
  `vbscript:msgbox("XSS")`,
  `VBScript:${run}`,
  `data:text/html,<script>${run}</script>`,
  `data:text/html;base64,${b64}`,
  `DATA:TEXT/HTML,<script>${run}</script>`,
  `" onmouseover="${run}`,
  `' onmouseover='${run}`,
  `"><img src=x onerror=${run}>`,
  `{{constructor.constructor('${run}')()}}`,
  `\${${run}}`,
  `\\\\evil.example/x`,
];

export const markdown = [
  `[a](javascript:${run})`,
  `[a](JAVASCRIPT:${run})`,
  `[a](javascript&#58;${run})`,
  `[a](&#x6A;avascript:${run})`,
  `[a](<javascript:${run}>)`,
  `[a](javascript:${run} "title")`,
  `[a](  javascript:${run})`,
  `[a](java%0ascript:${run})`,
  `[a](\u0001javascript:${run})`,
  `[a](data:text/html;base64,${b64})`,
  `[a](vbscript:${run})`,
  `![a](javascript:${run})`,
  `![a"onerror="${run}](x)`,
  `[a]: javascript:${run}\n\n[a]`,
  `<javascript:${run}>`,
  `\`<script>${run}</script>\``,
  `<a href="javascript:${run}">raw</a>`,
  `[![img](javascript:${run})](javascript:${run})`,
  `[a](https://example.org/"onmouseover="${run})`,
  `[a](#" onmouseover="${run})`,
  `<img src=x onerror=${run}>`,
  `<script>${run}</script>`,
  `[a](javascript:${run})[^1]\n\n[^1]: <script>${run}</script> [b](javascript:${run})`,
  `| <script>${run}</script> | [x](javascript:${run}) |\n|---|---|\n| <img src=x onerror=${run}> | ![y](javascript:${run}) |`,
  `> [quote link](javascript:${run})`,
  `- [ ] <svg onload=${run}>`,
];

export const all = [...cheatSheet, ...markdown];

/** An article with `vectors` in every field: lists hold one vector per entry;
 * single fields hold them all, joined. */
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

/** Runs in the page (Playwright's evaluate and WebDriver send it as source):
 * what a browser could run — script-ish elements, event-handler attributes, and
 * URL attributes that resolve to anything but http(s) or mailto (javascript:
 * above all, also as the engine resolved href and src), in the page and in
 * every shadow root. */
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
