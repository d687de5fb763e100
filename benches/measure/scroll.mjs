// Scroll through the long article: a driver in the page scrolls it top to bottom,
// SCROLL_STEP px a frame, between frames as input would; long tasks, script,
// layout and style work per 1000 px, slow frames, and whether the progress bar
// kept up (docs/benchmarks.md, "Scroll through the long article").
import { ARTICLES, PEERS, max, median, ms, order, say, session, sleep, waitForArticle } from './lib.mjs';

export const SCROLL_STEP = 80; // px per animation frame: 4800 px/s at 60 Hz, a brisk fling.

// ---- scripted scroll through the long article.
async function scroll({ url, info }, peer) {
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

/** One run (the first three only): every peer, into raw[peer]. */
export async function run(ctx, i, raw) {
  for (const peer of order(i)) {
    say(`run ${i + 1}/${ctx.opts.runs}: scroll, ${peer}`);
    (raw[peer] ??= []).push(await scroll(ctx, peer));
  }
}

/** Medians (worst runs for counts): results.scroll. */
export function summarize(raw) {
  const out = {};
  for (const p of PEERS) {
    const rs = raw[p];
    const med = (f) => median(rs.map(f));
    out[p] = {
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
  return out;
}

export function verdicts(r, add) {
  if (!r.scroll) return;
  const n = r.scroll.app.longTasks;
  add('Long tasks while scrolling (worst run)', '0', String(n), n === 0, `${n} long task(s), longest ${ms(r.scroll.app.longestTask)} ms`);
  if (r.scroll.app.bar) {
    const o = r.scroll.app.bar.off;
    add('Progress bar kept up (frames off by > 1 %)', '0', String(o), o === 0, `${o} of ${r.scroll.app.bar.samples} frames, max error ${(r.scroll.app.bar.maxError * 100).toFixed(1)} %`);
  }
}

export function table(r, t) {
  if (!r.scroll) return;
  const s = r.scroll;
  t.head(`Scroll through the long article (${Math.round(s.app.px)} px, ${SCROLL_STEP} px a frame)`);
  t.row('', PEERS);
  t.row('  long tasks > 50 ms (worst run)', PEERS.map((p) => s[p].longTasks));
  t.row('  script ms / 1000 px', PEERS.map((p) => s[p].scriptMsPer1000.toFixed(2)));
  t.row('  layouts / 1000 px', PEERS.map((p) => s[p].layoutsPer1000.toFixed(2)));
  t.row('  layout ms / 1000 px', PEERS.map((p) => s[p].layoutMsPer1000.toFixed(2)));
  t.row('  style recalcs / 1000 px', PEERS.map((p) => s[p].styleRecalcsPer1000.toFixed(2)));
  t.row('  frames > 50 ms (worst run)', PEERS.map((p) => s[p].slowFrames));
  t.row('  progress bar: frames off by > 1 %', PEERS.map((p) => (s[p].bar ? `${s[p].bar.off}/${s[p].bar.samples}` : 'no bar')));
}
