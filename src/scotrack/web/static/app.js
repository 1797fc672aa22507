// scotrack's only script of its own. Pages work without it; it adds conveniences.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // controls marked data-autosubmit send their form when changed
  document.querySelectorAll("[data-autosubmit]").forEach(function (control) {
    control.addEventListener("change", function () {
      if (control.form && control.checkValidity()) control.form.submit();
    });
  });

  // the menu button folds the navigation away on narrow screens (#14). Without this
  // script the button stays hidden and the navigation simply wraps.
  var header = document.querySelector("header.top");
  var button = header && header.querySelector(".menu-button");
  if (!button) return;
  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    header.classList.toggle("menu-open", open);
  }
  header.classList.add("collapsible");
  button.hidden = false;
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  header.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
});
