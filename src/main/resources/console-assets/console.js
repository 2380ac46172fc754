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
// A form that changes something carries the session's CSRF token in a hidden field; it is sent in the
// action's query too, where the server reads it (the body is read only by the page's controller).
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement) || (form.getAttribute("method") || "get").toLowerCase() !== "post") {
    return;
  }
  var field = form.querySelector("input[name=csrfToken]");
  if (field) {
    var action = new URL(form.getAttribute("action") || window.location.href, window.location.href);
    action.searchParams.set("csrfToken", field.value);
    form.setAttribute("action", action.pathname + action.search);
  }
});
document.addEventListener("click", function (event) {
  var target = event.target.closest("[data-confirm]");
  if (target && !window.confirm(target.getAttribute("data-confirm"))) {
    event.preventDefault();
    event.stopPropagation();
  }
}, true);
