// The two engines, each driven through its own WebDriver server that this code
// starts itself: Selenium is only ever pointed at that server (usingServer), so
// Selenium Manager never looks for, let alone downloads, a driver or a browser.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Builder } from 'selenium-webdriver';
import { onExit } from './reaper.mjs';
import { freePort, waitUntilAnswers } from './servers.mjs';

// Belt and braces: if anything did reach Selenium Manager, it must stay offline.
process.env.SE_OFFLINE = 'true';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
/** `name` as an executable file on the PATH, or null. */
const onPath = (name) =>
  (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name)).find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  }) ?? null;

// `cargo install geckodriver` puts it in ~/.cargo/bin (scripts/setup).
const GECKODRIVER = process.env.GECKODRIVER ?? onPath('geckodriver') ?? `${homedir()}/.cargo/bin/geckodriver`;
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

// Alerts are left open, so a test can see one with switchTo().alert() (any other
// command then fails with "unexpected alert open", which fails the test too).
const common = { unhandledPromptBehavior: 'ignore', pageLoadStrategy: 'normal' };

export const ENGINES = {
  firefox: {
    label: 'Firefox ESR',
    driver: GECKODRIVER,
    browser: FIREFOX,
    args: (port) => ['--host', '127.0.0.1', '--port', String(port), '--log', 'error'],
    capabilities: () => ({
      ...common,
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: FIREFOX,
        args: ['-headless'],
        prefs: {
          // The tests' locale, as the Chromium suite's en-US.
          'intl.accept_languages': 'en-US',
          // Light, whatever the machine says: "auto" must mean the same everywhere.
          'layout.css.prefers-color-scheme.content-override': 1,
          'layout.css.devPixelsPerPx': '1.0',
          // Nothing but 127.0.0.1: no proxy, no background services.
          'network.proxy.type': 0,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
          'browser.safebrowsing.malware.enabled': false,
          'browser.safebrowsing.phishing.enabled': false,
          'browser.safebrowsing.downloads.enabled': false,
          'extensions.update.enabled': false,
          'app.update.auto': false,
          'app.normandy.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.enabled': false,
          'browser.region.network.url': '',
        },
      },
    }),
    // Scripts off in pages; WebDriver's own commands still work.
    noScript: (caps) => {
      caps['moz:firefoxOptions'].prefs['javascript.enabled'] = false;
    },
  },
  webkit: {
    label: 'WebKitGTK',
    driver: WEBKIT_DRIVER,
    browser: MINIBROWSER,
    args: (port) => ['--host=127.0.0.1', `--port=${port}`],
    capabilities: () => ({
      ...common,
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    }),
    // MiniBrowser takes WebKitSettings as options.
    noScript: (caps) => {
      caps['webkitgtk:browserOptions'].args.push('--enable-javascript=false');
    },
  },
};

/** Kills a process group started with `detached: true` (the driver and its browser). */
function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts the engine's WebDriver server on a free port of 127.0.0.1, in a process
 * group of its own so that stopping it also stops any browser it left behind.
 * Returns { url, newSession(), stop() }.
 */
export async function startDriver(name) {
  const engine = ENGINES[name];
  for (const file of [engine.driver, engine.browser]) {
    if (!existsSync(file)) throw new Error(`${engine.label}: ${file} is missing (see e2e/engines/README.md)`);
  }
  if (name === 'webkit' && !process.env.DISPLAY) throw new Error('WebKitGTK needs a display: run the suite under xvfb-run -a');
  const port = await freePort();
  const log = [];
  const child = spawn(engine.driver, engine.args(port), { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => log.push(String(d)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Even if the test process dies, the driver and browser go with it.
  const forget = onExit(() => killGroup(child, 'SIGKILL'));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswers(`${url}/status`, 20_000, () => child.exitCode !== null);
  } catch (e) {
    killGroup(child, 'SIGKILL');
    throw new Error(`${engine.label}: ${engine.driver} did not start: ${e.message}\n${log.join('')}`);
  }

  return {
    url,
    log,
    /** A new browser (fresh profile, empty storage) for one test; with
     *  `{ script: false }`, one that runs no script in its pages. */
    async newSession({ script = true } = {}) {
      const capabilities = engine.capabilities();
      if (!script) engine.noScript(capabilities);
      const driver = await new Builder()
        .disableEnvironmentOverrides()
        .usingServer(url)
        .withCapabilities(capabilities)
        .build();
      await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000, implicit: 0 });
      await driver.manage().window().setRect({ width: 1280, height: 800 }).catch(() => {});
      return driver;
    },
    async stop() {
      forget();
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      // The browser may have outlived its driver: the rest of the group goes too.
      killGroup(child, 'SIGKILL');
    },
  };
}
