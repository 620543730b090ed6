/// `/assets/dashboard.js`: keeps the wall screen current without reloading. The server
/// says "changed" over server-sent events; the script fetches the panels again (HTML the
/// server rendered and escaped) and recolours the map.
enum DashboardScript {
    static let text = #"""
(function () {
  'use strict';
  var panels = document.getElementById('panels'), live = document.getElementById('live');
  if (!panels || !window.EventSource) { return; }
  var liveText = live.textContent, busy = false, again = false;
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch('/dashboard/panels' + location.search, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.text();
    }).then(function (html) {
      panels.innerHTML = html;
      var map = window.XiuhuaMaps && window.XiuhuaMaps[0];
      if (map && map.refresh) { map.refresh(); }
    }).catch(function () {}).then(function () {
      busy = false;
      if (again) { again = false; refresh(); }
    });
  }
  var source = new EventSource('/dashboard/events');
  source.addEventListener('change', refresh);
  source.onopen = function () { live.textContent = liveText; live.className = 'live'; };
  source.onerror = function () { live.textContent = live.getAttribute('data-offline'); live.className = 'live off'; };
})();
"""#
}
