// What the tests (e2e/) and the benchmark (benches/) share: how Chromium is
// started, how files are compressed (scripts/compress.mjs, as the build does it),
// MIME types, and the rules of a `_headers` file (public/_headers) as static
// hosts apply them. The web server they share is scripts/static-server.mjs.
import { readFileSync } from 'node:fs';
export { brotli, gzip } from './compress.mjs';

/** Debian's Chromium, started so that it never reaches for the network itself. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Reads a `_headers` file: a path pattern (`*` matches anything) at the start of a
 * line, then indented `Name: value` lines. Returns `headersFor(pathname)`, the
 * headers of every matching rule (names in lower case), or `{}` without a file.
 */
export function headerRules(file) {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return () => ({});
  }
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ re: new RegExp(`^${pattern}$`), headers: {} });
    } else if (rules.length) {
      const colon = line.indexOf(':');
      if (colon > 0) rules.at(-1).headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
  }
  return (pathname) => Object.assign({}, ...rules.filter((r) => r.re.test(pathname)).map((r) => r.headers));
}
