// The memory snapshot that worker.js makes in the visitor's browser, packed for Cache Storage.
//
// The snapshot is stored packed: only the 4 KB blocks of Python's memory that are not zero (half of
// it is zeros). Layout, little-endian: magic "GHSNAP1\0", u32 size of the full image, u32 number of
// runs N, N x (u32 offset, u32 length), then the runs' bytes (hub/snapshot.py is the reference).
const BLOCK = 4096;
const MAGIC = "GHSNAP1\0";

export function packSnapshot(image) {
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

// `into`: a zeroed buffer of the image's size to fill (the worker hands it to Pyodide before it is
// filled); without it, a new one.
export function unpackSnapshot(packed, into = null) {
  const view = new DataView(packed);
  const magic = new TextDecoder().decode(new Uint8Array(packed, 0, 8));
  if (magic !== MAGIC) throw new Error("not a packed snapshot");
  const size = view.getUint32(8, true);
  if (into && into.length !== size) throw new Error("snapshot size differs from the size kept beside it");
  const image = into || new Uint8Array(size);
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
