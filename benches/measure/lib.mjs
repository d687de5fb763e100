// What the measurements of the benchmark (benches/measure/*.mjs) share: the peers
// and articles, the targets of issue 7, statistics and number formats, the
// table's rows, and the browser sessions every measurement runs in.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/harness.mjs';

/** benches/, and the repository. */
export const BENCHES = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO = resolve(BENCHES, '..');

export const VIEWPORT = { width: 1280, height: 800 };
export const PEERS = ['app', 'static', 'js'];
/** With the build's pre-rendered article page (`/articles/<name>/`, docs/publishing.md), where it is measured. */
export const WITH_PAGE = [...PEERS, 'page'];
export const ARTICLES = {
  sample: 'iran-diplomat-defects-2011.json',
  long: 'long-read-night-shift.json',
  huge: 'bench-huge.json', // generated, served from target/bench/huge.json
  images: 'harbour-light-restoration.json',
};
export const TARGETS = {
  shellBrotli: 100_000,
  sampleWarmVsStatic: 1.3,
  hugeVsJs: 0.5,
  scrollLongTasks: 0,
  cls: 0,
  memoryGrowth: 0.1,
  lighthouse: 95,
  // The pre-rendered article page (docs/publishing.md).
  pageVsStatic: 1.1, // time to article text, cold and warm
  pageLcpVsStatic: 1.2, // Lighthouse LCP
  // What the browser requests, wasm + JS + CSS as served (issue 16): bars and goals.
  pageCodeBrotli: 100_000, // the pre-rendered page, until it responds
  pageCodeGoal: 60_000,
  appCodeBrotli: 200_000, // the app on /read?src=, until it responds
  appCodeGoal: 150_000,
};

/** The pre-rendered page's address of an article file (`x.json` → `/articles/x/`). */
export const pagePath = (file) => `/articles/${file.replace(/\.json$/, '')}/`;

// ---------------------------------------------------------------- progress
export const started = Date.now();
/** A line of progress on stderr, with the seconds since the start. */
export const say = (...a) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${a.join(' ')}\n`);

// ---------------------------------------------------------------- statistics and formats
export const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
export const max = (xs) => (xs.length ? Math.max(...xs) : null);
export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** `visit()` twice in session `s`: cold (its first visit), then warm (HTTP cache
 *  and compiled wasm kept, by way of about:blank). */
export async function coldThenWarm(s, visit) {
  const cold = await visit();
  await s.page.goto('about:blank');
  const warm = await visit();
  return { cold, warm };
}
export const kB = (n) => (n == null ? '—' : `${(n / 1000).toFixed(1)} kB`);
export const ms = (n) => (n == null ? '—' : n >= 100 ? `${Math.round(n)}` : n.toFixed(1));
export const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
export const x = (r) => (r == null ? '—' : `${r.toFixed(2)}×`);

/** Runs `peers` starting at a different one every run, so no peer always goes first. */
export const order = (run, peers = PEERS) => peers.slice(run % peers.length).concat(peers.slice(0, run % peers.length));

// ---------------------------------------------------------------- the table
export const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

/** The printed table: each measurement adds its section. */
export class Table {
  lines = [];
  /** A label, then right-aligned cells. */
  row(label, cells, w = 11) {
    this.lines.push(pad(label, 40) + cells.map((c) => lpad(c ?? '—', w)).join(''));
  }
  /** A blank line and a section's title. */
  head(title) {
    this.lines.push('', title);
  }
  line(...text) {
    this.lines.push(...text);
  }
  toString() {
    return this.lines.join('\n');
  }
}

// ---------------------------------------------------------------- browser
// Every session is a fresh profile in a fresh browser: "cold" means nothing cached
// anywhere (HTTP cache, V8/wasm code cache), "warm" is the next visit in the same
// profile. Service workers are blocked (see docs/benchmarks.md).
export async function session({ fallbackMark = false, watchArticle = false, respond = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bs-bench-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    serviceWorkers: 'block',
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  await ctx.addInitScript(initScript(fallbackMark, watchArticle, respond));
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const cdp = await ctx.newCDPSession(page);
  return {
    ctx,
    page,
    cdp,
    close: async () => {
      await ctx.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Runs in every document before its own scripts: collects long tasks, layout
// shifts and paints; keeps the app's wasm exports (for its memory); and, when asked
// (the app, when its build has no mark of its own), marks the moment the
// article's text is in the DOM for builds that do not set the mark themselves;
// and, with `respond`, the reader's driver of benches/measure/respond.mjs.
const initScript = (fallbackMark, watchArticle, respond) => `(() => {
  const b = (window.__bench = { longtasks: [], shifts: [], lcp: null, fcp: null, wasm: null });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.shifts.push({ start: e.startTime, value: e.value, input: e.hadRecentInput }); })
      .observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.lcp = e.startTime; })
      .observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') b.fcp = e.startTime; })
      .observe({ type: 'paint', buffered: true });
  } catch (e) {}
  // The first frame drawn after the mark (style, layout and paint of the new article
  // done): a task queued from the next animation frame runs once that frame is rendered.
  const mark = performance.mark.bind(performance);
  performance.mark = function (name, ...rest) {
    // (bench:article-text: the pre-rendered page's static text, benches/peers.mjs.)
    if (name === 'article-rendered' || name === 'bench:article-in-dom' || name === 'bench:article-text') {
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { if (b.painted == null) b.painted = performance.now(); };
        ch.port2.postMessage(0);
      });
    }
    return mark(name, ...rest);
  };
  addEventListener('TrunkApplicationStarted', (e) => { b.wasm = e.detail && e.detail.wasm; b.startedAt = performance.now(); });
  if (${watchArticle ? 'true' : 'false'}) {
    // The last time anything inside the article changed: the whole article is in the
    // DOM by then, however the page renders it (all at once, or in chunks).
    new MutationObserver((recs) => {
      for (const r of recs) {
        const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        const inArticle = (t && t.closest('article')) ||
          [...r.addedNodes].some((n) => n.nodeType === 1 && (n.matches('article') || n.querySelector('article')));
        if (inArticle) { b.articleChanged = performance.now(); break; }
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  }
  if (${fallbackMark ? 'true' : 'false'}) {
    const mo = new MutationObserver(() => {
      if (performance.getEntriesByName('article-rendered', 'mark').length) { mo.disconnect(); return; }
      if (document.querySelector('article h1') && document.querySelector('article .article-body p')) {
        performance.mark('bench:article-in-dom');
        mo.disconnect();
      }
    });
    mo.observe(document, { childList: true, subtree: true });
  }
  if (${respond ? 'true' : 'false'}) {
    // A reader who, from the first frame on, scrolls and opens the reader settings
    // (benches/measure/respond.mjs). After every rendered frame (a task queued from
    // requestAnimationFrame runs once that frame is drawn): if the page was scrolled
    // before this frame and the progress bar now says more than 0 %, the bar has
    // moved; else scroll again (to 60 % of the page, or 40 px above, in turn, so
    // every frame has a fresh scroll). If #reader-settings is in the page and
    // visible, the settings are open; else click the settings button, unless it is
    // already expanded (the panel is on its way). Times in ms from navigation start.
    const r = (b.respond = { dataGone: null, bar: null, settings: null, scrolls: 0, clicks: 0 });
    // The article's data script leaves the page when the app takes it over: it is
    // a child of <body>, so only <html>'s and <body>'s own children are watched.
    const watch = new MutationObserver((recs) => {
      for (const rec of recs) {
        for (const n of rec.addedNodes) if (n.nodeName === 'HTML' || n.nodeName === 'BODY') watch.observe(n, { childList: true });
        for (const n of rec.removedNodes) if (n.id === 'bs-article' && r.dataGone == null) r.dataGone = performance.now();
      }
    });
    for (const n of [document, document.documentElement, document.body]) if (n) watch.observe(n, { childList: true });
    let scrolled = false;
    let flip = false;
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      const now = performance.now();
      if (r.bar == null) {
        const bar = document.querySelector('.progress');
        if (scrolled && bar && Number(bar.getAttribute('aria-valuenow')) > 0) r.bar = now;
        else {
          const maxY = document.documentElement ? document.documentElement.scrollHeight - innerHeight : 0;
          if (maxY > 200) {
            flip = !flip;
            scrollTo({ top: Math.round(maxY * 0.6) - (flip ? 0 : 40), behavior: 'instant' });
            scrolled = true;
            r.scrolls++;
          }
        }
      }
      if (r.settings == null) {
        const panel = document.getElementById('reader-settings');
        if (panel && panel.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && panel.getBoundingClientRect().height > 0) r.settings = now;
        else {
          const button = document.getElementById('reader-settings-button');
          if (button && button.getAttribute('aria-expanded') !== 'true') {
            button.click();
            r.clicks++;
          }
        }
      }
      if (r.bar == null || r.settings == null) requestAnimationFrame(frame);
    };
    const frame = () => ch.port2.postMessage(0);
    requestAnimationFrame(frame);
  }
})();`;

/**
 * Waits for the article-rendered mark (or the harness's own): { t, by }. `names`:
 * the marks to wait for instead, the first one set counting.
 */
export async function waitForArticle(page, timeout = 180_000, names = ['article-rendered', 'bench:article-in-dom']) {
  const h = await page.waitForFunction(
    (names) => {
      for (const n of names) {
        const m = performance.getEntriesByName(n, 'mark')[0];
        if (m) return { t: m.startTime, by: m.name };
      }
      return null;
    },
    names,
    { timeout, polling: 50 },
  );
  const v = await h.jsonValue();
  await h.dispose();
  return v;
}
