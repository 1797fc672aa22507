// Keyboard shortcuts on a claim's review page (#14): a accept, r reject, n the next
// group in the queue, u undo your last decision on this claim. The page works
// without this script; the hint listing the keys is shown only when they work.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var hint = document.getElementById("shortcuts");
  if (!hint) return;
  hint.hidden = false;

  function submit(formId, buttonId) {
    var form = document.getElementById(formId);
    if (!form) return false;
    var button = buttonId ? document.getElementById(buttonId) : null;
    // requestSubmit checks the form (a required choice) as a click would
    if (form.requestSubmit) form.requestSubmit(button || undefined);
    else form.submit();
    return true;
  }

  var actions = {
    a: function () { return submit("accept-form", "accept-one"); },
    r: function () { return submit("reject-form", "reject-one"); },
    u: function () { return submit("undo-form", null); },
    n: function () {
      var next = document.getElementById("next-group");
      if (!next) return false;
      window.location.assign(next.href);
      return true;
    },
  };

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    var target = event.target;
    var choosing = target && target.tagName === "INPUT" &&
      /^(radio|checkbox|submit|button)$/.test(target.type);
    var typing = target && (target.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) && !choosing;
    if (typing) return;
    var action = actions[event.key];
    if (action && action()) event.preventDefault();
  });
});
