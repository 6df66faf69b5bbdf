// Starts Python in its worker from the page head, before the stylesheets load; wizard.js picks it up
// through window.__wzBoot. The paths come from the page (#wz-boot, written by the build). The build
// inlines this file in each wizard page (hub/mkdocs_hooks.py, on_post_page) and lists its hash in the
// page's Content-Security-Policy, so no 'unsafe-inline' is needed.
(function () {
  try {
    var boot = JSON.parse(document.getElementById("wz-boot").textContent);
    var abs = function (path) { return new URL(boot.root + path, location.href).href; };
    var worker = new Worker(abs(boot.hub + "worker.js"), { type: "module" });
    var state = { worker: worker, phases: null, progress: null, lastProgressAt: performance.now() };
    state.ready = new Promise(function (resolve, reject) {
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
    state.ready.catch(function () {});
    worker.postMessage({ type: "init", runtimeURL: abs(boot.runtime), wheelURL: abs(boot.wheel),
      stdlibURL: abs(boot.stdlib), runtimeCache: boot.runtimeCache, wizardsCache: boot.wizardsCache,
      bytes: boot.bytes, lockInfo: boot.lockInfo, packed: boot.packed.map(abs), decoderURL: abs(boot.decoder) });
    window.__wzBoot = state;
  } catch (e) { /* no worker: wizard.js shows the static flowchart */ }
})();
