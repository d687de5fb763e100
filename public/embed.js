// Broadsheet embed loader: <broadsheet-article src="…/article.json"></broadsheet-article>
// with one <script src="https://viewer.example/embed.js"></script>.
//
// This file keeps a stable, unhashed URL; the build (scripts/postbuild.mjs) writes
// the names of this build's hashed module, wasm and stylesheet into it. The wasm
// is loaded once, on the first element, and shared by every element on the page.
// Each element renders into its own shadow root, so the host's CSS and ours never
// meet. See docs/embedding.md.
(() => {
  'use strict';
  if (window.customElements.get('broadsheet-article')) return;
  const script = document.currentScript;
  const base = new URL('./', script ? script.src : location.href);
  const MODULE = new URL('__MODULE__', base).href;
  const WASM = new URL('__WASM__', base).href;
  const CSS = new URL('__CSS__', base).href;
  let ready = null;

  /** The app's module, once its wasm has started (loaded on the first call only). */
  const load = () => {
    if (!ready) {
      // Tells the app's entry point not to mount the whole viewer on this page.
      window.__broadsheetEmbed = true;
      ready = import(MODULE).then((m) => m.default({ module_or_path: WASM }).then(() => m));
    }
    return ready;
  };

  class BroadsheetArticle extends HTMLElement {
    static get observedAttributes() {
      return ['src', 'theme', 'progress', 'related', 'lang', 'ui-lang'];
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
      const generation = ++this._generation;
      load().then(
        (m) => {
          if (generation !== this._generation || !this.isConnected) return;
          this._unmount();
          const style = document.createElement('link');
          style.rel = 'stylesheet';
          style.href = CSS;
          const container = document.createElement('div');
          container.className = 'bs-embed';
          container.setAttribute('part', 'article');
          const theme = this.getAttribute('theme');
          if (theme) container.setAttribute('data-theme', theme);
          this.shadowRoot.replaceChildren(style, container);
          this._mounted = m.mount_article(
            this,
            container,
            this.getAttribute('src') || '',
            this.getAttribute('progress') !== 'none',
            this.getAttribute('related') !== 'hide',
            this.getAttribute('lang') || '',
            this.getAttribute('ui-lang') || '',
          );
        },
        (error) => {
          this.shadowRoot.textContent = `Broadsheet could not start: ${error}`;
          this.dispatchEvent(new CustomEvent('broadsheet-error', { bubbles: true, composed: true, detail: { message: String(error) } }));
        },
      );
    }
  }

  window.customElements.define('broadsheet-article', BroadsheetArticle);
})();
