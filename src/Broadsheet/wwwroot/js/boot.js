// Loads htmx and site.js (the URLs in this tag's data-load, in order) when the reader first does
// something on the page, not while it loads (issue 21). On a phone, evaluating htmx, its scan of
// the document and site.js's start were the longest main-thread tasks after the first paint: what
// Lighthouse's Total Blocking Time counts, and time a reader's first tap waits behind. Nothing they
// do is needed to read: every link and form works without them, and the comments are a link until
// htmx fetches them. A tap or key that htmx or site.js would have handled is held and played again
// once they are in, so the first one is not lost to a full-page round trip.
(function () {
  "use strict";
  var me = document.currentScript;
  var sources = ((me && me.getAttribute("data-load")) || "").split(" ").filter(Boolean);
  if (!sources.length) return;
  var signals = ["pointerdown", "pointermove", "touchstart", "keydown", "wheel", "scroll"];
  var options = { capture: true, passive: true };
  var started = false, ready = false, held = [];
  // What htmx or site.js answers on a click or a submit (the header's search box opens the overlay
  // when sent empty): played again when they are in.
  var enhanced = "[data-hx-get], [data-hx-post], [data-hx-put], [data-hx-patch], [data-hx-delete], a[data-account-dialog], .site-header form.search";

  function start() {
    if (started) return;
    started = true;
    signals.forEach(function (s) { window.removeEventListener(s, start, options); });
    // htmx 2 starts on DOMContentLoaded, or at once when the document has finished loading: added in
    // between (pictures still arriving), it would never start. So wait for "complete".
    if (document.readyState === "complete") inject();
    else window.addEventListener("load", inject);
  }

  function inject() {
    var left = sources.length;
    sources.forEach(function (src) {
      var script = document.createElement("script");
      script.src = src;
      script.async = false; // run in the listed order: htmx, then what listens to its events
      script.onload = script.onerror = function () { if (--left === 0) done(); };
      document.head.appendChild(script);
    });
  }

  function done() {
    ready = true;
    // For whatever must wait for the scripts (the browser tests do): the page is fully enhanced.
    document.documentElement.setAttribute("data-enhanced", "");
    var replay = held;
    held = [];
    replay.forEach(function (fn) { fn(); });
  }

  function hold(e, fn) {
    e.preventDefault();
    e.stopImmediatePropagation();
    held.push(fn);
    start();
  }

  signals.forEach(function (s) { window.addEventListener(s, start, options); });

  document.addEventListener("click", function (e) {
    if (ready || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || !e.target.closest) return;
    var control = e.target.closest("a[href], button, input[type=submit]");
    if (!control) return;
    var form = control.tagName !== "A" && control.type === "submit" ? control.form : null;
    if (!control.matches(enhanced) && !(form && form.matches(enhanced))) return;
    hold(e, function () { control.click(); });
  }, true);

  // Enter in a field of an htmx form: submitted again, by the same button, once htmx listens.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (ready || !form.matches || !form.matches(enhanced)) return;
    var by = e.submitter && e.submitter.form === form ? e.submitter : undefined;
    hold(e, function () { form.requestSubmit(by); });
  }, true);

  // "/" opens the search overlay (site.js): played again rather than lost.
  document.addEventListener("keydown", function (e) {
    var active = document.activeElement;
    if (ready || e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) || active.isContentEditable) return;
    hold(e, function () { document.dispatchEvent(new KeyboardEvent("keydown", { key: "/", bubbles: true, cancelable: true })); });
  }, true);

  // A link to the comments (#comments, #comment-123) asked for them: no need to wait for a gesture.
  if (/^#comment(s|-\d+)$/.test(window.location.hash)) start();
})();
