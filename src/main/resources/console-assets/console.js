// The console's own script, loaded from the jar (the Content-Security-Policy forbids inline script).
// Behaviour that pages share: the language switch returns to the page it was clicked on; elements
// with data-confirm ask before they act.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("a[data-back]").forEach(function (link) {
    var url = new URL(link.href, window.location.href);
    url.searchParams.set("back", window.location.pathname + window.location.search);
    link.href = url.pathname + url.search;
  });
});
document.addEventListener("click", function (event) {
  var target = event.target.closest("[data-confirm]");
  if (target && !window.confirm(target.getAttribute("data-confirm"))) {
    event.preventDefault();
    event.stopPropagation();
  }
}, true);
