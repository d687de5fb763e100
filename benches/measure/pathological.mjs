// Pathological Markdown (crates/core/src/pathological.rs): the native bench
// writes each input as an article and times it natively; the viewer then opens
// each one (navigation start to article rendered, the wasm already cached).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, median, ms, say, session, waitForArticle } from './lib.mjs';

/** `cargo bench --bench pathological`, writing the articles into `dir`: { name: native ms }. */
export function native(dir) {
  say('pathological: cargo bench --bench pathological');
  rmSync(dir, { recursive: true, force: true });
  const out = execFileSync('cargo', ['bench', '--quiet', '--bench', 'pathological', '--', '--write', dir], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const times = {};
  for (const line of out.split('\n').slice(1)) {
    const m = /^(.*?)\s+(\d+)\s+([\d.]+)$/.exec(line);
    if (m) times[m[1].trim()] = Number(m[3]);
  }
  return times;
}

/** Each article of `pathoDir` in the app, beside its native time: results.pathological. */
export async function measure({ opts, url, pathoDir }, nativeMs) {
  // Each input in the app, in one browser after a first load (the wasm cached):
  // navigation start to the article rendered, the median of the runs.
  const out = [];
  const files = readdirSync(pathoDir).filter((f) => f.endsWith('.json')).sort();
  const s = await session();
  try {
    await s.page.goto(url.app('iran-diplomat-defects-2011.json'));
    await waitForArticle(s.page);
    for (const file of files) {
      const name = JSON.parse(readFileSync(join(pathoDir, file), 'utf8')).headline;
      const times = [];
      for (let run = 0; run < Math.min(opts.runs, 3); run++) {
        await s.page.goto(url.app(`pathological/${file}`));
        times.push((await waitForArticle(s.page)).t);
      }
      say(`pathological: ${name}`);
      out.push({ name, bytes: statSync(join(pathoDir, file)).size, nativeMs: nativeMs[name] ?? null, browserMs: median(times) });
    }
  } finally {
    await s.close();
  }
  return out;
}

export function verdicts(r, add) {
  if (!r.pathological?.length) return;
  const worst = r.pathological.reduce((a, b) => (b.browserMs > a.browserMs ? b : a));
  add('Pathological Markdown, slowest in the viewer', '< 1000 ms', `${ms(worst.browserMs)} ms`, worst.browserMs < 1000, `${ms(worst.browserMs - 1000)} ms (${worst.name})`);
}

export function table(r, t) {
  if (!r.pathological?.length) return;
  t.head('Pathological Markdown (crates/core/src/pathological.rs): to a page natively; navigation → article rendered in the viewer (ms)');
  t.row('', ['bytes', 'native', 'viewer']);
  for (const p of r.pathological) t.row(`  ${p.name}`, [String(p.bytes), ms(p.nativeMs), ms(p.browserMs)]);
}
