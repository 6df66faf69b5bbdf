// Build step: starts Pyodide once in Node, imports the wizards and loads their texts, and saves the
// interpreter's memory. The browser restores that memory instead of starting Python from scratch
// (about ten times faster). Usage: node hub/snapshot.mjs <pyodide dir> <wheel> <output>
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [pyodideDir, wheel, output] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(pyodideDir + "/pyodide.mjs").href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", _makeSnapshot: true });
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
pyodide.runPython(`
import json
from wizards import browser, registry, texts, citations
for lang in texts.LANGUAGES:
    texts.catalogue(lang)
citations.known()
for wizard_id in registry.WIZARDS:
    browser.step(json.dumps({"wizard": wizard_id, "lang": "nl", "answers": {}}))
`);
writeFileSync(output, pyodide.makeMemorySnapshot());
