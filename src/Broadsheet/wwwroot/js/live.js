// Live coverage (Live/_LiveEntries.cshtml): follows /live/{id}/events and puts each added, edited
// or deleted entry in place: in the pinned slot when it is pinned, in the list (newest first)
// when not, and its line in the key-events timeline at the top when it is a key event. The page
// is complete without this script; it only saves a reload.
// Only the short status line is a live region: screen readers hear "2 new updates", not every entry.
(function () {
  "use strict";
  var marker = document.querySelector("[data-live-stream]");
  if (!marker || !window.EventSource) return;
  var section = marker.closest(".live");
  var list = section.querySelector("[data-live-entries]");
  var status = section.querySelector("[data-live-status]");
  var bar = section.querySelector("[data-live-new]");
  var top = document.querySelector(".live-top");
  var unseen = 0;

  function say(text) { if (status) status.textContent = text; }
  function below() { return section.getBoundingClientRect().top < 0; }
  function fragment(html) {
    var t = document.createElement("template");
    t.innerHTML = html;
    return t.content.firstElementChild;
  }
  function idOf(node) { return parseInt(node.id.replace("entry-", ""), 10); }
  function announce() {
    if (!below()) { unseen = 0; if (bar) bar.hidden = true; return; }
    unseen++;
    var words = unseen === 1 ? "1 new update" : unseen + " new updates";
    if (bar) { bar.hidden = false; bar.querySelector("a").textContent = words; }
    say(words);
  }

  // The list is newest first; entry ids grow with time, so an entry goes before the first older one.
  function intoList(node) {
    var id = idOf(node);
    var next = list.firstElementChild;
    while (next && idOf(next) > id) next = next.nextElementSibling;
    list.insertBefore(node, next);
  }

  // One pinned entry at most: the one there before goes back to its place in the list
  // (its own "edited, not pinned" event follows and replaces it there).
  function intoPinnedSlot(node) {
    var box = section.querySelector(".live-pinned-box");
    if (!box) {
      box = document.createElement("div");
      box.className = "live-pinned-box";
      list.parentNode.insertBefore(box, list);
    }
    Array.prototype.slice.call(box.children).forEach(function (other) { other.classList.remove("live-pinned"); intoList(other); });
    box.appendChild(node);
  }

  function emptyPinnedSlot() {
    var box = section.querySelector(".live-pinned-box");
    if (box && !box.firstElementChild) box.remove();
  }

  // The key-events timeline: oldest first, like the page renders it; gone when it has no line left.
  function timeline(d) {
    if (!top) return;
    var nav = top.querySelector(".live-timeline");
    var line = nav && nav.querySelector('li[data-entry="' + d.id + '"]');
    if (!d.key || !d.timeline) {
      if (line) line.remove();
      if (nav && !nav.querySelector("li")) nav.remove();
      return;
    }
    if (!nav) {
      nav = document.createElement("nav");
      nav.className = "live-timeline";
      nav.setAttribute("aria-labelledby", "live-key-title");
      nav.innerHTML = '<h2 id="live-key-title">Key events</h2><ol></ol>';
      top.appendChild(nav);
    }
    if (!line) {
      line = document.createElement("li");
      line.setAttribute("data-entry", d.id);
      var ol = nav.querySelector("ol");
      var after = ol.firstElementChild;
      while (after && parseInt(after.getAttribute("data-entry"), 10) < d.id) after = after.nextElementSibling;
      ol.insertBefore(line, after);
    }
    line.innerHTML = '<a href="#entry-' + d.id + '">' + d.timeline + "</a>";
  }

  function put(e) {
    var d = JSON.parse(e.data);
    var old = document.getElementById("entry-" + d.id);
    timeline(e.type === "deleted" ? { id: d.id, key: false } : d);
    if (e.type === "deleted") { if (old) old.remove(); emptyPinnedSlot(); return; }
    var node = fragment(d.html);
    if (!node) return;
    var isNew = !old;
    if (old) old.remove();
    if (isNew) {
      var empty = section.querySelector(".live-empty");
      if (empty) empty.remove();
      node.classList.add("live-arrived");
    }
    if (d.pinned) intoPinnedSlot(node); else intoList(node);
    emptyPinnedSlot();
    if (isNew) announce();
  }

  var source = new EventSource(marker.getAttribute("data-live-stream"));
  source.addEventListener("added", put);
  source.addEventListener("edited", put);
  source.addEventListener("deleted", put);
  source.addEventListener("ended", function () { source.close(); say("Live coverage has ended."); });
  // Too far behind to replay: the page itself is the fastest way back.
  source.addEventListener("reload", function () { source.close(); location.reload(); });
  source.addEventListener("open", function () { section.setAttribute("data-live-connected", "true"); });
  if (bar) bar.querySelector("a").addEventListener("click", function () { unseen = 0; bar.hidden = true; });
  window.addEventListener("scroll", function () { if (!below() && unseen) { unseen = 0; if (bar) bar.hidden = true; } }, { passive: true });
})();
