// The end-to-end tests' web server, also for trying a release build: the shared
// static server (scripts/static-server.mjs: MIME types, the single-page-app
// fallback, the headers of DIST/_headers, Content-Security-Policy included) as
// tests want it: no caching at all (Cache-Control: no-store, the rules' own
// Cache-Control left out), no compression, byte ranges, and
// Access-Control-Allow-Origin: * (embed.js on other sites imports the module and
// wasm from here).
// For tests only, it starts HTML pages with scripts from e2e/inject/ (see
// e2e/inject/README.md), chosen by the cookie `bs-test-inject`.
//
//   node e2e/serve.mjs [DIST_DIR] [PORT]
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/static-server.mjs';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4173);

// Served at /__inject/NAME.js: the test scripts, nothing else of the folder.
const injectDir = fileURLToPath(new URL('inject/', import.meta.url));
const NAME = /^[a-z-]+$/;
const scripts = readdirSync(injectDir)
  .map((file) => /^(.*)\.js$/.exec(file)?.[1])
  .filter((name) => name && NAME.test(name));

/** The test-only scripts this request asks for: names from the `bs-test-inject` cookie. */
function injected(req) {
  const cookie = /(?:^|;\s*)bs-test-inject=([^;]*)/.exec(req.headers.cookie ?? '');
  return cookie ? decodeURIComponent(cookie[1]).split(',').filter((n) => NAME.test(n)) : [];
}

/** `html` with the requested test scripts first in its <head>. */
function withInjected(html, names) {
  if (!names.length) return html;
  const tags = names.map((n) => `<script src="/__inject/${n}.js"></script>`).join('');
  return html.replace(/<head[^>]*>/i, (head) => head + tags);
}

const server = await startServer({
  root,
  port,
  mounts: Object.fromEntries(scripts.map((name) => [`/__inject/${name}.js`, join(injectDir, `${name}.js`)])),
  ranges: true,
  cors: true,
  html: (text, req) => withInjected(text, injected(req)),
});
console.log(`Serving ${root} at ${server.url}/`);
