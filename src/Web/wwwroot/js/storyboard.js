// Storyboard behaviour that needs no server round trip: inspector tabs, prompt word counts,
// closing the inspector, and the error summary dialog. Everything else is htmx.
(function () {
  "use strict";

  function countWords(textarea) {
    var counter = textarea.parentElement.querySelector("[data-counter]");
    if (!counter) return;
    var text = textarea.value.trim();
    var words = text.length === 0 ? 0 : text.split(/\s+/).length;
    counter.textContent = textarea.value.length + " characters · " + words + " words · 50–150 words recommended";
    counter.classList.toggle("outside", words > 0 && (words < 50 || words > 150));
  }

  function refreshCounters(root) {
    root.querySelectorAll("[data-word-counter]").forEach(countWords);
  }

  // The card whose scene the inspector shows is marked as the current one; cards re-rendered by the
  // live stream are marked again, since the server does not know which scene this page has open.
  function markCurrentCard() {
    var panel = document.querySelector("#inspector [data-sentence]");
    var open = panel ? panel.dataset.sentence : null;
    document.querySelectorAll("[data-testid=card][data-sentence]").forEach(function (card) {
      if (card.dataset.sentence === open) card.setAttribute("aria-current", "true");
      else card.removeAttribute("aria-current");
    });
  }

  document.addEventListener("input", function (e) {
    if (e.target.matches("[data-word-counter]")) countWords(e.target);
    if (e.target.matches("input[type=range]")) {
      var output = e.target.parentElement.querySelector("output");
      if (output) output.textContent = Number(e.target.value).toFixed(2);
    }
  });

  document.addEventListener("click", function (e) {
    var tab = e.target.closest("[data-tab]");
    if (tab) {
      var panel = tab.closest(".inspector-panel");
      panel.querySelectorAll("[data-tab]").forEach(function (t) { t.setAttribute("aria-selected", String(t === tab)); });
      panel.querySelectorAll("[data-tab-panel]").forEach(function (p) { p.hidden = p.dataset.tabPanel !== tab.dataset.tab; });
      return;
    }
    if (e.target.closest("[data-close-inspector]")) {
      document.getElementById("inspector").innerHTML = '<p class="muted">Select a scene to inspect its image and clip.</p>';
      markCurrentCard();
      return;
    }
    var opener = e.target.closest("[data-open-dialog]");
    if (opener) {
      document.getElementById(opener.dataset.openDialog).showModal();
      return;
    }
    var closer = e.target.closest("[data-close-dialog]");
    if (closer) closer.closest("dialog").close();
  });

  document.body.addEventListener("htmx:afterSwap", function (e) {
    refreshCounters(e.target);
    markCurrentCard();
  });
  document.body.addEventListener("htmx:load", markCurrentCard);

  // An inspector field's place for why the server refused its last value, or null.
  function fieldErrorOf(field) {
    var panel = field && field.name ? field.closest(".inspector-panel") : null;
    return panel ? panel.querySelector('[data-field-error="' + field.name + '"]') : null;
  }

  // A saved field is no longer marked: the server took its value.
  document.body.addEventListener("htmx:afterRequest", function (e) {
    var slot = fieldErrorOf(e.detail.elt);
    if (!slot || !e.detail.successful) return;
    e.detail.elt.removeAttribute("aria-invalid");
    slot.hidden = true;
    slot.textContent = "";
  });

  // A refused request (409, 400) answers with a sentence a person can act on: show it at the field
  // that was refused, which stays marked until a value is saved; elsewhere as a toast.
  document.body.addEventListener("htmx:responseError", function (e) {
    var text = e.detail.xhr.responseText;
    var slot = fieldErrorOf(e.detail.elt);
    if (slot) {
      e.detail.elt.setAttribute("aria-invalid", "true");
      slot.textContent = "Not saved: " + (text && text.length < 500 ? text : "the server refused this value.");
      slot.hidden = false;
      return;
    }
    if (text && text.length < 500) {
      var toasts = document.getElementById("toasts");
      if (toasts) {
        var toast = document.createElement("div");
        toast.className = "toast warning";
        toast.setAttribute("role", "alert");
        toast.textContent = text;
        toasts.prepend(toast);
      }
    }
  });
})();
