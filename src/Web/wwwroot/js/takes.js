// Takes in the inspector: comparing two side by side (two clips play in step), and keeping the
// open tab when the inspector is rendered again after a take was picked.
(function () {
  "use strict";

  function media(kind, src) {
    var el = document.createElement(kind === "image" ? "img" : "video");
    el.src = src;
    if (kind === "image") el.alt = "Take being compared";
    else { el.muted = true; el.preload = "auto"; el.playsInline = true; }
    el.dataset.testid = "compared";
    return el;
  }

  // Two clips in step: what one does (play, pause, seek), the other does too.
  function inStep(a, b) {
    [[a, b], [b, a]].forEach(function (pair) {
      var self = pair[0], other = pair[1];
      self.addEventListener("play", function () { if (other.paused) other.play(); });
      self.addEventListener("pause", function () { if (!other.paused) other.pause(); });
      self.addEventListener("seeked", function () {
        if (Math.abs(other.currentTime - self.currentTime) > 0.05) other.currentTime = self.currentTime;
      });
    });
  }

  function showComparison(strip) {
    var panel = strip.querySelector("[data-compare-panel]");
    var ticked = Array.prototype.slice.call(strip.querySelectorAll("[data-compare]:checked"));
    panel.innerHTML = "";
    panel.hidden = ticked.length !== 2;
    if (panel.hidden) return;
    var kind = strip.dataset.takeStrip;
    var shown = ticked.map(function (box) { return media(kind, box.value); });
    shown.forEach(function (el) { panel.appendChild(el); });
    if (kind === "image") return;
    inStep(shown[0], shown[1]);
    var play = document.createElement("button");
    play.type = "button";
    play.className = "both secondary";
    play.textContent = "Play both from the start";
    play.dataset.testid = "compare-play";
    play.addEventListener("click", function () {
      shown.forEach(function (v) { v.pause(); v.currentTime = 0; });
      shown[0].play();
    });
    panel.appendChild(play);
  }

  document.addEventListener("change", function (e) {
    if (!e.target.matches("[data-compare]")) return;
    var strip = e.target.closest("[data-take-strip]");
    var ticked = strip.querySelectorAll("[data-compare]:checked");
    // Two at a time: ticking a third lets go of the earliest other one.
    if (ticked.length > 2) {
      for (var i = 0; i < ticked.length; i++) if (ticked[i] !== e.target) { ticked[i].checked = false; break; }
    }
    showComparison(strip);
  });

  // The element a request swaps into; none for swaps htmx makes without a request (the live stream's).
  function swapTarget(e) {
    return e.detail && e.detail.target instanceof Element ? e.detail.target : null;
  }

  // A picked take renders the inspector again: it comes back on the tab the creator was on.
  var openTab = null;
  document.body.addEventListener("htmx:beforeSwap", function (e) {
    var inspector = swapTarget(e);
    if (!inspector || inspector.id !== "inspector") return;
    var selected = inspector.querySelector("[data-tab][aria-selected=true]");
    var same = inspector.querySelector("[data-sentence]");
    var url = e.detail.xhr ? e.detail.xhr.responseURL : "";
    openTab = selected && same && url.indexOf(same.dataset.sentence) >= 0 ? selected.dataset.tab : null;
  });
  document.body.addEventListener("htmx:afterSwap", function (e) {
    var inspector = swapTarget(e);
    if (!inspector || inspector.id !== "inspector" || !openTab) return;
    var tab = inspector.querySelector('[data-tab="' + openTab + '"]');
    if (tab && tab.getAttribute("aria-selected") !== "true") tab.click();
    openTab = null;
  });
})();
