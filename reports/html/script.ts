/**
 * The report's only script: optional. Without it every summary is shown and details open on a
 * click; replay commands are plain selectable text. With it, copy buttons appear and a link to a
 * result (matrix cell, `#result-7` in the address) opens that result's details.
 * @module
 */

/** Inline JavaScript of the report: copy buttons, and open the details a link points at. */
export const reportScript = `
(function () {
  "use strict";
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    if (!el) return;
    for (var node = el; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    var inner = el.querySelector(":scope > details");
    if (inner) inner.open = true;
    el.scrollIntoView();
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
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
