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

// The packed image's size and runs, [offset, length, position of its bytes in `packed`], checked: runs in
// order, inside the image, and the bytes exactly as long as the runs say.
function readRuns(packed) {
  const view = new DataView(packed);
  const magic = new TextDecoder().decode(new Uint8Array(packed, 0, Math.min(8, packed.byteLength)));
  if (magic !== MAGIC || packed.byteLength < 16) throw new Error("not a packed snapshot");
  const size = view.getUint32(8, true);
  const count = view.getUint32(12, true);
  if (16 + 8 * count > packed.byteLength) throw new Error("snapshot is truncated");
  const runs = [];
  let position = 16 + 8 * count;
  let end = 0;
  for (let i = 0; i < count; i++) {
    const offset = view.getUint32(16 + 8 * i, true);
    const length = view.getUint32(20 + 8 * i, true);
    if (offset < end || offset + length > size) throw new Error("snapshot run outside the image");
    runs.push([offset, length, position]);
    position += length;
    end = offset + length;
  }
  if (position !== packed.byteLength) throw new Error("snapshot is truncated or has trailing bytes");
  return { size, runs };
}

export function snapshotSize(packed) {
  return readRuns(packed).size;
}

// Writes bytes [from, to) of the packed image into `target`, from its start. Bytes of the image outside
// every run are zeros: they are written only below `zeroBelow` (an offset in `target`), as the rest of
// `target` is known to be zeros already. Writing zeros into memory that is still untouched costs as
// much as copying data, so the worker says how much of Python's fresh memory has been used.
export function unpackRange(packed, from, to, target, zeroBelow = to - from) {
  const { size, runs } = readRuns(packed);
  if (from > to || to > size) throw new Error("range outside the snapshot");
  if (target.length < to - from) throw new Error("snapshot does not fit where it is unpacked");
  const zero = (start, end) => {
    const stop = Math.min(end - from, zeroBelow);
    if (start - from < stop) target.fill(0, start - from, stop);
  };
  let written = from;
  for (const [offset, length, position] of runs) {
    const start = Math.max(offset, from);
    const end = Math.min(offset + length, to);
    if (start >= end) continue;
    zero(written, start);
    target.set(new Uint8Array(packed, position + (start - offset), end - start), start - from);
    written = end;
  }
  zero(written, to);
}

export function unpackSnapshot(packed) {
  const size = snapshotSize(packed);
  const image = new Uint8Array(size);
  unpackRange(packed, 0, size, image, 0);
  return image;
}
