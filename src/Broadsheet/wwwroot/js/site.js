// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Keep "4 hours ago" honest on a page left open; the exact time stays in the title.
  var units = [["year", 31557600], ["month", 2629800], ["week", 604800], ["day", 86400], ["hour", 3600], ["minute", 60]];
  // Made on first use, a minute after load at the earliest: building the formatter loads the
  // browser's locale data, a main-thread task long enough to hold back the first paint (issue 21).
  var format;

  function formatter() {
    if (format === undefined) format = window.Intl && Intl.RelativeTimeFormat ? new Intl.RelativeTimeFormat("en", { numeric: "always" }) : null;
    return format;
  }

  function describe(date) {
    var seconds = (Date.now() - date.getTime()) / 1000;
    if (seconds < 60) return "just now";
    for (var i = 0; i < units.length; i++) {
      var n = Math.floor(seconds / units[i][1]);
      if (n >= 1) return formatter() ? format.format(-n, units[i][0]) : n + " " + units[i][0] + (n === 1 ? "" : "s") + " ago";
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
  var box = header.querySelector("input[name=q]");
  box.addEventListener("focus", function (e) {
    e.target.blur();
    open(e.target.value);
  });
  // This file arrives on the reader's first tap (js/boot.js): the tap that focused the box came first.
  if (document.activeElement === box) { box.blur(); open(box.value); }

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

// The sign-in / sign-up dialog. Links marked data-account-dialog load the page's own panel
// (htmx asks, the server answers with just the panel) into a modal <dialog>: the rest of the
// page goes inert, Tab stays inside, Esc closes. The panel's forms post with htmx and errors
// swap in place (422/429). A successful sign-in answers with a panel carrying data-redirect:
// it shows "Signing in…" and then returns the reader to the page they came from.
// Without JavaScript (or htmx) the links are ordinary pages.
(function () {
  "use strict";
  var dialog = document.getElementById("account-dialog");
  var body = document.getElementById("account-dialog-body");
  if (!dialog || !body || typeof dialog.showModal !== "function") return;
  var opener = null;

  function focusFirst() {
    var target = body.querySelector("[aria-invalid=true], .input-validation-error") || body.querySelector("input:not([type=hidden]), button, a[href]");
    if (target) target.focus();
  }

  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a[data-account-dialog]");
    if (!link || !window.htmx || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    opener = dialog.open ? opener : link;
    window.htmx.ajax("GET", link.getAttribute("href"), { target: body, swap: "innerHTML" }).then(function () {
      if (!dialog.open) dialog.showModal();
      var title = body.querySelector(".account-title");
      if (title) dialog.setAttribute("aria-labelledby", title.id || "account-title");
      focusFirst();
    });
  });

  dialog.querySelector(".dialog-close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });
  dialog.addEventListener("close", function () {
    body.innerHTML = "";
    if (opener && document.contains(opener)) opener.focus();
  });

  // Keep Tab inside the dialog: from the last control back to the first, and the reverse.
  dialog.addEventListener("keydown", function (e) {
    if (e.key !== "Tab") return;
    var items = Array.prototype.filter.call(
      dialog.querySelectorAll("a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea"),
      function (el) { return el.offsetParent !== null; });
    if (!items.length) return;
    var first = items[0], last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
  });

  // While a form is on its way: "Signing in…" / "Signing up…".
  document.addEventListener("htmx:beforeRequest", function (e) {
    var form = e.detail.elt;
    if (!form || !form.dataset || !form.dataset.busy) return;
    var status = form.querySelector(".form-status");
    if (status) status.textContent = form.dataset.busy;
  });
  document.addEventListener("htmx:afterRequest", function (e) {
    var form = e.detail.elt;
    if (!e.detail.successful && form && form.dataset && form.dataset.busy && document.contains(form)) {
      var status = form.querySelector(".form-status");
      if (status) status.textContent = "That did not go through. Check your connection and try again.";
    }
  });

  // The swapped panel replaced the old one (outerHTML), so look it up afresh rather than
  // trust the event's target, which is the detached old element. This serves the dialog and
  // the full /account/sign-in page alike.
  document.addEventListener("htmx:afterSettle", function () {
    var done = document.querySelector(".account-panel[data-redirect]");
    if (done) {
      var to = done.getAttribute("data-redirect");
      // The server only sends local paths; check again rather than trust markup.
      if (to && to.charAt(0) === "/" && to.charAt(1) !== "/" && to.charAt(1) !== "\\") {
        setTimeout(function () { window.location.assign(to); }, 300);
      }
      return;
    }
    if (dialog.open) focusFirst();
  });
})();

// Comments. The thread arrives by htmx after the page loads (when it scrolls into view), so a link to #comment-123 has
// nothing to scroll to at first: once the thread is in, go to it. A refusal inside the thread
// (403 banned or closed, 404 gone) carries a readable sentence; show it where the reader acted
// rather than dropping it, as htmx does with 4xx answers other than 422 and 429.
(function () {
  "use strict";
  // htmx "settles" a swapped element by copying attributes from the old element with the same id,
  // style among them. Chromium has been seen to put an empty style="" on form fields (after an autofocus), and
  // copying that is an inline style the CSP refuses (a console error). We never set inline
  // styles, so there is nothing of ours to settle there.
  if (window.htmx) window.htmx.config.attributesToSettle = ["class", "width", "height"];

  document.addEventListener("htmx:beforeSwap", function (e) {
    var status = e.detail.xhr && e.detail.xhr.status;
    var from = e.detail.requestConfig && e.detail.requestConfig.elt;
    if ((status === 400 || status === 403 || status === 404) && from && from.closest && from.closest(".comments") && e.detail.xhr.responseText) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });
  // The thread loads when it scrolls into view; a link to one comment asks for it at once.
  var thread = document.getElementById("thread");
  if (thread && window.htmx && /^#comment-\d+$/.test(window.location.hash)) window.htmx.trigger(thread, "show-thread");

  document.addEventListener("htmx:afterSettle", function (e) {
    if (!e.detail.elt || e.detail.elt.id !== "thread") return;
    var hash = window.location.hash;
    if (!/^#comment-\d+$/.test(hash)) return;
    var target = document.getElementById(hash.slice(1));
    if (target) target.scrollIntoView();
  });
})();

// Sharing a story. Without JavaScript the share block is plain links and a read-only field
// holding the story's link. Here: "Copy link" (where the Clipboard API is available: a secure
// context) copies it and says so in the block's live region; "Share…" appears only where the
// device has a share sheet (navigator.share) and hands it the headline, standfirst and link.
(function () {
  "use strict";
  var blocks = document.querySelectorAll("[data-share]");
  for (var i = 0; i < blocks.length; i++) enhance(blocks[i]);

  function enhance(block) {
    var field = block.querySelector(".share-url");
    var copy = block.querySelector(".share-copy-button");
    var native = block.querySelector(".share-native");
    var status = block.querySelector(".share-status");
    if (!field || !status) return;

    function say(text) {
      // Clear first, so saying the same words again is announced again.
      status.textContent = "";
      setTimeout(function () { status.textContent = text; }, 50);
    }

    // One click selects the whole link, ready for Ctrl+C, where no button can copy it.
    field.addEventListener("focus", function () { field.select(); });

    if (copy && navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(field.value).then(
          function () { say("Link copied"); },
          function () { field.focus(); say("Press Ctrl+C (or ⌘C) to copy the selected link"); });
      });
    }

    if (native && typeof navigator.share === "function") {
      native.hidden = false;
      native.addEventListener("click", function () {
        var data = { title: native.dataset.title, url: native.dataset.url };
        if (native.dataset.text) data.text = native.dataset.text;
        // Rejected when the reader closes the sheet (AbortError): nothing to report.
        navigator.share(data).catch(function () { });
      });
    }
  }
})();

// Every refused htmx action says why, where the reader acted. htmx drops most 4xx and 5xx answers,
// so a refused vote or follow used to do nothing at all. An answer that is only a message (a short
// fragment with class form-error, plain text, problem+json, an empty body or the site's error
// page) is not swapped over the control: its sentence goes in a status line beside it, or into the
// target when the target is itself a live region (the editor's autosave line). Answers made to go
// back in place (a form returned with its error) still swap as their own handlers decide. A
// request that never got an answer (offline, timed out) says so in the same place.
(function () {
  "use strict";

  function fallback(status) {
    if (!status) return "Could not reach the site. Check your connection and try again.";
    if (status === 400) return "The form had expired. Reload the page and try again.";
    if (status === 401 || status === 403) return "That is not allowed for your account just now. Reload the page and try again.";
    if (status === 404) return "That is not there any more. Reload the page.";
    if (status === 413) return "That was too much to send.";
    if (status === 429) return "Too many tries in a row. Wait a moment and try again.";
    if (status >= 500) return "Something went wrong on our side. Try again in a minute.";
    return "That did not go through. Try again.";
  }

  function clean(text) { return (text || "").replace(/\s+/g, " ").trim(); }

  // The sentence in a message answer, or null when the answer is a fragment meant to be swapped in.
  function messageOf(xhr) {
    var type = xhr.getResponseHeader("Content-Type") || "";
    var text = xhr.responseText || "";
    if (!text.trim()) return fallback(xhr.status);
    if (/json/i.test(type)) {
      try { var problem = JSON.parse(text); return clean(problem.detail || problem.title) || fallback(xhr.status); }
      catch (_) { return fallback(xhr.status); }
    }
    var doc = new DOMParser().parseFromString(text, "text/html");
    var page = doc.querySelector(".error-page");
    if (page) {
      var heading = page.querySelector("h1"), line = page.querySelector("h1 + p");
      return clean((heading ? heading.textContent + ". " : "") + (line ? line.textContent : "")) || fallback(xhr.status);
    }
    if (/<html[\s>]/i.test(text) || doc.querySelector("main")) return fallback(xhr.status);
    var roots = doc.body.children;
    if (roots.length === 0) return clean(doc.body.textContent).slice(0, 300) || fallback(xhr.status);
    if (roots.length === 1 && roots[0].matches(".form-error, [data-refusal]")) return clean(roots[0].textContent) || fallback(xhr.status);
    return null;
  }

  function slotFor(elt) {
    var anchor = (elt.closest && elt.closest("form")) || elt.parentElement || elt;
    var next = anchor.nextElementSibling;
    if (next && next.classList.contains("action-refusal")) return next;
    var slot = document.createElement("p");
    slot.className = "form-error action-refusal";
    slot.setAttribute("role", "status");
    anchor.insertAdjacentElement("afterend", slot);
    return slot;
  }

  function say(detail, text) {
    var target = detail.target, elt = detail.requestConfig ? detail.requestConfig.elt : detail.elt;
    if (target && target.matches && target.matches("[aria-live], [role=status]")) { target.textContent = text; return; }
    if (!elt || !document.contains(elt)) return;
    var slot = slotFor(elt);
    // Cleared first, so the same sentence said twice is announced twice.
    slot.textContent = "";
    setTimeout(function () { slot.textContent = text; }, 50);
  }

  document.addEventListener("htmx:beforeRequest", function (e) {
    var elt = e.detail.elt, anchor = elt && ((elt.closest && elt.closest("form")) || elt.parentElement);
    var old = anchor && anchor.nextElementSibling;
    if (old && old.classList.contains("action-refusal")) old.remove();
  });

  document.addEventListener("htmx:beforeSwap", function (e) {
    var xhr = e.detail.xhr;
    if (!xhr || xhr.status < 400) return;
    var text = messageOf(xhr);
    if (text === null) return;
    // A message already bound for a box of its own (the preview, a reply slot) may go there; one
    // that would replace the control itself (outerHTML: the vote buttons, the comment form) may not.
    var elt = e.detail.requestConfig && e.detail.requestConfig.elt;
    var owner = elt && elt.closest && elt.closest("[data-hx-swap]");
    if (e.detail.shouldSwap && !/^outerHTML/.test(owner ? owner.getAttribute("data-hx-swap") : "")) return;
    e.detail.shouldSwap = false;
    say(e.detail, text);
  });

  function unanswered(e) { say(e.detail, fallback(0)); }
  document.addEventListener("htmx:sendError", unanswered);
  document.addEventListener("htmx:timeout", unanswered);
})();
