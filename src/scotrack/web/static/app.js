// scotrack's only script of its own. Pages work without it; it adds conveniences.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // controls marked data-autosubmit send their form when changed
  document.querySelectorAll("[data-autosubmit]").forEach(function (control) {
    control.addEventListener("change", function () {
      if (control.form) control.form.submit();
    });
  });
});
