/* The household map: points from /reports/map/points.json drawn with Leaflet, clustered when many.
   No inline script under our CSP: everything the page passes comes in data- attributes. */
(function () {
  "use strict";
  var COLOURS = {
    poor: "#b91c1c", near_poor: "#d97706", average: "#15803d", other: "#1d4ed8", "": "#9ca3af",
    overdue: "#b91c1c", on_time: "#15803d"
  };

  function legend(list, entries) {
    list.textContent = "";
    Object.keys(entries).forEach(function (key) {
      var item = document.createElement("li");
      var swatch = document.createElement("span");
      swatch.className = "swatch swatch-" + key;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(entries[key]));
      list.appendChild(item);
    });
  }

  // A cluster drawn as a ring split by the categories of the households it holds (the same
  // colours as the points, in the legend's order), with their number in the middle: a red
  // quarter says "a quarter of these are poor" where the plugin's default said only "many".
  // The gradient is set through element.style, which our CSP allows (a style="" attribute it
  // would refuse). The title gives the counts in words, for hover and for screen readers.
  function clusterIconMaker(labels, titleTemplate) {
    var order = Object.keys(labels);
    return function (cluster) {
      var counts = {};
      var markers = cluster.getAllChildMarkers();
      markers.forEach(function (marker) {
        var key = marker.options.category || "";
        counts[key] = (counts[key] || 0) + 1;
        if (order.indexOf(key) < 0) { order.push(key); }
      });
      var total = markers.length;
      var stops = [];
      var words = [];
      var angle = 0;
      var ring = document.createElement("div");
      ring.className = "cluster-ring " + (total < 10 ? "cluster-small" : total < 100 ? "cluster-medium" : "cluster-large");
      order.forEach(function (key) {
        var n = counts[key];
        if (!n) { return; }
        var end = angle + n / total * 360;
        var colour = COLOURS[key] || COLOURS[""];
        stops.push(colour + " " + angle.toFixed(2) + "deg " + end.toFixed(2) + "deg");
        words.push((labels[key] || key) + ": " + n);
        ring.setAttribute("data-count-" + (key || "none"), String(n));
        angle = end;
      });
      ring.style.backgroundImage = "conic-gradient(" + stops.join(", ") + ")";
      ring.setAttribute("data-total", String(total));
      var title = titleTemplate.replace("%(count)s", total).replace("%(split)s", words.join(", "));
      ring.title = title;
      ring.setAttribute("role", "img");
      ring.setAttribute("aria-label", title);
      var count = document.createElement("span");
      count.className = "cluster-count";
      count.textContent = String(total);
      ring.appendChild(count);
      var size = total < 10 ? 38 : total < 100 ? 44 : 52;
      return L.divIcon({ html: ring, className: "cluster-icon", iconSize: L.point(size, size) });
    };
  }

  function start() {
    var box = document.getElementById("household-map");
    if (!box || typeof L === "undefined") { return; }
    // maxZoom on the map itself: with no tile layer to give one, the cluster plugin needs it.
    var map = L.map(box, { preferCanvas: true, zoomSnap: 0.5, maxZoom: 19 });
    if (box.dataset.tileUrl) {
      L.tileLayer(box.dataset.tileUrl, { maxZoom: 19, attribution: box.dataset.tileAttribution || "" }).addTo(map);
    }
    map.setView([9.6, 106.0], 8);  // the Mekong delta's sea border, until the points are in
    fetch(box.dataset.pointsUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        legend(document.getElementById("map-legend"), data.legend);
        var cluster = L.markerClusterGroup({
          chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 50,
          iconCreateFunction: clusterIconMaker(data.legend, box.dataset.clusterLabel)
        });
        var bounds = [];
        data.points.forEach(function (p) {
          var marker = L.circleMarker([p[0], p[1]], {
            category: p[2],  // read back by the cluster icon
            radius: 6, weight: 1, color: "#1b1f1c", fillColor: COLOURS[p[2]] || "#9ca3af", fillOpacity: 0.9
          });
          marker.on("click", function () { window.location.href = p[3]; });
          cluster.addLayer(marker);
          bounds.push([p[0], p[1]]);
        });
        map.addLayer(cluster);
        data.centroids.forEach(function (c) {
          var label = box.dataset.centroidLabel.replace("%(name)s", c.name).replace("%(count)s", c.households);
          L.circleMarker([c.lat, c.lng], { radius: 14, weight: 2, color: "#14532d", fill: false, dashArray: "4 3" })
            .bindTooltip(label).addTo(map);
        });
        if (bounds.length) {
          map.fitBounds(bounds, { padding: [20, 20], maxZoom: 15 });
        } else {
          var empty = document.createElement("p");
          empty.className = "help";
          empty.textContent = box.dataset.emptyLabel;
          box.parentNode.insertBefore(empty, box);
        }
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
