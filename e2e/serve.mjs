// A tiny static server for the built app (dist/), for the end-to-end tests and
// for trying a release build: correct MIME types (.wasm as application/wasm),
// no caching, byte ranges, and the single-page-app fallback (any unknown path without a file
// extension gets index.html, so deep links like /read?src=… survive a reload).
// It applies the headers of dist/_headers (public/_headers) as a static host would,
// Content-Security-Policy included, except Cache-Control: tests want no caching.
// For tests only, it can start HTML pages with scripts from e2e/inject/ (see
// e2e/inject/README.md), chosen by the cookie `bs-test-inject`.
//
//   node e2e/serve.mjs [DIST_DIR] [PORT]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TYPES, headerRules } from '../scripts/harness.mjs';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4173);

// Cache-Control from _headers is left out: tests want no caching.
const rulesFor = headerRules(join(root, '_headers'));
const headersFor = (pathname) => {
  const { 'cache-control': _, ...rest } = rulesFor(pathname);
  return rest;
};

const injectDir = join(dirname(fileURLToPath(import.meta.url)), 'inject');

/** The test-only scripts this request asks for: names from the `bs-test-inject` cookie. */
function injected(req) {
  const cookie = /(?:^|;\s*)bs-test-inject=([^;]*)/.exec(req.headers.cookie ?? '');
  return cookie ? decodeURIComponent(cookie[1]).split(',').filter((n) => /^[a-z-]+$/.test(n)) : [];
}

/** `html` with the requested test scripts first in its <head>. */
function withInjected(html, names) {
  if (!names.length) return html;
  const tags = names.map((n) => `<script src="/__inject/${n}.js"></script>`).join('');
  return html.replace(/<head[^>]*>/i, (head) => head + tags);
}

/** The file to send for `pathname` under `dir` (an index.html for a folder), or null. */
async function fileFor(pathname, dir = root) {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  const path = join(dir, safe);
  if (!path.startsWith(dir)) return null;
  try {
    const s = await stat(path);
    if (s.isFile()) return path;
    if (s.isDirectory()) {
      const index = join(path, 'index.html');
      if ((await stat(index)).isFile()) return index;
    }
  } catch {}
  return null;
}

async function answer(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const inject = /^\/__inject\/([a-z-]+)\.js$/.exec(url.pathname);
  let path = inject ? await fileFor(`${inject[1]}.js`, injectDir) : await fileFor(url.pathname);
  if (!path && !extname(url.pathname)) path = join(root, 'index.html');
  if (!path) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'access-control-allow-origin': '*' });
    res.end('Not found');
    return;
  }
  let body = await readFile(path);
  if (extname(path) === '.html') body = Buffer.from(withInjected(body.toString('utf8'), injected(req)));
  const headers = {
    'content-type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'accept-ranges': 'bytes',
    // embed.js on other sites imports the module and wasm from here.
    'access-control-allow-origin': '*',
    ...headersFor(url.pathname),
  };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range) {
    const start = range[1] === '' ? Math.max(0, body.length - Number(range[2])) : Number(range[1]);
    const end = range[1] !== '' && range[2] !== '' ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
    res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${body.length}` });
    res.end(req.method === 'HEAD' ? undefined : body.subarray(start, end + 1));
    return;
  }
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

// One bad request (a malformed %-escape, a file removed mid-request) gets an
// error answer; it never stops the server.
createServer((req, res) =>
  answer(req, res).catch((error) => {
    if (!res.headersSent) res.writeHead(error instanceof URIError ? 400 : 500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(String(error));
  }),
).listen(port, '127.0.0.1', () => {
  console.log(`Serving ${root} at http://127.0.0.1:${port}/`);
});
