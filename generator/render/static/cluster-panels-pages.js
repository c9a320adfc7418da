/* Small enhancements. Every page is complete and correct without this script.
 * (Meetings that have ended since the site was built move from "next" to "past" as the page
 * is read, before it is drawn, by the inline script of partials/meeting.html, not here: this
 * file runs after the page is drawn, and moving them then would shift the page.)
 * 1. The log of what residents raised gains status and remit filters.
 * 2. "Find your panel": a postcode fetches only its outward code's small JSON file; a street
 *    or ward fetches the list of streets. Without the script the A to Z list does the job.
 * 3. Copy buttons for calendar addresses and newsletter snippets.
 */
(function () {
  "use strict";

  function setUpFilter() {
    var form = document.getElementById("_cp-filter");
    if (!form) { return; }
    var status = document.getElementById("_cp-filter-status");
    var remit = document.getElementById("_cp-filter-remit");
    var count = document.getElementById("_cp-filter-count");
    var entries = document.querySelectorAll("article.cp-action");
    function apply() {
      var shown = 0;
      Array.prototype.forEach.call(entries, function (entry) {
        var match = (!status.value || entry.getAttribute("data-status") === status.value) &&
                    (!remit.value || entry.getAttribute("data-remit") === remit.value);
        entry.hidden = !match;
        if (match) { shown += 1; }
      });
      Array.prototype.forEach.call(document.querySelectorAll(".cp-log section.cp-section"), function (section) {
        section.hidden = !section.querySelector("article.cp-action:not([hidden])");
      });
      count.textContent = "Showing " + shown + " of " + entries.length + " entries.";
    }
    status.addEventListener("change", apply);
    remit.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
  }

  var POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9])([A-Z]{2})?$/;

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    });
  }

  function showPanels(result, base, intro, pairs, panels) {
    result.textContent = "";
    var p = document.createElement("p");
    p.appendChild(document.createTextNode(intro));
    var seen = {};
    pairs.forEach(function (pair) {
      var id = pair[1];
      if (seen[id] || !panels[id]) { return; }
      if (Object.keys(seen).length) { p.appendChild(document.createTextNode(" or ")); }
      seen[id] = true;
      var a = document.createElement("a");
      a.href = base + panels[id].url;
      a.textContent = panels[id].title;
      p.appendChild(a);
    });
    result.appendChild(p);
  }

  function notFound(result, form, what) {
    result.textContent = "";
    var p = document.createElement("p");
    p.appendChild(document.createTextNode("We could not find " + what + ". Look for your ward or street in the "));
    var a = document.createElement("a");
    a.href = form.getAttribute("data-az") + "#a-to-z";
    a.textContent = "A to Z of wards and streets";
    p.appendChild(a);
    p.appendChild(document.createTextNode("."));
    result.appendChild(p);
  }

  function wardsOf(pairs) {
    var wards = [];
    pairs.forEach(function (pair) { if (wards.indexOf(pair[0]) < 0) { wards.push(pair[0]); } });
    return wards.join(" and ");
  }

  function setUpFinder() {
    var form = document.getElementById("cp-finder");
    if (!form || !window.fetch) { return; }
    var input = document.getElementById("cp-finder-q");
    var result = document.getElementById("cp-finder-result");
    var base = form.getAttribute("data-base");
    var outwards = (form.getAttribute("data-outwards") || "").split(" ");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var typed = input.value.trim();
      if (!typed) { return; }
      var match = POSTCODE.exec(typed.toUpperCase().replace(/\s+/g, ""));
      result.textContent = "Searching…";
      if (match) {
        var full = match[1] + " " + match[2] + (match[3] || "");
        var sector = match[1] + " " + match[2];
        if (outwards.indexOf(match[1]) < 0) { notFound(result, form, full); return; }
        fetchJson(base + "find-your-panel/postcodes/" + match[1] + ".json").then(function (data) {
          var pairs = data.postcodes[full] || data.postcodes[sector];
          if (!pairs) { notFound(result, form, full); return; }
          showPanels(result, base, full + " is in " + wardsOf(pairs) + ": ", pairs, data.panels);
        }).catch(function () { notFound(result, form, full); });
        return;
      }
      fetchJson(form.getAttribute("data-streets")).then(function (data) {
        var key = typed.toLowerCase().replace(/\s+/g, " ");
        var pairs = data.places[key] || data.places[key + " ward"];
        if (!pairs) {
          var names = Object.keys(data.places).filter(function (n) { return n.indexOf(key) === 0; });
          if (names.length === 1) { pairs = data.places[names[0]]; }
        }
        if (!pairs) { notFound(result, form, "“" + typed + "”"); return; }
        showPanels(result, base, typed + " is in " + wardsOf(pairs) + ": ", pairs, data.panels);
      }).catch(function () { notFound(result, form, "“" + typed + "”"); });
    });
    form.hidden = false;
  }

  function setUpCopyButtons() {
    if (!navigator.clipboard) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (button) {
      var source = document.getElementById(button.getAttribute("data-copy"));
      var note = document.getElementById(button.getAttribute("data-copy") + "-copied");
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
          if (note) {
            note.textContent = button.getAttribute("data-copied") || "Copied. Paste it into your calendar app.";
          }
        }, function () {
          if (note) { note.textContent = "Could not copy: select the text and copy it."; }
        });
      });
      button.hidden = false;
    });
  }

  setUpFilter();
  setUpFinder();
  setUpCopyButtons();
})();
