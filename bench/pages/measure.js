// In-page measurement, the same for every library. A library's set-up script defines
// window.benchLib = { checkAll(), frame: bool (feedback comes after the event: in an animation frame or a microtask, told by an update event) } and
// calls window.__feedback() once its first feedback is on the page.
(function () {
  "use strict";
  var form = document.getElementById("proposal");

  function heap() {
    return (performance.memory && performance.memory.usedJSHeapSize) || 0;
  }

  /** Full-form checks: `n` runs (at most `budgetMs` of them), after `warmups` (3) untimed ones. */
  window.benchFullCheck = function (n, budgetMs, engine, warmups) {
    var lib = window.benchLib, run = engine ? lib.engineCheck : lib.checkAll;
    var samples = [], peak = heap(), start;
    for (var w = 0; w < (warmups === undefined ? 3 : warmups); w++) { run(); document.body.offsetHeight; }
    start = performance.now();
    for (var i = 0; i < n && performance.now() - start < budgetMs; i++) {
      var t0 = performance.now();
      run();
      document.body.offsetHeight; // the layout the new feedback needs is part of the check
      samples.push(performance.now() - t0);
      if (i % 16 === 0) peak = Math.max(peak, heap()); // reading it is slow: not every run
    }
    peak = Math.max(peak, heap());
    return { samples: samples, peakHeap: peak };
  };

  /** Fills the form (no events), as a loaded draft would be. */
  window.benchFill = function (values) {
    Object.keys(values).forEach(function (name) {
      var el = form.elements.namedItem(name);
      if (el && "value" in el) el.value = values[name];
    });
  };

  function nextFrame() { return new Promise(function (r) { requestAnimationFrame(function () { setTimeout(r, 0); }); }); }

  /**
   * One edit of field `id` as the browser delivers it: the value changes, then `input` (and
   * `keyup`) are dispatched. `work` = script time of the event handlers plus, for a library
   * that renders later (in the next animation frame, or in a microtask at the end of the
   * event's task), that deferred work up to its update event, plus the layout; `latency` =
   * from the input event to the updated feedback (includes any wait for a frame).
   */
  window.benchEdit = async function (id, paste) {
    var el = document.getElementById(id), lib = window.benchLib;
    await nextFrame();
    if (paste) el.value = window.__pasteText + (el.value.length % 2 ? "" : " a");
    else el.value = el.value + (el.value.length % 2 ? "a" : " ");
    // The browser lays the edited textarea out again whatever validates it: not the library's cost.
    document.body.offsetHeight;
    var frameStart = 0, updated = null;
    if (lib.frame) {
      requestAnimationFrame(function () { frameStart = performance.now(); });
      updated = new Promise(function (resolve) {
        form.addEventListener("borang:update", function () {
          var tRendered = performance.now();
          document.body.offsetHeight;
          resolve([tRendered, performance.now()]);
        }, { once: true });
      });
    }
    // The give-up timer is set before the clock starts: it is the bench's, not the library's.
    var giveUp = lib.frame && new Promise(function (r) { setTimeout(function () { r(null); }, 30000); });
    var t0 = performance.now();
    el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: paste ? "insertFromPaste" : "insertText", data: paste ? null : "a" }));
    el.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "a", code: "KeyA" }));
    var t1 = performance.now();
    if (!updated) {
      document.body.offsetHeight;
      var t2 = performance.now();
      return { work: t2 - t0, latency: t2 - t0, handler: t1 - t0, frame: 0, layout: t2 - t1, heap: heap() };
    }
    var end = await Promise.race([updated, giveUp]);
    if (end === null) return { error: "no borang:update within 30 s" };
    // Updated before any frame (rendered at the end of the event's task, in a microtask):
    // everything from the event to the update was script time, with no wait in between.
    var deferredStart = frameStart || t1;
    return { work: (t1 - t0) + (end[1] - deferredStart), latency: end[1] - t0, handler: t1 - t0, frame: end[0] - deferredStart, layout: end[1] - end[0], heap: heap() };
  };
})();
