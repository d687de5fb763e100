// Trunk post_build hook. From the real files of this build it writes:
// - into sw.js, the service worker's precache list and version, so every deploy
//   that changes the shell yields a new worker version;
// - into embed.js (the stable, unhashed loader for <broadsheet-article>), the
//   names of the hashed module, wasm and stylesheet.
//
//   node scripts/precache.mjs [DIST_DIR]   (default: $TRUNK_STAGING_DIR, else dist)
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dist = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const top = await readdir(dist, { withFileTypes: true });
const shell = top
  .filter((e) => e.isFile() && /\.(html|js|wasm|css|webmanifest|png|svg|ico)$/.test(e.name) && !['sw.js', 'embed.js'].includes(e.name))
  .map((e) => e.name);
const icons = (await readdir(join(dist, 'icons')).catch(() => [])).map((n) => `icons/${n}`);
const files = [...shell, ...icons].sort();

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
const embedTemplate = await readFile(new URL('../public/embed.js', import.meta.url), 'utf8');
await writeFile(
  join(dist, 'embed.js'),
  embedTemplate
    .replace('__MODULE__', find(/^broadsheet-[0-9a-f]+\.js$/))
    .replace('__WASM__', find(/^broadsheet-[0-9a-f]+_bg\.wasm$/))
    .replace('__CSS__', find(/^main-[0-9a-f]+\.css$/)),
);
console.log('embed.js: loader written');
