// Registers every flow (flows.mjs) as a test `<engine>: <flow>` of the calling
// file, with the servers and the WebDriver server that file needs. Each test
// gets a browser of its own (fresh profile, no cookies, storage or service
// worker left by another test), and fails if monitor.js recorded a page error,
// an unhandled rejection or a CSP violation in any page or frame it used.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { startDriver } from './engines.mjs';
import { flows, writeXssFiles } from './flows.mjs';
import { problemsHere, problemsOfPage } from './page.mjs';
import { makeHostSite, makeSite, repoPath, serve } from './servers.mjs';

const artifacts = repoPath('target/engines');

export function engineSuite(engine) {
  let site, hostSite, app, host, driverServer;

  before(async () => {
    // This engine's screenshots from an earlier run would mislead.
    removeScreenshots(engine);
    site = await makeSite();
    writeXssFiles(site);
    app = await serve(site.root);
    hostSite = makeHostSite(app.origin);
    host = await serve(hostSite.root);
    driverServer = await startDriver(engine);
  });

  after(async () => {
    // Each step on its own: a failure in one still stops the rest.
    for (const stop of [() => driverServer?.stop(), () => host?.stop(), () => app?.stop(), () => site?.dispose(), () => hostSite?.dispose()]) {
      await Promise.resolve().then(stop).catch((e) => console.error(e));
    }
  });

  for (const flow of flows) {
    test(`${engine}: ${flow.name}`, { timeout: flow.timeout ?? 120_000 }, async (nodeTest) => {
      const driver = await driverServer.newSession(flow.session);
      const origins = new Set();
      let skipped = false;
      const t = {
        engine,
        driver,
        app: app.origin,
        host: host.origin,
        site,
        async go(url) {
          origins.add(new URL(url).origin);
          await driver.get(url);
        },
        skip(reason) {
          skipped = true;
          nodeTest.skip(reason);
        },
      };
      try {
        await flow.run(t);
        if (skipped) return;
        const problems = await allProblems(driver, origins);
        const unexpected = problems.filter((p) => !flow.expected?.(p));
        // What this test expected to be recorded, for the log (once each, counted).
        const counts = new Map();
        for (const p of problems.filter((p) => flow.expected?.(p))) counts.set(p, (counts.get(p) ?? 0) + 1);
        for (const [p, n] of counts) nodeTest.diagnostic(`expected, recorded ${n}×: ${p}`);
        assert.deepEqual(unexpected, [], `recorded by e2e/inject/monitor.js:\n${unexpected.join('\n')}`);
      } catch (e) {
        await keepScreenshot(driver, `${engine}-${flows.indexOf(flow) + 1}`);
        throw e;
      } finally {
        await driver.quit().catch(() => {});
      }
    });
  }
}

/** Problems of the current page and its iframes, then of every other origin the
 * test opened (sessionStorage is per origin, and lasts as long as the tab). */
async function allProblems(driver, origins) {
  const found = await problemsOfPage(driver);
  const current = new URL(await driver.getCurrentUrl()).origin;
  for (const origin of origins) {
    if (origin === current) continue;
    await driver.get(`${origin}/robots.txt`);
    found.push(...(await problemsHere(driver)).map((p) => `${origin}: ${p}`));
  }
  return found;
}

function removeScreenshots(engine) {
  let files = [];
  try {
    files = readdirSync(artifacts);
  } catch {
    return;
  }
  for (const file of files.filter((f) => f.startsWith(`${engine}-`) && f.endsWith('.png'))) rmSync(`${artifacts}/${file}`, { force: true });
}

async function keepScreenshot(driver, name) {
  try {
    mkdirSync(artifacts, { recursive: true });
    await driver.switchTo().defaultContent();
    writeFileSync(`${artifacts}/${name}.png`, Buffer.from(await driver.takeScreenshot(), 'base64'));
  } catch {
    // An open alert or a dead browser: no screenshot, the error says enough.
  }
}
