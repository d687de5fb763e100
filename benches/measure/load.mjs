// Time to article: navigation start to the article-rendered mark, cold (a fresh
// profile) then warm (the next visit in it), for the sample, the long sample and
// the huge article, with where the time went (docs/benchmarks.md, "Time to article").
import { ARTICLES, PEERS, TARGETS, median, ms, order, ratio, say, session, waitForArticle, x } from './lib.mjs';

const NAMES = ['sample', 'long', 'huge'];

// ---- time to article, cold then warm, in a fresh profile.
async function timeToArticle({ server, url, info }, peer, file) {
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

/** One run: every article in every peer, into raw[name][peer]. */
export async function run(ctx, i, raw) {
  for (const name of NAMES) {
    for (const peer of order(i)) {
      say(`run ${i + 1}/${ctx.opts.runs}: time to article, ${name}, ${peer}`);
      ((raw[name] ??= {})[peer] ??= []).push(await timeToArticle(ctx, peer, ARTICLES[name]));
    }
  }
}

/** The medians of the runs: results.load. */
export function summarize(raw) {
  const load = {};
  for (const [name, byPeer] of Object.entries(raw)) {
    load[name] = {};
    for (const mode of ['cold', 'warm']) {
      const m = Object.fromEntries(PEERS.map((p) => [p, median(byPeer[p].map((r) => r[mode].ms))]));
      load[name][mode] = {
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
  return load;
}

export function verdicts(r, add) {
  if (!r.load) return;
  const w = r.load.sample.warm.appVsStatic;
  if (w != null) add('Sample, warm: time to article vs static', `≤ ${TARGETS.sampleWarmVsStatic}×`, x(w), w <= TARGETS.sampleWarmVsStatic, `${(w - TARGETS.sampleWarmVsStatic).toFixed(2)}× (${ms(r.load.sample.warm.app - TARGETS.sampleWarmVsStatic * r.load.sample.warm.static)} ms)`);
  for (const mode of ['cold', 'warm']) {
    const h = r.load.huge[mode].appVsJs;
    if (h != null) add(`Huge, ${mode}: time to article vs js`, `≤ ${TARGETS.hugeVsJs}×`, x(h), h <= TARGETS.hugeVsJs, `${(h - TARGETS.hugeVsJs).toFixed(2)}× (${ms(r.load.huge[mode].app - TARGETS.hugeVsJs * r.load.huge[mode].js)} ms)`);
  }
}

export function table(r, t) {
  if (!r.load) return;
  t.head('Time from navigation start to article rendered (ms)');
  t.row('', ['app', 'static', 'js', 'app/static', 'app/js']);
  for (const [name, v] of Object.entries(r.load)) {
    for (const mode of ['cold', 'warm']) {
      const m = v[mode];
      t.row(`  ${name}, ${mode}`, [ms(m.app), ms(m.static), ms(m.js), x(m.appVsStatic), x(m.appVsJs)]);
    }
  }
  for (const mode of ['cold', 'warm']) {
    const h = r.load.huge[mode];
    t.row(`  huge, ${mode}: first frame after the mark`, [ms(h.painted.app), ms(h.painted.static), ms(h.painted.js), x(ratio(h.painted.app, h.painted.static)), x(ratio(h.painted.app, h.painted.js))]);
    t.row(`  huge, ${mode}: whole article in DOM`, [ms(h.complete.app), ms(h.complete.static), ms(h.complete.js), x(ratio(h.complete.app, h.complete.static)), x(ratio(h.complete.app, h.complete.js))]);
    t.row(`  huge, ${mode}: last long task ends`, [ms(h.busyUntil.app), ms(h.busyUntil.static), ms(h.busyUntil.js), x(ratio(h.busyUntil.app, h.busyUntil.static)), x(ratio(h.busyUntil.app, h.busyUntil.js))]);
  }
  const ph = (name, mode) => {
    const a = r.load[name][mode].phases.app;
    const j = r.load[name][mode].phases.js;
    t.line(
      `  ${name}, ${mode}, app: wasm received ${ms(a.wasmReceived)}, app started ${ms(a.appStarted)}, article requested ${ms(a.articleRequested)}, received ${ms(a.articleReceived)}, rendered ${ms(r.load[name][mode].app)}`,
      `  ${' '.repeat(name.length + mode.length + 2)}js:  article requested ${ms(j.articleRequested)}, received ${ms(j.articleReceived)}, rendered ${ms(r.load[name][mode].js)}`,
    );
  };
  ph('sample', 'cold');
  ph('sample', 'warm');
  ph('huge', 'cold');
  t.row('  huge, cold: longest task', [ms(r.load.huge.cold.longestTask.app), ms(r.load.huge.cold.longestTask.static), ms(r.load.huge.cold.longestTask.js)]);
  t.row('  sample: LCP, cold (ms)', [ms(r.load.sample.cold.lcp.app), ms(r.load.sample.cold.lcp.static), ms(r.load.sample.cold.lcp.js)]);
}
