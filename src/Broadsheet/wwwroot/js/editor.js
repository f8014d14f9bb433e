// Newsroom only (loaded by the layout under /newsroom): readers' pages never download or run it.

// Newsroom editor: warn before leaving a form with changes that were neither saved nor autosaved.
// The form's fields are compared with what was last stored (the page as loaded, or the fields an
// autosave carried), not counted as events: a text field fires "change" again when it loses focus,
// so a click on a link after an autosave looked like a new edit and the prompt came up for nothing.
(function () {
  var form = document.querySelector("form[data-unsaved-warning]");
  if (!form) return;
  var submitting = false;
  function snapshot() {
    var parts = [];
    new FormData(form).forEach(function (value, name) {
      // The id arrives with the first autosave and the token never changes: neither is the author's work.
      if (name === "Input.Id" || name === "__RequestVerificationToken") return;
      parts.push(name + "=" + (typeof value === "string" ? value : value.name));
    });
    return parts.join("&");
  }
  var stored = snapshot();
  var autosaving = false, held = false, heldButton = null;
  form.addEventListener("submit", function (e) {
    // A new story's first autosave may still be on its way: posted now, without the id it brings
    // back, the form would make a second article with the same slug and be refused. Send it once
    // the autosave has answered, with the button that was pressed.
    if (autosaving) { e.preventDefault(); held = true; heldButton = e.submitter || null; return; }
    submitting = true;
  });
  form.addEventListener("htmx:beforeRequest", function (e) {
    // Once the form is on its way, a late autosave or preview would only race it (and be aborted).
    if (submitting || held) { e.preventDefault(); return; }
    if (e.detail.elt.hasAttribute("data-autosave")) { e.detail.requestConfig.sentFields = snapshot(); autosaving = true; }
  });
  form.addEventListener("htmx:afterRequest", function (e) {
    if (!e.detail.elt.hasAttribute("data-autosave")) return;
    autosaving = false;
    if (e.detail.successful && e.detail.requestConfig.sentFields !== undefined) stored = e.detail.requestConfig.sentFields;
    if (!held) return;
    held = false;
    if (heldButton && typeof form.requestSubmit === "function") { form.requestSubmit(heldButton); return; }
    submitting = true;
    form.submit();
  });
  window.addEventListener("beforeunload", function (e) {
    if (submitting || snapshot() === stored) return;
    e.preventDefault();
    e.returnValue = "";
  });
})();
