// The reader's claim panel: selecting a highlighted passage shows its claim.
// The panel copies the claim's entry from the list below the text (server-rendered
// and escaped), so this script never builds HTML from strings.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var body = document.getElementById("claim-panel-body");
  if (!body) return;
  function show(mark) {
    var item = document.getElementById("claim-" + mark.getAttribute("data-claim"));
    if (!item) return;
    document.querySelectorAll("mark.claim.selected").forEach(function (m) {
      m.classList.remove("selected");
    });
    document.querySelectorAll('mark.claim[data-claim="' + mark.getAttribute("data-claim") + '"]')
      .forEach(function (m) { m.classList.add("selected"); });
    var copy = item.cloneNode(true);
    copy.removeAttribute("id");
    body.replaceChildren(copy);
    document.getElementById("claim-panel").classList.add("open");
  }
  document.querySelectorAll("mark.claim").forEach(function (mark) {
    mark.addEventListener("click", function () { show(mark); });
    mark.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        show(mark);
      }
    });
  });
});
