/* Cluster panels: small enhancements. Every page is complete and correct without this script.
 * 1. Meetings that have ended since the site was built move from "next" to "past"
 *    (cards carry data-ends, an ISO 8601 timestamp with offset).
 * 2. The "you said, we did" log gains status and remit filters.
 */
(function () {
  "use strict";

  function syncEmpty(list) {
    var note = document.querySelector('[data-empty-for="' + list.id + '"]');
    if (note) { note.hidden = list.children.length > 0; }
  }

  function moveFinishedMeetings(now) {
    var lists = document.querySelectorAll("ul[data-upcoming]");
    Array.prototype.forEach.call(lists, function (list) {
      var target = list.getAttribute("data-past-into");
      var past = target ? document.getElementById(target) : null;
      Array.prototype.slice.call(list.children).forEach(function (card) {
        var ends = Date.parse(card.getAttribute("data-ends") || "");
        if (isNaN(ends) || ends > now) { return; }
        if (past) {
          past.insertBefore(card, past.firstChild);
          syncEmpty(past);
        } else {
          list.removeChild(card);
        }
      });
      syncEmpty(list);
    });
  }

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

  moveFinishedMeetings(Date.now());
  setUpFilter();
})();
