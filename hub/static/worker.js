// Runs Pyodide off the main thread: its start-up would otherwise freeze the page for seconds.
// Every file comes from this site (indexURL and packageBaseUrl point here), never from a CDN.
let bridge = null;

async function boot(loadPyodide, indexURL, snapshot) {
  return loadPyodide({
    indexURL,
    packageBaseUrl: indexURL,
    lockFileURL: indexURL + "pyodide-lock.json",
    fullStdLib: false,
    stdout: () => {},
    stderr: (line) => console.warn("[python]", line),
    ...(snapshot ? { _loadSnapshot: snapshot } : {}),
  });
}

async function start({ indexURL, wheelURL, snapshotURL }) {
  const t0 = performance.now();
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  // A memory snapshot made at build time skips Python's start-up; the API is experimental, so any
  // failure falls back to a normal start.
  let pyodide = null;
  if (snapshotURL) {
    try {
      const response = await fetch(snapshotURL);
      if (response.ok) pyodide = await boot(loadPyodide, indexURL, new Uint8Array(await response.arrayBuffer()));
    } catch (error) {
      console.warn("snapshot not used:", error);
      pyodide = null;
    }
  }
  if (!pyodide) {
    // Without the snapshot the wizards are installed from their wheel; with it they are already loaded.
    pyodide = await boot(loadPyodide, indexURL, null);
    const wheel = await fetch(wheelURL);
    if (!wheel.ok) throw new Error("wheel " + wheel.status);
    pyodide.unpackArchive(await wheel.arrayBuffer(), "wheel");
  }
  bridge = pyodide.pyimport("wizards.browser");
  return Math.round(performance.now() - t0);
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "init") {
    try {
      const ms = await start(message);
      self.postMessage({ type: "ready", ms });
    } catch (error) {
      self.postMessage({ type: "failed", error: String(error) });
    }
    return;
  }
  if (message.type === "step") {
    try {
      const out = bridge.step(JSON.stringify(message.payload));
      self.postMessage({ type: "result", id: message.id, data: JSON.parse(out) });
    } catch (error) {
      self.postMessage({ type: "result", id: message.id, error: String(error) });
    }
  }
};
