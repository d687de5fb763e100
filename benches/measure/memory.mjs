// Memory in one tab over 50 articles opened in a row by in-app navigation, for
// the app and the JS peer: JS heap, wasm memory, DOM nodes and listeners after
// the 5th and the 50th, after forced garbage collections (docs/benchmarks.md,
// "Memory over 50 articles").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TARGETS, kB, median, say, session, sleep } from './lib.mjs';

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
const MEASURED = ['app', 'js'];

// ---- memory after opening 5 and 50 articles in a row in one tab.
async function memory({ url, distSnapshot }, peer) {
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
      const wasm = await s.page.evaluate(() => Object.values(window.__bench.wasm ?? {}).find((v) => v instanceof WebAssembly.Memory)?.buffer?.byteLength ?? null);
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

/** One run (the first three, or one with --quick): the app and the JS peer, into raw[peer]. */
export async function run(ctx, i, raw) {
  for (const peer of MEASURED) {
    say(`run ${i + 1}/${ctx.opts.runs}: memory over 50 articles, ${peer}`);
    (raw[peer] ??= []).push(await memory(ctx, peer));
  }
}

/** At 5, at 50 and the growth, medians of the runs: results.memory. */
export function summarize(raw) {
  const out = {};
  for (const p of MEASURED) {
    const rs = raw[p];
    const at = (n, k) => median(rs.map((r) => r[n][k]));
    out[p] = {};
    for (const k of ['jsHeap', 'wasm', 'nodes', 'listeners']) {
      const a = at(5, k);
      const b = at(50, k);
      out[p][k] = { at5: a, at50: b, growth: a ? (b - a) / a : null };
    }
  }
  return out;
}

export function verdicts(r, add) {
  if (!r.memory) return;
  for (const k of ['jsHeap', 'wasm']) {
    const g = r.memory.app[k].growth;
    if (g != null) add(`Memory growth 5 → 50 articles, ${k === 'jsHeap' ? 'JS heap' : 'wasm memory'}`, `≤ ${TARGETS.memoryGrowth * 100} %`, `${(g * 100).toFixed(1)} %`, g <= TARGETS.memoryGrowth, `${((g - TARGETS.memoryGrowth) * 100).toFixed(1)} points`);
  }
}

export function table(r, t) {
  if (!r.memory) return;
  t.head('Memory in one tab, after 5 → 50 articles (after GC)');
  t.row('', ['app @5', 'app @50', 'growth', 'js @5', 'js @50', 'growth']);
  const m = r.memory;
  const fmt = (k, v) => (v == null ? '—' : k === 'nodes' || k === 'listeners' ? String(Math.round(v)) : kB(v));
  const pct = (g) => (g == null ? '—' : `${(g * 100).toFixed(1)} %`);
  for (const [k, name] of [['jsHeap', 'JS heap'], ['wasm', 'wasm memory'], ['nodes', 'DOM nodes'], ['listeners', 'JS event listeners']]) {
    t.row(`  ${name}`, [fmt(k, m.app[k].at5), fmt(k, m.app[k].at50), pct(m.app[k].growth), fmt(k, m.js[k].at5), fmt(k, m.js[k].at50), pct(m.js[k].growth)]);
  }
}
