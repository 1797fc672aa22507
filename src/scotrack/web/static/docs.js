// Starts the vendored Swagger UI on the OpenAPI document (no inline script: CSP).
window.addEventListener("DOMContentLoaded", function () {
  var target = document.getElementById("swagger-ui");
  if (!target || typeof window.SwaggerUIBundle !== "function") return;
  window.SwaggerUIBundle({ url: target.dataset.spec, domNode: target, deepLinking: true });
});
