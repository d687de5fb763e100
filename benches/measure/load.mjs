// Time to article: navigation start to the article-rendered mark, cold (a fresh
// profile) then warm (the next visit in it), for the sample, the long sample and
// the huge article, with where the time went (docs/benchmarks.md, "Time to article").
// Column "page", the build's pre-rendered page (where it has one): navigation start
// to the article's text, marked as the static peer marks it (benches/peers.mjs),
// and, in the same loads, the take-over and its layout shift.
import { ARTICLES, PEERS, TARGETS, WITH_PAGE, coldThenWarm, max, median, ms, order, ratio, say, session, sleep, waitForArticle, x } from './lib.mjs';

const NAMES = ['sample', 'long', 'huge'];

// ---- time to article, cold then warm, in a fresh profile.
async function timeToArticle({ server, pageServer, url, info }, peer, file) {
  const huge = file === ARTICLES.huge;
  const page = peer === 'page';
  const log = page ? pageServer.log : server.log;
  const s = await session({ fallbackMark: peer === 'app' && !info.hasMark, watchArticle: huge });
  try {
    const one = async () => {
      const before = log.length;
      await s.page.goto(page ? url.pageText(file) : url[peer](file), { waitUntil: 'commit' });
      const m = await waitForArticle(s.page, 180_000, page ? ['bench:article-text'] : undefined);
      let takeover = null;
      if (page) {
        // The app's own mark, once it has taken the page over; then a second more,
        // for the layout shift of the take-over (the page has no input meanwhile).
        takeover = (await waitForArticle(s.page, 60_000, ['article-rendered']).catch(() => null))?.t ?? null;
        await sleep(1000);
      }
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
            // Before the text: the CSS (boot.js is inline).
            cssReceived: res.find((e) => /\/main-[0-9a-f]+\.css$/.test(e.name))?.responseEnd ?? null,
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
        // Every layout shift so far, without recent input (there was none).
        cls: window.__bench.shifts.filter((e) => !e.input).reduce((a, e) => a + e.value, 0),
        shifts: window.__bench.shifts.filter((e) => !e.input).map((e) => ({ start: e.start, value: e.value })),
        dataGone: !document.getElementById('bs-article'),
      }), file);
      const served = log.slice(before);
      return {
        ms: m.t,
        by: m.by,
        ...(page ? { takeover } : {}),
        ...extra,
        busyUntil: Math.max(m.t, extra.busyUntil),
        complete: Math.max(m.t, extra.articleChanged ?? 0),
        requests: served.length,
        bytes: served.reduce((a, l) => a + l.bytes, 0),
        notModified: served.filter((l) => l.status === 304).length,
      };
    };
    return await coldThenWarm(s, one);
  } finally {
    await s.close();
  }
}

/** One run: every article in every peer (the page where the build has one), into raw[name][peer]. */
export async function run(ctx, i, raw) {
  for (const name of NAMES) {
    for (const peer of order(i, WITH_PAGE)) {
      if (peer === 'page' && !ctx.url.page(ARTICLES[name])) continue;
      say(`run ${i + 1}/${ctx.opts.runs}: time to article, ${name}, ${peer}`);
      ((raw[name] ??= {})[peer] ??= []).push(await timeToArticle(ctx, peer, ARTICLES[name]));
    }
  }
}

/** The medians of the runs: results.load (`page` and its ratios: null where the build has no page). */
export function summarize(raw) {
  const load = {};
  for (const [name, byPeer] of Object.entries(raw)) {
    load[name] = {};
    const peers = WITH_PAGE.filter((p) => byPeer[p]?.length);
    for (const mode of ['cold', 'warm']) {
      const per = (f) => Object.fromEntries(WITH_PAGE.map((p) => [p, peers.includes(p) ? median(byPeer[p].map((r) => f(r[mode]))) : null]));
      const m = per((r) => r.ms);
      load[name][mode] = {
        ...m,
        appVsStatic: ratio(m.app, m.static),
        appVsJs: ratio(m.app, m.js),
        pageVsStatic: ratio(m.page, m.static),
        lcp: per((r) => r.lcp),
        fcp: per((r) => r.fcp),
        longestTask: per((r) => r.longest),
        busyUntil: per((r) => r.busyUntil),
        complete: per((r) => r.complete),
        painted: per((r) => r.painted),
        phases: Object.fromEntries(
          peers.map((p) => [
            p,
            Object.fromEntries(Object.keys(byPeer[p][0][mode].phases).map((k) => [k, median(byPeer[p].map((r) => r[mode].phases[k]))])),
          ]),
        ),
        transferred: per((r) => r.bytes),
        markedBy: byPeer.app[0][mode].by,
        // The page, from the same loads: the app's take-over (its article-rendered
        // mark), and the layout shift from navigation to a second after it.
        pageTakeover: peers.includes('page')
          ? {
              takeover: median(byPeer.page.map((r) => r[mode].takeover)),
              takenOverEveryRun: byPeer.page.every((r) => r[mode].takeover != null && r[mode].dataGone),
              clsMax: max(byPeer.page.map((r) => r[mode].cls)),
              clsMedian: median(byPeer.page.map((r) => r[mode].cls)),
              // In how many runs the static page was painted before the app took it
              // over (first contentful paint before the take-over), and in how many
              // the largest contentful paint came only after it (the app's article).
              runs: byPeer.page.length,
              paintedBeforeTakeover: byPeer.page.filter((r) => r[mode].fcp != null && r[mode].takeover != null && r[mode].fcp < r[mode].takeover).length,
              lcpAfterTakeover: byPeer.page.filter((r) => r[mode].lcp != null && r[mode].takeover != null && r[mode].lcp >= r[mode].takeover).length,
            }
          : null,
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
  for (const [name, v] of Object.entries(r.load)) {
    for (const mode of ['cold', 'warm']) {
      const p = v[mode].pageVsStatic;
      if (p != null) add(`Page, ${name}, ${mode}: time to text vs static`, `≤ ${TARGETS.pageVsStatic}×`, x(p), p <= TARGETS.pageVsStatic, `${(p - TARGETS.pageVsStatic).toFixed(2)}× (${ms(v[mode].page - TARGETS.pageVsStatic * v[mode].static)} ms)`);
    }
  }
}

export function table(r, t) {
  if (!r.load) return;
  // Seven columns: one character wider than the other sections' tables.
  const row = (label, cells) => t.row(label, cells, 12);
  t.head('Time from navigation start to article rendered (ms); page: to its text, marked as in static');
  row('', ['app', 'static', 'js', 'page', 'app/static', 'app/js', 'page/static']);
  for (const [name, v] of Object.entries(r.load)) {
    for (const mode of ['cold', 'warm']) {
      const m = v[mode];
      row(`  ${name}, ${mode}`, [ms(m.app), ms(m.static), ms(m.js), ms(m.page), x(m.appVsStatic), x(m.appVsJs), x(m.pageVsStatic)]);
    }
  }
  if (r.load.huge && r.load.huge.cold.page == null) t.line('  (page: the build has no pre-rendered page of the huge article, which is the bench\'s own)');
  for (const mode of ['cold', 'warm']) {
    const h = r.load.huge[mode];
    row(`  huge, ${mode}: first frame after the mark`, [ms(h.painted.app), ms(h.painted.static), ms(h.painted.js), ms(h.painted.page), x(ratio(h.painted.app, h.painted.static)), x(ratio(h.painted.app, h.painted.js)), x(ratio(h.painted.page, h.painted.static))]);
    row(`  huge, ${mode}: whole article in DOM`, [ms(h.complete.app), ms(h.complete.static), ms(h.complete.js), ms(h.complete.page), x(ratio(h.complete.app, h.complete.static)), x(ratio(h.complete.app, h.complete.js)), x(ratio(h.complete.page, h.complete.static))]);
    row(`  huge, ${mode}: last long task ends`, [ms(h.busyUntil.app), ms(h.busyUntil.static), ms(h.busyUntil.js), ms(h.busyUntil.page), x(ratio(h.busyUntil.app, h.busyUntil.static)), x(ratio(h.busyUntil.app, h.busyUntil.js)), x(ratio(h.busyUntil.page, h.busyUntil.static))]);
  }
  const after = (t, since) => (t == null || since == null ? null : t - since);
  const ph = (name, mode) => {
    const a = r.load[name][mode].phases.app;
    const j = r.load[name][mode].phases.js;
    const p = r.load[name][mode].phases.page;
    const indent = ' '.repeat(name.length + mode.length + 2);
    t.line(
      `  ${name}, ${mode}, app: wasm received ${ms(a.wasmReceived)}, app started ${ms(a.appStarted)} (compile, instantiate, main: ${ms(after(a.appStarted, a.wasmReceived))} after the last byte), article requested ${ms(a.articleRequested)}, received ${ms(a.articleReceived)}, rendered ${ms(r.load[name][mode].app)}`,
      `  ${indent}js:  article requested ${ms(j.articleRequested)}, received ${ms(j.articleReceived)}, rendered ${ms(r.load[name][mode].js)}`,
      `  ${indent}static: html received ${ms(r.load[name][mode].phases.static.htmlReceived)}, css ${ms(r.load[name][mode].phases.static.cssReceived)}, text ${ms(r.load[name][mode].static)}, first paint ${ms(r.load[name][mode].fcp.static)}`,
      ...(p
        ? [`  ${indent}page: html received ${ms(p.htmlReceived)}, css ${ms(p.cssReceived)}, text ${ms(r.load[name][mode].page)}, first paint ${ms(r.load[name][mode].fcp.page)}, wasm received ${ms(p.wasmReceived)}, app started ${ms(p.appStarted)} (+${ms(after(p.appStarted, p.wasmReceived))}), taken over ${ms(r.load[name][mode].pageTakeover.takeover)}`]
        : []),
    );
  };
  ph('sample', 'cold');
  ph('sample', 'warm');
  ph('huge', 'cold');
  ph('long', 'cold');
  row('  huge, cold: longest task', [ms(r.load.huge.cold.longestTask.app), ms(r.load.huge.cold.longestTask.static), ms(r.load.huge.cold.longestTask.js), ms(r.load.huge.cold.longestTask.page)]);
  const paint = (k, mode) => {
    const v = r.load.sample[mode][k];
    row(`  sample: ${k.toUpperCase()}, ${mode} (ms)`, [ms(v.app), ms(v.static), ms(v.js), ms(v.page), x(ratio(v.app, v.static)), x(ratio(v.app, v.js)), x(ratio(v.page, v.static))]);
  };
  paint('fcp', 'cold');
  paint('lcp', 'cold');
  paint('fcp', 'warm');
  paint('lcp', 'warm');
  const to = Object.entries(r.load).filter(([, v]) => v.cold.pageTakeover);
  if (to.length) {
    t.line(
      `  page, runs painted before the take-over (FCP < take-over): ${to.map(([n, v]) => `${n} ${v.cold.pageTakeover.paintedBeforeTakeover}/${v.cold.pageTakeover.runs} cold, ${v.warm.pageTakeover.paintedBeforeTakeover}/${v.warm.pageTakeover.runs} warm`).join('; ')}`,
      `  page, runs whose LCP is the app's article (LCP ≥ take-over): ${to.map(([n, v]) => `${n} ${v.cold.pageTakeover.lcpAfterTakeover}/${v.cold.pageTakeover.runs} cold, ${v.warm.pageTakeover.lcpAfterTakeover}/${v.warm.pageTakeover.runs} warm`).join('; ')}`,
    );
  }
}
