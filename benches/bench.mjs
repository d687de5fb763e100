// The benchmark of issue 7: the release build in headless Chromium on 127.0.0.1,
// each figure side by side with two peers served in the same run:
//   static — the same article pre-rendered as plain HTML + the same CSS (the limit);
//   js     — benches/js-peer/, a vanilla-JS viewer doing the same job the common way.
// Prints a table of medians over the runs and writes target/bench/results.json.
// See docs/benchmarks.md. Normally run through scripts/bench.
//
//   node benches/bench.mjs [--dist DIR] [--runs N] [--quick] [--out DIR]
//                          [--no-lighthouse] [--only sizes,load,scroll,cls,memory,pathological,lighthouse]
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, brotli, gzip } from '../scripts/harness.mjs';
import { generateHuge } from './gen-huge.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');
const VIEWPORT = { width: 1280, height: 800 };
const PEERS = ['app', 'static', 'js'];
const ARTICLES = {
  sample: 'iran-diplomat-defects-2011.json',
  long: 'long-read-night-shift.json',
  huge: 'bench-huge.json', // generated, served from target/bench/huge.json
  images: 'harbour-light-restoration.json',
};
// Five entries, so that the 5th and the 50th article opened are the same one (the
// Arabic sample) and the node counts compare like with like.
const MEMORY_CYCLE = [
  'iran-diplomat-defects-2011.json',
  'long-read-night-shift.json',
  'harbour-light-restoration.json',
  'iran-diplomat-defects-2011.json',
  'rtl-sample-ar.json',
];
const MEMORY_STOPS = [5, 10, 20, 30, 40, 50];
const SCROLL_STEP = 80; // px per animation frame: 4800 px/s at 60 Hz, a brisk fling.
const TARGETS = {
  shellBrotli: 100_000,
  sampleWarmVsStatic: 1.3,
  hugeVsJs: 0.5,
  scrollLongTasks: 0,
  cls: 0,
  memoryGrowth: 0.1,
  lighthouse: 95,
};

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const o = { dist: join(REPO, 'dist'), out: join(REPO, 'target/bench'), runs: 5, quick: false, lighthouse: true, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--dist') o.dist = resolve(val());
    else if (a === '--out') o.out = resolve(val());
    else if (a === '--runs') o.runs = Math.max(1, Number(val()));
    else if (a === '--quick') o.quick = true;
    else if (a === '--no-lighthouse') o.lighthouse = false;
    else if (a === '--only') o.only = new Set(val().split(','));
    else if (a === '-h' || a === '--help') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(0, 9).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (o.quick && !argv.includes('--runs')) o.runs = 2;
  return o;
}
const opts = parseArgs(process.argv.slice(2));
const want = (what) => !opts.only || opts.only.has(what);
const started = Date.now();
const say = (...a) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${a.join(' ')}\n`);

// ---------------------------------------------------------------- helpers
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const max = (xs) => (xs.length ? Math.max(...xs) : null);
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const kB = (n) => (n == null ? '—' : `${(n / 1000).toFixed(1)} kB`);
const ms = (n) => (n == null ? '—' : n >= 100 ? `${Math.round(n)}` : n.toFixed(1));
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
const x = (r) => (r == null ? '—' : `${r.toFixed(2)}×`);

function inspectDist(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // Trunk's loader is inline, or (with a strict CSP) a start-<hash>.js module.
  const start = /<script type="module" src="\/?([^"]+\.js)"/.exec(html)?.[1];
  const loader = start ? readFileSync(join(dist, start), 'utf8') : html;
  const css = /<link rel="stylesheet" href="\/?([^"]+\.css)"/.exec(html)?.[1];
  const js = /from '\/?([^']+\.js)'/.exec(loader)?.[1];
  const wasm = /module_or_path: '\/?([^']+\.wasm)'/.exec(loader)?.[1];
  const boot = /<script src="\/?([^"]+\.js)"><\/script>/.exec(html)?.[1];
  if (!css || !js || !wasm) throw new Error(`${dist}/index.html: cannot find the css/js/wasm of the build`);
  const wasmBytes = readFileSync(join(dist, wasm));
  return {
    css,
    js,
    wasm,
    boot,
    start,
    // Until the build has the app's own mark, the harness marks the moment instead.
    hasMark: wasmBytes.includes('article-rendered') || readFileSync(join(dist, js)).includes('article-rendered'),
  };
}

function sizes(files) {
  const rows = files.map(({ label, path, kind }) => {
    const raw = readFileSync(path);
    return { label, kind, raw: raw.length, gzip: gzip(raw).length, brotli: brotli(raw).length };
  });
  const sum = (k, f = () => true) => rows.filter(f).reduce((s, r) => s + r[k], 0);
  const shell = (r) => r.kind !== 'html';
  return {
    files: rows,
    shell: { raw: sum('raw', shell), gzip: sum('gzip', shell), brotli: sum('brotli', shell) },
    withHtml: { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') },
  };
}

// ---------------------------------------------------------------- browser
// Every session is a fresh profile in a fresh browser: "cold" means nothing cached
// anywhere (HTTP cache, V8/wasm code cache), "warm" is the next visit in the same
// profile. Service workers are blocked (see docs/benchmarks.md).
async function session({ fallbackMark = false, watchArticle = false } = {}) {
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
  await ctx.addInitScript(initScript(fallbackMark, watchArticle));
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
// article's text is in the DOM for builds that do not set the mark themselves.
const initScript = (fallbackMark, watchArticle) => `(() => {
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
    if (name === 'article-rendered' || name === 'bench:article-in-dom') {
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
})();`;

async function waitForArticle(page, timeout = 180_000) {
  const h = await page.waitForFunction(
    () => {
      const m =
        performance.getEntriesByName('article-rendered', 'mark')[0] ?? performance.getEntriesByName('bench:article-in-dom', 'mark')[0];
      return m ? { t: m.startTime, by: m.name } : null;
    },
    null,
    { timeout, polling: 50 },
  );
  const v = await h.jsonValue();
  await h.dispose();
  return v;
}

// ---------------------------------------------------------------- main
mkdirSync(opts.out, { recursive: true });
// Served from a snapshot, so a rebuild of dist/ during the run cannot mix two builds.
let distSnapshot = join(opts.out, 'dist-snapshot');
if (resolve(opts.dist) === distSnapshot || !existsSync(join(opts.dist, 'index.html'))) {
  if (!existsSync(join(opts.dist, 'index.html'))) throw new Error(`${opts.dist}: no index.html (build first, or pass --dist)`);
  distSnapshot = resolve(opts.dist);
} else {
  rmSync(distSnapshot, { recursive: true, force: true });
  cpSync(opts.dist, distSnapshot, { recursive: true });
}
const info = inspectDist(distSnapshot);
const site = join(opts.out, 'site');
rmSync(site, { recursive: true, force: true });
mkdirSync(join(site, 'js-peer/vendor'), { recursive: true });
mkdirSync(join(site, 'static'), { recursive: true });
writeFileSync(
  join(site, 'js-peer/index.html'),
  readFileSync(join(HERE, 'js-peer/index.html'), 'utf8').replaceAll('{{CSS}}', '/' + info.css),
);
cpSync(join(HERE, 'js-peer/viewer.js'), join(site, 'js-peer/viewer.js'));
cpSync(join(HERE, 'node_modules/marked/lib/marked.umd.js'), join(site, 'js-peer/vendor/marked.umd.js'));
cpSync(join(HERE, 'node_modules/dompurify/dist/purify.min.js'), join(site, 'js-peer/vendor/purify.min.js'));

const hugeArticle = generateHuge({ seed: 7, markdownBytes: 1_000_000 });
const hugePath = join(opts.out, 'huge.json');
writeFileSync(hugePath, JSON.stringify(hugeArticle));

// Pathological Markdown (crates/core/src/pathological.rs), written as articles by
// the native bench, which also times them natively.
const pathoDir = join(opts.out, 'pathological');
let pathoNative = {};
if (want('pathological')) {
  say('pathological: cargo bench --bench pathological');
  rmSync(pathoDir, { recursive: true, force: true });
  const out = execFileSync('cargo', ['bench', '--quiet', '--bench', 'pathological', '--', '--write', pathoDir], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  for (const line of out.split('\n').slice(1)) {
    const m = /^(.*?)\s+(\d+)\s+([\d.]+)$/.exec(line);
    if (m) pathoNative[m[1].trim()] = Number(m[3]);
  }
}

const server = await startServer({
  root: distSnapshot,
  mounts: {
    '/articles/pathological/': pathoDir,
    '/js-peer/': join(site, 'js-peer'),
    '/static/': join(site, 'static'),
    '/articles/bench-huge.json': hugePath,
  },
  immutablePrefixes: ['/js-peer/vendor/', '/js-peer/viewer.js'],
});
const B = server.url;
const url = {
  app: (file) => `${B}/read?src=articles/${file}`,
  static: (file) => `${B}/static/${file.replace(/\.json$/, '.html')}`,
  js: (file) => `${B}/js-peer/?src=articles/${file}`,
};
say(`serving ${relative(REPO, opts.dist) || opts.dist} at ${B}; ${opts.runs} run(s)${opts.quick ? ' (quick)' : ''}`);
say(`app sets performance.mark('article-rendered'): ${info.hasMark ? 'yes' : 'no — the harness marks the article in the DOM instead'}`);
// Compress everything once now, so no timing includes compression.
{
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.(br|gz)$/.test(e.name)) files.push(p);
    }
  };
  walk(distSnapshot);
  walk(join(site, 'js-peer'));
  files.push(hugePath);
  await server.warm(files);
}

const chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const results = {
  date: new Date().toISOString(),
  command: process.env.BENCH_COMMAND ?? `node benches/bench.mjs ${process.argv.slice(2).join(' ')}`.trim(),
  machine: { cores: cpus().length, cpu: cpus()[0]?.model, chromium: chromiumVersion, node: process.version, loadavgAtStart: loadavg() },
  options: { runs: opts.runs, quick: opts.quick, dist: opts.dist, scrollStep: SCROLL_STEP, viewport: VIEWPORT },
  build: { ...info },
  huge: { ...hugeArticle.stats, jsonBytes: readFileSync(hugePath).length },
  targets: TARGETS,
};

// ---- static peer: the app's own rendering of each article, frozen as HTML.
async function makeStaticPages() {
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

// ---- time to article, cold then warm, in a fresh profile.
async function timeToArticle(peer, file) {
  const huge = file === ARTICLES.huge;
  const s = await session({ fallbackMark: peer === 'app' && !info.hasMark, watchArticle: huge });
  try {
    const one = async () => {
      const before = server.log.length;
      await s.page.goto(url[peer](file), { waitUntil: 'commit' });
      const m = await waitForArticle(s.page);
      await s.page.waitForLoadState('load');
      await s.page.waitForFunction(() => window.__bench.lcp != null, null, { timeout: 5000 }).catch(() => {});
      if (huge) {
        // Until 500 ms pass with no long task and no change in the article: whatever
        // the page still does after its mark (rendering the rest, measuring) is over.
        await s.page
          .waitForFunction(
            () =>
              performance.now() -
                Math.max(window.__bench.articleChanged ?? 0, ...window.__bench.longtasks.map((t) => t.start + t.duration)) >
              500,
            null,
            { timeout: 60_000, polling: 100 },
          )
          .catch(() => {});
      }
      const extra = await s.page.evaluate((file) => ({
        // Where the time went (ms from navigation start): the page's own HTML, the
        // wasm (app), the app's start, the article's JSON (app and js).
        phases: (() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const res = performance.getEntriesByType('resource');
          const wasm = res.find((e) => e.name.endsWith('.wasm'));
          const json = res.find((e) => e.name.includes(file));
          return {
            htmlReceived: nav?.responseEnd ?? null,
            wasmReceived: wasm?.responseEnd ?? null,
            appStarted: window.__bench.startedAt ?? null,
            articleRequested: json?.startTime ?? null,
            articleReceived: json?.responseEnd ?? null,
          };
        })(),
        busyUntil: Math.max(0, ...window.__bench.longtasks.map((t) => t.start + t.duration)),
        articleChanged: window.__bench.articleChanged ?? null,
        painted: window.__bench.painted ?? null,
        fcp: window.__bench.fcp,
        lcp: window.__bench.lcp,
        longest: Math.max(0, ...window.__bench.longtasks.map((t) => t.duration)),
        longtaskTotal: window.__bench.longtasks.reduce((s, t) => s + t.duration, 0),
      }), file);
      const log = server.log.slice(before);
      return {
        ms: m.t,
        by: m.by,
        ...extra,
        busyUntil: Math.max(m.t, extra.busyUntil),
        complete: Math.max(m.t, extra.articleChanged ?? 0),
        requests: log.length,
        bytes: log.reduce((a, l) => a + l.bytes, 0),
        notModified: log.filter((l) => l.status === 304).length,
      };
    };
    const cold = await one();
    await s.page.goto('about:blank');
    const warm = await one();
    return { cold, warm };
  } finally {
    await s.close();
  }
}

// ---- scripted scroll through the long article.
async function scroll(peer) {
  const s = await session({ fallbackMark: peer === 'app' && !info.hasMark });
  try {
    await s.page.goto(url[peer](ARTICLES.long), { waitUntil: 'commit' });
    await waitForArticle(s.page);
    await s.page.waitForLoadState('load');
    await sleep(1000);
    await s.cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    const metrics = async () =>
      Object.fromEntries((await s.cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const before = await metrics();
    const r = await s.page.evaluate(
      ({ step }) =>
        new Promise((done) => {
          const fill = document.querySelector('.progress-fill');
          const body = document.querySelector('.article-body');
          const chrome = document.querySelector('.reader-bar');
          const H = innerHeight;
          const maxY = document.documentElement.scrollHeight - H;
          // Geometry measured once, as the reader sees it (progress.rs: 0 when the body's
          // top reaches the reading line below the sticky bar, 1 when its end is in view).
          const rect = body.getBoundingClientRect();
          const top = rect.top + scrollY;
          const inset = chrome ? chrome.offsetHeight : 0;
          const start = top - inset;
          const end = top + rect.height - H;
          const expected = (y) => (end <= start ? 1 : Math.min(1, Math.max(0, (y - start) / (end - start))));
          const shown = () => {
            const m = /scaleX\(([-0-9.e]+)\)/.exec(fill?.style.transform ?? '');
            return m ? Number(m[1]) : null;
          };
          const ch = new MessageChannel();
          const samples = [];
          const frames = [];
          let y = 0;
          let t0 = 0;
          // The driver scrolls between frames, as input would: a task queued from
          // requestAnimationFrame runs after that frame is rendered; it compares the bar
          // in the frame just drawn with where the page was, then scrolls on, so the
          // next frame's scroll event and animation-frame callbacks see the new place.
          ch.port1.onmessage = () => {
            if (t0) samples.push({ y, want: expected(y), got: shown() });
            else t0 = performance.now();
            if (y >= maxY) {
              const t1 = performance.now();
              setTimeout(() => {
                const lt = window.__bench.longtasks.filter((t) => t.start >= t0 && t.start <= t1);
                done({ t0, t1, maxY, samples, frames, longtasks: lt, finalShown: shown() });
              }, 200);
              return;
            }
            y = Math.min(maxY, y + step);
            scrollTo({ top: y, behavior: 'instant' });
            requestAnimationFrame(frame);
          };
          const frame = (ts) => {
            frames.push(ts);
            ch.port2.postMessage(0);
          };
          scrollTo({ top: 0, behavior: 'instant' });
          requestAnimationFrame(() => requestAnimationFrame(frame));
        }),
      { step: SCROLL_STEP },
    );
    const after = await metrics();
    const per1000 = (k) => ((after[k] - before[k]) / r.maxY) * 1000;
    const intervals = r.frames.slice(1).map((t, i) => t - r.frames[i]);
    // The static page has the bar's markup (frozen from the app) but no script to move it.
    const hasBar = peer !== 'static';
    const off = hasBar ? r.samples.filter((s) => s.got == null || Math.abs(s.got - s.want) > 0.01) : [];
    return {
      px: r.maxY,
      seconds: (r.t1 - r.t0) / 1000,
      longTasks: r.longtasks.length,
      longestTask: Math.max(0, ...r.longtasks.map((t) => t.duration)),
      scriptMsPer1000: per1000('ScriptDuration') * 1000,
      layoutMsPer1000: per1000('LayoutDuration') * 1000,
      layoutsPer1000: per1000('LayoutCount'),
      styleRecalcsPer1000: per1000('RecalcStyleCount'),
      taskMsPer1000: per1000('TaskDuration') * 1000,
      frames: r.frames.length,
      slowFrames: intervals.filter((d) => d > 50).length,
      bar: hasBar
        ? {
            samples: r.samples.length,
            off: off.length,
            maxError: Math.max(0, ...r.samples.map((s) => (s.got == null ? 1 : Math.abs(s.got - s.want)))),
            final: r.finalShown,
          }
        : null,
    };
  } finally {
    await s.close();
  }
}

// ---- cumulative layout shift while the image sample loads (cold).
async function cls(peer) {
  const s = await session({ fallbackMark: peer === 'app' && !info.hasMark });
  try {
    await s.page.goto(url[peer](ARTICLES.images), { waitUntil: 'commit' });
    await waitForArticle(s.page);
    await s.page.waitForLoadState('load');
    // The pictures in view have arrived (lazy ones below the fold never load).
    await s.page.waitForFunction(() => [...document.images].every((i) => i.loading === 'lazy' || i.complete), null, { timeout: 30_000 });
    await sleep(1000);
    return await s.page.evaluate(() => {
      const shifts = window.__bench.shifts.filter((e) => !e.input);
      return { cls: shifts.reduce((a, e) => a + e.value, 0), shifts: shifts.length, lcp: window.__bench.lcp };
    });
  } finally {
    await s.close();
  }
}

// ---- memory after opening 5 and 50 articles in a row in one tab.
async function memory(peer) {
  const s = await session();
  const headlines = Object.fromEntries(
    MEMORY_CYCLE.map((f) => [f, JSON.parse(readFileSync(join(distSnapshot, 'articles', f), 'utf8')).headline]),
  );
  try {
    await s.page.goto(url[peer](MEMORY_CYCLE[0]), { waitUntil: 'load' });
    await (await s.page.waitForSelector('article .article-body p', { timeout: 60_000 })).dispose();
    await s.cdp.send('HeapProfiler.enable');
    const measure = async () => {
      await sleep(300);
      for (let i = 0; i < 3; i++) await s.cdp.send('HeapProfiler.collectGarbage');
      const heap = await s.cdp.send('Runtime.getHeapUsage');
      const dom = await s.cdp.send('Memory.getDOMCounters');
      const wasm = await s.page.evaluate(() => window.__bench.wasm?.memory?.buffer?.byteLength ?? null);
      return { jsHeap: heap.usedSize, wasm, nodes: dom.nodes, listeners: dom.jsEventListeners, documents: dom.documents };
    };
    const path = (file) => new URL(url[peer](file)).pathname + new URL(url[peer](file)).search;
    let opened = 1;
    const out = {};
    const t0 = Date.now();
    for (const stop of MEMORY_STOPS) {
      while (opened < stop) {
        const file = MEMORY_CYCLE[opened % MEMORY_CYCLE.length];
        await s.page.evaluate((p) => {
          history.pushState(null, '', p);
          dispatchEvent(new PopStateEvent('popstate', { state: null }));
        }, path(file));
        await s.page.waitForFunction(
          // A boolean, never an element: a handle to one would keep the old page alive.
          (h) => document.querySelector('article h1')?.textContent.trim() === h && !!document.querySelector('article .article-body p'),
          headlines[file],
          { timeout: 30_000, polling: 'raf' },
        );
        opened++;
      }
      out[stop] = await measure();
    }
    out.seconds = (Date.now() - t0) / 1000;
    const g = (k) => (out[5][k] ? (out[50][k] - out[5][k]) / out[5][k] : null);
    out.growth = { jsHeap: g('jsHeap'), wasm: g('wasm'), nodes: g('nodes') };
    return out;
  } finally {
    await s.close();
  }
}

// ---- Lighthouse 12.2.3 (its CLI, default mobile settings) on the article page.
async function lighthouse(peer, i = 0) {
  const dir = join(opts.out, 'lighthouse');
  mkdirSync(dir, { recursive: true });
  const base = join(dir, i ? `${peer}-${i + 1}` : peer);
  const udd = mkdtempSync(join(tmpdir(), 'bs-lh-'));
  const args = [
    join(HERE, 'node_modules/lighthouse/cli/index.js'),
    url[peer](ARTICLES.sample),
    '--quiet',
    '--output=json',
    '--output=html',
    `--output-path=${base}`,
    '--only-categories=performance,accessibility,best-practices,seo',
    `--chrome-flags=--headless ${CHROMIUM_ARGS.join(' ')} --user-data-dir=${udd}`,
  ];
  try {
    await new Promise((ok, fail) => {
      const p = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CHROME_PATH: CHROMIUM } });
      let err = '';
      p.stderr.on('data', (d) => (err += d));
      p.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`lighthouse exited ${code}: ${err.slice(-2000)}`))));
    });
  } finally {
    rmSync(udd, { recursive: true, force: true });
  }
  const lhr = JSON.parse(readFileSync(base + '.report.json', 'utf8'));
  const score = (c) => (lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100));
  // Audits that cost points: scored below 0.9 (binary ones failed), with a weight.
  const failed = [];
  for (const [cat, c] of Object.entries(lhr.categories)) {
    for (const ref of c.auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a.score != null && a.score < 0.9) {
        failed.push({ category: cat, id: ref.id, score: a.score, display: a.displayValue ?? null, title: a.title });
      }
    }
  }
  const metric = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    metrics: {
      fcp: metric('first-contentful-paint'),
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      si: metric('speed-index'),
    },
    failed,
    report: relative(REPO, base + '.report.html'),
  };
}

// ---------------------------------------------------------------- run it
try {
  if (want('sizes')) {
    const d = (f) => join(distSnapshot, f);
    results.sizes = {
      app: sizes([
        { label: info.wasm, path: d(info.wasm), kind: 'wasm' },
        { label: info.js, path: d(info.js), kind: 'js' },
        ...(info.start ? [{ label: info.start, path: d(info.start), kind: 'js' }] : []),
        ...(info.boot ? [{ label: info.boot, path: d(info.boot), kind: 'js' }] : []),
        { label: info.css, path: d(info.css), kind: 'css' },
        { label: 'index.html', path: d('index.html'), kind: 'html' },
      ]),
      js: sizes([
        { label: 'marked.umd.js', path: join(site, 'js-peer/vendor/marked.umd.js'), kind: 'js' },
        { label: 'purify.min.js', path: join(site, 'js-peer/vendor/purify.min.js'), kind: 'js' },
        { label: 'viewer.js', path: join(site, 'js-peer/viewer.js'), kind: 'js' },
        { label: info.css, path: d(info.css), kind: 'css' },
        { label: 'index.html', path: join(site, 'js-peer/index.html'), kind: 'html' },
      ]),
    };
  }

  say('static peer: rendering the articles with the app and freezing them as HTML');
  await makeStaticPages();
  if (want('sizes')) {
    results.sizes.static = sizes([
      { label: info.css, path: join(distSnapshot, info.css), kind: 'css' },
      { label: 'static/' + ARTICLES.sample.replace('.json', '.html'), path: join(site, 'static', ARTICLES.sample.replace('.json', '.html')), kind: 'html' },
    ]);
  }

  const raw = { load: {}, scroll: {}, cls: {}, memory: {} };
  const order = (run) => PEERS.slice(run % PEERS.length).concat(PEERS.slice(0, run % PEERS.length));
  for (let run = 0; run < opts.runs; run++) {
    if (want('load')) {
      for (const name of ['sample', 'long', 'huge']) {
        for (const peer of order(run)) {
          say(`run ${run + 1}/${opts.runs}: time to article, ${name}, ${peer}`);
          ((raw.load[name] ??= {})[peer] ??= []).push(await timeToArticle(peer, ARTICLES[name]));
        }
      }
    }
    if (want('scroll') && run < Math.min(opts.runs, 3)) {
      for (const peer of order(run)) {
        say(`run ${run + 1}/${opts.runs}: scroll, ${peer}`);
        (raw.scroll[peer] ??= []).push(await scroll(peer));
      }
    }
    if (want('cls')) {
      for (const peer of order(run)) {
        say(`run ${run + 1}/${opts.runs}: layout shift, ${peer}`);
        (raw.cls[peer] ??= []).push(await cls(peer));
      }
    }
    if (want('memory') && run < (opts.quick ? 1 : Math.min(opts.runs, 3))) {
      for (const peer of ['app', 'js']) {
        say(`run ${run + 1}/${opts.runs}: memory over 50 articles, ${peer}`);
        (raw.memory[peer] ??= []).push(await memory(peer));
      }
    }
  }
  results.raw = raw;

  // Medians.
  if (want('load')) {
    results.load = {};
    for (const [name, byPeer] of Object.entries(raw.load)) {
      results.load[name] = {};
      for (const mode of ['cold', 'warm']) {
        const m = Object.fromEntries(PEERS.map((p) => [p, median(byPeer[p].map((r) => r[mode].ms))]));
        results.load[name][mode] = {
          ...m,
          appVsStatic: ratio(m.app, m.static),
          appVsJs: ratio(m.app, m.js),
          lcp: Object.fromEntries(PEERS.map((p) => [p, median(byPeer[p].map((r) => r[mode].lcp))])),
          longestTask: Object.fromEntries(PEERS.map((p) => [p, median(byPeer[p].map((r) => r[mode].longest))])),
          busyUntil: Object.fromEntries(PEERS.map((p) => [p, median(byPeer[p].map((r) => r[mode].busyUntil))])),
          complete: Object.fromEntries(PEERS.map((p) => [p, median(byPeer[p].map((r) => r[mode].complete))])),
          painted: Object.fromEntries(PEERS.map((p) => [p, median(byPeer[p].map((r) => r[mode].painted))])),
          phases: Object.fromEntries(
            PEERS.map((p) => [
              p,
              Object.fromEntries(Object.keys(byPeer[p][0][mode].phases).map((k) => [k, median(byPeer[p].map((r) => r[mode].phases[k]))])),
            ]),
          ),
          transferred: Object.fromEntries(PEERS.map((p) => [p, median(byPeer[p].map((r) => r[mode].bytes))])),
          markedBy: byPeer.app[0][mode].by,
        };
      }
    }
  }
  if (want('scroll')) {
    results.scroll = {};
    for (const p of PEERS) {
      const rs = raw.scroll[p];
      const med = (f) => median(rs.map(f));
      results.scroll[p] = {
        px: med((r) => r.px),
        longTasks: max(rs.map((r) => r.longTasks)),
        longestTask: max(rs.map((r) => r.longestTask)),
        scriptMsPer1000: med((r) => r.scriptMsPer1000),
        layoutsPer1000: med((r) => r.layoutsPer1000),
        layoutMsPer1000: med((r) => r.layoutMsPer1000),
        styleRecalcsPer1000: med((r) => r.styleRecalcsPer1000),
        taskMsPer1000: med((r) => r.taskMsPer1000),
        slowFrames: max(rs.map((r) => r.slowFrames)),
        bar: rs[0].bar
          ? {
              off: max(rs.map((r) => r.bar.off)),
              samples: med((r) => r.bar.samples),
              maxError: max(rs.map((r) => r.bar.maxError)),
              final: rs.map((r) => r.bar.final),
            }
          : null,
      };
    }
  }
  if (want('cls')) {
    results.cls = Object.fromEntries(PEERS.map((p) => [p, { max: max(raw.cls[p].map((r) => r.cls)), median: median(raw.cls[p].map((r) => r.cls)) }]));
  }
  if (want('memory')) {
    results.memory = {};
    for (const p of ['app', 'js']) {
      const rs = raw.memory[p];
      const at = (n, k) => median(rs.map((r) => r[n][k]));
      results.memory[p] = {};
      for (const k of ['jsHeap', 'wasm', 'nodes', 'listeners']) {
        const a = at(5, k);
        const b = at(50, k);
        results.memory[p][k] = { at5: a, at50: b, growth: a ? (b - a) / a : null };
      }
    }
  }
  if (want('lighthouse') && opts.lighthouse) {
    results.lighthouse = {};
    for (const p of opts.quick ? ['app'] : PEERS) {
      // The app's scores are the median of three runs (Lighthouse varies from run to
      // run, more so on a busy machine); the peers' come from one.
      const n = p === 'app' && !opts.quick ? 3 : 1;
      try {
        const rs = [];
        for (let i = 0; i < n; i++) {
          say(`lighthouse: ${p}${n > 1 ? ` (${i + 1}/${n})` : ''}`);
          rs.push(await lighthouse(p, i));
        }
        const medianRun = [...rs].sort((a, b) => a.performance - b.performance)[rs.length >> 1];
        results.lighthouse[p] = {
          ...medianRun,
          performance: median(rs.map((r) => r.performance)),
          accessibility: median(rs.map((r) => r.accessibility)),
          bestPractices: median(rs.map((r) => r.bestPractices)),
          seo: median(rs.map((r) => r.seo)),
          runs: rs.map(({ performance, accessibility, bestPractices, seo, metrics }) => ({ performance, accessibility, bestPractices, seo, metrics })),
        };
      } catch (e) {
        results.lighthouse[p] = { error: String(e.message ?? e) };
        say(`lighthouse ${p} failed: ${e.message}`);
      }
    }
  }
  if (want('pathological')) {
    // Each input in the app, in one browser after a first load (the wasm cached):
    // navigation start to the article rendered, the median of the runs.
    results.pathological = [];
    const files = readdirSync(pathoDir).filter((f) => f.endsWith('.json')).sort();
    const s = await session();
    try {
      await s.page.goto(url.app('iran-diplomat-defects-2011.json'));
      await waitForArticle(s.page);
      for (const file of files) {
        const name = JSON.parse(readFileSync(join(pathoDir, file), 'utf8')).headline;
        const times = [];
        for (let run = 0; run < Math.min(opts.runs, 3); run++) {
          await s.page.goto(url.app(`pathological/${file}`));
          times.push((await waitForArticle(s.page)).t);
        }
        say(`pathological: ${name}`);
        results.pathological.push({ name, bytes: statSync(join(pathoDir, file)).size, nativeMs: pathoNative[name] ?? null, browserMs: median(times) });
      }
    } finally {
      await s.close();
    }
  }
} finally {
  await server.close();
}

results.seconds = (Date.now() - started) / 1000;
results.machine.loadavgAtEnd = loadavg();
results.verdicts = verdicts(results);
writeFileSync(join(opts.out, 'results.json'), JSON.stringify(results, null, 2) + '\n');
process.stdout.write(table(results));
say(`wrote ${relative(REPO, join(opts.out, 'results.json'))} in ${results.seconds.toFixed(0)} s`);

// ---------------------------------------------------------------- verdicts and table
function verdicts(r) {
  const v = [];
  const add = (name, target, measured, ok, by) => v.push({ name, target, measured, met: ok, missedBy: ok ? null : by });
  if (r.sizes) {
    const b = r.sizes.app.shell.brotli;
    add('App shell, brotli (wasm + js + css)', `≤ ${kB(TARGETS.shellBrotli)}`, kB(b), b <= TARGETS.shellBrotli, `${kB(b - TARGETS.shellBrotli)} (${x(b / TARGETS.shellBrotli)} the target)`);
  }
  if (r.load) {
    const w = r.load.sample.warm.appVsStatic;
    if (w != null) add('Sample, warm: time to article vs static', `≤ ${TARGETS.sampleWarmVsStatic}×`, x(w), w <= TARGETS.sampleWarmVsStatic, `${(w - TARGETS.sampleWarmVsStatic).toFixed(2)}× (${ms(r.load.sample.warm.app - TARGETS.sampleWarmVsStatic * r.load.sample.warm.static)} ms)`);
    for (const mode of ['cold', 'warm']) {
      const h = r.load.huge[mode].appVsJs;
      if (h != null) add(`Huge, ${mode}: time to article vs js`, `≤ ${TARGETS.hugeVsJs}×`, x(h), h <= TARGETS.hugeVsJs, `${(h - TARGETS.hugeVsJs).toFixed(2)}× (${ms(r.load.huge[mode].app - TARGETS.hugeVsJs * r.load.huge[mode].js)} ms)`);
    }
  }
  if (r.scroll) {
    const n = r.scroll.app.longTasks;
    add('Long tasks while scrolling (worst run)', '0', String(n), n === 0, `${n} long task(s), longest ${ms(r.scroll.app.longestTask)} ms`);
    if (r.scroll.app.bar) {
      const o = r.scroll.app.bar.off;
      add('Progress bar kept up (frames off by > 1 %)', '0', String(o), o === 0, `${o} of ${r.scroll.app.bar.samples} frames, max error ${(r.scroll.app.bar.maxError * 100).toFixed(1)} %`);
    }
  }
  if (r.cls) {
    const c = r.cls.app.max;
    add('CLS, image sample (worst run)', '0', c.toFixed(4), c === 0, c.toFixed(4));
  }
  if (r.memory) {
    for (const k of ['jsHeap', 'wasm']) {
      const g = r.memory.app[k].growth;
      if (g != null) add(`Memory growth 5 → 50 articles, ${k === 'jsHeap' ? 'JS heap' : 'wasm memory'}`, `≤ ${TARGETS.memoryGrowth * 100} %`, `${(g * 100).toFixed(1)} %`, g <= TARGETS.memoryGrowth, `${((g - TARGETS.memoryGrowth) * 100).toFixed(1)} points`);
    }
  }
  if (r.pathological?.length) {
    const worst = r.pathological.reduce((a, b) => (b.browserMs > a.browserMs ? b : a));
    add('Pathological Markdown, slowest in the viewer', '< 1000 ms', `${ms(worst.browserMs)} ms`, worst.browserMs < 1000, `${ms(worst.browserMs - 1000)} ms (${worst.name})`);
  }
  if (r.lighthouse?.app && !r.lighthouse.app.error) {
    for (const [k, n] of [['performance', 'performance'], ['accessibility', 'accessibility'], ['bestPractices', 'best practices'], ['seo', 'SEO']]) {
      const s = r.lighthouse.app[k];
      add(`Lighthouse ${n}`, `≥ ${TARGETS.lighthouse}`, String(s), s >= TARGETS.lighthouse, `${TARGETS.lighthouse - s} points`);
    }
  }
  return v;
}

function table(r) {
  const lines = [];
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  const row = (label, cells, w = 11) => lines.push(pad(label, 40) + cells.map((c) => lpad(c ?? '—', w)).join(''));
  const head = (t) => lines.push('', t);
  lines.push(
    `Broadsheet benchmark — ${r.command} — ${r.date}`,
    `${r.options.runs} run(s), medians unless noted; ${r.machine.cores} × ${r.machine.cpu}; ${r.machine.chromium}`,
    `build: ${relative(REPO, r.options.dist) || r.options.dist}; time to article by: ${r.build.hasMark ? "the app's performance.mark('article-rendered')" : 'the harness (article text in the DOM; this build sets no mark)'}`,
    `load average (1/5/15 min) at start ${r.machine.loadavgAtStart.map((l) => l.toFixed(2)).join(' ')}, at end ${r.machine.loadavgAtEnd.map((l) => l.toFixed(2)).join(' ')}`,
  );
  if (r.sizes) {
    head('App shell transfer size (kB = 1000 bytes)');
    row('', ['raw', 'gzip', 'brotli']);
    for (const f of r.sizes.app.files) row(`  ${f.label}`, [kB(f.raw), kB(f.gzip), kB(f.brotli)]);
    row('app: wasm + js + css', [kB(r.sizes.app.shell.raw), kB(r.sizes.app.shell.gzip), kB(r.sizes.app.shell.brotli)]);
    row('js peer: marked + DOMPurify + viewer + css', [kB(r.sizes.js.shell.raw), kB(r.sizes.js.shell.gzip), kB(r.sizes.js.shell.brotli)]);
    row('static: css', [kB(r.sizes.static.shell.raw), kB(r.sizes.static.shell.gzip), kB(r.sizes.static.shell.brotli)]);
    row('  (+ html: app / js / static sample page)', [kB(r.sizes.app.files.at(-1).brotli), kB(r.sizes.js.files.at(-1).brotli), kB(r.sizes.static.files.at(-1).brotli)]);
  }
  if (r.load) {
    head('Time from navigation start to article rendered (ms)');
    row('', ['app', 'static', 'js', 'app/static', 'app/js']);
    for (const [name, v] of Object.entries(r.load)) {
      for (const mode of ['cold', 'warm']) {
        const m = v[mode];
        row(`  ${name}, ${mode}`, [ms(m.app), ms(m.static), ms(m.js), x(m.appVsStatic), x(m.appVsJs)]);
      }
    }
    for (const mode of ['cold', 'warm']) {
      const h = r.load.huge[mode];
      row(`  huge, ${mode}: first frame after the mark`, [ms(h.painted.app), ms(h.painted.static), ms(h.painted.js), x(ratio(h.painted.app, h.painted.static)), x(ratio(h.painted.app, h.painted.js))]);
      row(`  huge, ${mode}: whole article in DOM`, [ms(h.complete.app), ms(h.complete.static), ms(h.complete.js), x(ratio(h.complete.app, h.complete.static)), x(ratio(h.complete.app, h.complete.js))]);
      row(`  huge, ${mode}: last long task ends`, [ms(h.busyUntil.app), ms(h.busyUntil.static), ms(h.busyUntil.js), x(ratio(h.busyUntil.app, h.busyUntil.static)), x(ratio(h.busyUntil.app, h.busyUntil.js))]);
    }
    const ph = (name, mode) => {
      const a = r.load[name][mode].phases.app;
      const j = r.load[name][mode].phases.js;
      lines.push(
        `  ${name}, ${mode}, app: wasm received ${ms(a.wasmReceived)}, app started ${ms(a.appStarted)}, article requested ${ms(a.articleRequested)}, received ${ms(a.articleReceived)}, rendered ${ms(r.load[name][mode].app)}`,
        `  ${' '.repeat(name.length + mode.length + 2)}js:  article requested ${ms(j.articleRequested)}, received ${ms(j.articleReceived)}, rendered ${ms(r.load[name][mode].js)}`,
      );
    };
    ph('sample', 'cold');
    ph('sample', 'warm');
    ph('huge', 'cold');
    row('  huge, cold: longest task', [ms(r.load.huge.cold.longestTask.app), ms(r.load.huge.cold.longestTask.static), ms(r.load.huge.cold.longestTask.js)]);
    row('  sample: LCP, cold (ms)', [ms(r.load.sample.cold.lcp.app), ms(r.load.sample.cold.lcp.static), ms(r.load.sample.cold.lcp.js)]);
  }
  if (r.scroll) {
    const s = r.scroll;
    head(`Scroll through the long article (${Math.round(s.app.px)} px, ${SCROLL_STEP} px a frame)`);
    row('', PEERS);
    row('  long tasks > 50 ms (worst run)', PEERS.map((p) => s[p].longTasks));
    row('  script ms / 1000 px', PEERS.map((p) => s[p].scriptMsPer1000.toFixed(2)));
    row('  layouts / 1000 px', PEERS.map((p) => s[p].layoutsPer1000.toFixed(2)));
    row('  layout ms / 1000 px', PEERS.map((p) => s[p].layoutMsPer1000.toFixed(2)));
    row('  style recalcs / 1000 px', PEERS.map((p) => s[p].styleRecalcsPer1000.toFixed(2)));
    row('  frames > 50 ms (worst run)', PEERS.map((p) => s[p].slowFrames));
    row('  progress bar: frames off by > 1 %', PEERS.map((p) => (s[p].bar ? `${s[p].bar.off}/${s[p].bar.samples}` : 'no bar')));
  }
  if (r.cls) {
    head('Cumulative layout shift, image sample, cold load');
    row('', PEERS);
    row('  CLS (worst run)', PEERS.map((p) => r.cls[p].max.toFixed(4)));
  }
  if (r.memory) {
    head('Memory in one tab, after 5 → 50 articles (after GC)');
    row('', ['app @5', 'app @50', 'growth', 'js @5', 'js @50', 'growth']);
    const m = r.memory;
    const fmt = (k, v) => (v == null ? '—' : k === 'nodes' || k === 'listeners' ? String(Math.round(v)) : kB(v));
    const pct = (g) => (g == null ? '—' : `${(g * 100).toFixed(1)} %`);
    for (const [k, name] of [['jsHeap', 'JS heap'], ['wasm', 'wasm memory'], ['nodes', 'DOM nodes'], ['listeners', 'JS event listeners']]) {
      row(`  ${name}`, [fmt(k, m.app[k].at5), fmt(k, m.app[k].at50), pct(m.app[k].growth), fmt(k, m.js[k].at5), fmt(k, m.js[k].at50), pct(m.js[k].growth)]);
    }
  }
  if (r.pathological?.length) {
    head('Pathological Markdown (crates/core/src/pathological.rs): to a page natively; navigation → article rendered in the viewer (ms)');
    row('', ['bytes', 'native', 'viewer']);
    for (const p of r.pathological) row(`  ${p.name}`, [String(p.bytes), ms(p.nativeMs), ms(p.browserMs)]);
  }
  if (r.lighthouse) {
    head('Lighthouse 12.2.3, article page (sample), default mobile settings');
    const ps = Object.keys(r.lighthouse);
    row('', ps);
    for (const [k, name] of [['performance', 'performance'], ['accessibility', 'accessibility'], ['bestPractices', 'best practices'], ['seo', 'SEO']]) {
      row(`  ${name}`, ps.map((p) => r.lighthouse[p][k] ?? 'error'));
    }
    row('  LCP (simulated, ms)', ps.map((p) => ms(r.lighthouse[p].metrics?.lcp)));
    row('  TBT (simulated, ms)', ps.map((p) => ms(r.lighthouse[p].metrics?.tbt)));
    const f = r.lighthouse.app?.failed ?? [];
    if (f.length) lines.push(`  app audits losing points: ${f.map((a) => `${a.id}${a.display ? ` (${a.display})` : ''}`).join(', ')}`);
  }
  head('Targets');
  for (const v of r.verdicts) {
    lines.push(`  ${v.met ? 'met   ' : 'MISSED'}  ${pad(v.name, 48)} target ${pad(v.target, 10)} measured ${pad(v.measured, 10)}${v.met ? '' : ` missed by ${v.missedBy}`}`);
  }
  lines.push('', `${r.seconds.toFixed(0)} s; JSON: target/bench/results.json`, '');
  return lines.join('\n');
}
