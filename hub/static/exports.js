// The .odt and .docx downloads of any document the site writes (issue 26, contract B). A page imports
// this module only when a visitor asks for one (a dynamic import), so a first visit loads none of it.
// `call(payload)` is the page's own way to ask its Python worker; it resolves with the JSON reply
// (and adds the addresses of the libraries the worker loads on first use: odfpy, markdown-it-py, mdurl).

export const MEDIA_TYPES = {
  odt: "application/vnd.oasis.opendocument.text",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export async function download(kind, { markdown, images = {}, name, organisation = "", lang }, call) {
  const bytes = await make(kind, { markdown, images, organisation, lang }, call);
  if (!bytes) return false;
  save(`${name}.${kind}`, bytes, MEDIA_TYPES[kind]);
  return true;
}

// The file's bytes, or null when the worker refused (the page's `call` has then said why).
export async function make(kind, { markdown, images = {}, organisation = "", lang }, call) {
  const payload = { markdown, images, organisation, ...(lang ? { lang } : {}) };
  if (kind === "odt") {
    const out = await call({ document: "odt", ...payload });
    return out ? Uint8Array.from(atob(out.base64), (c) => c.charCodeAt(0)) : null;
  }
  if (kind !== "docx") throw new Error(`unknown document kind ${kind}`);
  const out = await call({ document: "doc_json", ...payload });
  if (!out) return null;
  const { toDocx } = await import("./docx-export.js");
  return toDocx(out.doc);
}

function save(filename, bytes, type) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
