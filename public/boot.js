// Applies the reader's saved settings to <html> before the app starts, so the
// page never paints in the wrong theme or size. Mirrors Settings::attributes in
// src/settings.rs; the app applies the same attributes again once it runs.
(function () {
  try {
    var s = JSON.parse(localStorage.getItem('broadsheet:v1:settings') || '{}');
    var root = document.documentElement;
    var ok = { font: ['serif', 'sans'], width: ['narrow', 'normal', 'wide'], theme: ['auto', 'light', 'sepia', 'dark'] };
    if (typeof s.size === 'number' && s.size >= 0 && s.size < 5) root.setAttribute('data-size', String(s.size));
    for (var k in ok) if (ok[k].indexOf(s[k]) >= 0) root.setAttribute('data-' + k, s[k]);
  } catch (e) {
    // Storage off or unreadable: the defaults apply.
  }
})();
