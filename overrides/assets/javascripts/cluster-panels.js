/*
 * The site's search (overrides/partials/site-search.html), a small progressive enhancement.
 *
 * Nothing is fetched for search until someone opens it: then Pagefind's script loads, its
 * engine with the first keystroke, and each query fetches only the index fragments it needs
 * (the index is built from the data by the generator: generator/search/). Results from the data
 * (meetings, panels, venues, "you said, we did")
 * come before guidance pages (their "type" meta). A panel's log is one
 * result whose entries are its sub-results: each entry found is shown as an item of its own,
 * linked to its anchor, with its date from the log's "dates" meta (generator/search/pagefind.py).
 */
(function () {
  "use strict";
  var GUIDANCE = "Guidance"; // generator.search.records.RecordType.GUIDANCE
  var SHOWN = 10;
  var BATCH = 5; // results whose fragments are fetched at once, until SHOWN items are found
  var dialog = document.getElementById("cp-search");
  var opener = document.querySelector("[data-cp-search-open]");
  if (!dialog || !opener || typeof dialog.showModal !== "function") {
    return;
  }
  var input = dialog.querySelector("input");
  var status = dialog.querySelector("[role=status]");
  var list = dialog.querySelector("ol");
  var script = new URL(dialog.getAttribute("data-pagefind"), document.baseURI);
  var module = null;
  var engine = null;
  var latest = 0;
  var timer = 0;

  // Opening search fetches Pagefind's script alone (about 46 KB, 13 KB compressed); its
  // WebAssembly, worker and index metadata (about 114 KB more) wait for the first keystroke,
  // so a resident who opens search and closes it again has spent little.
  function loadScript() {
    if (!module) {
      module = import(script.href);
      module.catch(function () {
        module = null;
      });
    }
    return module;
  }

  function load() {
    if (!engine) {
      engine = loadScript().then(function (pagefind) {
        return pagefind
          .options({
            baseUrl: new URL("../", script).pathname,
            excerptLength: 24,
            // Only the title's words rank as metadata: a log's "dates" hold its entries' ids,
            // which start with the panel's id, and outranked the panel's own page for its name.
            ranking: { metaWeights: { dates: 0, day: 0, type: 0 } },
          })
          .then(function () {
            return pagefind.init();
          })
          .then(function () {
            return pagefind;
          });
      });
      engine.catch(function () {
        engine = null;
        status.textContent = "Search could not be loaded. Try again, or use the menu.";
      });
    }
    return engine;
  }

  function open() {
    if (!dialog.open) {
      dialog.showModal();
    }
    input.focus();
    loadScript().catch(function () {}); // a failed load is reported by search()
  }

  // The excerpt marks the words found with <mark>; everything else in it is shown as text.
  function excerpt(html) {
    var p = document.createElement("p");
    p.className = "cp-search__excerpt";
    var parsed = new DOMParser().parseFromString(html, "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  function item(result) {
    var li = document.createElement("li");
    li.className = "cp-search__result";
    var link = document.createElement("a");
    link.href = result.url;
    link.textContent = result.meta.title;
    var heading = document.createElement("p");
    heading.className = "cp-search__result-title";
    heading.appendChild(link);
    var about = document.createElement("p");
    about.className = "cp-search__result-meta";
    about.textContent = [result.meta.type, result.meta.date].filter(Boolean).join(" · ");
    li.append(heading, about, excerpt(result.excerpt));
    return li;
  }

  // A log page stands for each of its entries found; any other result is one item.
  function items(data) {
    var dates = data.meta.dates ? JSON.parse(data.meta.dates) : null;
    var found = dates
      ? data.sub_results.filter(function (sub) {
          return sub.anchor && Object.prototype.hasOwnProperty.call(dates, sub.anchor.id);
        })
      : [];
    if (!found.length) {
      return [data];
    }
    return found.map(function (sub) {
      return {
        url: sub.url,
        excerpt: sub.excerpt,
        meta: { title: sub.title, type: data.meta.type, date: dates[sub.anchor.id] },
      };
    });
  }

  // Meetings in date order, in the places the engine ranked meetings: those to come soonest
  // first, then those past, latest first. Every meeting found holds every word searched for,
  // so the order among them is the date's; panels, logs and venues keep their rank.
  function byDate(shown) {
    var now = new Date(); // the resident's own calendar day, as yyyy-mm-dd
    var today = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
      .map(function (n) {
        return String(n).padStart(2, "0");
      })
      .join("-");
    var meetings = shown.filter(function (data) {
      return data.meta.day;
    });
    meetings.sort(function (a, b) {
      var aFuture = a.meta.day >= today;
      var bFuture = b.meta.day >= today;
      if (aFuture !== bFuture) {
        return aFuture ? -1 : 1;
      }
      var order = a.meta.day < b.meta.day ? -1 : a.meta.day > b.meta.day ? 1 : 0;
      return aFuture ? order : -order;
    });
    return shown.map(function (data) {
      return data.meta.day ? meetings.shift() : data;
    });
  }

  // Fetch results' fragments a few at a time, in rank order, until SHOWN items from the data
  // are found; guidance found on the way is kept aside and shown after them.
  function collect(results, from, shown, guidance) {
    if (shown.length >= SHOWN || from >= results.length) {
      return Promise.resolve(byDate(shown).concat(guidance).slice(0, SHOWN));
    }
    return Promise.all(
      results.slice(from, from + BATCH).map(function (r) {
        return r.data();
      })
    ).then(function (loaded) {
      loaded.forEach(function (data) {
        if (data.meta.type === GUIDANCE) {
          guidance = guidance.concat(items(data));
        } else {
          shown = shown.concat(items(data));
        }
      });
      return collect(results, from + BATCH, shown, guidance);
    });
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    load()
      .then(function (pagefind) {
        // One search, no filter: at the largest scale a query can match thousands of pages,
        // and each filtered search costs as much again (the type is read from the fragments).
        return pagefind.search(query);
      })
      .then(function (found) {
        var results = found.results;
        return collect(results, 0, [], []).then(function (shown) {
          if (ticket !== latest) {
            return;
          }
          list.replaceChildren.apply(list, shown.map(item));
          var count = results.length;
          status.textContent =
            (count === 0 ? "No results" : count === 1 ? "1 result" : count + " results") +
            " for “" + query + "”" +
            (count > SHOWN ? ", showing the first " + SHOWN : "");
        });
      });
  }

  opener.hidden = false;
  opener.addEventListener("click", open);
  dialog.querySelector("[data-cp-search-close]").addEventListener("click", function () {
    dialog.close();
  });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) {
      dialog.close(); // a click on the backdrop
    }
  });
  dialog.addEventListener("close", function () {
    opener.focus();
  });
  dialog.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    search();
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
    // Fetch the index chunks for the words so far while the typing pauses.
    var query = input.value.trim();
    if (query) {
      load()
        .then(function (pagefind) {
          return pagefind.preload(query);
        })
        .catch(function () {}); // a failed load is reported by search()
    }
  });
  // "/" opens search from anywhere except a text field, as on GOV.UK and GitHub.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "/" && !typing && !dialog.open && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      open();
    }
  });
})();
