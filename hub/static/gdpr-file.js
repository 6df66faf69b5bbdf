import { caller, Refusal } from "./python-call.js";
// The GDPR file page (docs/*/wizards/gdpr-file.md, marker [[gdpr-file]]). It reads what this browser
// keeps (the record, the wizards' results, the profile, the DPIAs) and asks Python (wizards/documents/
// gdpr_file.py, through the wizards' worker) for the overview, the documents and the .zip. It holds no
// legal logic, and nothing leaves the browser: the .docx files are made here too (docx-export.js).
const data = JSON.parse(document.getElementById("gf-data").textContent);
const T = (key) => data.texts[key] ?? key;
const F = (key, params) => T(key).replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));
const box = document.getElementById("gf");
const app = box.querySelector(".gf-app");

// ---- storage -------------------------------------------------------------------------------------
// Each part as stored, parsed; a part that is not JSON is passed on as its text, and Python names it
// as unreadable in the overview instead of the page stopping.
function readState() {
  const state = {};
  for (const [part, key] of Object.entries(data.keys)) {
    let text = null;
    try { text = localStorage.getItem(key); } catch { /* storage switched off: nothing kept */ }
    if (text === null) { state[part] = null; continue; }
    try { state[part] = JSON.parse(text); } catch { state[part] = text; }
  }
  return state;
}
// Writes every part of a re-opened file, or none: if the browser refuses one, what was kept before
// is put back, so the visitor never ends up with half of one file and half of another.
function writeState(state) {
  const before = {};
  try {
    for (const key of Object.values(data.keys)) before[key] = localStorage.getItem(key);
    for (const [part, key] of Object.entries(data.keys)) {
      const value = state[part];
      // An empty list of results or an empty profile is kept as no key at all, as the wizards do.
      const empty = value === null || value === undefined
        || (part !== "record" && part !== "dpias" && typeof value === "object" && Object.keys(value).length === 0);
      if (empty) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(value));
    }
    return true;
  } catch {
    try {
      for (const [key, text] of Object.entries(before)) {
        if (text === null) localStorage.removeItem(key); else localStorage.setItem(key, text);
      }
    } catch { /* nothing more can be done */ }
    return false;
  }
}

// ---- Python ----------------------------------------------------------------------------------------
// This page's own Python is not in the wizards' wheel: Python loads it from these addresses on the first call.
const PAGES = (data.pages || []).map((path) => new URL(path, location.href).href);
const ask = caller("gf-", { lang: data.lang, pages: PAGES }, T("no_python"));
// The libraries Python loads for the .odt and .xlsx files, as absolute addresses on this site.
function libraries() {
  const out = {};
  for (const [fmt, paths] of Object.entries(data.libs)) out[fmt] = paths.map((p) => new URL(p, location.href).href);
  return out;
}

// ---- helpers ---------------------------------------------------------------------------------------
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== false && v !== null && v !== undefined) node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}
function link(text, path) { return el("a", { href: data.langRoot + path, text }); }
function list(items) { return el("ul", { class: "gf-list" }, ...items); }
function toBase64(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
function fromBase64(text) { return Uint8Array.from(atob(text), (c) => c.charCodeAt(0)); }
function save(name, type, bytes) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
// Today in Belgium, as the documents are dated.
function today() { return new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Brussels" }); }

// ---- drawing ---------------------------------------------------------------------------------------
const status = el("p", { class: "gf-status", role: "status", "aria-live": "polite" });
const overview = el("div", { class: "gf-overview" });
const fileInput = el("input", { type: "file", accept: ".zip,application/zip", hidden: true, "data-action": "reopen-file" });
const downloadButton = el("button", { type: "button", class: "md-button md-button--primary", "data-action": "download-file",
  text: T("download"), onclick: downloadAll });
const reopenButton = el("button", { type: "button", class: "md-button", "data-action": "reopen", text: T("reopen"),
  onclick: () => fileInput.click() });
fileInput.addEventListener("change", reopen);

function say(text) { status.textContent = text; }
function busy(on) { downloadButton.disabled = on; reopenButton.disabled = on; box.dataset.busy = on ? "yes" : "no"; }

function draw(s) {
  const parts = [el("p", { class: "gf-note", text: s.note })];
  for (const text of s.broken) parts.push(el("p", { class: "admonition warning gf-broken", text }));
  if (s.empty) parts.push(el("p", { class: "gf-empty", text: T("empty") }));
  parts.push(el("h2", { text: T("missing") }));
  parts.push(s.missing.length
    ? el("ul", { class: "gf-list gf-missing" }, ...s.missing.map((m) => el("li", { class: "gf-todo" }, link(m.text, m.link))))
    : el("p", { class: "gf-none-missing", text: T("nothing_missing") }));

  parts.push(el("h2", { text: T("done") }));
  parts.push(el("h3", { text: T("wizards") }), list(s.wizards.map((w) => el("li", { class: w.answered ? "gf-done" : "gf-todo", "data-wizard": w.id },
    link(w.title, w.link), document.createTextNode(" — " + (w.answered ? `${w.verdict} (${F("answered", { date: w.date })})` : T("not_answered")))))));

  const r = s.record;
  parts.push(el("h3", { text: T("record") }));
  parts.push(el("p", { class: r.present ? "gf-done gf-record" : "gf-todo gf-record" },
    link(r.present ? F("record_line", { activities: r.activities, suppliers: r.suppliers }) : T("no_record"), r.link)));
  if (r.open.length) {
    parts.push(el("details", { class: "gf-open" }, el("summary", { text: `${T("open_points")} (${r.open.length})` }),
      list(r.open.map((text) => el("li", { text })))));
  }
  if (s.suppliers.length) {
    parts.push(el("h3", { text: T("suppliers") }), list(s.suppliers.map((p) => el("li", { class: p.annex && p.checklist ? "gf-done" : "gf-todo" },
      link(p.name, p.link), document.createTextNode(` — ${T(p.annex ? "annex_done" : "annex_todo")}, ${T(p.checklist ? "checklist_done" : "checklist_todo")}`)))));
  }
  parts.push(el("h3", { text: T("dpias") }));
  parts.push(s.dpias.length
    ? list(s.dpias.map((d) => el("li", { class: d.open ? "gf-todo" : "gf-done" }, link(d.title, d.link),
      document.createTextNode(` — ${T("decision")}${data.colon}${d.decision_label}${d.decided_on ? " (" + d.decided_on + ")" : ""}`
        + (d.next_review ? `; ${T("next_review")}${data.colon}${d.next_review}` : "") + (d.example ? ` (${T("example")})` : "")))))
    : el("p", { text: T("no_dpias") }));
  parts.push(el("h3", { text: T("logs") }));
  parts.push(s.logs.length
    ? list(s.logs.map((g) => el("li", {}, link(g.title, g.link), document.createTextNode(` — ${g.verdict} (${g.date})`),
      // The entry's clock and log line are long: folded, as on the wizard's own result.
      g.lines.length ? el("details", { class: "gf-entry" }, el("summary", { text: T("entry") }), list(g.lines.map((text) => el("li", { text })))) : null)))
    : el("p", { text: T("no_logs") }));
  parts.push(el("p", { class: "gf-logs-note", text: T("logs_note") }));
  overview.replaceChildren(...parts);
}

async function refresh() {
  try {
    const out = await ask({ document: "file_summary", state: readState(), date: today() });
    draw(out.summary);
    box.dataset.state = "ready";
  } catch (err) {
    say(err instanceof Refusal ? err.message : T("failed"));
    box.dataset.state = "failed";
  }
}

// ---- the .zip --------------------------------------------------------------------------------------
// The .docx writer (exports.js, with the npm docx package) is loaded only here, when the visitor asks for the file.
async function docxMaker() {
  if (!data.docx) return null;
  return import("./exports.js");  // beside this module, in the same content-named folder
}

async function downloadAll() {
  busy(true);
  say(T("working"));
  try {
    const state = readState();
    const date = today();
    const extra = {};
    const maker = await docxMaker();
    if (maker) {
      const call = (payload) => ask({ ...payload, libs: libraries().documents || [] });
      const { documents } = await ask({ document: "file_documents", state, date });
      for (const doc of documents) {
        const bytes = await maker.make("docx", { markdown: doc.markdown, images: doc.images, organisation: doc.organisation,
          lang: data.lang }, call);
        if (bytes) extra[doc.name + ".docx"] = toBase64(bytes);
      }
    }
    const out = await ask({ document: "file_bundle", state, date, extra, libs: libraries() });
    save(out.name, out.type, fromBase64(out.base64));
    say(F("made", { name: out.name }));
  } catch (err) {
    say(err instanceof Refusal ? err.message : T("failed"));
  } finally {
    busy(false);
  }
}

async function reopen() {
  const file = fileInput.files[0];
  fileInput.value = "";
  if (!file) return;
  if (file.size > data.maxBytes) {
    const mb = (n) => String(Math.round(n / 100000) / 10).replace(".", data.lang === "en" ? "." : ",");
    say(F("too_big", { size: mb(file.size), limit: mb(data.maxBytes) }));
    return;
  }
  busy(true);
  try {
    // Read and checked first: a file Python refuses changes nothing, and is not even asked about.
    const bytes = new Uint8Array(await file.arrayBuffer());
    const out = await ask({ document: "file_read", base64: toBase64(bytes) });
    if (!window.confirm(T("reopen_confirm"))) { say(T("reopen_cancelled")); return; }
    if (!writeState(out.state)) { say(T("not_kept")); return; }
    await refresh();
    say(T("reopened"));
  } catch (err) {
    say(err instanceof Refusal ? err.message : T("failed"));
  } finally {
    busy(false);
  }
}

// The two buttons first: on a phone the overview below is long.
app.replaceChildren(el("p", { class: "gf-actions" }, downloadButton, " ", reopenButton, fileInput), status, overview);
// Another tab that changes the record or a result: the overview follows.
window.addEventListener("storage", (event) => {
  if (event.key === null || Object.values(data.keys).includes(event.key)) refresh();
});
refresh();
