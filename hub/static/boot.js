// Starts Python in its worker from the page head, before the stylesheets load; wizard.js picks it up
// through window.__wzBoot. The paths come from the page (#wz-boot, written by the build). The build
// inlines this file in each wizard page (hub/mkdocs_hooks.py, on_post_page) and lists its hash in the
// page's Content-Security-Policy, so no 'unsafe-inline' is needed.
(function () {
  var boot = null;
  try {
    boot = JSON.parse(document.getElementById("wz-boot").textContent);
    var abs = function (path) { return new URL(boot.root + path, location.href).href; };
    // The worker gets its start-up settings as its name, not in a message: a message sent before the
    // worker runs is handed over by this page's main thread, which is busy building the page then
    // (about 35 ms of a second visit lost waiting for it).
    var settings = { runtimeURL: abs(boot.runtime), wheelURL: abs(boot.wheel),
      stdlibURL: abs(boot.stdlib), runtimeCache: boot.runtimeCache, wizardsCache: boot.wizardsCache,
      bytes: boot.bytes, lockInfo: boot.lockInfo, packed: boot.packed.map(abs), decoderURL: abs(boot.decoder),
      digests: {} };
    Object.keys(boot.digests).forEach(function (path) { settings.digests[abs(path)] = boot.digests[path]; });
    var workerURL = abs(boot.hub + "worker.js");
    var state = { worker: null, workerURL: workerURL, settings: settings, phases: null, progress: null,
      lastProgressAt: performance.now(), retried: false, documentLibs: (boot.documents || []).map(abs) };
    var start = function () {
      var worker = new Worker(workerURL, { type: "module", name: JSON.stringify(settings) });
      state.worker = worker;
      return new Promise(function (resolve, reject) {
        worker.addEventListener("message", function (e) {
          if (e.data.type === "progress") {
            // Bytes still arriving: wizard.js keeps waiting and shows how far the download is.
            state.progress = e.data;
            state.lastProgressAt = performance.now();
            document.dispatchEvent(new CustomEvent("wz-progress", { detail: e.data }));
          }
          if (e.data.type === "ready") { state.phases = e.data.phases; state.resources = e.data.resources; resolve(e.data.ms); }
          if (e.data.type === "failed") reject(new Error(e.data.error));
        });
        worker.addEventListener("error", function (e) { reject(new Error(e.message || "worker error")); });
      });
    };
    // A start that fails while copies of Python's files are kept (by the worker, or by the offline
    // cache, which serves Pyodide's scripts) may fail on every later visit for a damaged copy: those
    // copies are dropped and Python is started once more, from the network.
    state.ready = start().catch(function (error) {
      return dropKept(settings, workerURL).then(function (dropped) {
        if (!dropped) throw error;
        state.retried = true;
        state.worker.terminate();
        return start();
      });
    });
    state.ready.catch(function () {});
    window.__wzBoot = state;
  } catch (e) { /* no worker: wizard.js shows the static flowchart */ }
  // The copies of Python's files this site keeps (the runtime's folder, the wizards' folder, the worker's
  // own script), in every cache of the site; resolves to whether there were any.
  function dropKept(settings, workerURL) {
    if (!window.caches) return Promise.resolve(false);
    var folders = [settings.runtimeURL, settings.wheelURL.slice(0, settings.wheelURL.lastIndexOf("/") + 1)];
    var ours = function (url) { return url === workerURL || folders.some(function (f) { return url.indexOf(f) === 0; }); };
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name.indexOf("gdpr-hub") === 0; }).map(function (name) {
        return caches.open(name).then(function (cache) {
          return cache.keys().then(function (requests) {
            var mine = requests.filter(function (r) { return ours(r.url); });
            return Promise.all(mine.map(function (r) { return cache.delete(r); })).then(function () { return mine.length; });
          });
        });
      }));
    }).then(function (counts) { return counts.some(function (n) { return n > 0; }); }, function () { return false; });
  }

  if (boot && boot.material) materialLater(boot.material, window.__wzBoot && window.__wzBoot.ready);
  withoutWizardScript();

  // wizard.js runs before DOMContentLoaded (a module script) and marks the page at its first line. If it
  // did not load (a failed request, a broken deployment), nothing else would ever leave "loading" and
  // Next would do nothing: the page then shows what reads without it, the outline and the flowchart's
  // text, as wizard.js does after a failed start. A request that hangs is given a few seconds.
  function withoutWizardScript() {
    var done = false;
    function fallback() {
      if (done || window.__wzScript) return;
      done = true;
      var texts = {};
      try { texts = JSON.parse(document.getElementById("wz-texts").textContent); } catch (e) { /* the chart still opens */ }
      document.querySelectorAll(".wz[data-state=loading]").forEach(function (box) {
        box.dataset.state = "failed";
        var status = box.querySelector(".wz-status");
        if (status && texts.failed) status.textContent = texts.failed;
      });
      document.querySelectorAll("details.wz-flow").forEach(function (flow) { flow.open = true; });
    }
    document.addEventListener("DOMContentLoaded", function () { setTimeout(fallback, 0); }, { once: true });
    setTimeout(fallback, 8000);
  }

  // The theme's own script (search, header, palette switch) costs the page about 0.1 s of processor
  // time while it starts; on a small device that time is taken from Python's start. On wizard pages the
  // build leaves it out of the page (on_post_page) and it is loaded here once the wizard is ready or has
  // failed, at the visitor's first key or touch, or after 1.5 s, whichever comes first. The page reads
  // and works without it meanwhile (the menus and the search box open by themselves). It waits for
  // DOMContentLoaded, which has passed by then: it is told again once it has loaded.
  function materialLater(src, ready) {
    // The theme marks the page as scripted ("js" instead of "no-js") when its script runs. Done here
    // at once, the page has its final layout from the start: the search box shows, and nothing moves
    // when the script arrives (the no-js layout is also 19 px too wide at 360 px).
    document.documentElement.classList.replace("no-js", "js");
    var started = false;
    function load() {
      if (started) return;
      started = true;
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", insert, { once: true });
      } else insert();
    }
    function insert() {
      var script = document.createElement("script");
      script.src = new URL(src, location.href).href;
      script.onload = function () { document.dispatchEvent(new Event("DOMContentLoaded", { bubbles: true })); };
      document.head.appendChild(script);
    }
    if (ready) ready.then(load, load); else load();
    ["pointerdown", "keydown", "touchstart"].forEach(function (type) {
      document.addEventListener(type, load, { capture: true, once: true, passive: true });
    });
    setTimeout(load, 1500);
  }
})();
