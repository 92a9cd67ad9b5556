/**
 * The report's only script: optional. Without it every result is shown and replay commands are
 * plain selectable text; with it, status filters and copy buttons appear.
 * @module
 */

/** Inline JavaScript of the report: status filters and copy-to-clipboard buttons. */
export const reportScript = `
(function () {
  "use strict";
  var statuses = [["matched", "matched"], ["control", "negative control"], ["known-finding", "known finding"], ["mismatch", "MISMATCH"], ["error", "error"]];
  var host = document.getElementById("filters");
  if (host) {
    var shown = {};
    var label = document.createElement("span");
    label.textContent = "Show:";
    host.appendChild(label);
    statuses.forEach(function (s) {
      shown[s[0]] = true;
      var l = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = true;
      box.setAttribute("data-filter", s[0]);
      box.addEventListener("change", function () {
        shown[s[0]] = box.checked;
        document.querySelectorAll("[data-status]").forEach(function (el) {
          el.hidden = !shown[el.getAttribute("data-status")];
        });
      });
      l.appendChild(box);
      l.appendChild(document.createTextNode(" " + s[1]));
      host.appendChild(l);
    });
  }
  document.querySelectorAll(".replay").forEach(function (block) {
    var pre = block.querySelector("pre");
    if (!pre) return;
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = "copy";
    button.addEventListener("click", function () {
      var text = pre.textContent || "";
      var done = function () { button.textContent = "copied"; };
      var select = function () {
        var range = document.createRange();
        range.selectNodeContents(pre);
        var sel = window.getSelection();
        if (sel) { sel.removeAllRanges(); sel.addRange(range); }
        button.textContent = "selected";
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, select);
      } else {
        select();
      }
    });
    block.appendChild(button);
  });
})();
`;
