/* Small enhancements. Every page is complete and correct without this script.
 * (Meetings that have ended since the site was built move from "next" to "past" as the page
 * is read, before it is drawn, by the inline script of partials/meeting.html, not here: this
 * file runs after the page is drawn, and moving them then would shift the page.)
 * 1. The log of what residents raised gains status and remit filters.
 * 2. "Find your panel": the form is shown, and its code (cluster-panels-finder.js) fetched
 *    when it is first used. Without the scripts the A to Z list does the job.
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

  var FINDER = "assets/javascripts/cluster-panels-finder.js";

  // The form is shown here; its code is fetched when it is first used (focused or sent).
  function setUpFinder() {
    var form = document.getElementById("cp-finder");
    if (!form || !window.fetch) { return; }
    var input = document.getElementById("cp-finder-q");
    var result = document.getElementById("cp-finder-result");
    var loading = null;
    function load() {
      loading = loading || new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = form.getAttribute("data-base") + FINDER;
        script.onload = function () { resolve(window.cpFinder(form)); };
        script.onerror = function () { loading = null; reject(new Error(FINDER)); };
        document.head.appendChild(script);
      });
      return loading;
    }
    form.addEventListener("focusin", function () { load().catch(function () {}); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var typed = input.value.trim().replace(/\s+/g, " ");
      if (!typed) { return; }
      result.textContent = form.getAttribute("data-searching");
      load().then(function (find) { find(typed); }, function () {
        window.location.assign(form.getAttribute("data-az") + "#a-to-z");
      });
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
