// Starts the vendored Swagger UI on the OpenAPI document (no inline script: CSP).
// Deep links are off: Swagger UI puts them inside each operation's toggle button,
// a link inside a button, which keyboards and screen readers cannot use (#14).
"use strict";

// Swagger UI leaves a few controls without an accessible name (axe-core: label,
// select-name, button-name); name them as they appear (#14).
function nameSwaggerControls(root) {
  root.querySelectorAll("tr[data-param-name] select:not([aria-label])").forEach(function (el) {
    el.setAttribute("aria-label", el.closest("tr").getAttribute("data-param-name"));
  });
  root.querySelectorAll("textarea.body-param__text:not([aria-label])").forEach(function (el) {
    el.setAttribute("aria-label", "Request body");
  });
  root.querySelectorAll("button.close-modal:not([aria-label])").forEach(function (el) {
    el.setAttribute("aria-label", "Close");
  });
  root.querySelectorAll("button.modal-btn.authorize[aria-label]").forEach(function (el) {
    el.setAttribute("aria-label", el.textContent.trim() || "Authorize");
  });
}

window.addEventListener("DOMContentLoaded", function () {
  var target = document.getElementById("swagger-ui");
  if (!target || typeof window.SwaggerUIBundle !== "function") return;
  window.SwaggerUIBundle({ url: target.dataset.spec, domNode: target, deepLinking: false });
  new MutationObserver(function () { nameSwaggerControls(target); })
    .observe(target, { childList: true, subtree: true });
});
