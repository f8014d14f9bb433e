// Live coverage (Live/_LiveEntries.cshtml): follows /live/{id}/events and puts each added, edited
// or deleted entry in place. The page is complete without this script; it only saves a reload.
// Only the short status line is a live region: screen readers hear "2 new updates", not every entry.
(function () {
  "use strict";
  var marker = document.querySelector("[data-live-stream]");
  if (!marker || !window.EventSource) return;
  var section = marker.closest(".live");
  var list = section.querySelector("[data-live-entries]");
  var status = section.querySelector("[data-live-status]");
  var bar = section.querySelector("[data-live-new]");
  var unseen = 0;

  function say(text) { if (status) status.textContent = text; }
  function below() { return section.getBoundingClientRect().top < 0; }
  function fragment(html) {
    var t = document.createElement("template");
    t.innerHTML = html;
    return t.content.firstElementChild;
  }
  function announce() {
    if (!below()) { unseen = 0; if (bar) bar.hidden = true; return; }
    unseen++;
    var words = unseen === 1 ? "1 new update" : unseen + " new updates";
    if (bar) { bar.hidden = false; bar.querySelector("a").textContent = words; }
    say(words);
  }
  function put(e) {
    var d = JSON.parse(e.data);
    var old = document.getElementById("entry-" + d.id);
    if (e.type === "deleted") { if (old) old.remove(); return; }
    var node = fragment(d.html);
    if (!node) return;
    if (old) { old.replaceWith(node); return; }
    var empty = section.querySelector(".live-empty");
    if (empty) empty.remove();
    node.classList.add("live-arrived");
    list.insertBefore(node, list.firstElementChild);
    announce();
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
