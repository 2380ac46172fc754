// The audit screens' script (the Content-Security-Policy forbids inline script): on a fired rule's
// page, keyboard and screen-reader users land on the rule's row, which the anchor scrolled to.
document.addEventListener("DOMContentLoaded", function () {
  var fired = document.querySelector("#rule-table tr[aria-current='true']");
  if (fired) {
    fired.setAttribute("tabindex", "-1");
    fired.focus();
  }
});
