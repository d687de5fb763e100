// End-to-end tests: the release build (dist/) served on 127.0.0.1, driven in
// Debian's Chromium. Playwright never downloads a browser of its own.
//
// Two projects: every test with the machine's fonts (DejaVu and Liberation,
// from scripts/setup), and the tests that depend on the font (accessibility,
// the measure) again with DejaVu alone, the fonts of a fresh machine.
import { defineConfig, devices } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/harness.mjs';

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../target/e2e/results.json' }]],
  outputDir: '../target/e2e/artifacts',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'en-US',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    // The service worker would answer requests that tests route; offline.spec.js allows it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'chromium' },
    {
      name: 'chromium, DejaVu only',
      grep: /axe|readable measure/,
      use: {
        launchOptions: {
          executablePath: CHROMIUM,
          args: CHROMIUM_ARGS,
          env: { ...process.env, FONTCONFIG_FILE: fileURLToPath(new URL('fonts/dejavu-only.conf', import.meta.url)) },
        },
      },
    },
  ],
  webServer: {
    command: `node serve.mjs ../dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
