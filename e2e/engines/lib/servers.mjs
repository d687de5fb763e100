// The servers a test file needs, started by the test code itself on free ports
// of 127.0.0.1: the app (a copy of dist/ that tests may add files to), a second
// origin for the host page of the embeds, and a spare app origin for the
// offline test, whose server is stopped on purpose.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headerRules } from '../../../scripts/harness.mjs';
import { onExit } from './reaper.mjs';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const serveMjs = join(repo, 'e2e/serve.mjs');

/** dist/: $DIST (relative to the working directory, e2e/), or the repository's dist/. */
export const DIST = process.env.DIST ? resolve(process.env.DIST) : join(repo, 'dist');

export const repoPath = (path) => join(repo, path);
export const repoText = (path) => readFileSync(join(repo, path), 'utf8');
export const repoJson = (path) => JSON.parse(repoText(path));

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers with any HTTP status. */
export async function waitUntilAnswers(url, timeout = 15_000, gaveUp = () => false) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch (e) {
      if (gaveUp()) throw new Error(`${url}: the process exited`);
      if (Date.now() > end) throw new Error(`${url} did not answer in ${timeout} ms (${e.cause?.code ?? e.message})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * `node e2e/serve.mjs ROOT PORT` as a child process: the static server of the
 * Chromium suite, with the headers of ROOT/_headers and the test-only scripts
 * chosen by the `bs-test-inject` cookie. Returns { origin, port, stop() }.
 */
export async function serve(root, port) {
  port ??= await freePort();
  const child = spawn(process.execPath, [serveMjs, root, String(port)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const forget = onExit(() => child.kill('SIGKILL'));
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilAnswers(`${origin}/robots.txt`, 15_000, () => child.exitCode !== null);
  return {
    origin,
    port,
    async stop() {
      forget();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A throw-away copy of dist/, so tests can add articles to it (same origin, so
 * the app's own Content-Security-Policy lets it fetch them). */
export async function makeSite() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: build the app first (trunk build --release --offline) or set DIST`);
  }
  const root = mkdtempSync(join(tmpdir(), 'broadsheet-engines-site-'));
  const forget = onExit(() => rmSync(root, { recursive: true, force: true }));
  cpSync(DIST, root, { recursive: true });
  return {
    root,
    write(path, content) {
      const file = join(root, path);
      mkdirSync(dirname(file), { recursive: true });
      // Whole or not at all: the server (another process) may read it meanwhile,
      // and an empty file half-written is "the file is empty" to the app.
      const partial = `${file}.partial-${process.pid}`;
      writeFileSync(partial, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content));
      renameSync(partial, file);
    },
    remove(path) {
      rmSync(join(root, path), { force: true });
    },
    dispose() {
      forget();
      rmSync(root, { recursive: true, force: true });
    },
  };
}


/**
 * The Content-Security-Policy of public/_headers, as a host page that embeds the
 * viewer at `appOrigin` has to widen it (docs/embedding.md): the viewer's origin
 * for embed.js and its module and wasm (script-src, connect-src), its stylesheet
 * in the shadow roots (style-src), its images (img-src) and the iframe (frame-src).
 * Everything else stays as strict as the viewer's own.
 */
export function hostCsp(appOrigin) {
  const csp = headerRules(join(DIST, '_headers'))('/examples/blog.html')['content-security-policy'];
  if (!csp) throw new Error('dist/_headers has no Content-Security-Policy for /*');
  const directives = new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name, values];
  }));
  for (const name of ['script-src', 'style-src', 'img-src', 'connect-src', 'frame-src']) {
    directives.set(name, [...(directives.get(name) ?? []), appOrigin]);
  }
  return [...directives].map(([name, values]) => [name, ...values].join(' ')).join('; ');
}

/**
 * The example blog (public/examples/blog.html) as a page of another origin: its
 * own stylesheet beside it, its src="/…" pointing at the viewer on `appOrigin`
 * (as embed.spec.js's openHostPage does), under a strict CSP of its own. Served
 * by serve.mjs too, so it honours the `bs-test-inject` cookie.
 */
export function makeHostSite(appOrigin) {
  const root = mkdtempSync(join(tmpdir(), 'broadsheet-engines-host-'));
  const forget = onExit(() => rmSync(root, { recursive: true, force: true }));
  const html = repoText('public/examples/blog.html').replaceAll('src="/', `src="${appOrigin}/`);
  mkdirSync(join(root, 'examples'));
  writeFileSync(join(root, 'examples/blog.html'), html);
  cpSync(repoPath('public/examples/blog.css'), join(root, 'examples/blog.css'));
  cpSync(repoPath('public/examples/blog-host.js'), join(root, 'examples/blog-host.js'));
  // serve.mjs answers paths without an extension with index.html: have one.
  writeFileSync(join(root, 'index.html'), '<!doctype html><html lang="en"><head><title>Host</title></head><body></body></html>');
  writeFileSync(
    join(root, '_headers'),
    `/*\n  Content-Security-Policy: ${hostCsp(appOrigin)}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n`,
  );
  return {
    root,
    dispose() {
      forget();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
