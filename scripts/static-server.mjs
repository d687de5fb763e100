// The one static server of the repository, for the built app (dist/): the
// end-to-end tests (e2e/serve.mjs, a thin command around it) and the benchmark
// (benches/bench.mjs) both start it. It lives in scripts/ beside harness.mjs,
// with the other things the two share. What every caller gets:
//
// - the app's build at the site root, with its MIME types (.wasm as
//   application/wasm) and `X-Content-Type-Options: nosniff`;
// - the rules of ROOT/_headers (public/_headers: Netlify/Cloudflare style, a path
//   pattern, then indented `Name: value` lines; every matching rule adds its
//   headers), Content-Security-Policy included, as a static host applies them —
//   for the build's own files, not for mounted ones;
// - the single-page-app fallback: an unknown path without a file extension gets
//   the root index.html (so deep links like /read?src=… survive a reload);
// - mounts: other directories or files beside the build ({ '/prefix/': dir } or
//   { '/exact/path.json': file }), checked before it;
// - one bad request (a malformed %-escape: 400, a file removed mid-request: 500)
//   gets an error answer; it never stops the server.
//
// And what a caller chooses:
//
// - `caching: true` (the benchmark), as docs/deploying.md asks a production
//   server to: Cache-Control from _headers, or where it says nothing hashed
//   .js/.wasm/.css (name-<16 hex>.ext) and `immutablePrefixes` are
//   `public, max-age=31536000, immutable`; HTML, JSON and sw.js are
//   `no-cache`; anything else (images, icons) `public, max-age=3600`; every
//   response has a strong ETag, and If-None-Match gets a 304.
//   `caching: false` (the tests): `Cache-Control: no-store` on everything, the
//   rules' Cache-Control left out, no ETag, every file read afresh.
// - `compression: true`: gzip or brotli as the browser asks (Accept-Encoding)
//   for text, JS, CSS, JSON, SVG and wasm; a precompressed FILE.br / FILE.gz
//   next to the file is used when present, otherwise the file is compressed once
//   (brotli 11, gzip 9, scripts/compress.mjs) and kept in memory; `warm(paths)`
//   does that ahead of time, so compression never counts in a timing.
// - `ranges: true`: `Range: bytes=…` gets a 206 with that part of the file.
// - `cors: true`: `Access-Control-Allow-Origin: *` on every answer (pages of
//   other origins embed the viewer in the tests).
// - `html(text, req)`: rewrites every HTML page before it is sent (the tests put
//   their test-only scripts in, e2e/inject/); a rewritten page goes uncompressed.
//
//   import { startServer } from '../scripts/static-server.mjs';
//   const server = await startServer({ root: 'dist', caching: true, compression: true });
//   … server.url, server.port, server.log (one { url, status, bytes, encoding } a response),
//     await server.warm(paths), await server.close()
//
//   node scripts/static-server.mjs DIST [PORT]   (as the benchmark serves: caching, compression)
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TYPES, brotli, gzip, headerRules } from './harness.mjs';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.xml', '.webmanifest']);
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
const REVALIDATE = /(\.html|\.json|\/sw\.js)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** br over gzip when both are accepted (q=0 refuses); null for neither. */
function pickEncoding(header = '') {
  const accepted = new Map();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (n) => (accepted.get(n) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

/** The Cache-Control of `urlPath` where _headers says nothing (with `caching`). */
export function cacheControlFor(urlPath, { immutablePrefixes = [] } = {}) {
  if (HASHED.test(urlPath)) return IMMUTABLE;
  if (REVALIDATE.test(urlPath) || urlPath.endsWith('/')) return 'no-cache';
  if (immutablePrefixes.some((p) => urlPath.startsWith(p))) return IMMUTABLE;
  return 'public, max-age=3600';
}

/** The satisfiable part of a `Range: bytes=START-END` header for `length` bytes, or null. */
function byteRange(header, length) {
  const range = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (!range) return null;
  const start = range[1] === '' ? Math.max(0, length - Number(range[2])) : Number(range[1]);
  const end = range[1] !== '' && range[2] !== '' ? Math.min(Number(range[2]), length - 1) : length - 1;
  return { start, end };
}

/**
 * Starts the server on 127.0.0.1 (`port` 0: any free port). Options above; the
 * defaults are the plainest server: no caching, no compression, no ranges, no CORS.
 * Returns { url, port, log, warm(paths), close() }.
 */
export async function startServer({
  root,
  port = 0,
  mounts = {},
  caching = false,
  immutablePrefixes = [],
  compression = false,
  ranges = false,
  cors = false,
  html = null,
}) {
  root = resolve(root);
  const rulesFor = headerRules(join(root, '_headers'));
  const buildHeaders = (pathname) => {
    const rules = rulesFor(pathname);
    if (caching) return rules;
    const { 'cache-control': _, ...rest } = rules;
    return rest;
  };
  const corsHeaders = cors ? { 'access-control-allow-origin': '*' } : {};
  const memo = new Map(); // path -> { mtime, size, body, etag, br, gz }
  const log = [];

  /** The file at `path`, with its ETag and (with `compression`) its encoded copies. */
  async function entry(path) {
    const s = await stat(path);
    const hit = memo.get(path);
    if (hit && hit.mtime === s.mtimeMs && hit.size === s.size) return hit;
    const body = await readFile(path);
    const e = { mtime: s.mtimeMs, size: s.size, body, etag: null, br: null, gz: null };
    if (caching) e.etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
    if (compression && COMPRESSIBLE.has(extname(path).toLowerCase())) {
      e.br = await readFile(path + '.br').catch(() => null);
      e.gz = await readFile(path + '.gz').catch(() => null);
    }
    // Without compression there is nothing worth keeping: every answer is read afresh.
    if (compression) memo.set(path, e);
    return e;
  }
  function encoded(e, enc) {
    if (enc === 'br') return (e.br ??= brotli(e.body));
    if (enc === 'gzip') return (e.gz ??= gzip(e.body));
    return e.body;
  }

  async function isFile(p) {
    try {
      return (await stat(p)).isFile();
    } catch {
      return false;
    }
  }
  /** The file to send for `pathname` (an index.html for a folder), or null. Throws URIError on a bad %-escape. */
  async function fileFor(pathname) {
    const decoded = decodeURIComponent(pathname);
    const bases = [];
    for (const [prefix, target] of Object.entries(mounts)) {
      if (prefix.endsWith('/') ? decoded.startsWith(prefix) : decoded === prefix) {
        bases.push([resolve(target), prefix.endsWith('/') ? decoded.slice(prefix.length) : null]);
      }
    }
    bases.push([root, decoded]);
    for (const [base, rest] of bases) {
      if (rest === null) {
        if (await isFile(base)) return base;
        continue;
      }
      const path = join(base, normalize('/' + rest));
      if (path !== base && !path.startsWith(base + sep)) continue;
      try {
        const s = await stat(path);
        if (s.isFile()) return path;
        if (s.isDirectory() && (await isFile(join(path, 'index.html')))) return join(path, 'index.html');
      } catch {}
    }
    return null;
  }

  /** Compresses every compressible file of `paths` ahead of time (with `compression`). */
  async function warm(paths) {
    if (!compression) return;
    for (const p of paths) {
      const e = await entry(p);
      if (COMPRESSIBLE.has(extname(p).toLowerCase())) {
        encoded(e, 'br');
        encoded(e, 'gzip');
      }
    }
  }

  function plain(res, status, text) {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...corsHeaders });
    res.end(text);
  }

  async function answer(req, res) {
    const url = new URL(req.url, 'http://localhost');
    let path = await fileFor(url.pathname);
    let urlPath = url.pathname;
    if (!path && !extname(url.pathname)) {
      path = join(root, 'index.html');
      urlPath = '/index.html';
    }
    if (!path) {
      plain(res, 404, 'Not found');
      log.push({ url: req.url, status: 404, bytes: 9 });
      return;
    }
    const e = await entry(path);
    const ext = extname(path).toLowerCase();
    const headers = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': caching ? cacheControlFor(urlPath, { immutablePrefixes }) : 'no-store',
      ...(caching ? { etag: e.etag } : {}),
      'x-content-type-options': 'nosniff',
      ...(compression ? { vary: 'Accept-Encoding' } : {}),
      ...(ranges ? { 'accept-ranges': 'bytes' } : {}),
      ...corsHeaders,
      ...(path === root || path.startsWith(root + sep) ? buildHeaders(url.pathname) : {}),
    };
    const inm = req.headers['if-none-match'];
    if (caching && inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === e.etag)) {
      res.writeHead(304, headers);
      res.end();
      log.push({ url: req.url, status: 304, bytes: 0 });
      return;
    }
    const rewritten = html && ext === '.html' ? Buffer.from(html(e.body.toString('utf8'), req)) : null;
    const range = ranges ? byteRange(req.headers.range, (rewritten ?? e.body).length) : null;
    const enc = compression && !rewritten && !range && COMPRESSIBLE.has(ext) ? pickEncoding(req.headers['accept-encoding']) : null;
    let body = rewritten ?? encoded(e, enc);
    let status = 200;
    if (enc) headers['content-encoding'] = enc;
    if (range) {
      headers['content-range'] = `bytes ${range.start}-${range.end}/${body.length}`;
      body = body.subarray(range.start, range.end + 1);
      status = 206;
    }
    headers['content-length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    log.push({ url: req.url, status, bytes: body.length, encoding: enc });
  }

  const server = createServer((req, res) =>
    answer(req, res).catch((error) => {
      if (res.headersSent) res.end();
      else plain(res, error instanceof URIError ? 400 : 500, String(error));
    }),
  );
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    log,
    warm,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? 'dist');
  const s = await startServer({ root, port: Number(process.argv[3] ?? 4180), caching: true, compression: true });
  console.log(`Serving ${root} at ${s.url}/`);
}
