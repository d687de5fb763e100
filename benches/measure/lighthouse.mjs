// Lighthouse 12.2.3 (its CLI, default mobile settings) on the article page (the
// sample): the app and the build's pre-rendered page three times (once with
// --quick), the peers once; the scores are medians (docs/benchmarks.md, "Lighthouse").
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/harness.mjs';
import { ARTICLES, BENCHES, REPO, TARGETS, WITH_PAGE, median, ms, ratio, say, x } from './lib.mjs';

// ---- Lighthouse 12.2.3 (its CLI, default mobile settings) on the article page.
async function lighthouse({ opts, url }, peer, i = 0) {
  const dir = join(opts.out, 'lighthouse');
  mkdirSync(dir, { recursive: true });
  const base = join(dir, i ? `${peer}-${i + 1}` : peer);
  const udd = mkdtempSync(join(tmpdir(), 'bs-lh-'));
  const args = [
    join(BENCHES, 'node_modules/lighthouse/cli/index.js'),
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
  // What the trace itself showed, before the simulation of a slow phone.
  const observed = lhr.audits.metrics?.details?.items?.[0] ?? {};
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
      observedFcp: observed.observedFirstContentfulPaint ?? null,
      observedLcp: observed.observedLargestContentfulPaint ?? null,
    },
    failed,
    report: relative(REPO, base + '.report.html'),
  };
}

/** Every peer's scores and metrics (the app's and the page's only, with --quick): results.lighthouse. */
export async function measure(ctx) {
  const { opts } = ctx;
  const out = {};
  const peers = (opts.quick ? ['app', 'page'] : WITH_PAGE).filter((p) => ctx.url[p](ARTICLES.sample));
  for (const p of peers) {
    // The app's and the page's scores are the median of three runs (Lighthouse
    // varies from run to run, more so on a busy machine); the peers' come from one.
    const n = (p === 'app' || p === 'page') && !opts.quick ? 3 : 1;
    try {
      const rs = [];
      for (let i = 0; i < n; i++) {
        say(`lighthouse: ${p}${n > 1 ? ` (${i + 1}/${n})` : ''}`);
        rs.push(await lighthouse(ctx, p, i));
      }
      const medianRun = [...rs].sort((a, b) => a.performance - b.performance)[rs.length >> 1];
      out[p] = {
        ...medianRun,
        performance: median(rs.map((r) => r.performance)),
        accessibility: median(rs.map((r) => r.accessibility)),
        bestPractices: median(rs.map((r) => r.bestPractices)),
        seo: median(rs.map((r) => r.seo)),
        runs: rs.map(({ performance, accessibility, bestPractices, seo, metrics }) => ({ performance, accessibility, bestPractices, seo, metrics })),
      };
    } catch (e) {
      out[p] = { error: String(e.message ?? e) };
      say(`lighthouse ${p} failed: ${e.message}`);
    }
  }
  return out;
}

const CATEGORIES = [['performance', 'performance'], ['accessibility', 'accessibility'], ['bestPractices', 'best practices'], ['seo', 'SEO']];

export function verdicts(r, add) {
  if (r.lighthouse?.app && !r.lighthouse.app.error) {
    for (const [k, n] of CATEGORIES) {
      const s = r.lighthouse.app[k];
      add(`Lighthouse ${n}`, `≥ ${TARGETS.lighthouse}`, String(s), s >= TARGETS.lighthouse, `${TARGETS.lighthouse - s} points`);
    }
  }
  const page = r.lighthouse?.page;
  if (page && !page.error) {
    const s = page.performance;
    add('Lighthouse performance, page', `≥ ${TARGETS.lighthouse}`, String(s), s >= TARGETS.lighthouse, `${TARGETS.lighthouse - s} points`);
    const st = r.lighthouse.static;
    const l = st && !st.error ? ratio(page.metrics.lcp, st.metrics.lcp) : null;
    if (l != null) add('Lighthouse LCP, page vs static', `≤ ${TARGETS.pageLcpVsStatic}×`, x(l), l <= TARGETS.pageLcpVsStatic, `${(l - TARGETS.pageLcpVsStatic).toFixed(2)}× (${ms(page.metrics.lcp - TARGETS.pageLcpVsStatic * st.metrics.lcp)} ms)`);
  }
}

export function table(r, t) {
  if (!r.lighthouse) return;
  t.head('Lighthouse 12.2.3, article page (sample), default mobile settings');
  const ps = Object.keys(r.lighthouse);
  t.row('', ps);
  for (const [k, name] of CATEGORIES) {
    t.row(`  ${name}`, ps.map((p) => r.lighthouse[p][k] ?? 'error'));
  }
  t.row('  FCP (simulated, ms)', ps.map((p) => ms(r.lighthouse[p].metrics?.fcp)));
  t.row('  LCP (simulated, ms)', ps.map((p) => ms(r.lighthouse[p].metrics?.lcp)));
  t.row('  LCP (observed, not throttled, ms)', ps.map((p) => ms(r.lighthouse[p].metrics?.observedLcp)));
  t.row('  TBT (simulated, ms)', ps.map((p) => ms(r.lighthouse[p].metrics?.tbt)));
  for (const p of ['app', 'page']) {
    const f = r.lighthouse[p]?.failed ?? [];
    if (f.length) t.line(`  ${p} audits losing points: ${f.map((a) => `${a.id}${a.display ? ` (${a.display})` : ''}`).join(', ')}`);
  }
}
