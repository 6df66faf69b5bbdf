// Build steps for the standard library zip (hub/stdlib.py), in Pyodide under Node so that the Python
// that compiles is the Python that runs in the browser.
//
//   node hub/stdlib.mjs run <pyodide dir> <stdlib zip> <wheel> <payloads.json> <report.json>
// runs the wizards as the browser's worker does (wheel unpacked, wizards.browser.step called with
// JSON) for every payload, and reports the files of the zip Python read and a digest of every answer.
//
//   node hub/stdlib.mjs compile <pyodide dir> <zip of .py> <zip of .pyc>
// compiles each module ahead of time (docstrings and line-number tables left out: no traceback is
// ever shown to a visitor), so the browser does not parse and compile Python source at start-up. Stored,
// not deflated: the site sends the zip as one xz stream (hub/xz.py), which packs it far better whole.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [mode, pyodideDir, stdlib, ...rest] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(pyodideDir + "/pyodide.mjs").href);
const t0 = performance.now();
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", stdLibURL: stdlib, stdout: () => {} });
const started = performance.now() - t0;

if (mode === "compile") {
  const [output] = rest;
  pyodide.FS.writeFile("/tmp/source.zip", readFileSync(stdlib));
  pyodide.runPython(`
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

def without_line_table(code):
    consts = tuple(without_line_table(c) if isinstance(c, type(code)) else c for c in code.co_consts)
    return code.replace(co_linetable=b"", co_consts=consts)

with zipfile.ZipFile("/tmp/source.zip") as source, \\
        zipfile.ZipFile("/tmp/compiled.zip", "w", zipfile.ZIP_STORED) as out:
    for name in source.namelist():
        data = source.read(name)
        if name.endswith(".py"):
            code = compile(data, "/lib/python314.zip/" + name, "exec", optimize=2, dont_inherit=True)
            out.writestr(name + "c", _code_to_hash_pyc(without_line_table(code), b"\\0" * 8, checked=False))
        else:
            out.writestr(name, data)
`);
  writeFileSync(output, pyodide.FS.readFile("/tmp/compiled.zip"));
} else {
  const [wheel, payloads, report] = rest;
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

# Every module that came from the zip (source or compiled), as the name of its source file.
used = set()
for module in list(sys.modules.values()):
    path = getattr(module, "__file__", None) or ""
    if ".zip/" in path:
        used.add(path.split(".zip/", 1)[1].removesuffix("c"))
json.dumps({"files": sorted(used), "digest": digest.hexdigest()})
`);
  writeFileSync(report, JSON.stringify({ ...JSON.parse(result), start_ms: Math.round(started) }));
}
