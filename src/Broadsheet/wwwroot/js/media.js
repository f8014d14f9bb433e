// The media library's upload form. A file over the limit is refused here before it is sent
// (the server refuses it too, with 413); and a 413 from the server, which htmx would drop,
// is shown in the form's error line like the 422 refusals. A 503 (the server is busy with
// other pictures) carries the whole library with its sentence in that line: swap it in.
(function () {
  "use strict";
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.classList || !form.classList.contains("media-upload")) return;
    var input = form.querySelector("input[type=file]");
    var max = Number(form.getAttribute("data-max-bytes"));
    if (input && input.files && input.files[0] && max && input.files[0].size > max) {
      e.preventDefault();
      e.stopImmediatePropagation();
      form.querySelector("#upload-error").textContent = "The file is larger than " + (max / 1048576).toFixed(1).replace(/\.0$/, "") + " MB, the largest upload allowed.";
    }
  }, true);
  document.addEventListener("htmx:beforeSwap", function (e) {
    var xhr = e.detail.xhr;
    if (xhr && xhr.status === 503 && xhr.responseText && e.detail.target && e.detail.target.id === "media-library") {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
      return;
    }
    if (!xhr || xhr.status !== 413) return;
    var slot = document.getElementById("upload-error");
    if (slot) slot.outerHTML = xhr.responseText;
    e.detail.shouldSwap = false;
  });
})();
