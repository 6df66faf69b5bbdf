// Build step: runs the wizards in Pyodide under Node exactly as the browser's worker does (wheel
// unpacked, wizards.browser.step called with JSON), for every payload in a file, and reports which
// files of the standard library zip Python read and a digest of every answer it gave.
// Usage: node hub/stdlib.mjs <pyodide dir> <stdlib zip> <wheel> <payloads.json> <report.json>
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [pyodideDir, stdlib, wheel, payloads, report] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(pyodideDir + "/pyodide.mjs").href);
const t0 = performance.now();
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", stdLibURL: stdlib, stdout: () => {} });
const started = performance.now() - t0;
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
pyodide.globals.set("payloads_json", readFileSync(payloads, "utf8"));
const result = pyodide.runPython(`
import hashlib, json, sys
from wizards import browser

digest = hashlib.sha256()
for payload in json.loads(payloads_json):
    try:
        digest.update(browser.step(json.dumps(payload)).encode())
    except Exception as error:  # the same failure on both zips is still the same answer
        digest.update(type(error).__name__.encode())

# Every module that came from the zip, and each package's __init__ on the way to it.
used = set()
for module in list(sys.modules.values()):
    path = getattr(module, "__file__", None) or ""
    if ".zip/" in path:
        used.add(path.split(".zip/", 1)[1])
json.dumps({"files": sorted(used), "digest": digest.hexdigest()})
`);
writeFileSync(report, JSON.stringify({ ...JSON.parse(result), start_ms: Math.round(started) }));
