/* "Find your panel": a postcode fetches only its outward code's small JSON file; a street,
 * ward or panel name fetches the list of streets (lower case and slips forgiven: the nearest
 * names are offered). A postcode outside the area points to the national service. Its words
 * come from the form's data- attributes. cluster-panels-pages.js shows the form and fetches
 * this file when the form is first used, so no page pays for it on load; without either
 * script the A to Z list does the job.
 */
(function () {
  "use strict";

  var POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9])([A-Z]{2})?$/;
  var FAR = 9; // closeness of a name that is not near what was typed
  var NEAREST = 5; // names offered when nothing matches

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    });
  }

  // A sentence from the form's data- attributes (the template's words), {place} etc. filled in.
  function say(form, name, values) {
    return (form.getAttribute("data-" + name) || "").replace(/\{(\w+)\}/g, function (all, key) {
      return values && Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  }

  function element(tag, parts) {
    var node = document.createElement(tag);
    parts.forEach(function (part) {
      node.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
    });
    return node;
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function wardsOf(form, pairs) {
    var wards = [];
    pairs.forEach(function (pair) { if (wards.indexOf(pair[0]) < 0) { wards.push(pair[0]); } });
    return wards.join(say(form, "and"));
  }

  // The intro, then a link to each panel of the [ward, panel id] pairs: "A or B".
  function panelLinks(form, base, intro, pairs, panels) {
    var parts = [intro];
    var seen = {};
    pairs.forEach(function (pair) {
      var id = pair[1];
      if (seen[id] || !panels[id]) { return; }
      if (Object.keys(seen).length) { parts.push(say(form, "or")); }
      seen[id] = true;
      parts.push(link(base + panels[id].url, panels[id].title));
    });
    return parts;
  }

  // Edits (Levenshtein distance) from a to b, for names typed with a slip of the finger.
  function distance(a, b) {
    var row = [];
    var i, j;
    for (j = 0; j <= b.length; j++) { row.push(j); }
    for (i = 1; i <= a.length; i++) {
      var diagonal = row[0];
      row[0] = i;
      for (j = 1; j <= b.length; j++) {
        var above = row[j];
        row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length];
  }

  // 0 when the name starts with what was typed, small when it holds it or is a few edits
  // from it (also without its last word, "summit" for "summit ward"), else FAR.
  function closeness(key, name) {
    if (key.length < 2) { return FAR; }
    if (name.indexOf(key) === 0) { return 0; }
    if (key.length >= 3 && name.indexOf(key) > 0) { return 0.1; }
    var words = name.split(" ");
    var forms = words.length > 1 ? [name, words.slice(0, -1).join(" ")] : [name];
    var best = FAR;
    forms.forEach(function (variant) {
      var ratio = distance(key, variant) / Math.max(key.length, variant.length);
      if (ratio <= 0.34 && ratio < best) { best = ratio; }
    });
    return best;
  }

  // The places and panels nearest to what was typed, nearest first.
  function nearest(key, data) {
    var found = [];
    Object.keys(data.places).forEach(function (k) {
      var score = closeness(key, k);
      if (score < FAR) { found.push({ score: score, name: data.names[k] || k, pairs: data.places[k] }); }
    });
    Object.keys(data.panels).forEach(function (id) {
      var panel = data.panels[id];
      var score = Math.min(closeness(key, panel.name.toLowerCase()), closeness(key, panel.title.toLowerCase()));
      if (score < FAR) { found.push({ score: score, name: panel.name, panel: panel }); }
    });
    found.sort(function (a, b) {
      return a.score - b.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    });
    return found.slice(0, NEAREST);
  }

  function panelNamed(panels, key) {
    var ids = Object.keys(panels).filter(function (id) {
      return panels[id].name.toLowerCase() === key || panels[id].title.toLowerCase() === key;
    });
    return ids.length === 1 ? panels[ids[0]] : null;
  }

  // The search of one form: find(typed) shows what was found in the form's result area.
  window.cpFinder = function (form) {
    var result = document.getElementById("cp-finder-result");
    var base = form.getAttribute("data-base");
    var outwards = (form.getAttribute("data-outwards") || "").split(" ").filter(Boolean);

    function show(nodes) { result.replaceChildren.apply(result, nodes); }

    function azLine() {
      var az = link(form.getAttribute("data-az") + "#a-to-z", say(form, "az-text"));
      return element("p", [say(form, "az-lead"), az, "."]);
    }

    function notFound(place, offered) {
      show([element("p", [say(form, "not-found", { place: place })])].concat(offered || [], [azLine()]));
    }

    function found(place, pairs, panels) {
      var intro = say(form, "found", { place: place, wards: wardsOf(form, pairs) });
      show([element("p", panelLinks(form, base, intro, pairs, panels))]);
    }

    function suggestion(near, panels) {
      if (near.panel) { return element("li", [link(base + near.panel.url, near.panel.title)]); }
      var street = near.pairs.some(function (pair) { return pair[0].toLowerCase() !== near.name.toLowerCase(); });
      var intro = street ? say(form, "street", { place: near.name, wards: wardsOf(form, near.pairs) })
                         : say(form, "ward", { place: near.name });
      return element("li", panelLinks(form, base, intro, near.pairs, panels));
    }

    function postcode(match) {
      var full = match[1] + " " + match[2] + (match[3] || "");
      var sector = match[1] + " " + match[2];
      if (!outwards.length) { show([element("p", [say(form, "no-postcodes")]), azLine()]); return; }
      if (outwards.indexOf(match[1]) < 0) {
        var elsewhere = link(form.getAttribute("data-elsewhere-url"), say(form, "elsewhere"));
        show([element("p", [say(form, "outside", { place: full }), elsewhere, "."])]);
        return;
      }
      fetchJson(base + "find-your-panel/postcodes/" + match[1] + ".json").then(function (data) {
        var pairs = data.postcodes[full] || data.postcodes[sector];
        if (pairs) { found(full, pairs, data.panels); } else { notFound(full); }
      }).catch(function () { notFound(full); });
    }

    function name(typed, data) {
      var key = typed.toLowerCase();
      var pairs = data.places[key] || data.places[key + " ward"];
      if (!pairs) {
        var panel = panelNamed(data.panels, key);
        if (panel) { window.location.assign(base + panel.url); return; }
        var starts = Object.keys(data.places).filter(function (n) { return n.indexOf(key) === 0; });
        if (starts.length === 1) { pairs = data.places[starts[0]]; }
      }
      if (pairs) { found(typed, pairs, data.panels); return; }
      var near = nearest(key, data);
      var offered = near.length ? [element("p", [say(form, "suggest")]),
        element("ul", near.map(function (n) { return suggestion(n, data.panels); }))] : [];
      notFound("“" + typed + "”", offered);
    }

    return function find(typed) {
      var match = POSTCODE.exec(typed.toUpperCase().replace(/\s+/g, ""));
      if (match) { postcode(match); return; }
      fetchJson(form.getAttribute("data-streets")).then(function (data) { name(typed, data); })
        .catch(function () { notFound("“" + typed + "”"); });
    };
  };
})();
