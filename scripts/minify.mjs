// The release build's last squeeze (scripts/postbuild.mjs; docs/benchmarks.md,
// "Fourth step"), on Trunk's output before anything else reads it:
//
// 1. Short names between each wasm and its wasm-bindgen glue. wasm-bindgen
//    names every import `__wbg_<name>_<16 hex digits>` under the module
//    "./<bin>_bg.js", and its closures' exports after their full Rust types;
//    each name is in the wasm and again in the glue, and the hex digits do not
//    compress. Binaryen's wasm-opt renames them all (module, imports, exports:
//    `--minify-imports-and-exports-and-modules`) and prints the mapping, which
//    is applied to the glue. Every name is checked: a glue that does not match
//    its mapping fails the build rather than a page.
// 2. esbuild minifies the glue and the stylesheet (Trunk's own minifier would
//    rewrite the HTML too, and the build's markers in it). The loaders
//    (start-*.js, a few lines) stay as they are.
// 3. The template's integrity hashes follow the files.
//
// Idempotent: a dist directory processed again stays as it is.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const tools = process.env.BROADSHEET_TOOLS ?? fileURLToPath(new URL('../target/tools', import.meta.url));

async function esbuild() {
  return import(join(tools, 'node_modules/esbuild/lib/main.js')).catch(() => {
    throw new Error(`esbuild is not in ${tools} (scripts/setup serve installs it)`);
  });
}

/** `code` minified as `loader` ('js', an ES module, or 'css'). */
export async function minify(code, loader) {
  const { transform } = await esbuild();
  return (await transform(code, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined })).code;
}

// As Trunk runs wasm-opt (index.html), so that nothing is lowered.
const FEATURES = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue'];

/** Renames the imports and exports of `wasm` and applies the mapping to `glue`. */
async function shortNames(wasm, glue) {
  let js = await readFile(glue, 'utf8');
  const returned = js.match(/return \{\s*__proto__: null,\s*("\.\/[^"]+_bg\.js"): import0,?\s*\};/);
  if (!returned) {
    if (/__wbg_\w+_[0-9a-f]{16}/.test(js)) throw new Error(`${glue}: wasm-bindgen's imports were not found`);
    return false; // renamed before
  }
  const out = execFileSync('wasm-opt', [wasm, '--minify-imports-and-exports-and-modules', ...FEATURES.map((f) => `--enable-${f}`), '-o', wasm], {
    encoding: 'utf8',
  });
  const map = JSON.parse(out.slice(out.indexOf('{')));
  const imports = new Map(map.imports.map(([, from, to]) => [from, to]));
  const exports = new Map(map.exports);
  const renamed = new Set();
  js = js.replace(/(?<=[{,]\s*)(__wb\w+)(?=: function\b)/g, (name) => {
    if (!imports.has(name)) throw new Error(`${glue}: ${name} is not an import of ${wasm}`);
    renamed.add(name);
    return imports.get(name);
  });
  js = js.replace(/\bwasm\.(\w+)/g, (_, name) => {
    if (!exports.has(name)) throw new Error(`${glue}: wasm.${name} is not an export of ${wasm}`);
    return `wasm.${exports.get(name)}`;
  });
  // What the wasm now imports, and from which module: all of it must be there.
  const wanted = WebAssembly.Module.imports(new WebAssembly.Module(await readFile(wasm)));
  const modules = new Set(wanted.map((i) => i.module));
  const given = new Set([...renamed].map((n) => imports.get(n)));
  const missing = wanted.filter((i) => !given.has(i.name));
  if (modules.size !== 1 || missing.length || renamed.size !== imports.size) {
    throw new Error(`${glue}: does not match ${wasm} (modules ${[...modules]}; missing ${missing.map((i) => i.name)})`);
  }
  js = js.replace(returned[0], returned[0].replace(returned[1], JSON.stringify([...modules][0])));
  await writeFile(glue, js);
  return true;
}

/**
 * Shrinks the release build in `dist` (above) and updates the integrity
 * attributes of `templatePath`. Returns the names of the files changed.
 */
export async function shrink(dist, templatePath) {
  const names = await readdir(dist);
  const changed = [];
  for (const wasm of names.filter((n) => /^broadsheet(-reader)?(-[0-9a-f]+)?_bg\.wasm$/.test(n))) {
    const glue = wasm.replace(/_bg\.wasm$/, '.js');
    if (names.includes(glue) && (await shortNames(join(dist, wasm), join(dist, glue)))) changed.push(wasm);
  }
  for (const name of names.filter((n) => /^broadsheet[-\w]*\.js$|^main-[0-9a-f]+\.css$/.test(n))) {
    const path = join(dist, name);
    const source = await readFile(path, 'utf8');
    // esbuild's output is one line, and minified again it would not stay the
    // same bytes under the same (hashed, cached for good) name.
    if (!source.trimEnd().includes('\n')) continue;
    await writeFile(path, await minify(source, name.endsWith('.css') ? 'css' : 'js'));
    changed.push(name);
  }
  let html = await readFile(templatePath, 'utf8');
  for (const name of changed) {
    const integrity = `sha384-${createHash('sha384').update(await readFile(join(dist, name))).digest('base64')}`;
    const tag = new RegExp(`(href="/${name.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]*"`);
    html = html.replace(tag, `$1${integrity}"`);
  }
  await writeFile(templatePath, html);
  return changed;
}
