// Used by tests/test_xz.py: unpacks <file.xz> with hub/static/unxz.js (the browser's decoder, here in
// Node) in chunks of the given size and prints a JSON report: the unpacked bytes' sha256, or the error.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [moduleFile, wasmFile, packedFile, chunkText] = process.argv.slice(2);
const { unxzStream } = await import(pathToFileURL(moduleFile).href);
const packed = readFileSync(packedFile);
const chunk = Number(chunkText);
const source = new ReadableStream({
  start(controller) {
    for (let i = 0; i < packed.length; i += chunk) controller.enqueue(new Uint8Array(packed.subarray(i, i + chunk)));
    controller.close();
  },
});
try {
  const stream = source.pipeThrough(await unxzStream(() => new Response(readFileSync(wasmFile))));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  console.log(JSON.stringify({ sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.length }));
} catch (error) {
  console.log(JSON.stringify({ error: String(error.message || error) }));
}
