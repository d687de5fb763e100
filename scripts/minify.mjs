// The release build's last squeeze (scripts/postbuild.mjs; docs/benchmarks.md,
// "Fourth step"), on Trunk's output before anything else reads it:
//
// 1. No classes that nothing can make: wasm-bindgen exports every
//    #[wasm_bindgen] type of every dependency, used or not, with a class in the
//    glue; those with no constructor that the wasm never hands out go, with
//    their exports and the code only those reached (wasm-metadce).
// 2. Short names between each wasm and its wasm-bindgen glue. wasm-bindgen
//    names every import `__wbg_<name>_<16 hex digits>` under the module
//    "./<bin>_bg.js", and its closures' exports after their full Rust types;
//    each name is in the wasm and again in the glue, and the hex digits do not
//    compress. Binaryen's wasm-opt renames them all (module, imports, exports:
//    `--minify-imports-and-exports-and-modules`) and prints the mapping, which
//    is applied to the glue. Every name is checked: a glue that does not match
//    its mapping fails the build rather than a page. wasm-opt -Oz then runs
//    once more, and finds more with the new names.
// 3. esbuild minifies the glue and the stylesheet (Trunk's own minifier would
//    rewrite the HTML too, and the build's markers in it). The loaders
//    (start-*.js, a few lines) stay as they are.
// 4. The template's integrity hashes follow the files.
//
// Idempotent: a dist directory processed again stays as it is.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * The classes of `js` that nothing can make: exported Rust types with no
 * constructor that the wasm never hands to JS (no `__wrap`). wasm-streams'
 * three, exported through leptos's server functions, which Broadsheet has
 * none of, are such. Returns the glue without them, and the exports that only
 * they used.
 */
function withoutUnmadeClasses(js) {
  const unused = [];
  for (const [whole, name, body] of js.matchAll(/^export class (\w+) \{\n([\s\S]*?)^\}\n/gm)) {
    if (body.includes('constructor(') || js.includes(`${name}.__wrap(`)) continue;
    const finalization = new RegExp(`^const ${name}Finalization = [\\s\\S]*?;\\n`, 'm');
    const dispose = new RegExp(`^if \\(Symbol\\.dispose\\) ${name}\\.prototype.*\\n`, 'm');
    const removed = [whole, js.match(finalization)?.[0] ?? '', js.match(dispose)?.[0] ?? ''];
    for (const text of removed) js = js.replace(text, '');
    if (new RegExp(`\\b${name}\\b`).test(js)) throw new Error(`glue: class ${name} is still used`);
    unused.push(...[...removed.join('').matchAll(/\bwasm\.(\w+)/g)].map((m) => m[1]));
  }
  return { js, exports: [...new Set(unused)].filter((e) => !js.includes(`wasm.${e}`)) };
}

/** `wasm` without `exports`, and whatever only they reached (Binaryen's wasm-metadce). */
function removeExports(wasm, exports) {
  const all = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(wasm))).map((e) => e.name);
  const kept = all.filter((e) => !exports.includes(e));
  const graph = [
    { name: 'js', root: true, reaches: kept.map((e) => `export:${e}`) },
    ...kept.map((e) => ({ name: `export:${e}`, export: e })),
  ];
  const graphFile = `${wasm}.graph.json`;
  writeFileSync(graphFile, JSON.stringify(graph));
  try {
    execFileSync('wasm-metadce', [wasm, '--graph-file', graphFile, ...FEATURES.map((f) => `--enable-${f}`), '-o', wasm], { stdio: 'ignore' });
  } finally {
    rmSync(graphFile);
  }
}

/** The glue's imports object without the entries the wasm no longer imports. */
function withoutImports(js, unused) {
  return js.replace(/(\n {8}(__wb\w+): function[\s\S]*?)(?=\n {8}__wb\w+: function|\n {4}\};)/g, (entry, _, name) =>
    unused.has(name) ? '' : entry,
  );
}

/**
 * Steps 1 and 2 for `wasm` and its `glue`: false if done before. Renames the
 * imports and exports of `wasm` and applies the mapping to `glue`.
 */
async function shrinkWasm(wasm, glue) {
  let js = await readFile(glue, 'utf8');
  const returned = js.match(/return \{\s*__proto__: null,\s*("\.\/[^"]+_bg\.js"): import0,?\s*\};/);
  if (!returned) {
    if (/__wbg_\w+_[0-9a-f]{16}/.test(js)) throw new Error(`${glue}: wasm-bindgen's imports were not found`);
    return false; // renamed before
  }
  const unmade = withoutUnmadeClasses(js);
  if (unmade.exports.length) {
    const before = new Set(WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasm))).map((i) => i.name));
    removeExports(wasm, unmade.exports);
    const after = new Set(WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasm))).map((i) => i.name));
    js = withoutImports(unmade.js, new Set([...before].filter((i) => !after.has(i))));
  }
  const out = execFileSync('wasm-opt', [wasm, '--minify-imports-and-exports-and-modules', ...FEATURES.map((f) => `--enable-${f}`), '-o', wasm], {
    encoding: 'utf8',
  });
  const map = JSON.parse(out.slice(out.indexOf('{')));
  // Optimised once more, with Trunk's options (index.html): with the new names
  // it finds more (0.6 kB of the reader).
  execFileSync('wasm-opt', [wasm, '-Oz', '--low-memory-unused', ...FEATURES.map((f) => `--enable-${f}`), '-o', wasm]);
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
    if (names.includes(glue) && (await shrinkWasm(join(dist, wasm), join(dist, glue)))) changed.push(wasm);
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
