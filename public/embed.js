// Broadsheet embed loader: <broadsheet-article src="…/article.json"></broadsheet-article>
// with one <script src="https://viewer.example/embed.js"></script>.
//
// This file keeps a stable, unhashed URL; the build (scripts/postbuild.mjs) writes
// the names of this build's hashed module, wasm and stylesheet into it. The wasm
// is loaded once, on the first element, and shared by every element on the page.
// Each element renders into its own shadow root, so the host's CSS and ours never
// meet. See docs/embedding.md.
(function () {
  'use strict';
  if (window.customElements.get('broadsheet-article')) return;
  var script = document.currentScript;
  var base = new URL('./', script ? script.src : location.href);
  var MODULE = new URL('__MODULE__', base).href;
  var WASM = new URL('__WASM__', base).href;
  var CSS = new URL('__CSS__', base).href;
  var ready = null;

  function load() {
    if (!ready) {
      // Tells the app's entry point not to mount the whole viewer on this page.
      window.__broadsheetEmbed = true;
      ready = import(MODULE).then(function (m) {
        return m.default({ module_or_path: WASM }).then(function () {
          return m;
        });
      });
    }
    return ready;
  }

  class BroadsheetArticle extends HTMLElement {
    static get observedAttributes() {
      return ['src', 'theme', 'progress', 'related', 'lang'];
    }

    constructor() {
      super();
      this.attachShadow({ mode: 'open' });
      this._mounted = null;
      this._generation = 0;
    }

    connectedCallback() {
      this._render();
    }

    disconnectedCallback() {
      this._generation++;
      this._unmount();
    }

    attributeChangedCallback() {
      if (this.isConnected) this._render();
    }

    _unmount() {
      if (this._mounted) {
        this._mounted.unmount();
        this._mounted = null;
      }
    }

    _render() {
      var generation = ++this._generation;
      var self = this;
      load().then(
        function (m) {
          if (generation !== self._generation || !self.isConnected) return;
          self._unmount();
          var style = document.createElement('link');
          style.rel = 'stylesheet';
          style.href = CSS;
          var container = document.createElement('div');
          container.className = 'bs-embed';
          container.setAttribute('part', 'article');
          var theme = self.getAttribute('theme');
          if (theme) container.setAttribute('data-theme', theme);
          self.shadowRoot.replaceChildren(style, container);
          self._mounted = m.mount_article(
            self,
            container,
            self.getAttribute('src') || '',
            self.getAttribute('progress') !== 'none',
            self.getAttribute('related') !== 'hide',
            self.getAttribute('lang') || '',
          );
        },
        function (error) {
          self.shadowRoot.textContent = 'Broadsheet could not start: ' + error;
          self.dispatchEvent(new CustomEvent('broadsheet-error', { bubbles: true, composed: true, detail: { message: String(error) } }));
        },
      );
    }
  }

  window.customElements.define('broadsheet-article', BroadsheetArticle);
})();
