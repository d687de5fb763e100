// Lighthouse 12.2.3 (its CLI, default mobile settings) on the article page (the
// sample): the app three times (once with --quick), the peers once; the scores are
// medians (docs/benchmarks.md, "Lighthouse").
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/harness.mjs';
import { ARTICLES, BENCHES, PEERS, REPO, TARGETS, median, ms, say } from './lib.mjs';

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

/** Every peer's scores and metrics (the app's only, with --quick): results.lighthouse. */
export async function measure(ctx) {
  const { opts } = ctx;
  const out = {};
  for (const p of opts.quick ? ['app'] : PEERS) {
    // The app's scores are the median of three runs (Lighthouse varies from run to
    // run, more so on a busy machine); the peers' come from one.
    const n = p === 'app' && !opts.quick ? 3 : 1;
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
  if (!r.lighthouse?.app || r.lighthouse.app.error) return;
  for (const [k, n] of CATEGORIES) {
    const s = r.lighthouse.app[k];
    add(`Lighthouse ${n}`, `≥ ${TARGETS.lighthouse}`, String(s), s >= TARGETS.lighthouse, `${TARGETS.lighthouse - s} points`);
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
  t.row('  LCP (simulated, ms)', ps.map((p) => ms(r.lighthouse[p].metrics?.lcp)));
  t.row('  TBT (simulated, ms)', ps.map((p) => ms(r.lighthouse[p].metrics?.tbt)));
  const f = r.lighthouse.app?.failed ?? [];
  if (f.length) t.line(`  app audits losing points: ${f.map((a) => `${a.id}${a.display ? ` (${a.display})` : ''}`).join(', ')}`);
}
