// Trunk post_build hook. From the real files of this build it writes:
// - start-<hash>.js, the loader Trunk inlines into index.html, moved to its own
//   file so the page runs under a CSP with no 'unsafe-inline' (docs/deploying.md);
// - broadsheet-reader-<hash>.js/_bg.wasm and start-reader-<hash>.js, the
//   published pages' reader, from the files Trunk names after its binary;
// - public/boot.js inline in the shell, and its hash in _headers' policy;
// - through `broadsheet build` (the native command line), the published site:
//   shell.html (Trunk's index.html, the app shell), the library pre-rendered
//   into index.html, articles/<name>/index.html, feeds, sitemap, robots.txt;
// - into sw.js, the service worker's precache list and version, so every deploy
//   that changes the shell yields a new worker version;
// - embed-<hash>.css, the stylesheet for <broadsheet-article>, and into embed.js
//   (its stable, unhashed loader) the names of the hashed module, wasm and that
//   stylesheet;
// - next to every text and wasm file, a .br and a .gz copy, for hosts that serve
//   precompressed files (nginx gzip_static / brotli_static).
//
//   node scripts/postbuild.mjs [DIST_DIR]   (default: $TRUNK_STAGING_DIR, else dist)
import { createHash } from 'node:crypto';
import { brotli, gzip } from './compress.mjs';
import { minify, shrink } from './minify.mjs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dist = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist');

// Trunk's loader: `<script type="module">import init … </script>`. `trunk serve`
// adds an inline live-reload script too; that one stays (development only).
// Run again on its own output, the app shell is shell.html (written below).
const shellPath = join(dist, 'shell.html');
const templatePath = (await readFile(shellPath).then(() => true, () => false)) ? shellPath : join(dist, 'index.html');
const templateHtml = await readFile(templatePath, 'utf8');
const loader = /<script type="module">\s*(import init[\s\S]*?)<\/script>/;
const inline = templateHtml.match(loader);
if (inline) {
  const name = `start-${createHash('sha256').update(inline[1]).digest('hex').slice(0, 16)}.js`;
  await writeFile(join(dist, name), inline[1].trim() + '\n');
  await writeFile(templatePath, templateHtml.replace(loader, `<script type="module" src="/${name}"></script>`));
  console.log(`loader: moved to ${name}`);
} else if (!/<script type="module" src="\/start-[0-9a-f]+\.js">/.test(templateHtml)) {
  throw new Error(`${templatePath}: Trunk's loader script was not found`);
}

// Release builds: shorter names between each wasm and its glue, the JS and CSS
// minified, the integrity hashes updated (scripts/minify.mjs).
const release = process.env.TRUNK_PROFILE !== 'debug';
if (release) console.log(`shrunk: ${(await shrink(dist, templatePath)).join(', ')}`);

// The published pages' reader (crates/web/src/published.rs), which Trunk builds
// as a "worker" under its binary's name: named by its content, like the app's
// files, and started by a module of its own, which boot.js loads on article
// pages (broadsheet build names it in their <html data-app>).
const readerGlue = join(dist, 'broadsheet-reader.js');
if (await readFile(readerGlue).then(() => true, () => false)) {
  const wasm = await readFile(join(dist, 'broadsheet-reader_bg.wasm'));
  const glue = await readFile(readerGlue);
  const id = createHash('sha256').update(glue).update(wasm).digest('hex').slice(0, 16);
  await writeFile(join(dist, `broadsheet-reader-${id}.js`), glue);
  await writeFile(join(dist, `broadsheet-reader-${id}_bg.wasm`), wasm);
  await rm(readerGlue);
  await rm(join(dist, 'broadsheet-reader_bg.wasm'));
  // As Trunk's loader does for the app: the bindings on window (the panic test
  // calls one), and TrunkApplicationStarted once main has run (the benchmark's phases).
  const start = [
    `import init, * as bindings from '/broadsheet-reader-${id}.js';`,
    `const wasm = await init({ module_or_path: '/broadsheet-reader-${id}_bg.wasm' });`,
    'window.wasmBindings = bindings;',
    "dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));",
    '',
  ].join('\n');
  const startName = `start-reader-${createHash('sha256').update(start).digest('hex').slice(0, 16)}.js`;
  await writeFile(join(dist, startName), start);
  console.log(`reader: broadsheet-reader-${id}.js, started by ${startName}`);
}

// boot.js inline in every page, allowed by its hash in the Content-Security-Policy
// of _headers: it must run before the first paint, and as a file it was one more
// request, on a connection of its own, that every page waited for.
const bootPath = join(dist, 'boot.js');
const headersPath = join(dist, '_headers');
if (await readFile(bootPath).then(() => true, () => false)) {
  const boot = await readFile(bootPath, 'utf8');
  if (/<\/script/i.test(boot)) throw new Error(`${bootPath}: "</script" would end it inline`);
  const hash = `'sha256-${createHash('sha256').update(boot).digest('base64')}'`;
  const tag = '<script src="/boot.js"></script>';
  const shellHtml = await readFile(templatePath, 'utf8');
  if (!shellHtml.includes(tag)) throw new Error(`${templatePath}: no ${tag}`);
  await writeFile(templatePath, shellHtml.replace(tag, () => `<script>${boot}</script>`));
  const allowed = "script-src 'self' 'wasm-unsafe-eval'";
  const headers = await readFile(headersPath, 'utf8');
  if (!headers.includes(`${allowed};`)) throw new Error(`${headersPath}: no "${allowed};" to add boot.js's hash to`);
  await writeFile(headersPath, headers.replace(`${allowed};`, `${allowed} ${hash};`));
  await rm(bootPath);
  console.log(`boot.js: inline, allowed by ${hash} (${headersPath})`);
}

// The published site: the library and a pre-rendered page for every article,
// feeds, sitemap, robots.txt (crates/cli/src/build.rs, docs/publishing.md).
// The native command line renders the pages with the viewer's own components.
// On stable, whatever compiled the wasm: scripts/build's nightly settings are
// for the wasm target only.
const native = { ...process.env };
for (const k of [
  'RUSTUP_TOOLCHAIN',
  'CARGO_UNSTABLE_BUILD_STD',
  'CARGO_UNSTABLE_BUILD_STD_FEATURES',
  'CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT',
  'CARGO_PROFILE_RELEASE_PANIC',
  'CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS',
]) delete native[k];
execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'broadsheet-cli', '--', 'build', dist], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  env: native,
  stdio: 'inherit',
});

// The shell is shell.html; index.html is the library, content like the
// articles, which must not make a new version of the app (./ is precached too).
const top = await readdir(dist, { withFileTypes: true });
const shell = top
  .filter((e) => e.isFile() && /\.(html|js|wasm|css|webmanifest|png|svg|ico)$/.test(e.name) && !['sw.js', 'embed.js', 'index.html'].includes(e.name))
  .map((e) => e.name);
const icons = (await readdir(join(dist, 'icons')).catch(() => [])).map((n) => `icons/${n}`);
// The interface's words, which the published pages' reader fetches (broadsheet build).
const words = (await readdir(join(dist, 'ui')).catch(() => [])).filter((n) => n.endsWith('.json')).map((n) => `ui/${n}`);
const files = [...shell, ...icons, ...words].sort();

const hash = createHash('sha256');
for (const file of files) {
  hash.update(file);
  hash.update(await readFile(join(dist, file)));
}
const version = hash.digest('hex').slice(0, 16);

// The template is the source file, so a dist directory can be processed again.
const swPath = join(dist, 'sw.js');
const template = await readFile(new URL('../public/sw.js', import.meta.url), 'utf8');
await writeFile(
  swPath,
  template.replace("'__VERSION__'", JSON.stringify(version)).replace("['__PRECACHE__']", JSON.stringify(['./', ...files], null, 2)),
);
console.log(`precache: ${files.length} files, version ${version}`);

const find = (re) => {
  const name = shell.find((n) => re.test(n));
  if (!name) throw new Error(`${dist}: no file matches ${re}`);
  return name;
};
// The embed's stylesheet: the viewer's, with every rem length tied to
// --bs-rem (16px inside <broadsheet-article>), so a host page that changes its
// root font size cannot scale the article. Media queries keep their rem (they
// never depend on the root font size).
// From the source, line by line: the build's copy may be minified into one line.
const embedSource = (await readFile(new URL('../style/main.css', import.meta.url), 'utf8'))
  .split('\n')
  .map((line) => (line.trimStart().startsWith('@media') ? line : line.replace(/(-?\d*\.?\d+)rem\b/g, 'calc($1 * var(--bs-rem, 1rem))')))
  .join('\n');
const embedCss = release ? await minify(embedSource, 'css') : embedSource;
const embedCssName = `embed-${createHash('sha256').update(embedCss).digest('hex').slice(0, 16)}.css`;
await writeFile(join(dist, embedCssName), embedCss);

const embedTemplate = await readFile(new URL('../public/embed.js', import.meta.url), 'utf8');
await writeFile(
  join(dist, 'embed.js'),
  embedTemplate
    .replace('__MODULE__', find(/^broadsheet-[0-9a-f]+\.js$/))
    .replace('__WASM__', find(/^broadsheet-[0-9a-f]+_bg\.wasm$/))
    .replace('__CSS__', embedCssName),
);
console.log('embed.js: loader written');

// Precompressed copies, at the highest levels (too slow for a server to do live).
const compressible = /\.(html|js|mjs|css|wasm|json|webmanifest|svg|xml|txt)$/;
// Every file, in every folder (articles/, schema/, examples/ …).
const walk = async (dir) =>
  (await Promise.all((await readdir(dir, { withFileTypes: true })).map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])))).flat();
let compressed = 0;
for (const file of await walk(dist)) {
  if (!compressible.test(file)) continue;
  const body = await readFile(file);
  const br = brotli(body);
  const gz = gzip(body);
  if (br.length < body.length) await writeFile(`${file}.br`, br);
  if (gz.length < body.length) await writeFile(`${file}.gz`, gz);
  compressed++;
}
console.log(`precompressed: ${compressed} files (.br, .gz)`);
