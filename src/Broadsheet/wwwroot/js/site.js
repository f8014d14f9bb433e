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
