// The host snippet of the example blog (blog.html): resizes Broadsheet iframes
// and re-emits their events. Only messages from the iframe's own origin and
// window are accepted. A file of its own, so the page runs under a strict CSP.
addEventListener('message', function (event) {
  var frames = document.querySelectorAll('iframe[data-broadsheet]');
  for (var i = 0; i < frames.length; i++) {
    var frame = frames[i];
    if (frame.contentWindow !== event.source || new URL(frame.src, location.href).origin !== event.origin) continue;
    var data = event.data || {};
    if (data.source !== 'broadsheet') return;
    if (data.type === 'broadsheet-resize') frame.style.height = data.detail.height + 'px';
    frame.dispatchEvent(new CustomEvent(data.type, { detail: data.detail, bubbles: true }));
  }
});
// The example logs what it hears (the tests read this).
window.broadsheetEvents = [];
['broadsheet-load', 'broadsheet-error', 'broadsheet-comment', 'broadsheet-resize', 'broadsheet-progress', 'broadsheet-listen'].forEach(function (type) {
  document.addEventListener(type, function (e) {
    var from = e.target.id || (e.target.hasAttribute('data-broadsheet') ? 'iframe' : e.target.tagName);
    window.broadsheetEvents.push({ type: type, from: from, detail: e.detail });
  });
});
