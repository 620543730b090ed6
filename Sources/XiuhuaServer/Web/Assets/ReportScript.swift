/// `/assets/report.js`: the report form's extras — search the category list by name or
/// code, and take the position from the phone's GPS. The form works without it.
enum ReportScript {
    static let text = #"""
(function () {
  'use strict';
  var select = document.getElementById('category'), search = document.getElementById('category-search');
  if (select && search) {
    var groups = Array.prototype.map.call(select.querySelectorAll('optgroup'), function (g) {
      return { label: g.label, options: Array.prototype.map.call(g.querySelectorAll('option'), function (o) {
        return { value: o.value, text: o.textContent };
      }) };
    });
    var placeholder = select.querySelector('option[value=""]');
    search.hidden = false;
    search.addEventListener('input', function () {
      var needle = search.value.trim().toLowerCase(), chosen = select.value, first = null;
      while (select.firstChild) { select.removeChild(select.firstChild); }
      select.appendChild(placeholder);
      groups.forEach(function (g) {
        var hits = g.options.filter(function (o) { return !needle || o.text.toLowerCase().indexOf(needle) >= 0; });
        if (!hits.length) { return; }
        var group = document.createElement('optgroup');
        group.label = g.label;
        hits.forEach(function (o) {
          var option = new Option(o.text, o.value);
          group.appendChild(option);
          if (!first) { first = o.value; }
        });
        select.appendChild(group);
      });
      var stillThere = Array.prototype.some.call(select.options, function (o) { return o.value === chosen && chosen; });
      select.value = stillThere ? chosen : (needle && first ? first : '');
    });
  }
  var gps = document.getElementById('use-gps'), status = document.getElementById('location-status');
  if (gps && navigator.geolocation) {
    gps.hidden = false;
    gps.addEventListener('click', function () {
      status.textContent = gps.getAttribute('data-locating');
      navigator.geolocation.getCurrentPosition(function (position) {
        var map = window.XiuhuaMaps && window.XiuhuaMaps[0];
        if (map && map.pick) { map.pick(position.coords.longitude, position.coords.latitude, true); }
      }, function () {
        status.textContent = gps.getAttribute('data-failed');
        status.className = 'bad';
      }, { enableHighAccuracy: true, timeout: 15000 });
    });
  }
})();
"""#
}
