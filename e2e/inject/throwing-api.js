// Test only (see README.md): a browser API that throws where the app does not
// expect it — getBoundingClientRect on the article body, which the progress
// tracker reads as soon as the article is shown. (web-sys binds it without
// `catch`, so the exception runs through the wasm, as a broken or hostile
// browser API's would.) Elsewhere it works, so test tools can still use it.
//
// `window.__bsPanelOnError` tells whether the panel was up the moment the
// exception reached the window: the stopped app's later callbacks may panic and
// show the panel again, and this tells the two apart.
(() => {
  const measure = Element.prototype.getBoundingClientRect;
  Element.prototype.getBoundingClientRect = function () {
    if (!this.closest('.article-body')) return measure.call(this);
    // The page, or the shadow root of the <broadsheet-article> that threw.
    const root = this.getRootNode();
    // Added now, after the app's own listener, so it runs after it.
    addEventListener('error', () => (window.__bsPanelOnError ??= !!root.querySelector('.error-panel')), { once: true });
    throw new TypeError('getBoundingClientRect refused (test)');
  };
})();
