// Runs Pyodide off the main thread: its start-up would otherwise freeze the page for seconds.
// Every file comes from this site (indexURL and packageBaseUrl point here), never from a CDN.
let bridge = null;

// Where start-up time goes (ms since the worker got its "init"), posted with "ready" for the benchmark.
const phases = {};
let t0 = 0;
const mark = (name) => { phases[name] = Math.round(performance.now() - t0); };

// The snapshot file holds only the 4 KB blocks of Python's memory that are not zero (hub/snapshot.py
// describes the layout); this writes them into `image`, the full-size buffer allocated up front.
function unpackSnapshot(packed, image) {
  const view = new DataView(packed);
  const magic = new TextDecoder().decode(new Uint8Array(packed, 0, 8));
  if (magic !== "GHSNAP1\0") throw new Error("not a packed snapshot");
  if (view.getUint32(8, true) !== image.length) throw new Error("snapshot size differs from the page's");
  const runs = view.getUint32(12, true);
  let position = 16 + 8 * runs;
  for (let i = 0; i < runs; i++) {
    const offset = view.getUint32(16 + 8 * i, true);
    const length = view.getUint32(20 + 8 * i, true);
    image.set(new Uint8Array(packed, position, length), offset);
    position += length;
  }
  if (position !== packed.byteLength) throw new Error("snapshot is truncated or has trailing bytes");
  return image;
}

function boot(loadPyodide, indexURL, extra) {
  return loadPyodide({
    indexURL,
    packageBaseUrl: indexURL,
    lockFileURL: indexURL + "pyodide-lock.json",
    fullStdLib: false,
    stdout: () => {},
    stderr: (line) => console.warn("[python]", line),
    ...extra,
  });
}

// The page starts a reader worker (snapshot-reader.js) beside this one; its bytes arrive on this port.
// If the reader cannot start, the page says so with a "snapshot-failed" message (see onmessage).
let snapshotFailed = () => {};
function readSnapshot(snapshotPort) {
  return new Promise((resolve, reject) => {
    snapshotFailed = () => reject(new Error("the snapshot reader did not start"));
    snapshotPort.onmessage = (event) => {
      if (event.data.error) reject(new Error(event.data.error));
      else resolve(event.data.packed);
    };
  });
}

// Pyodide only needs the snapshot's size to create Python's memory, and its bytes when it restores
// them, after the runtime is compiled and initialised. Handing it an empty buffer of the right size
// at once, and holding the restore back (fsInit) until the download has filled that buffer, lets
// the download and the compile run side by side instead of one after the other.
async function startFromSnapshot(loadPyodide, indexURL, snapshotSize, snapshot) {
  const image = new Uint8Array(snapshotSize);
  const filled = snapshot
    .then((packed) => { mark("snapshot_loaded"); unpackSnapshot(packed, image); mark("snapshot_unpacked"); });
  let failure = null;
  try {
    return await boot(loadPyodide, indexURL, {
      _loadSnapshot: image,
      fsInit: () => filled.catch((error) => { failure = error; }),
    });
  } catch (error) {
    // A failed download leaves zeros, which Pyodide refuses to restore; report the download's error.
    throw failure || error;
  }
}

async function start({ indexURL, wheelURL, snapshotSize, snapshotPort }) {
  t0 = performance.now();
  phases.init_at = performance.timeOrigin + t0;  // wall clock, so the page can place it on its own timeline
  const imported = import(indexURL + "pyodide.mjs");
  // Pyodide asks for its 1.2 MB runtime script only after its own set-up; asking now lets the read
  // and parse run alongside. Its later import of the same URL gets this same module.
  import(indexURL + "pyodide.asm.mjs").catch(() => {});
  // Listen before the first await, so that a "snapshot-failed" message is never missed.
  const snapshot = snapshotPort && snapshotSize ? readSnapshot(snapshotPort) : null;
  snapshot?.catch(() => {});  // handled in startFromSnapshot
  let pyodide = null;
  if (snapshot) {
    try {
      pyodide = await startFromSnapshot((await imported).loadPyodide, indexURL, snapshotSize, snapshot);
      phases.started_from = "snapshot";
    } catch (error) {
      // The snapshot API is experimental: any failure falls back to a normal start.
      console.warn("snapshot not used:", error);
      pyodide = null;
    }
  }
  if (!pyodide) {
    // Without the snapshot the wizards are installed from their wheel; with it they are already loaded.
    pyodide = await boot((await imported).loadPyodide, indexURL, {});
    const wheel = await fetch(wheelURL);
    if (!wheel.ok) throw new Error("wheel " + wheel.status);
    pyodide.unpackArchive(await wheel.arrayBuffer(), "wheel");
    phases.started_from = "wheel";
  }
  mark("python_loaded");
  bridge = pyodide.pyimport("wizards.browser");
  mark("wizards_imported");
  return Math.round(performance.now() - t0);
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "snapshot-failed") {
    snapshotFailed();
    return;
  }
  if (message.type === "init") {
    try {
      const ms = await start(message);
      self.postMessage({ type: "ready", ms, phases });
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
