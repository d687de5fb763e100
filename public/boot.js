// Runs before anything else on the page, while the wasm app is still loading.
// The build puts it inline in every page's <head> (scripts/postbuild.mjs) and
// allows exactly this text by its hash in the Content-Security-Policy; no
// other inline script runs. Everything stays inside this function.
(() => {
  const root = document.documentElement;

  // 1. Applies the reader's saved settings to <html>, so the page never paints in
  //    the wrong theme or size. Mirrors Settings::attributes in crates/core/src/settings.rs;
  //    the app applies the same attributes again once it runs.
  try {
    const settings = JSON.parse(localStorage.getItem('broadsheet:v1:settings') || '{}');
    const allowed = { font: ['serif', 'sans'], width: ['narrow', 'normal', 'wide'], theme: ['auto', 'light', 'sepia', 'dark'] };
    if (typeof settings.size === 'number' && settings.size >= 0 && settings.size < 5) root.setAttribute('data-size', String(settings.size));
    for (const [name, values] of Object.entries(allowed)) {
      if (values.includes(settings[name])) root.setAttribute(`data-${name}`, settings[name]);
    }
  } catch {
    // Storage off or unreadable: the defaults apply.
  }

  // 2. A page pre-rendered for another address: the library, sent by a host
  //    that answers every unknown address (/read?src=…) with index.html, as
  //    `trunk serve` does. Hidden (style/main.css) until the app replaces it at
  //    once (crates/web/src/takeover.rs).
  const renderedFor = root.getAttribute('data-prerendered');
  const elsewhere = renderedFor !== null && renderedFor !== location.pathname;
  if (elsewhere) root.setAttribute('data-elsewhere', '');

  // 3. A pre-rendered article page names the app's module instead of loading it
  //    (crates/cli/src/build.rs): it starts once the page is parsed and painted,
  //    so that neither it nor the wasm it fetches competes with the article's
  //    text, stylesheet and pictures. At once, though, if the page is hidden (2).
  //    The web app manifest (installing the site) comes with it: the browser
  //    fetches it, and its icon, as soon as it sees the link, which on an article
  //    page is two requests beside the article's. Other pages link it at once.
  const manifest = () => {
    const link = document.createElement('link');
    link.rel = 'manifest';
    link.href = '/manifest.webmanifest';
    document.head.appendChild(link);
  };
  const app = root.getAttribute('data-app');
  if (!app) manifest();
  else {
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      manifest();
      const script = document.createElement('script');
      script.type = 'module';
      script.src = app;
      document.head.appendChild(script);
    };
    // Once the browser reports the first contentful paint (presented, not just
    // drawn: a frame callback can come before it), so that no request of the
    // app's counts towards the page's first paint. A timer in case the browser
    // has no paint timing or does not paint (a hidden tab).
    const afterPaint = () => {
      try {
        new PerformanceObserver((list, observer) => {
          if (!list.getEntries().some((e) => e.name === 'first-contentful-paint')) return;
          observer.disconnect();
          setTimeout(start, 0);
        }).observe({ type: 'paint', buffered: true });
      } catch {
        // No paint timing: the timer below.
      }
      setTimeout(start, 1000);
    };
    document.addEventListener('DOMContentLoaded', elsewhere ? start : afterPaint, { once: true });
  }

  // 4. Starts downloading the article of /read?src=… or /embed?src=… now, in
  //    parallel with the wasm, rather than once the app asks for it. The app's own
  //    request (crates/web/src/api.rs) is then answered from this preload.
  //    Not when the service worker controls the page: it answers from its cache
  //    at once, and its background refresh must start only once the app listens
  //    for the "newer version of this article" message (crates/web/src/offline.rs).
  try {
    const path = location.pathname;
    const src = new URLSearchParams(location.search).get('src');
    const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
    if ((path === '/read' || path === '/embed') && src && src.trim() && !worker) {
      const url = new URL(src.trim(), location.href);
      if (url.protocol === 'http:' || url.protocol === 'https:') {
        const link = document.createElement('link');
        link.rel = 'preload';
        link.as = 'fetch';
        link.crossOrigin = 'anonymous';
        link.href = url.href;
        document.head.appendChild(link);
      }
    }
  } catch {
    // A malformed address: the app explains it.
  }
})();
