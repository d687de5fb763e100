// Runs before anything else on the page, while the wasm app is still loading.
(function () {
  // 1. Applies the reader's saved settings to <html>, so the page never paints in
  //    the wrong theme or size. Mirrors Settings::attributes in crates/core/src/settings.rs;
  //    the app applies the same attributes again once it runs.
  try {
    var s = JSON.parse(localStorage.getItem('broadsheet:v1:settings') || '{}');
    var root = document.documentElement;
    var ok = { font: ['serif', 'sans'], width: ['narrow', 'normal', 'wide'], theme: ['auto', 'light', 'sepia', 'dark'] };
    if (typeof s.size === 'number' && s.size >= 0 && s.size < 5) root.setAttribute('data-size', String(s.size));
    for (var k in ok) if (ok[k].indexOf(s[k]) >= 0) root.setAttribute('data-' + k, s[k]);
  } catch (e) {
    // Storage off or unreadable: the defaults apply.
  }

  // 2. Starts downloading the article of /read?src=… or /embed?src=… now, in
  //    parallel with the wasm, rather than once the app asks for it. The app's own
  //    request (crates/web/src/api.rs) is then answered from this preload.
  //    Not when the service worker controls the page: it answers from its cache
  //    at once, and its background refresh must start only once the app listens
  //    for the "newer version of this article" message (crates/web/src/offline.rs).
  try {
    var path = location.pathname;
    var src = new URLSearchParams(location.search).get('src');
    var worker = navigator.serviceWorker && navigator.serviceWorker.controller;
    if ((path === '/read' || path === '/embed') && src && src.trim() && !worker) {
      var url = new URL(src.trim(), location.href);
      if (url.protocol === 'http:' || url.protocol === 'https:') {
        var link = document.createElement('link');
        link.rel = 'preload';
        link.as = 'fetch';
        link.crossOrigin = 'anonymous';
        link.href = url.href;
        document.head.appendChild(link);
      }
    }
  } catch (e) {
    // A malformed address: the app explains it.
  }
})();
