// Runs Pyodide off the main thread: its start-up would otherwise freeze the page for seconds.
// Every file comes from this site, never from a CDN. hub/mkdocs_hooks.py (_boot_paths) says where.
//
// First visit: a normal start (about 5 MB on the wire, the standard library trimmed to what the wizards
// import), and what it fetched is kept in Cache Storage as it arrives, so nothing is fetched twice.
// Right after the start, before any answer reaches Python, this worker copies Python's memory (a
// "snapshot"). Later visits restore that copy from the visitor's own cache instead of starting
// Python again; it is never downloaded. Any failure of the snapshot falls back to a normal start.
let bridge = null;

// Where start-up time goes (ms since the worker got its "init"), posted with "ready" for the benchmark.
const phases = {};
let t0 = 0;
const mark = (name) => { phases[name] = Math.round(performance.now() - t0); };

// The page's no-referrer policy does not reach a worker (its own would come from an HTTP header that a
// static host cannot set), so each request this worker makes, Pyodide's included, says so itself.
const networkFetch = globalThis.fetch.bind(globalThis);
const kept = new Map();  // URL -> name of the cache that keeps it
let progress = { loaded: 0, total: 0 };

function report(bytes) {
  progress.loaded += bytes;
  self.postMessage({ type: "progress", loaded: progress.loaded, total: progress.total });
}

// Counts a network response's bytes as they arrive, for the page's progress bar and its patience:
// a slow start is not a failure while bytes keep coming.
function counted(response, name) {
  if (!response.body) return response;
  const body = response.body.pipeThrough(new TransformStream({
    transform(chunk, controller) { report(chunk.byteLength); controller.enqueue(chunk); },
    flush() { mark("downloaded_" + name); },
  }));
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function keptFetch(url) {
  let cache = null;
  try {
    cache = await caches.open(kept.get(url));
    const hit = await cache.match(url);
    if (hit) return hit;
  } catch { /* no Cache Storage (private mode in some browsers): fetch as usual */ }
  let response;
  try {
    response = await networkFetch(url, { referrerPolicy: "no-referrer", credentials: "same-origin" });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
  } catch (error) {
    // Pyodide only logs a failed runtime download and then waits for ever: say it failed, at once.
    self.postMessage({ type: "failed", error: String(error) });
    throw error;
  }
  const name = url.split("/").pop().split(".")[0];
  if (!cache) return counted(response, name);
  // Kept as it streams in: the copy and Pyodide read the same download.
  cache.put(url, response.clone()).catch(() => {});
  return counted(response, name);
}

globalThis.fetch = (input, init = {}) => {
  const url = new URL(input instanceof Request ? input.url : String(input), self.location.href).href;
  if (kept.has(url)) return keptFetch(url);
  return networkFetch(input, { ...init, referrerPolicy: "no-referrer" });
};

// The snapshot is stored packed: only the 4 KB blocks of Python's memory that are not zero (half of
// it is zeros). Layout, little-endian: magic "GHSNAP1\0", u32 size of the full image, u32 number of
// runs N, N x (u32 offset, u32 length), then the runs' bytes (hub/snapshot.py is the reference).
const BLOCK = 4096;
const MAGIC = "GHSNAP1\0";

function packSnapshot(image) {
  const words = new Uint32Array(image.buffer, image.byteOffset, Math.floor(image.byteLength / 4));
  const runs = [];
  let start = -1;
  for (let offset = 0; offset < image.byteLength; offset += BLOCK) {
    const end = Math.min(offset + BLOCK, image.byteLength);
    let data = false;
    for (let w = offset >> 2; w < end >> 2; w++) if (words[w] !== 0) { data = true; break; }
    for (let b = (end >> 2) << 2; !data && b < end; b++) if (image[b] !== 0) data = true;
    if (data && start < 0) start = offset;
    if (!data && start >= 0) { runs.push([start, offset - start]); start = -1; }
  }
  if (start >= 0) runs.push([start, image.byteLength - start]);
  const header = 16 + 8 * runs.length;
  const packed = new Uint8Array(header + runs.reduce((sum, [, length]) => sum + length, 0));
  const view = new DataView(packed.buffer);
  packed.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(8, image.byteLength, true);
  view.setUint32(12, runs.length, true);
  let position = header;
  runs.forEach(([offset, length], i) => {
    view.setUint32(16 + 8 * i, offset, true);
    view.setUint32(20 + 8 * i, length, true);
    packed.set(image.subarray(offset, offset + length), position);
    position += length;
  });
  return packed;
}

function unpackSnapshot(packed) {
  const view = new DataView(packed);
  const magic = new TextDecoder().decode(new Uint8Array(packed, 0, 8));
  if (magic !== MAGIC) throw new Error("not a packed snapshot");
  const image = new Uint8Array(view.getUint32(8, true));
  const runs = view.getUint32(12, true);
  let position = 16 + 8 * runs;
  for (let i = 0; i < runs; i++) {
    const offset = view.getUint32(16 + 8 * i, true);
    const length = view.getUint32(20 + 8 * i, true);
    if (offset + length > image.length) throw new Error("snapshot run outside the image");
    image.set(new Uint8Array(packed, position, length), offset);
    position += length;
  }
  if (position !== packed.byteLength) throw new Error("snapshot is truncated or has trailing bytes");
  return image;
}

function boot(loadPyodide, config, extra) {
  return loadPyodide({
    indexURL: config.runtimeURL,
    stdLibURL: config.stdlibURL,
    // The wizards load no Pyodide package: an empty lock file spares a 120 KB download.
    lockFileContents: { info: config.lockInfo, packages: {} },
    packageBaseUrl: config.runtimeURL,
    stdout: () => {},
    stderr: (line) => console.warn("[python]", line),
    ...extra,
  });
}

function wheelInto(pyodide, wheel) {
  return wheel.then((bytes) => pyodide.unpackArchive(bytes, "wheel"));
}

// The wizards' files as the wheel put them on Python's disk (which a snapshot does not hold), kept
// beside the snapshot: writing them back is much quicker than unpacking the wheel again.
const HOME = "/home/pyodide";

function wizardFiles(pyodide) {
  const files = {};
  const walk = (dir) => {
    for (const name of pyodide.FS.readdir(dir)) {
      if (name === "." || name === ".." || name === "__pycache__") continue;
      const path = dir + "/" + name;
      if (pyodide.FS.isDir(pyodide.FS.stat(path).mode)) walk(path);
      else files[path.slice(HOME.length + 1)] = pyodide.FS.readFile(path, { encoding: "utf8" });
    }
  };
  walk(HOME);
  return files;
}

function writeFiles(pyodide, files) {
  for (const [path, text] of Object.entries(files)) {
    const full = HOME + "/" + path;
    pyodide.FS.mkdirTree(full.slice(0, full.lastIndexOf("/")));
    pyodide.FS.writeFile(full, text, { encoding: "utf8" });
  }
}

// Whether a snapshot is kept; its 16 MB are read while Pyodide loads its scripts (see start).
async function findSnapshot(config) {
  try {
    const cache = await caches.open(config.wizardsCache);
    const [image, files] = await Promise.all([cache.match(config.snapshotURL), cache.match(config.snapshotURL + ".files")]);
    return image && files ? { image, files } : null;
  } catch { return null; }
}

async function forgetSnapshot(config) {
  try {
    const cache = await caches.open(config.wizardsCache);
    await cache.delete(config.snapshotURL);
    await cache.delete(config.snapshotURL + ".files");
  } catch { /* nothing kept */ }
}

// Made once per deployment in the visitor's browser, kept in their own cache, never sent anywhere.
// It is taken before the first answer reaches Python, so it holds no answer.
async function keepSnapshot(config, { image, files }) {
  const packed = packSnapshot(image);
  mark("snapshot_packed");
  const cache = await caches.open(config.wizardsCache);
  await cache.put(config.snapshotURL + ".files", new Response(JSON.stringify(files), { headers: { "content-type": "application/json" } }));
  await cache.put(config.snapshotURL, new Response(packed, { headers: { "content-type": "application/octet-stream" } }));
  mark("snapshot_kept");
  self.postMessage({ type: "snapshot-kept", bytes: packed.byteLength });
}

// Caches of earlier deployments that no page of this one uses; the offline cache's worker does the
// same on activation, this covers visitors in whose browser it never ran.
async function dropOldCaches(config) {
  const current = new Set([config.runtimeCache, config.wizardsCache]);
  for (const name of await caches.keys()) {
    if (/^gdpr-hub-(runtime|wizards)-/.test(name) && !current.has(name)) await caches.delete(name);
  }
}

const WARM_UP = `
import json
from wizards import browser, citations, registry, texts
for lang in texts.LANGUAGES:
    texts.catalogue(lang)
citations.known()
for wizard_id in registry.WIZARDS:
    browser.step(json.dumps({"wizard": wizard_id, "lang": "nl", "answers": {}}))
`;

async function start(config) {
  t0 = performance.now();
  phases.init_at = performance.timeOrigin + t0;  // wall clock, so the page can place it on its own timeline
  config.snapshotURL = new URL("local.snapshot", config.wheelURL).href;
  for (const name of ["pyodide.asm.wasm"]) kept.set(config.runtimeURL + name, config.runtimeCache);
  kept.set(config.stdlibURL, config.wizardsCache);
  kept.set(config.wheelURL, config.wizardsCache);
  progress.total = config.bytes || 0;
  const imported = import(config.runtimeURL + "pyodide.mjs");
  imported.then(() => mark("pyodide_mjs_loaded"), () => {});
  // Pyodide asks for its 1.2 MB runtime script only after its own set-up; asking now lets the read
  // and parse run alongside. Its later import of the same URL gets this same module.
  import(config.runtimeURL + "pyodide.asm.mjs").then(() => mark("asm_mjs_loaded"), () => {});
  const instantiate = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = (...args) => instantiate(...args).then((result) => { mark("wasm_instantiated"); return result; });
  const saved = await findSnapshot(config);
  mark("snapshot_found");
  // Without a snapshot the wheel is needed once Python runs: ask for it now, alongside the runtime.
  const wheel = saved ? null : fetch(config.wheelURL).then((r) => {
    if (!r.ok) throw new Error("wheel " + r.status);
    return r.arrayBuffer();
  });
  wheel?.catch(() => {});
  let pyodide = null;
  if (saved) {
    try {
      const image = saved.image.arrayBuffer().then((packed) => {
        mark("snapshot_read");
        const unpacked = unpackSnapshot(packed);
        mark("snapshot_unpacked");
        return unpacked;
      });
      const files = saved.files.json();
      image.catch(() => {});
      files.catch(() => {});
      pyodide = await boot((await imported).loadPyodide, config, { _loadSnapshot: image });
      mark("snapshot_restored");
      // The wizards' modules are in the restored memory; their data files (texts) are read from disk.
      writeFiles(pyodide, await files);
      phases.started_from = "snapshot";
    } catch (error) {
      console.warn("snapshot not used:", error);
      await forgetSnapshot(config);
      pyodide = null;
    }
  }
  if (!pyodide) {
    const fresh = wheel || fetch(config.wheelURL).then((r) => r.arrayBuffer());
    pyodide = await boot((await imported).loadPyodide, config, { _makeSnapshot: true });
    mark("python_started");
    await wheelInto(pyodide, fresh);
    phases.started_from = "network";
  }
  bridge = pyodide.pyimport("wizards.browser");
  mark("wizards_imported");
  const takeSnapshot = phases.started_from !== "network" ? () => null : () => {
    try {
      // Texts of every language and each wizard's first screen, so that later visits answer at once
      // (as the build-time snapshot did). No answer of the visitor's is involved.
      try {
        pyodide.runPython(WARM_UP);
        mark("warmed_up");
      } catch (error) { console.warn("warm-up:", error); }
      const taken = { image: pyodide.makeMemorySnapshot(), files: wizardFiles(pyodide) };
      mark("snapshot_made");
      return taken;
    } catch (error) { console.warn("no snapshot:", error); return null; }
  };
  return { ms: Math.round(performance.now() - t0), takeSnapshot };
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "init") {
    let started;
    try {
      started = await start(message);
    } catch (error) {
      self.postMessage({ type: "failed", error: String(error) });
      return;
    }
    // The files this worker fetched, for the offline cache (the page's own list does not hold them).
    const resources = performance.getEntriesByType("resource").map((entry) => entry.name);
    self.postMessage({ type: "ready", ms: started.ms, phases, resources });
    // Taken in this same task, right after "ready" is posted: a step the page sends in answer can only
    // run after it, so the copy never holds an answer. Packing and storing come later still.
    const snapshot = started.takeSnapshot();
    if (snapshot) setTimeout(() => keepSnapshot(message, snapshot).catch((e) => console.warn("snapshot not kept:", e)), 0);
    dropOldCaches(message).catch(() => {});
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
