// Test only (see README.md): records what should never happen on a page, in
// sessionStorage, so it survives reloads and is read back by the test.
(() => {
  const KEY = 'bs-test-problems';
  const record = (text) => {
    try {
      const list = JSON.parse(sessionStorage.getItem(KEY) || '[]');
      list.push(`${location.pathname}: ${text}`);
      sessionStorage.setItem(KEY, JSON.stringify(list));
    } catch {
      // Storage may be off in a test of storage faults; the console still has it.
    }
  };
  addEventListener('error', (e) => record(`page error: ${e.message}`));
  addEventListener('unhandledrejection', (e) => record(`unhandled rejection: ${e.reason}`));
  document.addEventListener('securitypolicyviolation', (e) =>
    record(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`),
  );
})();
