// Runs Pyodide off the main thread: its start-up would otherwise freeze the page for seconds.
// Every file comes from this site, never from a CDN. hub/mkdocs_hooks.py (_boot_paths) says where.
//
// First visit: a normal start (about 3.7 MB on the wire: the standard library trimmed to what the wizards
// import, the runtime and both zips sent as xz and unpacked while they arrive, hub/xz.py), and what it
// fetched is kept unpacked in Cache Storage as it arrives, so nothing is fetched twice.
// Right after the start, before any answer reaches Python, this worker copies Python's memory (a
// "snapshot"). Later visits restore that copy from the visitor's own cache instead of starting
// Python again; it is never downloaded. Any failure of the snapshot falls back to a normal start.
import { packSnapshot, unpackRange } from "./snapshot.js";
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

// `reload` passes by the browser's HTTP cache, which may hold the same bad bytes as a dropped copy.
const fetchQuietly = (url, reload = false) => networkFetch(url, { referrerPolicy: "no-referrer", credentials: "same-origin",
  ...(reload ? { cache: "reload" } : {}) });
const fetchDecoder = () => (decoderURL ? fetchQuietly(decoderURL) : Promise.reject(new Error("no xz decoder")));

// Pyodide only logs a failed runtime download or instantiation and then waits for ever: say it
// failed, at once, so the page shows the flowchart instead.
function failed(error) {
  self.postMessage({ type: "failed", error: String(error) });
  return error;
}

// The xz copy, unpacked while it arrives; null when the copy or the decoder cannot be had (the plain
// file is fetched instead).
async function unpacked(url, name, reload) {
  try {
    const [response, unxz] = await Promise.all([fetchQuietly(url + ".xz", reload), unxzStream(fetchDecoder)]);
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

// SHA-256 digests, as hex, of the runtime, the standard library and the wheel as the build made them
// (hub/mkdocs_hooks.py, _boot_paths), by URL.
let digests = {};

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

// Whether bytes kept in Cache Storage are those expected; a copy with nothing to check it against is not.
const intact = (bytes, expected) => (expected ? sha256(bytes).then((d) => d === expected, () => false) : Promise.resolve(false));

async function keptFetch(url) {
  let cache = null;
  let hit = null;
  try {
    cache = await caches.open(kept.get(url));
    hit = await cache.match(url);
  } catch { /* no Cache Storage (private mode in some browsers): fetch as usual */ }
  return hit ? checkedCopy(hit, url, cache) : download(url, cache, false);
}

// A kept copy whose bytes are not the build's (tampered, or damaged on disk) is dropped and fetched again,
// so that it neither breaks every later visit nor runs other code. The check runs when the body is first
// read: a copy that is never read (the runtime, when compiled early) costs nothing.
function checkedCopy(hit, url, cache) {
  const headers = { "content-type": hit.headers.get("content-type") || "application/octet-stream" };
  let fresh = null;
  const body = new ReadableStream({
    async pull(controller) {
      if (!fresh) {
        let bytes = null;
        try {
          bytes = await hit.arrayBuffer();
        } catch (error) { console.warn("kept copy unreadable:", url, error); }
        if (bytes && await intact(bytes, digests[url])) {
          controller.enqueue(new Uint8Array(bytes));
          controller.close();
          return;
        }
        console.warn("kept copy differs from the build's; fetched again:", url);
        phases.dropped = [...(phases.dropped || []), url.split("/").pop()];
        await cache.delete(url).catch(() => {});
        try {
          fresh = (await download(url, cache, true)).body.getReader();
        } catch (error) {
          controller.error(error);
          return;
        }
      }
      const { done, value } = await fresh.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) { return fresh?.cancel(reason); },
  }, { highWaterMark: 0 });
  return new Response(body, { headers });
}

async function download(url, cache, reload) {
  const name = url.split("/").pop().split(".")[0];
  let response = packed.has(url) ? await unpacked(url, name, reload) : null;
  if (!response) {
    try {
      response = await fetchQuietly(url, reload);
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

// A kept copy, looked up in one step (with its cache's name), or undefined.
const keptCopy = (url, cacheName) => caches.match(url, { cacheName }).catch(() => undefined);

// Whether a snapshot is kept: its packed image and the wizards' files, as responses not yet read.
async function findSnapshot(config) {
  const [image, files] = await Promise.all([keptCopy(config.snapshotURL, config.wizardsCache),
    keptCopy(config.filesURL, config.wizardsCache)]);
  if (!image || !files) return null;
  return { image, files, size: Number(image.headers.get("x-image-size")), head: Number(image.headers.get("x-image-head")),
           imageDigest: image.headers.get("x-sha256"), filesDigest: files.headers.get("x-sha256") };
}

// A kept response's body in one piece: read through its Blob with FileReaderSync, which the browser
// answers at once (the 12 MB snapshot in about 12 ms when nothing else runs, 40-100 ms while Python
// starts). It blocks this thread meanwhile; start() uses it where nothing else waits for the thread.
async function readAtOnce(response) {
  const blob = await response.blob();
  return new FileReaderSync().readAsArrayBuffer(blob);
}

// Pyodide sizes Python's memory by the snapshot's length (prepareSnapshot in pyodide.mjs) and, once its
// module is made, copies the snapshot past its header into that memory (restoreSnapshot in
// pyodide.asm.mjs: HEAP8.set(snapshot.subarray(headerSize))). Handed this header alone, reporting the
// whole snapshot's length, Pyodide copies nothing: the worker writes Python's memory itself, straight
// from the packed runs, skipping the zeros (half of it). That spares a 31 MB buffer and a 31 MB copy
// (about 27 ms) on the way to ready.
class SnapshotHeader extends Uint8Array {
  get length() { return this.imageSize ?? super.length; }
}

function restoring(saved, runtime) {
  if (!(saved.size > saved.head && saved.head > 0)) throw new Error("snapshot kept without its sizes");
  const header = new SnapshotHeader(saved.head);
  header.imageSize = saved.size;
  const createPyodideModule = async (settings) => {
    // Linking needs only the sizes: the snapshot is needed from here on.
    const module = await (await runtime).default(settings);
    const packed = await saved.packed;
    mark("module_linked");
    // Checked against the digests stored beside them before a byte reaches Python's memory.
    if (!(await saved.intact) || !(await saved.filesIntact)) throw new Error("snapshot differs from the one kept");
    mark("snapshot_checked");
    unpackRange(packed, 0, saved.head, header);
    if (new DataView(header.buffer).getUint32(4, true) !== saved.head) throw new Error("snapshot header size differs");
    // Memory above the fresh module's break was never written, so zeros need writing only below it.
    const used = typeof module._sbrk === "function" ? module._sbrk(0) >>> 0 : module.HEAPU8.length;
    unpackRange(packed, saved.head, saved.size, module.HEAPU8, used);
    mark("module_made");
    return module;
  };
  return { _loadSnapshot: header, createPyodideModule };
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
// Each part is stored with its SHA-256, checked on the next visit: a copy changed since is not used.
async function keepSnapshot(config, { image, files }) {
  const packed = packSnapshot(image);
  mark("snapshot_packed");
  const filesBytes = await files.arrayBuffer();
  const [packedDigest, filesDigest] = await Promise.all([sha256(packed), sha256(filesBytes)]);
  const cache = await caches.open(config.wizardsCache);
  await cache.put(config.filesURL, new Response(filesBytes, {
    headers: { "content-type": "application/octet-stream", "x-sha256": filesDigest } }));
  // The image's size and the size of Pyodide's header in it (its second u32) beside it: the next visit
  // hands Pyodide these at once and writes the rest while Pyodide sets up (restoring).
  const head = new DataView(image.buffer, image.byteOffset, 8).getUint32(4, true);
  await cache.put(config.snapshotURL, new Response(packed, {
    headers: { "content-type": "application/octet-stream", "x-image-size": String(image.byteLength),
               "x-image-head": String(head), "x-sha256": packedDigest } }));
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

// Emscripten wraps each JavaScript function whose address Python's code takes in a tiny WebAssembly
// module of its own (convertJsFunctionToWasm in pyodide.asm.mjs): about 260 on every start, each compiled
// on this thread as the runtime is linked (19 ms in all, measured). They differ only by the function's
// signature, and a compiled module can be instantiated any number of times, so each distinct one is
// compiled once. Larger modules are compiled as usual.
function compileEachSignatureOnce() {
  const Compile = WebAssembly.Module;
  const compiled = new Map();
  function Module(bytes) {
    if (!(bytes instanceof Uint8Array) || bytes.length > 256) return new Compile(bytes);
    const key = String.fromCharCode(...bytes);
    if (!compiled.has(key)) compiled.set(key, new Compile(bytes));
    return compiled.get(key);
  }
  Module.prototype = Compile.prototype;
  for (const name of ["imports", "exports", "customSections"]) Module[name] = Compile[name];
  WebAssembly.Module = Module;
}

const WARM_UP = `
import json
from wizards import browser, registry
from wizards.present import citations, texts
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
  digests = config.digests || {};
  compileEachSignatureOnce();
  decoderURL = config.decoderURL;
  progress.total = config.bytes || 0;
  const imported = import(config.runtimeURL + "pyodide.mjs");
  imported.then(() => mark("pyodide_mjs_loaded"), () => {});
  // Pyodide asks for its 1.2 MB runtime script only after its own set-up; asking now lets the read
  // and parse run alongside. Its later import of the same URL gets this same module.
  const runtime = import(config.runtimeURL + "pyodide.asm.mjs");
  runtime.then(() => mark("asm_mjs_loaded"), () => {});
  // The runtime's WebAssembly compiled before Pyodide asks for it, or null (below).
  let compileEarly = null;
  const compiled = new Promise((resolve) => { compileEarly = resolve; });
  const instantiate = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = (source, imports) => {
    mark("wasm_asked");
    const made = compiled.then((module) => {
      if (!module) return instantiate(source, imports);
      Promise.resolve(source).then((response) => response.body?.cancel(), () => {});  // not needed
      return WebAssembly.instantiate(module, imports).then((instance) => ({ module, instance }));
    });
    return made.then((result) => {
      mark("wasm_instantiated");
      return result;
    });
  };

  // On a later visit the runtime is kept: it is read at once and compiled now, on the browser's
  // background threads (about 0.15 s of processor time), while Pyodide's scripts load and set up and
  // the snapshot is read. Streamed in when Pyodide asks for it, it began compiling 40-60 ms later.
  const wasmKept = keptCopy(config.runtimeURL + "pyodide.asm.wasm", config.runtimeCache);
  const found = findSnapshot(config);
  const hit = await wasmKept;
  mark("wasm_found");
  let early = null;
  if (hit) {
    try {
      const bytes = await readAtOnce(hit);
      mark("wasm_read");
      // Digested while it compiles; a copy that differs is not used, and Pyodide's own request for it
      // then fetches it again (checkedCopy).
      const checked = intact(bytes, digests[config.runtimeURL + "pyodide.asm.wasm"]);
      checked.then(() => mark("wasm_checked"));
      early = WebAssembly.compile(bytes).then(async (module) => ((await checked) ? module : null));
    } catch (error) { console.warn("runtime not compiled early:", error); }
  }
  compileEarly(early ? early.catch(() => null) : null);
  const saved = await found;
  mark("snapshot_found");
  if (saved) {
    saved.packed = readAtOnce(saved.image);
    saved.packed.then(() => mark("snapshot_read"), () => {});
    // Digested beside the linking, which waits for the browser anyway.
    saved.intact = saved.packed.then((bytes) => intact(bytes, saved.imageDigest), () => false);
    saved.filesBytes = saved.files.arrayBuffer();
    saved.filesIntact = saved.filesBytes.then((bytes) => intact(bytes, saved.filesDigest), () => false);
  }
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
      pyodide = await boot((await imported).loadPyodide, config, restoring(saved, runtime));
      mark("snapshot_restored");
      // The wizards' modules are in the restored memory; their data files (texts) are read from disk.
      writeFiles(pyodide, await saved.filesBytes);
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
