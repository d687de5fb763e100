// The benchmark's web server: the release build at the site root, with the peers
// and generated files mounted beside it, served the way docs/deploying.md asks a
// real server to serve the app, so that transfer sizes and "warm cache" mean what
// they would in production:
//
// - gzip or brotli, as the browser asks (Accept-Encoding), for text, JS, CSS, JSON,
//   SVG and wasm: a precompressed FILE.br / FILE.gz next to the file is used when
//   present, otherwise the file is compressed once (brotli quality 11, gzip 9) and
//   the result kept in memory, so compression never counts in a timing;
// - Cache-Control: hashed .js/.wasm/.css (name-<16 hex>.ext) and the peers' own
//   scripts are `public, max-age=31536000, immutable`; HTML, JSON, boot.js and sw.js
//   are `no-cache` (revalidated: ETag → 304); anything else (images, icons) is
//   `public, max-age=3600`. Every response has a strong ETag;
// - the single-page-app fallback: an unknown path without a file extension gets
//   the root index.html (so /read?src=… works).
//
//   import { startServer } from './serve.mjs';
//   const server = await startServer({ root: 'dist', mounts: { '/static/': 'dir' } });
// - the rules of DIST/_headers (public/_headers: Netlify/Cloudflare style, a path
//   pattern, then indented `Name: value` lines; every matching rule adds its
//   headers), Cache-Control and Content-Security-Policy included, as a static host
//   applies them — for files of the build only, not for the mounted peers;
//
//   node benches/serve.mjs DIST [PORT]       (stand-alone, for trying things)
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TYPES, brotli, gzip, headerRules } from '../scripts/harness.mjs';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.webmanifest']);
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
const REVALIDATE = /(\.html|\.json|\/boot\.js|\/sw\.js)$/;

/// Chooses br over gzip when both are accepted (q=0 refuses).
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

export function cacheControlFor(urlPath, { immutablePrefixes = [] } = {}) {
  if (HASHED.test(urlPath)) return 'public, max-age=31536000, immutable';
  if (REVALIDATE.test(urlPath) || urlPath.endsWith('/')) return 'no-cache';
  if (immutablePrefixes.some((p) => urlPath.startsWith(p))) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

/**
 * root: the app's build (served at /). mounts: { '/prefix/': directory } or
 * { '/exact/path.json': file }, checked before root. immutablePrefixes: URL
 * prefixes whose files get the long-lived Cache-Control (the JS peer's scripts).
 * Returns { url, port, close(), log } where log holds one entry per response.
 */
export async function startServer({ root, mounts = {}, port = 0, immutablePrefixes = [] }) {
  root = resolve(root);
  const headersFor = headerRules(join(root, '_headers'));
  const memo = new Map(); // path -> { mtime, size, body, etag, br, gz }
  const log = [];

  async function entry(path) {
    const s = await stat(path);
    const hit = memo.get(path);
    if (hit && hit.mtime === s.mtimeMs && hit.size === s.size) return hit;
    const body = await readFile(path);
    const e = {
      mtime: s.mtimeMs,
      size: s.size,
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
      br: null,
      gz: null,
    };
    if (COMPRESSIBLE.has(extname(path).toLowerCase())) {
      e.br = await readFile(path + '.br').catch(() => null);
      e.gz = await readFile(path + '.gz').catch(() => null);
    }
    memo.set(path, e);
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
  async function fileFor(pathname) {
    let decoded;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
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

  /// Compresses every compressible file under the given paths ahead of time.
  async function warm(paths) {
    for (const p of paths) {
      const e = await entry(p);
      if (COMPRESSIBLE.has(extname(p).toLowerCase())) {
        encoded(e, 'br');
        encoded(e, 'gzip');
      }
    }
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path = await fileFor(url.pathname);
    let urlPath = url.pathname;
    if (!path && !extname(url.pathname)) {
      path = join(root, 'index.html');
      urlPath = '/index.html';
    }
    if (!path) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end('Not found');
      log.push({ url: req.url, status: 404, bytes: 9 });
      return;
    }
    const e = await entry(path);
    const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    const headers = {
      'content-type': type,
      'cache-control': cacheControlFor(urlPath, { immutablePrefixes }),
      etag: e.etag,
      'x-content-type-options': 'nosniff',
      vary: 'Accept-Encoding',
      ...(path === root || path.startsWith(root + sep) ? headersFor(url.pathname) : {}),
    };
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === e.etag)) {
      res.writeHead(304, headers);
      res.end();
      log.push({ url: req.url, status: 304, bytes: 0 });
      return;
    }
    const enc = COMPRESSIBLE.has(extname(path).toLowerCase()) ? pickEncoding(req.headers['accept-encoding']) : null;
    const body = encoded(e, enc);
    if (enc) headers['content-encoding'] = enc;
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    log.push({ url: req.url, status: 200, bytes: body.length, encoding: enc });
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
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
  const s = await startServer({ root: process.argv[2] ?? 'dist', port: Number(process.argv[3] ?? 4180) });
  console.log(`Serving ${resolve(process.argv[2] ?? 'dist')} at ${s.url}/`);
}
