// Until the pre-rendered page responds: on the build's own page of the sample and
// the long sample (/articles/<name>/, as the build serves it), cold then warm, a
// driver in the page (benches/measure/lib.mjs, `respond`) acts like a reader from
// the first frame on: it scrolls, and clicks the reader settings button. Measured
// from navigation start: the app's take-over (its article-rendered mark; the
// article's data script leaving the page), the first frame after a scroll in which
// the progress bar says more than 0 %, and the first frame in which the settings
// panel is visible; and what was downloaded until then. The app on /read?src= is
// measured the same way beside it (docs/benchmarks.md, "Until the page responds").
import { ARTICLES, TARGETS, coldThenWarm, kB, median, ms, order, say, session, sleep, x } from './lib.mjs';

const NAMES = ['sample', 'long'];
const PEERS = ['page', 'app'];
const FIGURES = ['rendered', 'dataGone', 'bar', 'settings', 'responds'];

/** The path and query of a URL, as the server logs a request. */
const requestOf = (u) => {
  const p = new URL(u);
  return p.pathname + p.search;
};

async function untilItResponds({ server, url }, peer, file) {
  const s = await session({ respond: true });
  try {
    const one = async () => {
      const before = server.log.length;
      await s.page.goto(url[peer](file), { waitUntil: 'commit' });
      await s.page
        .waitForFunction(() => window.__bench.respond && window.__bench.respond.bar != null && window.__bench.respond.settings != null, null, {
          timeout: 60_000,
          polling: 50,
        })
        .catch(() => {});
      await s.page.waitForLoadState('load').catch(() => {});
      // Whatever was requested before it responded has arrived by now.
      await sleep(500);
      const v = await s.page.evaluate(() => {
        const r = window.__bench.respond;
        const rendered = performance.getEntriesByName('article-rendered', 'mark')[0]?.startTime ?? null;
        return {
          rendered,
          dataGone: r.dataGone,
          bar: r.bar,
          settings: r.settings,
          scrolls: r.scrolls,
          clicks: r.clicks,
          dataLeft: !!document.getElementById('bs-article'),
          requests: [
            { name: location.href, start: 0, nav: true },
            ...performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, type: e.initiatorType })),
          ],
        };
      });
      const responds = [v.rendered, v.bar, v.settings].some((t) => t == null) ? null : Math.max(v.rendered, v.bar, v.settings);
      // What the server sent in this visit, matched with what the page asked for
      // (Resource Timing) before it responded; the rest (the browser's own: the
      // icon) is listed apart. Redirect-free, so the navigation is the page's URL.
      const pending = v.requests.map((q) => ({ ...q, path: requestOf(q.name) }));
      pending[0].path = requestOf(url[peer](file));
      const files = [];
      const others = [];
      for (const l of server.log.slice(before)) {
        const i = pending.findIndex((q) => q.path === l.url);
        const q = i >= 0 ? pending.splice(i, 1)[0] : null;
        const f = { url: l.url, status: l.status, bytes: l.bytes, encoding: l.encoding ?? null, start: q?.start ?? null };
        if (q && responds != null && q.start <= responds) files.push(f);
        else if (!q) others.push(f);
      }
      const images = files.filter((f) => /\.(jpe?g|png|webp|avif|gif|svg)(\?|$)/.test(f.url));
      return {
        ...v,
        requests: undefined,
        responds,
        downloads: {
          requests: files.length,
          bytes: files.reduce((a, f) => a + f.bytes, 0),
          imageBytes: images.reduce((a, f) => a + f.bytes, 0),
          notModified: files.filter((f) => f.status === 304).length,
          files,
          others,
        },
      };
    };
    return await coldThenWarm(s, one);
  } finally {
    await s.close();
  }
}

/** One run: the page and the app, for each article the build has a page of, into raw[name][peer]. */
export async function run(ctx, i, raw) {
  for (const name of NAMES) {
    if (!ctx.url.page(ARTICLES[name])) continue;
    for (const peer of order(i, PEERS)) {
      say(`run ${i + 1}/${ctx.opts.runs}: until it responds, ${name}, ${peer}`);
      ((raw[name] ??= {})[peer] ??= []).push(await untilItResponds(ctx, peer, ARTICLES[name]));
    }
  }
}

/** Medians: results.respond[name][mode][peer], downloads from the first run. */
export function summarize(raw) {
  const out = {};
  for (const [name, byPeer] of Object.entries(raw)) {
    out[name] = {};
    for (const mode of ['cold', 'warm']) {
      out[name][mode] = {};
      for (const [peer, rs] of Object.entries(byPeer)) {
        const d = rs.map((r) => r[mode].downloads);
        out[name][mode][peer] = {
          ...Object.fromEntries(FIGURES.map((k) => [k, median(rs.map((r) => r[mode][k]))])),
          // Every run responded: taken over, the bar moved, the settings opened.
          everyRun: rs.every((r) => r[mode].responds != null && !r[mode].dataLeft),
          downloads: {
            requests: median(d.map((x) => x.requests)),
            bytes: median(d.map((x) => x.bytes)),
            imageBytes: median(d.map((x) => x.imageBytes)),
            notModified: median(d.map((x) => x.notModified)),
            files: d[0].files,
            others: d[0].others,
          },
        };
      }
    }
  }
  return out;
}

/** What the page asked for until it responded, cold: the wasm, JS and CSS, as served (brotli). */
const CODE = /\.(wasm|m?js|css)(\?|$)/;
export const codeBytes = (d) => d.files.filter((f) => CODE.test(f.url)).reduce((a, f) => a + f.bytes, 0);

// Issue 16's bars (goals in brackets): the page ≤ 100 kB (60), the app ≤ 200 kB (150).
export function verdicts(r, add) {
  const v = r.respond?.sample?.cold;
  if (!v) return;
  const js = r.sizes?.js?.shell.brotli;
  const beside = (b) => (js ? `; the JS peer's ${kB(js)}, ${x(b / js)} it` : '');
  for (const [peer, label, bar, goal] of [
    ['page', 'Pre-rendered page until it responds: wasm + JS + CSS requested', TARGETS.pageCodeBrotli, TARGETS.pageCodeGoal],
    ['app', 'The app (/read?src=) until it responds: wasm + JS + CSS requested', TARGETS.appCodeBrotli, TARGETS.appCodeGoal],
  ]) {
    if (!v[peer]) continue;
    const b = codeBytes(v[peer].downloads);
    add(label, `≤ ${kB(bar)} (goal ${kB(goal)})`, kB(b), b <= bar, `${kB(b - bar)}${beside(b)}`);
  }
}

export function table(r, t) {
  if (!r.respond || !Object.keys(r.respond).length) return;
  t.head('Until the page responds: ms from navigation start (page: /articles/<name>/; app: /read?src=, beside it)');
  t.row('', ['rendered', 'data gone', 'bar moves', 'settings', 'responds']);
  for (const [name, v] of Object.entries(r.respond)) {
    for (const mode of ['cold', 'warm']) {
      for (const peer of PEERS) {
        const m = v[mode][peer];
        if (!m) continue;
        t.row(`  ${name}, ${mode}, ${peer}${m.everyRun ? '' : ' (not every run)'}`, [ms(m.rendered), peer === 'page' ? ms(m.dataGone) : '', ms(m.bar), ms(m.settings), ms(m.responds)]);
      }
    }
  }
  t.line('  (rendered: the app\'s article-rendered mark, on the page its take-over; responds: the last of the three)');
  t.head('Downloaded until it responds (as served: brotli; kB = 1000 bytes)');
  t.row('', ['requests', 'kB', 'code kB', 'images kB', '304s']);
  for (const [name, v] of Object.entries(r.respond)) {
    for (const mode of ['cold', 'warm']) {
      for (const peer of PEERS) {
        const d = v[mode][peer]?.downloads;
        if (d) t.row(`  ${name}, ${mode}, ${peer}`, [d.requests, kB(d.bytes), kB(codeBytes(d)), kB(d.imageBytes), d.notModified]);
      }
    }
  }
}
