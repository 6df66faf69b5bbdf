// Unpacks an xz stream while it downloads, with xz-embedded compiled to WebAssembly (hub/xz.py says
// where it comes from and why). Used by worker.js for the runtime's .xz copies.
//
// The decoder's context, as its create_context() lays it out in its own memory (u32 each):
// [0] buffer size, [1] address of the input buffer, [2] input position, [3] input size,
// [4] address of the output buffer, [5] output position. (xz-decompress, src/native/xz-decompress.c)
const XZ_OK = 0;
const XZ_STREAM_END = 1;
const REASONS = { 2: "unsupported integrity check", 3: "out of memory", 4: "memory limit", 5: "not an xz file",
  6: "unsupported options", 7: "corrupt data", 8: "truncated or corrupt data" };

let decoder = null;

// `wasm`: a function that fetches the decoder's WebAssembly (called once, on first use).
export function loadDecoder(wasm) {
  decoder ??= Promise.resolve().then(wasm).then(async (response) => {
    if (!response.ok) throw new Error(`xz decoder: ${response.status}`);
    return (await WebAssembly.instantiate(await response.arrayBuffer(), {})).instance.exports;
  });
  decoder.catch(() => { decoder = null; });
  return decoder;
}

// A TransformStream from xz bytes to the unpacked bytes; it errors (never ends quietly) on a file
// that is cut short, corrupt or followed by other bytes (which the decoder, built for concatenated
// streams, reads as the start of a stream that is cut short).
export async function unxzStream(wasm) {
  const xz = await loadDecoder(wasm);
  const ptr = xz.create_context();
  let mem8 = null;
  let mem32 = null;
  const views = () => {
    if (mem8?.buffer !== xz.memory.buffer) {
      mem8 = new Uint8Array(xz.memory.buffer);
      mem32 = new Uint32Array(xz.memory.buffer, ptr, 6);
    }
  };
  views();
  const size = mem32[0];
  let ended = false;
  let disposed = false;
  const dispose = () => { if (!disposed) { disposed = true; xz.destroy_context(ptr); } };

  function drain(controller) {
    let full;
    do {
      const result = xz.get_next_output(ptr);
      views();
      if (result !== XZ_OK && result !== XZ_STREAM_END) throw new Error(`xz: ${REASONS[result] || "error " + result}`);
      const produced = mem32[5];
      if (produced > 0) controller.enqueue(mem8.slice(mem32[4], mem32[4] + produced));
      full = produced === size;
      mem32[5] = 0;
      if (result === XZ_STREAM_END) { ended = true; return; }
    } while (full || mem32[2] < mem32[3]);
  }

  return new TransformStream({
    transform(chunk, controller) {
      try {
        for (let offset = 0; offset < chunk.byteLength;) {
          const part = chunk.subarray(offset, offset + size);
          views();
          mem8.set(part, mem32[1]);
          xz.supply_input(ptr, part.byteLength);
          offset += part.byteLength;
          drain(controller);
        }
      } catch (error) { dispose(); throw error; }
    },
    flush(controller) {
      try {
        // Built for concatenated streams, the decoder says "end" only when told that no input follows
        // (an empty supply).
        xz.supply_input(ptr, 0);
        drain(controller);
        if (!ended) throw new Error("xz: the file is cut short");
      } finally { dispose(); }
    },
  });
}
