// Cumulative layout shift while the image sample loads, cold: the layout-shift
// entries without recent input until the article, the load event and every
// non-lazy image are in, and a second more (docs/benchmarks.md, "Cumulative layout shift").
// Column "page": the build's pre-rendered page of the image sample, until the app
// has taken it over (its article-rendered mark) and the same.
import { ARTICLES, WITH_PAGE, max, median, order, say, session, sleep, waitForArticle } from './lib.mjs';

// ---- cumulative layout shift while the image sample loads (cold).
async function cls({ url, info }, peer) {
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

/** One run: every peer (the page if the build has one), into raw[peer]. */
export async function run(ctx, i, raw) {
  for (const peer of order(i, WITH_PAGE)) {
    if (!ctx.url[peer](ARTICLES.images)) continue;
    say(`run ${i + 1}/${ctx.opts.runs}: layout shift, ${peer}`);
    (raw[peer] ??= []).push(await cls(ctx, peer));
  }
}

/** The worst run and the median: results.cls. */
export function summarize(raw) {
  return Object.fromEntries(
    WITH_PAGE.filter((p) => raw[p]).map((p) => [p, { max: max(raw[p].map((r) => r.cls)), median: median(raw[p].map((r) => r.cls)) }]),
  );
}

/** The page's worst take-over: the image sample here, the sample and long sample (cold and warm) in results.load. */
function pageWorst(r) {
  const all = [];
  if (r.cls?.page) all.push(['images, cold', r.cls.page.max]);
  for (const [name, v] of Object.entries(r.load ?? {})) {
    for (const mode of ['cold', 'warm']) if (v[mode].pageTakeover) all.push([`${name}, ${mode}`, v[mode].pageTakeover.clsMax]);
  }
  return all.length ? all.reduce((a, b) => (b[1] > a[1] ? b : a)) : null;
}

export function verdicts(r, add) {
  if (!r.cls) return;
  const c = r.cls.app.max;
  add('CLS, image sample (worst run)', '0', c.toFixed(4), c === 0, c.toFixed(4));
  const w = pageWorst(r);
  if (w) add('CLS, page take-over (worst run and page)', '0', w[1].toFixed(4), w[1] === 0, `${w[1].toFixed(4)} (${w[0]})`);
}

export function table(r, t) {
  if (!r.cls) return;
  const ps = WITH_PAGE.filter((p) => r.cls[p]);
  t.head('Cumulative layout shift, image sample, cold load (page: to a second after its take-over)');
  t.row('', ps);
  t.row('  CLS (worst run)', ps.map((p) => r.cls[p].max.toFixed(4)));
  const takeovers = Object.entries(r.load ?? {}).filter(([, v]) => v.cold.pageTakeover);
  if (takeovers.length) {
    t.line(
      `  page take-over, worst run: ${takeovers
        .map(([name, v]) => `${name} ${v.cold.pageTakeover.clsMax.toFixed(4)} cold, ${v.warm.pageTakeover.clsMax.toFixed(4)} warm`)
        .join('; ')}`,
    );
  }
}
