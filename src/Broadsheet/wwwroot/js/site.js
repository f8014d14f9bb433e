// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Keep "4 hours ago" honest on a page left open; the exact time stays in the title.
  var units = [["year", 31557600], ["month", 2629800], ["week", 604800], ["day", 86400], ["hour", 3600], ["minute", 60]];
  var format = window.Intl && Intl.RelativeTimeFormat ? new Intl.RelativeTimeFormat("en", { numeric: "always" }) : null;

  function describe(date) {
    var seconds = (Date.now() - date.getTime()) / 1000;
    if (seconds < 60) return "just now";
    for (var i = 0; i < units.length; i++) {
      var n = Math.floor(seconds / units[i][1]);
      if (n >= 1) return format ? format.format(-n, units[i][0]) : n + " " + units[i][0] + (n === 1 ? "" : "s") + " ago";
    }
    return "just now";
  }

  function refreshTimes(root) {
    var times = (root || document).querySelectorAll("time[datetime]");
    for (var i = 0; i < times.length; i++) {
      var d = new Date(times[i].getAttribute("datetime"));
      if (!isNaN(d)) times[i].textContent = describe(d);
    }
  }

  setInterval(refreshTimes, 60000);

  // After "Load more" swaps in the next page, move focus to the first new story so
  // keyboard and screen-reader users continue where the new content begins.
  document.addEventListener("htmx:beforeSwap", function (e) {
    var feed = e.detail.target && e.detail.target.closest(".feed");
    if (feed) feed.dataset.countBefore = feed.querySelectorAll(".card").length;
  });
  document.addEventListener("htmx:afterSettle", function (e) {
    var feed = document.querySelector(".feed[data-count-before]");
    if (!feed) return;
    var link = feed.querySelectorAll(".card-title a")[Number(feed.dataset.countBefore)];
    delete feed.dataset.countBefore;
    if (link) link.focus({ preventScroll: true });
    refreshTimes(feed);
  });
})();

// The header search overlay: opens from the header's search box or the "/" key, shows the
// top matches as you type (htmx: debounced, stale requests replaced), arrow keys move
// between the box and the matches, Esc closes. Without JavaScript the header box is a GET form.
(function () {
  "use strict";
  var dialog = document.getElementById("search-dialog");
  var header = document.querySelector(".site-header form.search");
  if (!dialog || !header || typeof dialog.showModal !== "function") return;
  var input = dialog.querySelector("input[name=q]");

  function open(text) {
    if (dialog.open) return;
    input.value = text || "";
    dialog.showModal();
    input.focus();
    if (input.value) input.dispatchEvent(new Event("search"));
  }

  header.addEventListener("submit", function (e) {
    var box = header.querySelector("input[name=q]");
    if (box.value.trim()) return; // a typed query goes straight to the results page
    e.preventDefault();
    open("");
  });
  header.querySelector("input[name=q]").addEventListener("focus", function (e) {
    e.target.blur();
    open(e.target.value);
  });

  document.addEventListener("keydown", function (e) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
    if (e.key === "/" && !typing && !dialog.open && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      open("");
    }
  });

  dialog.querySelector(".search-close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });

  dialog.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(dialog.querySelectorAll("#search-suggestions a"));
    if (!links.length) return;
    e.preventDefault();
    var at = links.indexOf(document.activeElement);
    var next = e.key === "ArrowDown" ? at + 1 : at - 1;
    if (next < 0) input.focus();
    else links[Math.min(next, links.length - 1)].focus();
  });
})();
