// The benchmark of issue 7: the release build in headless Chromium on 127.0.0.1,
// each figure side by side with two peers served in the same run:
//   static — the same article pre-rendered as plain HTML + the same CSS (the limit);
//   js     — benches/js-peer/, a vanilla-JS viewer doing the same job the common way.
// Prints a table of medians over the runs and writes target/bench/results.json.
// See docs/benchmarks.md. Normally run through scripts/bench.
//
//   node benches/bench.mjs [--dist DIR] [--runs N] [--quick] [--out DIR]
//                          [--no-lighthouse] [--only sizes,load,respond,scroll,cls,memory,pathological,lighthouse]
//
// This file is the runner: the arguments, the build and the peers as served, the
// order of the runs, results.json and the table. Each measurement is a module of
// benches/measure/ (what it measures, its medians, its targets, its rows of the
// table); benches/measure/lib.mjs is what they share, benches/peers.mjs makes the
// peers, and scripts/static-server.mjs serves it all.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/static-server.mjs';
import { CHROMIUM } from '../scripts/harness.mjs';
import { generateHuge } from './gen-huge.mjs';
import { builtPages, makeStaticPages, writeJsPeer, writePageCopies } from './peers.mjs';
import { REPO, TARGETS, Table, VIEWPORT, pad, pagePath, say, started } from './measure/lib.mjs';
import * as sizes from './measure/sizes.mjs';
import * as load from './measure/load.mjs';
import * as respond from './measure/respond.mjs';
import * as scroll from './measure/scroll.mjs';
import * as cls from './measure/cls.mjs';
import * as memory from './measure/memory.mjs';
import * as pathological from './measure/pathological.mjs';
import * as lighthouse from './measure/lighthouse.mjs';

/** In the order of the table and of the verdicts. */
const MEASUREMENTS = [sizes, load, respond, scroll, cls, memory, pathological, lighthouse];

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
  // The published pages' reader: start-reader-<hash>.js names its glue and wasm.
  const readerStart = readdirSync(dist).find((n) => /^start-reader-[0-9a-f]+\.js$/.test(n));
  const readerLoader = readerStart ? readFileSync(join(dist, readerStart), 'utf8') : '';
  const reader = readerStart
    ? { start: readerStart, js: /from '\/?([^']+\.js)'/.exec(readerLoader)?.[1], wasm: /module_or_path: '\/?([^']+\.wasm)'/.exec(readerLoader)?.[1] }
    : null;
  return {
    reader,
    css,
    js,
    wasm,
    boot,
    start,
    // Until the build has the app's own mark, the harness marks the moment instead.
    hasMark: wasmBytes.includes('article-rendered') || readFileSync(join(dist, js)).includes('article-rendered'),
  };
}

// ---------------------------------------------------------------- what is served
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
writeJsPeer(site, info);
// The articles with a pre-rendered page in the build (the huge one is the bench's own).
const pages = builtPages(distSnapshot);
const pageCopies = writePageCopies({ distSnapshot, site, pages });

const hugeArticle = generateHuge({ seed: 7, markdownBytes: 1_000_000 });
const hugePath = join(opts.out, 'huge.json');
writeFileSync(hugePath, JSON.stringify(hugeArticle));

// Pathological Markdown (crates/core/src/pathological.rs), written as articles by
// the native bench, which also times them natively.
const pathoDir = join(opts.out, 'pathological');
const pathoNative = want('pathological') ? pathological.native(pathoDir) : {};

const server = await startServer({
  root: distSnapshot,
  mounts: {
    '/articles/pathological/': pathoDir,
    '/js-peer/': join(site, 'js-peer'),
    '/static/': join(site, 'static'),
    '/articles/bench-huge.json': hugePath,
  },
  // As docs/deploying.md asks a production server to serve the app.
  caching: true,
  immutablePrefixes: ['/js-peer/vendor/', '/js-peer/viewer.js'],
  compression: true,
});
// The same build, serving at each page's address its copy with the static peer's
// mark (benches/peers.mjs): only the page's time to article text is taken there.
const pageServer = await startServer({
  root: distSnapshot,
  mounts: Object.fromEntries([...pages].map((file) => [pagePath(file), join(site, 'page', file.replace(/\.json$/, ''))])),
  caching: true,
  compression: true,
});
const B = server.url;
const url = {
  app: (file) => `${B}/read?src=articles/${file}`,
  static: (file) => `${B}/static/${file.replace(/\.json$/, '.html')}`,
  js: (file) => `${B}/js-peer/?src=articles/${file}`,
  // The build's page as it is (null: the build has none for this article).
  page: (file) => (pages.has(file) ? `${B}${pagePath(file)}` : null),
  // Its copy with the mark, on the second server.
  pageText: (file) => (pages.has(file) ? `${pageServer.url}${pagePath(file)}` : null),
};
say(`serving ${relative(REPO, opts.dist) || opts.dist} at ${B}; ${opts.runs} run(s)${opts.quick ? ' (quick)' : ''}`);
say(`app sets performance.mark('article-rendered'): ${info.hasMark ? 'yes' : 'no — the harness marks the article in the DOM instead'}`);
say(`pre-rendered pages in the build: ${[...pages].map(pagePath).join(', ') || 'none'}`);
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
  await pageServer.warm([...files, ...pageCopies]);
}

/** What every measurement works with. */
const ctx = { opts, server, pageServer, url, info, distSnapshot, site, pathoDir, pages };

const chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const results = {
  date: new Date().toISOString(),
  command: process.env.BENCH_COMMAND ?? `node benches/bench.mjs ${process.argv.slice(2).join(' ')}`.trim(),
  machine: { cores: cpus().length, cpu: cpus()[0]?.model, chromium: chromiumVersion, node: process.version, loadavgAtStart: loadavg() },
  options: { runs: opts.runs, quick: opts.quick, dist: opts.dist, scrollStep: scroll.SCROLL_STEP, viewport: VIEWPORT },
  build: { ...info, pages: [...pages].map(pagePath) },
  huge: { ...hugeArticle.stats, jsonBytes: readFileSync(hugePath).length },
  targets: TARGETS,
};

// ---------------------------------------------------------------- run it
try {
  if (want('sizes')) results.sizes = sizes.measure(ctx);

  say('static peer: rendering the articles with the app and freezing them as HTML');
  await makeStaticPages(ctx);
  if (want('sizes')) results.sizes.static = sizes.measureStatic(ctx);

  // Run after run, each measurement in turn, so a slow spell of the machine
  // spreads over all of them; scroll and memory only in the first runs.
  const raw = { load: {}, respond: {}, scroll: {}, cls: {}, memory: {} };
  for (let run = 0; run < opts.runs; run++) {
    if (want('load')) await load.run(ctx, run, raw.load);
    if (want('respond')) await respond.run(ctx, run, raw.respond);
    if (want('scroll') && run < Math.min(opts.runs, 3)) await scroll.run(ctx, run, raw.scroll);
    if (want('cls')) await cls.run(ctx, run, raw.cls);
    if (want('memory') && run < (opts.quick ? 1 : Math.min(opts.runs, 3))) await memory.run(ctx, run, raw.memory);
  }
  results.raw = raw;

  // Medians.
  if (want('load')) results.load = load.summarize(raw.load);
  if (want('respond')) results.respond = respond.summarize(raw.respond);
  if (want('scroll')) results.scroll = scroll.summarize(raw.scroll);
  if (want('cls')) results.cls = cls.summarize(raw.cls);
  if (want('memory')) results.memory = memory.summarize(raw.memory);
  if (want('lighthouse') && opts.lighthouse) results.lighthouse = await lighthouse.measure(ctx);
  if (want('pathological')) results.pathological = await pathological.measure(ctx, pathoNative);
} finally {
  await server.close();
  await pageServer.close();
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
  for (const m of MEASUREMENTS) m.verdicts(r, add);
  return v;
}

function table(r) {
  const t = new Table();
  t.line(
    `Broadsheet benchmark — ${r.command} — ${r.date}`,
    `${r.options.runs} run(s), medians unless noted; ${r.machine.cores} × ${r.machine.cpu}; ${r.machine.chromium}`,
    `build: ${relative(REPO, r.options.dist) || r.options.dist}; time to article by: ${r.build.hasMark ? "the app's performance.mark('article-rendered')" : 'the harness (article text in the DOM; this build sets no mark)'}`,
    `load average (1/5/15 min) at start ${r.machine.loadavgAtStart.map((l) => l.toFixed(2)).join(' ')}, at end ${r.machine.loadavgAtEnd.map((l) => l.toFixed(2)).join(' ')}`,
  );
  for (const m of MEASUREMENTS) m.table(r, t);
  t.head('Targets');
  for (const v of r.verdicts) {
    t.line(`  ${v.met ? 'met   ' : 'MISSED'}  ${pad(v.name, 48)} target ${pad(v.target, 10)} measured ${pad(v.measured, 10)}${v.met ? '' : ` missed by ${v.missedBy}`}`);
  }
  t.line('', `${r.seconds.toFixed(0)} s; JSON: target/bench/results.json`, '');
  return t.toString();
}
