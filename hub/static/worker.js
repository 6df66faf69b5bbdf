// Runs Pyodide off the main thread: its start-up would otherwise freeze the page for seconds.
// Every file comes from this site (indexURL and packageBaseUrl point here), never from a CDN.
let bridge = null;

async function start({ indexURL, wheelURL }) {
  const t0 = performance.now();
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  const pyodide = await loadPyodide({
    indexURL,
    packageBaseUrl: indexURL,
    lockFileURL: indexURL + "pyodide-lock.json",
    fullStdLib: false,
    stdout: () => {},
    stderr: (line) => console.warn("[python]", line),
  });
  const wheel = await fetch(wheelURL);
  if (!wheel.ok) throw new Error("wheel " + wheel.status);
  pyodide.unpackArchive(await wheel.arrayBuffer(), "wheel");
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
