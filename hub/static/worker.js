// Runs Pyodide off the main thread: its start-up would otherwise freeze the page for seconds.
// Every file comes from this site, never from a CDN. hub/mkdocs_hooks.py (_boot_paths) says where.
//
// First visit: a normal start (about 3.7 MB on the wire: the standard library trimmed to what the wizards
// import, the runtime and both zips sent as xz and unpacked while they arrive, hub/xz.py), and what it
// fetched is kept unpacked in Cache Storage as it arrives, so nothing is fetched twice.
// Right after the start, before any answer reaches Python, this worker copies Python's memory (a
// "snapshot"). Later visits restore that copy from the visitor's own cache instead of starting
// Python again; it is never downloaded. Any failure of the snapshot falls back to a normal start.
import { packSnapshot, unpackSnapshot } from "./snapshot.js";
import { loadDecoder, unxzStream } from "./unxz.js";

let bridge = null;

// Where start-up time goes (ms since start() began), posted with "ready" for the benchmark.
// Wall clock of the worker's creation and of its script's first line, for the same reason as init_at.
const phases = { created_at: performance.timeOrigin, script_at: performance.timeOrigin + performance.now() };
let t0 = 0;
const mark = (name) => { phases[name] = Math.round(performance.now() - t0); };

// The page's no-referrer policy does not reach a worker (its own would come from an HTTP header that a
// static host cannot set), so each request this worker makes, Pyodide's included, says so itself.
const networkFetch = globalThis.fetch.bind(globalThis);
const kept = new Map();  // URL -> name of the cache that keeps it
const packed = new Set();  // URLs the site also has as <URL>.xz
let decoderURL = null;
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

const fetchQuietly = (url) => networkFetch(url, { referrerPolicy: "no-referrer", credentials: "same-origin" });
const fetchDecoder = () => (decoderURL ? fetchQuietly(decoderURL) : Promise.reject(new Error("no xz decoder")));

// Pyodide only logs a failed runtime download or instantiation and then waits for ever: say it
// failed, at once, so the page shows the flowchart instead.
function failed(error) {
  self.postMessage({ type: "failed", error: String(error) });
  return error;
}

// The xz copy, unpacked while it arrives; null when the copy or the decoder cannot be had (the plain
// file is fetched instead).
async function unpacked(url, name) {
  try {
    const [response, unxz] = await Promise.all([fetchQuietly(url + ".xz"), unxzStream(fetchDecoder)]);
    if (!response.ok) return null;
    const type = url.endsWith(".wasm") ? "application/wasm" : "application/zip";
    const body = counted(response, name).body.pipeThrough(unxz)
      .pipeThrough(new TransformStream({ flush() { mark("unpacked_" + name); } }));
    return new Response(body, { headers: { "content-type": type } });
  } catch (error) {
    console.warn("xz copy not used:", error);
    return null;
  }
}

async function keptFetch(url) {
  let cache = null;
  try {
    cache = await caches.open(kept.get(url));
    const hit = await cache.match(url);
    if (hit) return hit;
  } catch { /* no Cache Storage (private mode in some browsers): fetch as usual */ }
  const name = url.split("/").pop().split(".")[0];
  let response = packed.has(url) ? await unpacked(url, name) : null;
  if (!response) {
    try {
      response = await fetchQuietly(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
    } catch (error) {
      throw failed(error);
    }
    response = counted(response, name);
  }
  // Kept as it streams in: the copy and Pyodide read the same download. A download that breaks off
  // or does not unpack is not kept (put() fails with it), and the worker says it failed.
  const [forPyodide, forCache] = response.body.tee();
  const headers = { "content-type": response.headers.get("content-type") || "application/octet-stream" };
  if (cache) cache.put(url, new Response(forCache, { headers })).catch(() => {});
  else forCache.cancel().catch(() => {});
  return new Response(reporting(forPyodide), { headers });
}

// Passes a body on; if it breaks off (or does not unpack), the page hears so at once.
function reporting(stream) {
  const reader = stream.getReader();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(failed(error));
      }
    },
    cancel(reason) { return reader.cancel(reason); },
  });
}

globalThis.fetch = (input, init = {}) => {
  const url = new URL(input instanceof Request ? input.url : String(input), self.location.href).href;
  if (kept.has(url)) return keptFetch(url);
  return networkFetch(input, { ...init, referrerPolicy: "no-referrer" });
};

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
// beside the snapshot as one block: writing them back is much quicker than unpacking the wheel again.
// Layout: u32 length of a JSON index [[path, length], ...], the index, then the files' bytes in order.
// Bytes, not text, and each folder made once: the text form cost 30-45 ms of a second visit in
// Emscripten's UTF-8 encoding and path lookups.
const HOME = "/home/pyodide";

function wizardFiles(pyodide) {
  const index = [];
  const parts = [];
  const walk = (dir) => {
    for (const name of pyodide.FS.readdir(dir)) {
      if (name === "." || name === ".." || name === "__pycache__") continue;
      const path = dir + "/" + name;
      if (pyodide.FS.isDir(pyodide.FS.stat(path).mode)) walk(path);
      else {
        const bytes = pyodide.FS.readFile(path);
        index.push([path.slice(HOME.length + 1), bytes.length]);
        parts.push(bytes);
      }
    }
  };
  walk(HOME);
  const head = new TextEncoder().encode(JSON.stringify(index));
  return new Blob([new Uint32Array([head.length]), head, ...parts]);
}

function writeFiles(pyodide, block) {
  const length = new DataView(block, 0, 4).getUint32(0, true);
  const index = JSON.parse(new TextDecoder().decode(new Uint8Array(block, 4, length)));
  const made = new Set();
  let position = 4 + length;
  for (const [path, size] of index) {
    const full = HOME + "/" + path;
    const dir = full.slice(0, full.lastIndexOf("/"));
    if (!made.has(dir)) { pyodide.FS.mkdirTree(dir); made.add(dir); }
    if (position + size > block.byteLength) throw new Error("wizard files cut short");
    pyodide.FS.writeFile(full, new Uint8Array(block, position, size), { canOwn: true });
    position += size;
  }
  if (position !== block.byteLength) throw new Error("wizard files have trailing bytes");
}

// Whether a snapshot is kept; its 12 MB are read while Pyodide sets up (see start).
async function findSnapshot(config) {
  try {
    const cache = await caches.open(config.wizardsCache);
    const [image, files] = await Promise.all([cache.match(config.snapshotURL), cache.match(config.filesURL)]);
    return image && files ? { image, files } : null;
  } catch { return null; }
}

async function forgetSnapshot(config) {
  try {
    const cache = await caches.open(config.wizardsCache);
    await cache.delete(config.snapshotURL);
    await cache.delete(config.filesURL);
  } catch { /* nothing kept */ }
}

// Made once per deployment in the visitor's browser, kept in their own cache, never sent anywhere.
// It is taken before the first answer reaches Python, so it holds no answer.
async function keepSnapshot(config, { image, files }) {
  const packed = packSnapshot(image);
  mark("snapshot_packed");
  const cache = await caches.open(config.wizardsCache);
  await cache.put(config.filesURL, new Response(files, { headers: { "content-type": "application/octet-stream" } }));
  // The image's size beside it: the next visit hands Pyodide a buffer of that size at once and fills
  // it while Pyodide sets up (start).
  await cache.put(config.snapshotURL, new Response(packed, {
    headers: { "content-type": "application/octet-stream", "x-image-size": String(image.byteLength) } }));
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
  config.filesURL = config.snapshotURL + ".files";  // the wizards' files kept beside it (wizardFiles)
  kept.set(config.runtimeURL + "pyodide.asm.wasm", config.runtimeCache);
  kept.set(config.stdlibURL, config.wizardsCache);
  kept.set(config.wheelURL, config.wizardsCache);
  for (const url of config.packed || []) packed.add(url);
  decoderURL = config.decoderURL;
  progress.total = config.bytes || 0;
  const imported = import(config.runtimeURL + "pyodide.mjs");
  imported.then(() => mark("pyodide_mjs_loaded"), () => {});
  // Pyodide asks for its 1.2 MB runtime script only after its own set-up; asking now lets the read
  // and parse run alongside. Its later import of the same URL gets this same module.
  const runtime = import(config.runtimeURL + "pyodide.asm.mjs");
  runtime.then(() => mark("asm_mjs_loaded"), () => {});
  const instantiate = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = (...args) => (mark("wasm_asked"), instantiate(...args)).then((result) => {
    mark("wasm_instantiated");
    return result;
  });

  const saved = await findSnapshot(config);
  mark("snapshot_found");
  // Without a snapshot the runtime is downloaded: the decoder of its xz copies is wanted at once.
  if (!saved && decoderURL) loadDecoder(fetchDecoder).catch(() => {});
  const fetchWheel = () => fetch(config.wheelURL).then((r) => {
    if (!r.ok) throw new Error("wheel " + r.status);
    return r.arrayBuffer();
  });
  // Without a snapshot the wheel is needed once Python runs: ask for it now, alongside the runtime.
  const wheel = saved ? null : fetchWheel();
  wheel?.catch(() => {});
  let pyodide = null;
  if (saved) {
    try {
      // Pyodide needs only the image's size to set up, instantiate and link the runtime; it copies the
      // image into Python's memory only once its module is made (restoreSnapshot). So it gets an empty
      // buffer of that size at once, and the snapshot is read and unpacked into it meanwhile: reading
      // 12 MB and setting up, about 0.2 s each, overlap. A snapshot kept without its size is read first.
      const size = Number(saved.image.headers.get("x-image-size")) || 0;
      const image = size ? new Uint8Array(size) : null;
      const filled = saved.image.arrayBuffer().then((packed) => {
        mark("snapshot_read");
        const unpacked = unpackSnapshot(packed, image);
        mark("snapshot_unpacked");
        return unpacked;
      });
      const files = saved.files.arrayBuffer();
      filled.catch(() => {});
      files.catch(() => {});
      // The module is handed over only once the image is filled. A copy that does not unpack must not
      // reach Python: the hand-over then waits for ever, and the race below gives up on this start at once.
      const imageFilled = filled.catch(() => new Promise(() => {}));
      const createPyodideModule = async (settings) => {
        const module = await (await runtime).default(settings);
        await imageFilled;
        mark("module_made");
        return module;
      };
      const broken = filled.then(() => new Promise(() => {}));
      pyodide = await Promise.race([
        boot((await imported).loadPyodide, config, { _loadSnapshot: image || filled, createPyodideModule }), broken]);
      mark("snapshot_restored");
      // The wizards' modules are in the restored memory; their data files (texts) are read from disk.
      writeFiles(pyodide, await files);
      mark("files_written");
      phases.started_from = "snapshot";
    } catch (error) {
      console.warn("snapshot not used:", error);
      await forgetSnapshot(config);
      pyodide = null;
    }
  }
  if (!pyodide) {
    const fresh = wheel || fetchWheel();
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

// Started at once with the settings the page gave as this worker's name (boot.js), with no message to
// wait for.
async function run(settings) {
  let started;
  try {
    started = await start(settings);
  } catch (error) {
    self.postMessage({ type: "failed", error: String(error) });
    return;
  }
  // The files this worker fetched, for the offline cache (the page's own list does not hold them).
  // (Not the .xz copies: their unpacked files are kept already.)
  const resources = performance.getEntriesByType("resource").map((entry) => entry.name).filter((url) => !url.endsWith(".xz"));
  self.postMessage({ type: "ready", ms: started.ms, phases, resources });
  // Taken in this same task, right after "ready" is posted: a step the page sends in answer can only
  // run after it, so the copy never holds an answer. Packing and storing come later still.
  const snapshot = started.takeSnapshot();
  if (snapshot) setTimeout(() => keepSnapshot(settings, snapshot).catch((e) => console.warn("snapshot not kept:", e)), 0);
  dropOldCaches(settings).catch(() => {});
}

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === "step") {
    try {
      const out = bridge.step(JSON.stringify(message.payload));
      self.postMessage({ type: "result", id: message.id, data: JSON.parse(out) });
    } catch (error) {
      self.postMessage({ type: "result", id: message.id, error: String(error) });
    }
  }
};

// A worker started only so that Chromium keeps Pyodide's scripts compiled (wizard.js, warmCodeCache).
// It runs Pyodide's set-up until Pyodide asks for its WebAssembly, says so, and waits to be ended. It
// downloads nothing: every request it would make is left unanswered.
async function warmCodeCache(settings) {
  globalThis.fetch = () => new Promise(() => {});
  WebAssembly.instantiateStreaming = () => {
    self.postMessage({ type: "warmed" });
    return new Promise(() => {});
  };
  const { loadPyodide } = await import(settings.runtimeURL + "pyodide.mjs");
  boot(loadPyodide, settings, {}).catch(() => {});
}

let settings = null;
try {
  settings = JSON.parse(self.name);
} catch {
  self.postMessage({ type: "failed", error: "the worker was started without its settings" });
}
if (settings?.warmCodeCache) warmCodeCache(settings);
else if (settings) run(settings);
