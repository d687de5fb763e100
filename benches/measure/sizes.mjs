// App shell transfer size: the bytes of the files every article page needs before
// it can show anything, raw, gzip (level 9) and brotli (quality 11), computed from
// the files themselves (docs/benchmarks.md, "App shell transfer size").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotli, gzip } from '../../scripts/harness.mjs';
import { ARTICLES, TARGETS, kB, pagePath, x } from './lib.mjs';

function sizes(files) {
  const rows = files.map(({ label, path, kind }) => {
    const raw = readFileSync(path);
    return { label, kind, raw: raw.length, gzip: gzip(raw).length, brotli: brotli(raw).length };
  });
  const sum = (k, f = () => true) => rows.filter(f).reduce((s, r) => s + r[k], 0);
  const shell = (r) => r.kind !== 'html';
  return {
    files: rows,
    shell: { raw: sum('raw', shell), gzip: sum('gzip', shell), brotli: sum('brotli', shell) },
    withHtml: { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') },
  };
}

/** The app's and the JS peer's shells: results.sizes without `static` (its pages are made later). */
export function measure({ info, distSnapshot, site, pages }) {
  const d = (f) => join(distSnapshot, f);
  // The build's pre-rendered pages of the sample and the long sample: the app's
  // shell, and a page that holds the article twice (as HTML, and its data).
  const pageFiles = [ARTICLES.sample, ARTICLES.long].filter((f) => pages.has(f));
  return {
    ...(pageFiles.length
      ? { page: sizes(pageFiles.map((f) => ({ label: pagePath(f).slice(1) + 'index.html', path: join(distSnapshot, pagePath(f), 'index.html'), kind: 'html' }))) }
      : {}),
    ...(info.reader
      ? {
          reader: sizes([
            { label: info.reader.wasm, path: d(info.reader.wasm), kind: 'wasm' },
            { label: info.reader.js, path: d(info.reader.js), kind: 'js' },
            { label: info.reader.start, path: d(info.reader.start), kind: 'js' },
            { label: info.css, path: d(info.css), kind: 'css' },
          ]),
        }
      : {}),
    app: sizes([
      { label: info.wasm, path: d(info.wasm), kind: 'wasm' },
      { label: info.js, path: d(info.js), kind: 'js' },
      ...(info.start ? [{ label: info.start, path: d(info.start), kind: 'js' }] : []),
      ...(info.boot ? [{ label: info.boot, path: d(info.boot), kind: 'js' }] : []),
      { label: info.css, path: d(info.css), kind: 'css' },
      { label: 'index.html', path: d('index.html'), kind: 'html' },
    ]),
    js: sizes([
      { label: 'marked.umd.js', path: join(site, 'js-peer/vendor/marked.umd.js'), kind: 'js' },
      { label: 'purify.min.js', path: join(site, 'js-peer/vendor/purify.min.js'), kind: 'js' },
      { label: 'viewer.js', path: join(site, 'js-peer/viewer.js'), kind: 'js' },
      { label: info.css, path: d(info.css), kind: 'css' },
      { label: 'index.html', path: join(site, 'js-peer/index.html'), kind: 'html' },
    ]),
  };
}

/** The static peer's shell (its CSS) and its sample page: results.sizes.static. */
export function measureStatic({ info, distSnapshot, site }) {
  const page = ARTICLES.sample.replace('.json', '.html');
  return sizes([
    { label: info.css, path: join(distSnapshot, info.css), kind: 'css' },
    { label: 'static/' + page, path: join(site, 'static', page), kind: 'html' },
  ]);
}

export function verdicts(r, add) {
  if (!r.sizes) return;
  const b = r.sizes.app.shell.brotli;
  add('App shell, brotli (wasm + js + css)', `≤ ${kB(TARGETS.shellBrotli)}`, kB(b), b <= TARGETS.shellBrotli, `${kB(b - TARGETS.shellBrotli)} (${x(b / TARGETS.shellBrotli)} the target)`);
}

export function table(r, t) {
  if (!r.sizes) return;
  t.head('App shell transfer size (kB = 1000 bytes)');
  t.row('', ['raw', 'gzip', 'brotli']);
  for (const f of r.sizes.app.files) t.row(`  ${f.label}`, [kB(f.raw), kB(f.gzip), kB(f.brotli)]);
  t.row('app: wasm + js + css', [kB(r.sizes.app.shell.raw), kB(r.sizes.app.shell.gzip), kB(r.sizes.app.shell.brotli)]);
  t.row('js peer: marked + DOMPurify + viewer + css', [kB(r.sizes.js.shell.raw), kB(r.sizes.js.shell.gzip), kB(r.sizes.js.shell.brotli)]);
  t.row('static: css', [kB(r.sizes.static.shell.raw), kB(r.sizes.static.shell.gzip), kB(r.sizes.static.shell.brotli)]);
  t.row('  (+ html: app / js / static sample page)', [kB(r.sizes.app.files.at(-1).brotli), kB(r.sizes.js.files.at(-1).brotli), kB(r.sizes.static.files.at(-1).brotli)]);
  if (r.sizes.reader) {
    t.line('reader: what a published article page loads (crates/web/src/published.rs)');
    for (const f of r.sizes.reader.files) t.row(`  ${f.label}`, [kB(f.raw), kB(f.gzip), kB(f.brotli)]);
    t.row('reader: wasm + js + css', [kB(r.sizes.reader.shell.raw), kB(r.sizes.reader.shell.gzip), kB(r.sizes.reader.shell.brotli)]);
  }
  if (r.sizes.page) {
    t.line('page: its html (the article as HTML, and its reader\'s data)');
    for (const f of r.sizes.page.files) t.row(`  ${f.label}`, [kB(f.raw), kB(f.gzip), kB(f.brotli)]);
  }
}
