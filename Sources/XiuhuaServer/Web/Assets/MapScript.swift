/// `/assets/map.js`: draws our GeoJSON as SVG (Web Mercator, so a tile base map lines up),
/// with pan (drag, arrow keys), zoom (wheel, +/−, buttons) and, when a tile URL template
/// is configured, the tiles underneath. Modes: `pick` (report form), `case` (console),
/// `dashboard` (wall screen).
enum MapScript {
    static let text = #"""
(function () {
  'use strict';
  var R = 6378137, HALF = Math.PI * R, NS = 'http://www.w3.org/2000/svg';
  function project(lon, lat) {
    return [lon * Math.PI / 180 * R, -Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360)) * R];
  }
  function unproject(x, y) {
    return [x / R * 180 / Math.PI, (2 * Math.atan(Math.exp(-y / R)) - Math.PI / 2) * 180 / Math.PI];
  }
  function node(name, attrs) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    return e;
  }
  function rings(geometry) {
    if (!geometry) { return []; }
    if (geometry.type === 'Polygon') { return geometry.coordinates; }
    if (geometry.type === 'MultiPolygon') { return [].concat.apply([], geometry.coordinates); }
    return [];
  }
  function pathData(geometry) {
    return rings(geometry).map(function (ring) {
      return ring.map(function (c, i) {
        var p = project(c[0], c[1]);
        return (i ? 'L' : 'M') + p[0].toFixed(1) + ' ' + p[1].toFixed(1);
      }).join('') + 'Z';
    }).join('');
  }
  function bounds(features) {
    var b = [Infinity, Infinity, -Infinity, -Infinity];
    features.forEach(function (f) {
      rings(f.geometry).forEach(function (ring) {
        ring.forEach(function (c) {
          var p = project(c[0], c[1]);
          b[0] = Math.min(b[0], p[0]); b[1] = Math.min(b[1], p[1]);
          b[2] = Math.max(b[2], p[0]); b[3] = Math.max(b[3], p[1]);
        });
      });
    });
    return b;
  }
  function getJSON(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    });
  }

  function XMap(box) {
    var self = this, lang = document.body.getAttribute('data-lang');
    this.box = box;
    this.tiles = box.getAttribute('data-tiles');
    this.svg = node('svg', { 'class': 'xmap', tabindex: '0', role: 'application',
      'aria-label': lang === 'en' ? 'Map: drag or arrow keys to pan, wheel or +/- to zoom' : '地图：拖动或方向键平移，滚轮或 +/- 缩放' });
    this.layers = {};
    ['tiles', 'areas', 'cells', 'labels', 'marks'].forEach(function (name) {
      self.layers[name] = self.svg.appendChild(node('g', { 'class': 'layer-' + name }));
    });
    box.appendChild(this.svg);
    var controls = document.createElement('div');
    controls.className = 'map-controls';
    [['+', lang === 'en' ? 'Zoom in' : '放大', 0.5], ['−', lang === 'en' ? 'Zoom out' : '缩小', 2]].forEach(function (c) {
      var b = document.createElement('button');
      b.type = 'button'; b.textContent = c[0]; b.setAttribute('aria-label', c[1]);
      b.addEventListener('click', function () { self.zoom(c[2]); });
      controls.appendChild(b);
    });
    box.appendChild(controls);
    this.view = { x: 0, y: 0, w: 1, h: 1 };
    this.listeners = [];
    this.clickHandlers = [];
    var drag = null;
    this.svg.addEventListener('pointerdown', function (e) {
      drag = { x: e.clientX, y: e.clientY, moved: 0, view: { x: self.view.x, y: self.view.y } };
      self.svg.setPointerCapture(e.pointerId);
    });
    this.svg.addEventListener('pointermove', function (e) {
      if (!drag) { return; }
      var scale = self.view.w / self.svg.clientWidth;
      var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      drag.moved = Math.max(drag.moved, Math.abs(dx) + Math.abs(dy));
      self.setView(drag.view.x - dx * scale, drag.view.y - dy * scale, self.view.w, self.view.h);
    });
    this.svg.addEventListener('pointerup', function (e) {
      var wasClick = drag && drag.moved < 6;
      drag = null;
      if (wasClick) {
        var p = self.toMap(e.clientX, e.clientY), ll = unproject(p[0], p[1]);
        self.clickHandlers.forEach(function (h) { h(ll[0], ll[1]); });
      }
    });
    this.svg.addEventListener('wheel', function (e) {
      e.preventDefault();
      var p = self.toMap(e.clientX, e.clientY);
      self.zoom(e.deltaY > 0 ? 1.25 : 0.8, p[0], p[1]);
    }, { passive: false });
    this.svg.addEventListener('keydown', function (e) {
      var step = self.view.w / 8, handled = true;
      if (e.key === 'ArrowLeft') { self.setView(self.view.x - step, self.view.y, self.view.w, self.view.h); }
      else if (e.key === 'ArrowRight') { self.setView(self.view.x + step, self.view.y, self.view.w, self.view.h); }
      else if (e.key === 'ArrowUp') { self.setView(self.view.x, self.view.y - step, self.view.w, self.view.h); }
      else if (e.key === 'ArrowDown') { self.setView(self.view.x, self.view.y + step, self.view.w, self.view.h); }
      else if (e.key === '+' || e.key === '=') { self.zoom(0.5); }
      else if (e.key === '-' || e.key === '_') { self.zoom(2); }
      else if (e.key === 'Enter' || e.key === ' ') {
        var c = unproject(self.view.x + self.view.w / 2, self.view.y + self.view.h / 2);
        self.clickHandlers.forEach(function (h) { h(c[0], c[1]); });
      } else { handled = false; }
      if (handled) { e.preventDefault(); }
    });
    window.addEventListener('resize', function () { self.setView(self.view.x, self.view.y, self.view.w, self.view.h); });
  }
  XMap.prototype.toMap = function (cx, cy) {
    var r = this.svg.getBoundingClientRect();
    return [this.view.x + (cx - r.left) / r.width * this.view.w, this.view.y + (cy - r.top) / r.height * this.view.h];
  };
  XMap.prototype.setView = function (x, y, w, h) {
    var aspect = (this.svg.clientHeight || 300) / (this.svg.clientWidth || 300);
    var cx = x + w / 2, cy = y + h / 2;
    if (h / w > aspect) { w = h / aspect; } else { h = w * aspect; }
    this.view = { x: cx - w / 2, y: cy - h / 2, w: w, h: h };
    this.svg.setAttribute('viewBox', [this.view.x, this.view.y, w, h].map(function (v) { return v.toFixed(1); }).join(' '));
    var self = this;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () {
      self.drawTiles();
      self.listeners.forEach(function (l) { l(self.view); });
    }, 120);
  };
  XMap.prototype.fit = function (b, margin) {
    var m = margin || 0.05, w = b[2] - b[0], h = b[3] - b[1];
    this.setView(b[0] - w * m, b[1] - h * m, w * (1 + 2 * m), h * (1 + 2 * m));
  };
  XMap.prototype.zoom = function (factor, px, py) {
    var v = this.view;
    if (px === undefined) { px = v.x + v.w / 2; py = v.y + v.h / 2; }
    var w = Math.min(Math.max(v.w * factor, 100), 400000), f = w / v.w;
    this.setView(px - (px - v.x) * f, py - (py - v.y) * f, w, v.h * f);
  };
  XMap.prototype.draw = function (layer, features, style) {
    var g = this.layers[layer];
    while (g.firstChild) { g.removeChild(g.firstChild); }
    features.forEach(function (f) {
      var attrs = style(f) || {};
      attrs.d = pathData(f.geometry);
      var p = g.appendChild(node('path', attrs));
      if (f.properties && f.properties.name) {
        var title = p.appendChild(node('title', {}));
        title.textContent = f.properties.name + (f.properties.open ? ' · ' + f.properties.open : '');
      }
    });
  };
  XMap.prototype.label = function (features, text) {
    var g = this.layers.labels;
    while (g.firstChild) { g.removeChild(g.firstChild); }
    features.forEach(function (f) {
      var b = bounds([f]);
      var t = g.appendChild(node('text', { x: (b[0] + b[2]) / 2, y: (b[1] + b[3]) / 2, 'class': 'map-label' }));
      t.textContent = text(f);
    });
  };
  XMap.prototype.mark = function (lon, lat) {
    var g = this.layers.marks, p = project(lon, lat), s = this.view.w / 60;
    while (g.firstChild) { g.removeChild(g.firstChild); }
    g.appendChild(node('circle', { cx: p[0], cy: p[1], r: s / 2, 'class': 'map-point' }));
    g.appendChild(node('circle', { cx: p[0], cy: p[1], r: s, 'class': 'map-point-halo' }));
  };
  XMap.prototype.centreOn = function (lon, lat, width) {
    var p = project(lon, lat);
    this.setView(p[0] - width / 2, p[1] - width / 2, width, width);
  };
  XMap.prototype.drawTiles = function () {
    if (!this.tiles) { return; }
    var g = this.layers.tiles, v = this.view, px = this.svg.clientWidth || 600;
    var z = Math.max(0, Math.min(19, Math.round(Math.log2(2 * HALF * px / (256 * v.w)))));
    var size = 2 * HALF / Math.pow(2, z);
    var x0 = Math.floor((v.x + HALF) / size), x1 = Math.floor((v.x + v.w + HALF) / size);
    var y0 = Math.floor((v.y + HALF) / size), y1 = Math.floor((v.y + v.h + HALF) / size);
    while (g.firstChild) { g.removeChild(g.firstChild); }
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > 80) { return; }
    for (var tx = x0; tx <= x1; tx++) {
      for (var ty = y0; ty <= y1; ty++) {
        var href = this.tiles.replace('{z}', z).replace('{x}', tx).replace('{y}', ty);
        g.appendChild(node('image', { href: href, x: tx * size - HALF, y: ty * size - HALF, width: size, height: size }));
      }
    }
  };
  XMap.prototype.viewBBox = function () {
    var v = this.view, a = unproject(v.x, v.y + v.h), b = unproject(v.x + v.w, v.y);
    return [a[0], a[1], b[0], b[1]].map(function (n) { return n.toFixed(6); }).join(',');
  };

  function streetsAndCommunities(map) {
    return Promise.all([getJSON('/map/outlines.geojson?level=street'), getJSON('/map/outlines.geojson?level=community')])
      .then(function (data) {
        map.draw('areas', data[1].features.concat(data[0].features), function (f) {
          return { 'class': f.properties.level === 'street' ? 'area-street' : 'area-community' };
        });
        return data;
      });
  }

  var modes = {
    pick: function (map, box) {
      var latField = document.getElementById(box.getAttribute('data-lat-field'));
      var lonField = document.getElementById(box.getAttribute('data-lon-field'));
      var status = document.getElementById(box.getAttribute('data-status'));
      var gps = document.getElementById('use-gps');
      var picked = gps ? gps.getAttribute('data-picked') : '';
      var outside = gps ? gps.getAttribute('data-outside') : '';
      map.pick = function (lon, lat, zoomIn) {
        getJSON('/api/v1/locate?lat=' + lat + '&lon=' + lon).then(function (place) {
          latField.value = lat.toFixed(7); lonField.value = lon.toFixed(7);
          map.mark(lon, lat);
          status.textContent = picked + place.street.name + ' ' + place.community.name + ' · ' + place.grid.code;
          status.className = 'ok';
          if (zoomIn) { map.centreOn(lon, lat, 1500); }
        }).catch(function () {
          status.textContent = outside; status.className = 'bad';
        });
      };
      map.clickHandlers.push(function (lon, lat) { map.pick(lon, lat, false); });
      var cellsShown = '';
      map.listeners.push(function (view) {
        if (view.w > 4000) { if (cellsShown) { map.draw('cells', [], null); cellsShown = ''; } return; }
        var bbox = map.viewBBox();
        if (bbox === cellsShown) { return; }
        cellsShown = bbox;
        getJSON('/map/cells.geojson?bbox=' + bbox).then(function (fc) {
          map.draw('cells', fc.features, function () { return { 'class': 'cell' }; });
        });
      });
      streetsAndCommunities(map).then(function (data) {
        map.fit(bounds(data[0].features));
        if (latField.value && lonField.value) { map.pick(parseFloat(lonField.value), parseFloat(latField.value), true); }
      });
    },
    'case': function (map, box) {
      var lat = parseFloat(box.getAttribute('data-lat')), lon = parseFloat(box.getAttribute('data-lon'));
      var grid = box.getAttribute('data-grid');
      if (isNaN(lat) || isNaN(lon)) { return; }
      getJSON('/map/cells.geojson?around=' + lat + ',' + lon).then(function (fc) {
        map.draw('cells', fc.features, function (f) { return { 'class': f.properties.code === grid ? 'cell case-cell' : 'cell' }; });
        map.centreOn(lon, lat, 900);
        setTimeout(function () { map.mark(lon, lat); }, 0);
      });
    },
    dashboard: function (map) {
      var streets = [];
      map.refresh = function () {
        getJSON('/map/cells.geojson?open=1').then(function (fc) {
          var byStreet = {}, peak = 1;
          fc.features.forEach(function (f) {
            var s = f.properties.code.slice(0, 9);
            byStreet[s] = (byStreet[s] || 0) + f.properties.open;
          });
          Object.keys(byStreet).forEach(function (k) { peak = Math.max(peak, byStreet[k]); });
          map.draw('areas', streets, function (f) {
            var n = byStreet[f.properties.code] || 0;
            return { 'class': 'area-street heat-' + Math.min(5, Math.ceil(n / peak * 5)) };
          });
          map.draw('cells', fc.features, function (f) {
            return { 'class': 'cell hot hot-' + Math.min(3, f.properties.open) };
          });
          map.label(streets, function (f) { return f.properties.name + ' ' + (byStreet[f.properties.code] || 0); });
        });
      };
      getJSON('/map/outlines.geojson?level=street').then(function (fc) {
        streets = fc.features;
        map.fit(bounds(streets), 0.02);
        map.refresh();
      });
    }
  };

  window.XiuhuaMaps = [];
  document.querySelectorAll('[data-map]').forEach(function (box) {
    var map = new XMap(box), mode = modes[box.getAttribute('data-map')];
    window.XiuhuaMaps.push(map);
    if (mode) { mode(map, box); }
  });
})();
"""#
}
