// `test` for every spec: fails the test if the page throws, the app panics, or
// the Content-Security-Policy (public/_headers, applied by serve.mjs) refused
// anything — even when everything on screen happens to look right.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  // A test that panics on purpose (faults.spec.js) sets this.
  allowPanic: [false, { option: true }],
  // A test that makes a browser API throw on purpose sets this.
  allowPageError: [false, { option: true }],
  page: async ({ page, allowPanic, allowPageError }, use) => {
    const problems = [];
    page.on('pageerror', (e) => allowPageError || problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      const text = m.text();
      if (m.type() === 'error' && !allowPanic && /panicked|RuntimeError|unreachable/i.test(text)) problems.push(`console: ${text}`);
      if (/Content Security Policy|CSP violation/i.test(text)) problems.push(`CSP: ${text}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    await use(page);
    expect(problems, problems.join('\n')).toEqual([]);
  },
});

export { expect };
