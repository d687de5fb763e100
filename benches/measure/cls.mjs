// Cumulative layout shift while the image sample loads, cold: the layout-shift
// entries without recent input until the article, the load event and every
// non-lazy image are in, and a second more (docs/benchmarks.md, "Cumulative layout shift").
import { ARTICLES, PEERS, max, median, order, say, session, sleep, waitForArticle } from './lib.mjs';

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

/** One run: every peer, into raw[peer]. */
export async function run(ctx, i, raw) {
  for (const peer of order(i)) {
    say(`run ${i + 1}/${ctx.opts.runs}: layout shift, ${peer}`);
    (raw[peer] ??= []).push(await cls(ctx, peer));
  }
}

/** The worst run and the median: results.cls. */
export function summarize(raw) {
  return Object.fromEntries(PEERS.map((p) => [p, { max: max(raw[p].map((r) => r.cls)), median: median(raw[p].map((r) => r.cls)) }]));
}

export function verdicts(r, add) {
  if (!r.cls) return;
  const c = r.cls.app.max;
  add('CLS, image sample (worst run)', '0', c.toFixed(4), c === 0, c.toFixed(4));
}

export function table(r, t) {
  if (!r.cls) return;
  t.head('Cumulative layout shift, image sample, cold load');
  t.row('', PEERS);
  t.row('  CLS (worst run)', PEERS.map((p) => r.cls[p].max.toFixed(4)));
}
