// The two peers the app is measured against, as served under target/bench/site/:
//   js     — benches/js-peer/ with the build's CSS and its two libraries;
//   static — the app's own rendering of each article, frozen as HTML;
// and, for the time to article text of the build's own pre-rendered pages
// (column "page"), a copy of each page with the static peer's mark in it.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTICLES, BENCHES, pagePath, session, sleep } from './measure/lib.mjs';

/** A fresh `site` folder with the JS peer in js-peer/ and an empty static/. */
export function writeJsPeer(site, info) {
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'js-peer/vendor'), { recursive: true });
  mkdirSync(join(site, 'static'), { recursive: true });
  writeFileSync(
    join(site, 'js-peer/index.html'),
    readFileSync(join(BENCHES, 'js-peer/index.html'), 'utf8').replaceAll('{{CSS}}', '/' + info.css),
  );
  cpSync(join(BENCHES, 'js-peer/viewer.js'), join(site, 'js-peer/viewer.js'));
  cpSync(join(BENCHES, 'node_modules/marked/lib/marked.umd.js'), join(site, 'js-peer/vendor/marked.umd.js'));
  cpSync(join(BENCHES, 'node_modules/dompurify/dist/purify.min.js'), join(site, 'js-peer/vendor/purify.min.js'));
}

// ---- static peer: the app's own rendering of each article, frozen as HTML.
export async function makeStaticPages({ server, url, info, site }) {
  const B = server.url;
  const s = await session();
  try {
    for (const file of new Set(Object.values(ARTICLES))) {
      await s.page.goto(url.app(file));
      await (await s.page.waitForSelector('article .article-body p', { timeout: 180_000 })).dispose();
      await s.page.waitForLoadState('load');
      await sleep(300);
      const snap = await s.page.evaluate(() => {
        const root = document.documentElement;
        const attrs = [...root.attributes].filter((a) => a.name !== 'style').map((a) => `${a.name}="${a.value.replace(/"/g, '&quot;')}"`);
        const desc = document.querySelector('meta[name="description"]')?.getAttribute('content');
        const body = document.body.cloneNode(true);
        body.querySelectorAll('noscript, script').forEach((n) => n.remove());
        const art = body.querySelector('article');
        const marker = document.createElement('bench-mark');
        art.after(marker);
        return { attrs: attrs.join(' '), title: document.title, desc, body: body.innerHTML };
      });
      const body = snap.body
        .replace(/<!---->/g, '')
        .replaceAll(B + '/', '/')
        .replace('<bench-mark></bench-mark>', "<script>performance.mark('article-rendered')</script>");
      const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
      const html = `<!doctype html>
<html ${snap.attrs}>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>${esc(snap.title)}</title>
    ${snap.desc ? `<meta name="description" content="${esc(snap.desc)}" />` : ''}
    <link rel="icon" type="image/png" sizes="192x192" href="/icons/icon-192.png" />
    <link rel="stylesheet" href="/${info.css}" />
  </head>
  <body>
${body}
  </body>
</html>
`;
      writeFileSync(join(site, 'static', file.replace(/\.json$/, '.html')), html);
    }
  } finally {
    await s.close();
  }
  await server.warm(readdirSync(join(site, 'static')).map((f) => join(site, 'static', f)));
}

// ---- the pre-rendered pages of the build (`broadsheet build`, docs/publishing.md).
/** The article files of ARTICLES that the build has a pre-rendered page for. */
export function builtPages(distSnapshot) {
  return new Set(Object.values(ARTICLES).filter((file) => existsSync(join(distSnapshot, pagePath(file), 'index.html'))));
}

/** The mark that tells when the page's text is there, as the static peer has it. */
export const PAGE_TEXT_MARK = "<script>performance.mark('bench:article-text')</script>";

/**
 * For the page's time to article text: each built page byte for byte, with the
 * static peer's inline mark right after `</article>` (named bench:article-text,
 * since the app marks article-rendered itself once it has taken the page over),
 * into site/page/<name>/index.html. Served by a second server at the page's own
 * address (benches/bench.mjs); it is a mount there, without the build's
 * Content-Security-Policy, which would refuse the inline script (it allows the
 * pages' one other inline script, boot.js, by its hash; without the policy that
 * runs the same). Returns the copies' paths.
 */
export function writePageCopies({ distSnapshot, site, pages }) {
  const out = [];
  rmSync(join(site, 'page'), { recursive: true, force: true });
  for (const file of pages) {
    const html = readFileSync(join(distSnapshot, pagePath(file), 'index.html'), 'utf8');
    // The article's markup ends before the article's data (which may quote it).
    const data = html.indexOf('<script type="application/json" id="bs-article"');
    const end = html.lastIndexOf('</article>', data < 0 ? html.length : data);
    if (end < 0) throw new Error(`${pagePath(file)}index.html: no </article> before the article's data`);
    const at = end + '</article>'.length;
    const dir = join(site, 'page', file.replace(/\.json$/, ''));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), html.slice(0, at) + PAGE_TEXT_MARK + html.slice(at));
    out.push(join(dir, 'index.html'));
  }
  return out;
}
