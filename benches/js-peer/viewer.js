// The benchmark's JS peer: a small vanilla-JS article viewer doing Broadsheet's job
// the common way — fetch the JSON, Markdown through marked, one DOMPurify pass over
// the whole article, innerHTML — with the app's stylesheet and similar markup
// (headline, dek, byline, figures with captions, body, tags, related links), a
// reading-progress bar the common way (a scroll listener that measures the page),
// and in-page navigation (?src=… links and popstate) so it can open article after
// article in one tab. It sets performance.mark('article-rendered') right after the
// article's innerHTML, as the app does once the headline and text are in the DOM.
(function () {
  'use strict';
  const article = document.querySelector('article');
  const fill = document.querySelector('.progress-fill');
  const bar = document.querySelector('.progress');
  const esc = (s) =>
    String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const blank = (s) => s == null || String(s).trim() === '';
  let loads = 0;

  function credit(c) {
    if (blank(c)) return '';
    c = String(c).trim();
    return /^(photo|illustration|image|graphic|video|map|chart|drawing|courtesy)/i.test(c) || c.includes(':') ? c : 'Photo: ' + c;
  }
  function figure(f, base, lead) {
    if (!f) return '';
    let img = '';
    if (f.image && !blank(f.image.src)) {
      const i = f.image;
      const srcset = (i.srcset || []).map((s) => `${new URL(s.src, base)} ${s.width}w`).join(', ');
      img =
        `<img src="${esc(new URL(i.src, base))}"` +
        (srcset ? ` srcset="${esc(srcset)}" sizes="(min-width: 46rem) 42rem, calc(100vw - 2rem)"` : '') +
        ` alt="${esc(i.alt)}"` +
        (i.width ? ` width="${i.width}"` : '') +
        (i.height ? ` height="${i.height}"` : '') +
        ` loading="${lead ? 'eager' : 'lazy'}" decoding="async">`;
    }
    const cap = blank(f.caption) ? '' : `<span class="caption">${esc(f.caption)}</span>`;
    const cr = credit(f.credit);
    const fc = cap || cr ? `<figcaption>${cap}${cap && cr ? ' ' : ''}${cr ? `<span class="credit">${esc(cr)}</span>` : ''}</figcaption>` : '';
    return `<figure class="figure${lead ? ' figure--lead' : ''}">${img}${fc}</figure>`;
  }
  function date(s) {
    if (blank(s)) return '';
    const d = new Date(s);
    const text = isNaN(d) ? s : d.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
    return `<time datetime="${esc(s)}">${esc(text)}</time>`;
  }

  function render(a, base) {
    const byline = !blank(a.byline)
      ? esc(a.byline)
      : a.authors && a.authors.length
        ? 'By ' + a.authors.map((p) => esc(p.name)).join(', ')
        : '';
    let h = '';
    if (a.corrections && a.corrections.length) {
      h += `<section class="corrections"><h2>Correction${a.corrections.length > 1 ? 's' : ''}</h2><ul>${a.corrections
        .map((c) => `<li>${c.date ? date(c.date) + ': ' : ''}${esc(c.text)}</li>`)
        .join('')}</ul></section>`;
    }
    h += '<header class="article-header">';
    if (!blank(a.section) || !blank(a.kicker)) {
      h += `<p class="kicker">${blank(a.section) ? '' : `<span class="section">${esc(a.section)}</span>`}${
        blank(a.kicker) ? '' : `<span class="kicker-text">${esc(a.kicker)}</span>`
      }</p>`;
    }
    h += `<h1 id="headline">${esc(a.headline)}</h1>`;
    if (!blank(a.dek)) h += `<p class="dek">${esc(a.dek)}</p>`;
    h += `<div class="meta">${byline ? `<p class="byline">${byline}</p>` : ''}<p class="dates">${date(a.published)}</p></div>`;
    h += figure(a.lead, base, true) + '</header><div class="article-body">';
    for (const b of a.body || []) {
      if (b.type === 'text') h += marked.parse(b.markdown || '');
      else if (b.type === 'figure') h += figure(b, base, false);
      else if (b.type === 'heading') {
        const l = Math.min(4, Math.max(2, b.level || 2));
        h += `<h${l}>${esc(b.text)}</h${l}>`;
      } else if (b.type === 'quote') {
        h += `<figure class="pull-quote"><blockquote><p>${esc(b.text)}</p></blockquote>${
          blank(b.cite) ? '' : `<figcaption>— ${esc(b.cite)}</figcaption>`
        }</figure>`;
      }
    }
    h += '</div><footer class="article-footer">';
    if (a.tags && a.tags.length) h += `<ul class="tags" aria-label="Topics">${a.tags.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`;
    if (a.related && a.related.length) {
      h += `<nav class="related"><h2>Related</h2><ul>${a.related
        .map((r) => `<li><a class="related-title" href="${esc(link(r.url, base))}">${esc(r.title)}</a>${
          blank(r.summary) ? '' : `<p class="related-summary">${esc(r.summary)}</p>`
        }</li>`)
        .join('')}</ul></nav>`;
    }
    if (a.source && a.source.syndicated && !blank(a.source.name)) h += `<p class="source">Source: ${esc(a.source.name)}</p>`;
    return h + '</footer>';
  }
  // Links to other articles on this site open in the viewer.
  function link(url, base) {
    const u = new URL(url, base);
    if (u.origin === location.origin && u.pathname.endsWith('.json')) return `?src=${encodeURIComponent(u.pathname.slice(1))}`;
    return u.href;
  }

  async function load() {
    const n = ++loads;
    const src = new URLSearchParams(location.search).get('src');
    if (!src) return;
    const url = new URL(src, location.origin + '/');
    const res = await fetch(url);
    const a = await res.json();
    if (n !== loads) return;
    article.lang = a.language || '';
    article.innerHTML = DOMPurify.sanitize(render(a, url));
    article.removeAttribute('aria-busy');
    performance.mark('article-rendered');
    document.title = a.headline + ' — Broadsheet';
    let desc = document.querySelector('meta[name="description"]');
    if (!desc) {
      desc = document.createElement('meta');
      desc.name = 'description';
      document.head.append(desc);
    }
    desc.content = a.dek || '';
    window.scrollTo(0, 0);
    progress();
  }

  // Reading progress, the common way.
  function progress() {
    const body = article.querySelector('.article-body');
    if (!body) return;
    const r = body.getBoundingClientRect();
    const total = r.height - innerHeight;
    const f = total > 0 ? Math.min(1, Math.max(0, -r.top / total)) : 1;
    fill.style.transform = `scaleX(${f.toFixed(4)})`;
    bar.setAttribute('aria-valuenow', String(Math.round(f * 100)));
  }
  addEventListener('scroll', progress, { passive: true });
  addEventListener('resize', progress);
  addEventListener('popstate', load);
  document.addEventListener('click', (e) => {
    const a = e.target.closest && e.target.closest('a[href^="?src="]');
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    history.pushState(null, '', a.getAttribute('href'));
    load();
  });
  load();
})();
