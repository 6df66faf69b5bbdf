import { caller, Refusal } from "./python-call.js";
// The record builder (docs/*/wizards/record.md, marker [[record]]). The record lives in this browser's
// local storage only; Python (wizards/documents, through the wizards' worker) checks it and makes the
// documents. This file holds no legal logic: it draws forms, keeps the record and offers downloads.
const STORE_KEY = "gdpr-hub.record";
// The record an import or a sample replaced, kept until the next change so that its undo outlives a reload.
const PREVIOUS_KEY = "gdpr-hub.record.previous";
const RESULTS_KEY = "gdpr-hub.results";
const PROFILE_KEY = "gdpr-hub.profile";  // the organisation profile of the wizards page (wizard.js)

const data = JSON.parse(document.getElementById("rec-data").textContent);
const T = (key) => data.texts[key] ?? key;
const box = document.getElementById("rec");
const app = box.querySelector(".rec-app");

// ---- storage -------------------------------------------------------------------------------------
function blankRow() {
  const row = {};
  for (const f of data.fields) row[f] = data.booleans.includes(f) ? false : "";
  return row;
}
function blankRecord() {
  const organisation = {};
  for (const f of data.organisation) organisation[f] = "";
  return { format: "gdpr-hub-record/1", role: "controller", organisation, activities: [], suppliers: [], notice: { activities: [] } };
}
function blankSupplier() {
  const checklist = {};
  for (const p of data.points) checklist[p] = false;
  return { name: "", address: "", contact: "", dpo: "", activities: [], nature: "", duration: "", measures: "", safeguards: "",
           assistance: "", subprocessors: "", authorisation: "specific", period: "", language: "", docking: false, checklist };
}
// What this browser kept, read without trusting it: another version of the page, another tab or an
// extension may have left anything there. A value of the wrong shape must not stop the page; it is
// kept aside (`broken`) so the visitor can download it before starting again. Python's normalisation
// (the "check" call) then reads every field as it reads an import, and names any field it refuses.
function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
function repair(raw) {
  if (!isObject(raw) || !Array.isArray(raw.activities) || !raw.activities.every(isObject)) return null;
  if ([raw.organisation, raw.notice].some((part) => part != null && !isObject(part))) return null;
  if (raw.suppliers != null && !(Array.isArray(raw.suppliers) && raw.suppliers.every(isObject))) return null;
  const fresh = blankRecord();
  const list = (value) => (Array.isArray(value) ? value.filter((i) => Number.isInteger(i)) : []);
  return {
    ...raw, format: fresh.format, role: raw.role || "controller",
    organisation: { ...fresh.organisation, ...(raw.organisation || {}) },
    activities: raw.activities.map((row) => ({ ...blankRow(), ...row })),
    suppliers: (raw.suppliers || []).map((s) => {
      const blank = blankSupplier();
      return { ...blank, ...s, activities: list(s.activities), checklist: { ...blank.checklist, ...(isObject(s.checklist) ? s.checklist : {}) } };
    }),
    notice: { activities: list((raw.notice || {}).activities) },
  };
}
function readStored() {
  let text = null;
  try { text = localStorage.getItem(STORE_KEY); } catch { return { record: null, broken: null }; }
  if (text === null) return { record: null, broken: null };
  let raw;
  try { raw = JSON.parse(text); } catch { return { record: null, broken: text }; }
  const fixed = repair(raw);
  return fixed ? { record: fixed, broken: null } : { record: null, broken: text };
}
function readPrevious() {
  try {
    const text = localStorage.getItem(PREVIOUS_KEY);
    return text === null ? null : repair(JSON.parse(text)) || null;
  } catch { return null; }
}
let { record, broken } = readStored();
let saveNote = null;
let previous = record ? readPrevious() : null;  // the record an import or a sample replaced, until the next change
// Keeps the record; says at once, and offers the JSON file, when the browser refuses (storage full,
// switched off, private window): a page that shows edits it cannot keep would lose them on reload.
function save({ keepUndo = false } = {}) {
  // The undo goes before the record changes: another tab that reads the new record finds no stale undo.
  if (!keepUndo) dropUndo();
  let kept = true;
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(record));
  } catch { kept = false; }
  if (saveNote) saveNote.textContent = kept ? T("ui.saved") : "";
  alertBox.hidden = kept;
  scheduleCheck();
  return kept;
}
function dropUndo() {
  previous = null;
  undoBox.replaceChildren();
  try { localStorage.removeItem(PREVIOUS_KEY); } catch { /* storage switched off: nothing was kept */ }
}
// Keeps the replaced record beside the new one; true if the browser kept it.
function keepPrevious(before) {
  previous = before;
  try {
    if (before) localStorage.setItem(PREVIOUS_KEY, JSON.stringify(before));
    else localStorage.removeItem(PREVIOUS_KEY);
    return !!before;
  } catch { return false; }
}
function offerUndo() {
  undoBox.replaceChildren();
  if (!previous) return;
  undoBox.append(button(T("ui.undo"), () => {
    record = previous;
    dropUndo();
    save({ keepUndo: true });
    render();
    status.textContent = T("ui.undone");
  }, { "data-action": "undo" }));
}

// ---- Python ----------------------------------------------------------------------------------------
// A refusal from Python is one sentence in the page's language; anything else (a worker that
// failed) is not for a visitor's eyes, so it is shown as the page's own short message.
const ask = caller("rec-", { lang: data.lang }, T("ui.no_python"));

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
function button(text, onclick, extra = {}) {
  return el("button", { type: "button", class: "md-button", onclick, ...extra, text });
}
function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
// A text with {name} placeholders filled in.
function F(key, params) { return T(key).replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m)); }
// A file name in the page's language after the document and the organisation (or supplier), e.g.
// "verwerkingsregister-apotheek-de-linde-2026-05-01.xlsx".
function slug(text) {
  return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
}
function fileName(docKey, who, ext) {
  const stamp = new Date().toISOString().slice(0, 10);
  return [T(docKey), slug(who), stamp].filter(Boolean).join("-") + "." + ext;
}
const AUTOCOMPLETE = { name: "organization", address: "street-address", email: "email", phone: "tel" };

// One labelled field bound to obj[key]; changes are saved at once. Its id is its place in the record
// (not a counter), so after a part of the page is drawn again the same field takes the focus back.
// `after` runs when a choice changes (a checkbox, a list) or a text is left, for what depends on it.
function field(obj, key, label, id, { long = false, required = false, bool = false, options = null, after = null, autocomplete = null } = {}) {
  const labelNode = el("label", { for: id }, el("span", { text: label }));
  if (required) labelNode.append(el("abbr", { class: "rec-req", title: T("ui.required"), text: " *" }));
  let input;
  if (bool) {
    input = el("input", { type: "checkbox", id, name: key });
    input.checked = !!obj[key];
    input.addEventListener("change", () => { obj[key] = input.checked; save(); if (after) after(); });
    return el("p", { class: "rec-field rec-bool" }, input, labelNode);
  }
  if (options) {
    input = el("select", { id, name: key });
    for (const [value, text] of options) input.append(el("option", { value, text }));
    input.value = obj[key];
    input.addEventListener("change", () => { obj[key] = input.value; save(); if (after) after(); });
  } else {
    input = el(long ? "textarea" : "input", { id, name: key, rows: long ? 2 : null, type: long ? null : "text", autocomplete });
    input.value = obj[key] ?? "";
    input.addEventListener("input", () => { obj[key] = input.value; save(); });
    if (after) input.addEventListener("change", after);
  }
  if (required) input.setAttribute("aria-required", "true");
  return el("p", { class: "rec-field" }, labelNode, input);
}
function fragment(answers) {
  return Object.entries(answers).map(([k, v]) => `${encodeURIComponent(k)}=${[].concat(v).map(encodeURIComponent).join(",")}`).join("&");
}
// The verdict of a wizard's last result in this browser, as wizard.js keeps it (the record data, not
// Markdown; an older page kept Markdown as `md`). "" when there is none.
function lastVerdict(wizard) {
  let entry;
  try { entry = JSON.parse(localStorage.getItem(RESULTS_KEY) || "{}")[wizard]; } catch { return ""; }
  if (!isObject(entry)) return "";
  const text = (value) => (typeof value === "string" ? value.replace(/\s+/g, " ").trim() : "");
  if (isObject(entry.record)) {
    const r = entry.record;
    const [label, conclusion, date] = [text(r.verdict_label), text(r.conclusion), text(r.date)];
    const colon = data.lang === "fr" ? "\u202f: " : ": ";
    const said = label && conclusion && !conclusion.toLowerCase().includes(label.toLowerCase()) ? label + colon + conclusion : conclusion || label;
    return said && date ? `${said} (${date})` : said;
  }
  const md = text(entry.md) ? entry.md.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#")) : [];
  return md.length ? md[0] : "";
}

// ---- drawing -------------------------------------------------------------------------------------
const status = el("p", { class: "rec-status", role: "status", "aria-live": "polite" });
const undoBox = el("p", { class: "rec-undo" });
// Not a live region: a list of every empty field, read again after each pause in typing, would drown
// a screen reader (WCAG 4.1.3); it is drawn again only when it changes.
const gapsBox = el("div", { class: "rec-gaps" });
const output = el("div", { class: "rec-output" });
const alertBox = el("div", { class: "rec-alert admonition failure", role: "alert", hidden: true },
  el("p", { text: T("ui.not_kept") }),
  el("p", {}, button(T("ui.export_json"), () => exportAs("json"), { "data-action": "export-json-now" })));

// A new record takes the organisation's name and contact from the profile, when the visitor saved them.
function withProfile(fresh) {
  let profile = {};
  try { profile = JSON.parse(localStorage.getItem(PROFILE_KEY) || "{}") || {}; } catch { /* no profile */ }
  const org = fresh.organisation;
  if (!org.name && typeof profile.org_name === "string") org.name = profile.org_name;
  const contact = typeof profile.org_contact === "string" ? profile.org_contact : "";
  if (contact && !org.email && !org.address) org[contact.includes("@") ? "email" : "address"] = contact;
  return fresh;
}

// Anything the visitor would lose: an activity, a supplier or a detail of the organisation.
function hasContent(r) {
  return !!r && (r.activities.length > 0 || r.suppliers.length > 0 || Object.values(r.organisation).some((v) => String(v ?? "").trim()));
}

// Replaces the whole record (a sample, an import) and offers to undo it until the next change.
function replaceRecord(fresh, message) {
  // Stored before the new record, so that a reload (or another tab) never finds the new one without its undo.
  const stored = keepPrevious(record);
  record = fresh;
  broken = null;
  openRows.clear();
  openSuppliers.clear();
  let kept = save({ keepUndo: true });
  if (!kept && stored) {
    // Two records may not fit where one does: the record comes first, its undo then lives in this page only.
    try { localStorage.removeItem(PREVIOUS_KEY); } catch { /* switched off */ }
    kept = save({ keepUndo: true });
  }
  render();
  status.textContent = kept ? message : "";
  offerUndo();
}

const wantedSector = new URLSearchParams(location.hash.slice(1)).get("sector");
let chosenSample = data.edition && data.samples.length ? data.samples[0].id
  : (data.samples.some((s) => s.id === wantedSector) ? wantedSector : (data.samples[0] || { id: "" }).id);

function startPanel() {
  const select = el("select", { id: "rec-sample", name: "sample" });
  for (const s of data.samples) select.append(el("option", { value: s.id, text: F("ui.sample_of", { name: s.name }) }));
  select.append(el("option", { value: "", text: T("ui.start_empty") }));
  select.value = chosenSample;
  select.addEventListener("change", () => { chosenSample = select.value; });
  const go = button(T("ui.start_button"), () => {
    if (broken && !confirm(T("ui.broken_replace"))) return;
    if (!broken && hasContent(record) && !confirm(T("ui.replace_confirm"))) return;
    const sample = data.samples.find((s) => s.id === select.value);
    replaceRecord(withProfile(sample ? structuredClone(sample.record) : blankRecord()), "");
  }, { "data-action": "start" });
  return el("div", { class: "rec-start" }, el("label", { for: "rec-sample", text: T("ui.start") + " " }), select, " ", go);
}

function brokenPanel() {
  return el("div", { class: "rec-broken admonition failure", role: "alert" },
    el("p", { text: T("ui.broken") }),
    el("p", {}, button(T("ui.broken_download"), () => download(fileName("ui.file_record", "", "txt"), "text/plain", broken),
      { "data-action": "download-broken" })));
}

function organisationPanel() {
  const org = record.organisation;
  const fs = el("fieldset", { class: "rec-org" }, el("legend", {}, el("h2", { text: T("organisation") })));
  fs.append(field(record, "role", T("ui.role"), "rec-role", {
    options: [["controller", T("ui.role_controller")], ["processor", T("ui.role_processor")]], after: () => render() }));
  for (const f of data.organisation) {
    fs.append(field(org, f, T("field." + f), `rec-org-${f}`, { required: f === "name", autocomplete: AUTOCOMPLETE[f] || null }));
  }
  return fs;
}

// Activities are many (a record of 1,000 must stay quick): a closed one is drawn as its title only,
// and its fields when it is opened.
const openRows = new Set();
function rowPanel(row, index) {
  const details = el("details", { class: "rec-row", "data-row": index, open: openRows.has(index) ? true : null });
  const summary = el("summary", { text: `${index + 1}. ${row.activity || T("unnamed")}` });
  details.append(summary);
  let built = false;
  const build = () => {
    if (built) return;
    built = true;
    fillRow(details, summary, row, index);
  };
  if (details.open) build();
  details.addEventListener("toggle", () => {
    if (details.open) { openRows.add(index); build(); } else openRows.delete(index);
  });
  return details;
}

function fillRow(details, summary, row, index) {
  const id = (f) => `rec-a${index}-${f}`;
  const redraw = () => redrawRow(index);
  for (const f of data.fields) {
    if ((f === "controller" || f === "controller_contact") && record.role !== "processor") continue;
    if (f === "special_condition" && !row.special_data) continue;
    if (f === "legitimate_interest" && row.legal_basis !== "legitimate_interests") continue;
    if (f === "processor_verdict" || f === "dpia_verdict") continue;
    if (f === "legal_basis") {
      details.append(field(row, f, T("field." + f), id(f), { options: [["", "—"], ...data.bases.map((b) => [b, T("basis." + b)])], after: redraw }));
      continue;
    }
    const bool = data.booleans.includes(f);
    // The processor links appear once a processor is named: drawn after the focus has moved on.
    const named = !!row.processors;
    const after = bool ? redraw : f === "processors" ? () => { if (!!row.processors !== named) setTimeout(redraw); } : null;
    const node = field(row, f, T("field." + f), id(f), { long: data.long.includes(f), required: data.required.includes(f), bool, after });
    if (f === "activity") node.querySelector("input").addEventListener("input", () => { summary.textContent = `${index + 1}. ${row.activity || T("unnamed")}`; });
    details.append(node);
  }
  const take = (wizard, key) => () => {
    const verdict = lastVerdict(wizard);
    if (!verdict) { status.textContent = T("ui.no_result"); return; }  // never empties the field
    row[key] = verdict;
    const input = document.getElementById(id(key));
    if (input) input.value = verdict;
    save();
  };
  if (row.processors) {
    const links = el("p", { class: "rec-links" });
    links.append(el("a", { href: `${data.langRoot}wizards/processor/#${fragment({ handles_data: "yes" })}`, text: T("ui.open_processor") }), " ");
    links.append(button(T("ui.take_verdict"), take("processor", "processor_verdict"), { "data-action": "take-processor" }));
    details.append(links, field(row, "processor_verdict", T("field.processor_verdict"), id("processor_verdict"), { long: true }));
  }
  if (row.special_data || row.monitoring) {
    const answers = {};
    if (row.special_data) answers.sensitive_data = "yes";
    answers.criteria = [row.monitoring && "monitoring", row.special_data && "sensitive"].filter(Boolean);
    const dpia = el("p", { class: "rec-links" },
      el("a", { href: `${data.langRoot}wizards/dpia/#${fragment(answers)}`, text: T("ui.open_dpia") }), " ",
      button(T("ui.take_verdict"), take("dpia", "dpia_verdict"), { "data-action": "take-dpia" }));
    details.append(dpia, field(row, "dpia_verdict", T("field.dpia_verdict"), id("dpia_verdict"), { long: true }));
  }
  details.append(el("p", { class: "rec-row-tools" },
    button(T("ui.copy_row"), () => {
      record.activities.splice(index + 1, 0, structuredClone(row));
      const shift = (list) => list.map((i) => (i > index ? i + 1 : i));
      for (const s of record.suppliers) s.activities = shift(s.activities);
      record.notice.activities = shift(record.notice.activities);
      openRows.clear(); openRows.add(index + 1);
      save(); render();
    }, { "data-action": "copy" }), " ",
    button(T("ui.remove_row"), () => {
      if (!confirm(T("ui.remove_confirm"))) return;
      record.activities.splice(index, 1);
      const shift = (list) => list.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i));
      for (const s of record.suppliers) s.activities = shift(s.activities);
      record.notice.activities = shift(record.notice.activities);
      openRows.clear();
      save(); render();
    }, { "data-action": "remove" })));
}

// One activity drawn again in place (a field appeared or went), the focus kept where it was.
function redrawRow(index) {
  const old = app.querySelector(`.rec-row[data-row="${index}"]`);
  if (!old) return;
  const focusId = document.activeElement && old.contains(document.activeElement) ? document.activeElement.id : null;
  openRows.add(index);
  old.replaceWith(rowPanel(record.activities[index], index));
  if (focusId && document.getElementById(focusId)) document.getElementById(focusId).focus();
}

// The lists of activities to tick (a supplier's, the notice's), so that an added activity is added to
// each in place rather than drawing them all again.
let choiceLists = [];
function rowChoices(list, name) {
  const fs = el("div", { class: "rec-choices" });
  const add = (row, i) => {
    const id = `rec-${name}-${i}`;
    const input = el("input", { type: "checkbox", id, value: i });
    input.checked = list.includes(i);
    input.addEventListener("change", () => {
      const at = list.indexOf(i);
      if (input.checked && at < 0) list.push(i);
      if (!input.checked && at >= 0) list.splice(at, 1);
      list.sort((a, b) => a - b);
      save();
    });
    fs.append(el("label", { for: id, class: "wz-option" }, input, el("span", { text: row.activity || T("unnamed") })));
  };
  record.activities.forEach(add);
  choiceLists.push(add);
  return fs;
}

const openSuppliers = new Set();
function supplierPanel(supplier, index) {
  const details = el("details", { class: "rec-supplier", "data-supplier": index, open: openSuppliers.has(index) ? true : null });
  const summary = el("summary", { text: supplier.name || T("unnamed") });
  details.append(summary);
  let built = false;
  const build = () => {
    if (built) return;
    built = true;
    fillSupplier(details, summary, supplier, index);
  };
  if (details.open) build();
  details.addEventListener("toggle", () => {
    if (details.open) { openSuppliers.add(index); build(); } else openSuppliers.delete(index);
  });
  return details;
}

function fillSupplier(details, summary, supplier, index) {
  const id = (f) => `rec-s${index}-${f}`;
  const labels = { name: "annex.processor", address: "field.address", contact: "annex.contact_person", dpo: "annex.processor_dpo" };
  for (const f of ["name", "address", "contact", "dpo"]) details.append(field(supplier, f, T(labels[f]), id(f)));
  details.querySelector("input[name=name]").addEventListener("input", () => { summary.textContent = supplier.name || T("unnamed"); });
  details.append(el("p", { text: T("ui.supplier_rows") }), rowChoices(supplier.activities, `s${index}-rows`));
  details.append(field(supplier, "nature", T("annex.nature"), id("nature"), { long: true }),
    field(supplier, "duration", T("annex.duration"), id("duration")),
    field(supplier, "safeguards", T("annex.sensitive"), id("safeguards"), { long: true }),
    field(supplier, "measures", T("annex.iii_extra"), id("measures"), { long: true }),
    field(supplier, "assistance", T("annex.iii_assist"), id("assistance"), { long: true }),
    field(supplier, "subprocessors", T("annex.iv"), id("subprocessors"), { long: true }),
    field(supplier, "authorisation", T("ui.authorisation"), id("authorisation"), { options: [["specific", T("annex.option_specific")], ["general", T("annex.option_general")]] }),
    field(supplier, "period", T("annex.period"), id("period")), field(supplier, "language", T("annex.language"), id("language")));
  const check = el("fieldset", {}, el("legend", { text: T("checklist.title") }), el("p", { text: T("checklist.intro") }));
  // Ticking a point changes nothing else on the page: it is saved, nothing is drawn again.
  for (const p of data.points) check.append(field(supplier.checklist, p, T("annex.point." + p), id("point-" + p), { bool: true }));
  details.append(check, el("p", {},
    button(T("ui.annexes"), () => show("annexes", { supplier: index }), { "data-action": "annexes" }), " ",
    button(T("ui.checklist"), async () => {
      const out = await run({ document: "checklist", record, supplier: index });
      if (out) download(fileName("ui.file_checklist", supplier.name, "md"), "text/markdown", out.text);
    }, { "data-action": "checklist" }),
    ...["odt", "docx"].flatMap((kind) => [" ", button(T(`ui.export_${kind}`), async () => {
      const out = await run({ document: "checklist", record, supplier: index });
      if (out) await exportDocument(kind, out.text, "ui.file_checklist", supplier.name);
    }, { "data-action": `checklist-${kind}`, "aria-label": `${T("ui.checklist")}: ${T(`ui.export_${kind}`)}` })]),
    " ", button(T("ui.remove_row"), () => {
      record.suppliers.splice(index, 1);
      openSuppliers.clear();
      save(); render();
    }, { "data-action": "remove-supplier" })));
}

async function run(payload, fallback = "error.other") {
  try {
    status.textContent = "";
    return await ask(payload);
  } catch (error) {
    status.textContent = error instanceof Refusal ? error.message : T(window.__wzBoot ? fallback : "ui.no_python");
    status.dataset.detail = String(error && error.message || error).slice(0, 200);
    return null;
  }
}

async function show(kind, extra = {}) {
  if (!record) { status.textContent = T("ui.nothing"); return; }
  const out = await run({ document: kind, record, ...extra });
  if (!out) return;
  output.replaceChildren(el("h2", { text: T("ui.preview") }));
  const doc = el("div", { class: "rec-doc" });
  doc.innerHTML = out.html;  // made by Python from escaped text (wizards/documents)
  output.append(doc);
  const who = kind === "notice" ? record.organisation.name : (record.suppliers[extra.supplier] || {}).name;
  output.append(el("p", {},
    kind === "notice" ? button(T("ui.copy_html"), () => download(fileName("ui.file_notice", who, "html"), "text/html", out.page), { "data-action": "notice-html" })
                      : button(T("ui.download_md"), () => download(fileName("ui.file_annexes", who, "md"), "text/markdown", out.text), { "data-action": "annexes-md" }),
    ...["odt", "docx"].flatMap((ext) => [" ", button(T(`ui.export_${ext}`),
      () => exportDocument(ext, out.text, kind === "notice" ? "ui.file_notice" : "ui.file_annexes", who), { "data-action": `${kind}-${ext}` })]),
    " ", button(T("ui.print"), () => printOnly(doc))));
  output.scrollIntoView({ block: "start" });
}

function printOnly(node) {
  box.dataset.print = "doc";
  node.classList.add("rec-printing");
  window.addEventListener("afterprint", () => { delete box.dataset.print; node.classList.remove("rec-printing"); }, { once: true });
  window.print();
}

async function exportAs(kind) {
  if (!record) { status.textContent = T("ui.nothing"); return; }
  const name = (ext) => fileName("ui.file_record", record.organisation.name, ext);
  if (kind === "json") return download(name("json"), "application/json", JSON.stringify(record, null, 2));
  if (kind === "print") {
    const out = await run({ document: "record_md", record });
    if (!out) return;
    const pre = el("pre", { class: "rec-print-md", text: out.text });
    output.replaceChildren(pre);
    return printOnly(pre);
  }
  if (kind === "odt" || kind === "docx") {
    // The record has no signature box: Art. 30 GDPR asks for a record kept up to date, not a signed one.
    const out = await run({ document: "record_md", record });
    if (out) await exportDocument(kind, out.text, "ui.file_record", record.organisation.name);
    return;
  }
  if (kind === "xlsx" || kind === "ods") {
    status.textContent = T("ui.loading");
    const out = await run({ document: "spreadsheet", format: kind, record, libs: libraries(kind) });
    if (!out) return;
    status.textContent = "";
    const bytes = Uint8Array.from(atob(out.base64), (c) => c.charCodeAt(0));
    return download(name(kind), out.type, bytes);
  }
  const out = await run({ document: kind === "csv" ? "record_csv" : "record_md", record });
  if (out) download(name(kind), kind === "csv" ? "text/csv" : "text/markdown", out.text);
}

// A document as .odt or .docx (hub/static/exports.js, imported only now, with the libraries Python loads
// on first use). The file is named like its Markdown download, in the page's language.
async function exportDocument(kind, markdown, docKey, who) {
  const call = async (payload) => {
    const pending = run({ ...payload, libs: libraries("documents") });
    status.textContent = T("ui.export_loading");
    const out = await pending;
    if (out) status.textContent = "";
    return out;
  };
  try {
    const { download: save } = await import("./exports.js");
    const name = fileName(docKey, who, kind).slice(0, -(kind.length + 1));
    await save(kind, { markdown, name, organisation: record.organisation.name, lang: data.lang }, call);
  } catch (error) {
    status.textContent = T("error.other");
    status.dataset.detail = String(error && error.message || error).slice(0, 200);
  }
}

// The spreadsheet libraries this site serves, as absolute addresses for Python's request.
function libraries(kind) {
  return (data.spreadsheet[kind] || []).map((path) => new URL(path, location.href).href);
}

// A file is read as bytes, so that Python can tell UTF-8 from what Excel writes on Windows; Python
// refuses what is not a record before anything here changes, and says what importing would change.
async function importFile(file) {
  const name = file.name.toLowerCase();
  const format = ["xlsx", "ods", "csv", "json"].find((ext) => name.endsWith("." + ext)) || "json";
  const mb = (n) => (Math.round(n / 1e5) / 10).toLocaleString(data.lang === "en" ? "en-GB" : `${data.lang}-BE`);
  if (file.size > data.limits.bytes) {
    status.textContent = F("error.too_big", { size: mb(file.size), limit: mb(data.limits.bytes) });
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  if (format === "xlsx" || format === "ods") status.textContent = T("ui.loading");
  const current = hasContent(record) ? record : null;
  const out = await run({ document: "import", format, base64: btoa(binary), libs: libraries(format), current }, "error.unreadable");
  if (!out) return;
  if ((current || broken) && !confirm([broken ? T("import.replace_unreadable") : out.changes, T("ui.import_confirm")].join("\n\n"))) {
    status.textContent = T("ui.import_cancelled");
    return;
  }
  replaceRecord(out.record, T("ui.imported"));
}

function exportPanel() {
  const input = el("input", { type: "file", id: "rec-import", accept: ".json,.csv,.xlsx,.ods" });
  input.addEventListener("change", async () => {
    if (input.files[0]) await importFile(input.files[0]);
    input.value = "";  // the same file can be chosen again
  });
  return el("section", { class: "rec-export" }, el("h2", { text: T("ui.export") }),
    el("p", {},
      button(T("ui.export_json"), () => exportAs("json"), { "data-action": "export-json" }), " ",
      button(T("ui.export_csv"), () => exportAs("csv"), { "data-action": "export-csv" }), " ",
      button(T("ui.export_xlsx"), () => exportAs("xlsx"), { "data-action": "export-xlsx" }), " ",
      button(T("ui.export_ods"), () => exportAs("ods"), { "data-action": "export-ods" }), " ",
      button(T("ui.export_md"), () => exportAs("md"), { "data-action": "export-md" }), " ",
      button(T("ui.export_odt"), () => exportAs("odt"), { "data-action": "export-odt" }), " ",
      button(T("ui.export_docx"), () => exportAs("docx"), { "data-action": "export-docx" }), " ",
      button(T("ui.print"), () => exportAs("print"), { "data-action": "print" })),
    el("p", {}, el("label", { for: "rec-import", text: T("ui.import") + " " }), input),
    el("p", {}, button(T("ui.delete_all"), () => {
      if (!confirm(T("ui.delete_confirm"))) return;
      try { localStorage.removeItem(STORE_KEY); } catch { /* storage switched off: nothing was kept */ }
      record = null;
      broken = null;
      dropUndo();
      output.replaceChildren();
      render();
      status.textContent = T("ui.deleted");
    }, { "data-action": "delete", class: "md-button rec-danger" })));
}

// Where the keyboard is before the page is drawn again: a field by its id, a button by what it does (and
// which of its kind it is), so that loading a sample or undoing leaves focus on the button just used.
function focusPlace() {
  const active = document.activeElement;
  if (!active || !app.contains(active)) return null;
  if (active.id) return () => document.getElementById(active.id);
  const action = active.dataset.action;
  if (!action) return null;
  const index = [...app.querySelectorAll(`[data-action="${action}"]`)].indexOf(active);
  return () => app.querySelectorAll(`[data-action="${action}"]`)[index] || null;
}

function render() {
  const place = focusPlace();
  choiceLists = [];
  app.replaceChildren(startPanel());
  if (broken) app.append(brokenPanel());
  if (record) {
    saveNote = el("p", { class: "rec-saved", "aria-live": "polite" });
    const rows = el("section", { class: "rec-rows" }, el("h2", { text: T("ui.rows") }));
    const list = el("div", { class: "rec-row-list" });
    record.activities.forEach((row, i) => list.append(rowPanel(row, i)));
    rows.append(list, el("p", {}, button(T("ui.add_row"), () => {
      record.activities.push(blankRow());
      const index = record.activities.length - 1;
      openRows.add(index);
      save();
      // Drawn in place: the new activity, and a box for it in each list of activities to tick.
      list.append(rowPanel(record.activities[index], index));
      for (const add of choiceLists) add(record.activities[index], index);
      document.getElementById(`rec-a${index}-activity`).focus();
    }, { "data-action": "add" })));
    app.append(organisationPanel(), el("h2", { text: T("missing_title") }), gapsBox, rows, suppliersPanel(), noticePanel(), saveNote);
  }
  app.append(alertBox, status, undoBox, exportPanel(), output);
  const again = place && place();
  if (again) again.focus();
  scheduleCheck();
}

function suppliersPanel() {
  const section = el("section", { class: "rec-suppliers" }, el("h2", { text: T("ui.suppliers") }));
  record.suppliers.forEach((s, i) => section.append(supplierPanel(s, i)));
  section.append(el("p", {}, button(T("ui.add_supplier"), () => {
    record.suppliers.push(blankSupplier());
    openSuppliers.add(record.suppliers.length - 1);
    save();
    render();
    document.getElementById(`rec-s${record.suppliers.length - 1}-name`).focus();
  }, { "data-action": "add-supplier" })));
  return section;
}

function noticePanel() {
  return el("section", { class: "rec-notice" }, el("h2", { text: T("ui.notice") }), el("p", { text: T("ui.notice_pick") }),
    rowChoices(record.notice.activities, "notice"),
    el("p", {}, button(T("ui.notice_make"), () => show("notice"), { "data-action": "notice" })));
}

const GAPS_SHOWN = 50;
let checkTimer = null;
let shownGaps = null;
function scheduleCheck() {
  clearTimeout(checkTimer);
  if (!record) return;
  checkTimer = setTimeout(async () => {
    let out;
    try { out = await ask({ document: "check", record }); } catch (error) {
      // Python refused what is kept (a stored value of the wrong kind): say which, in the page's language.
      const message = error instanceof Refusal ? error.message : T(window.__wzBoot ? "error.other" : "ui.no_python");
      if (shownGaps !== message) gapsBox.replaceChildren(el("p", { class: "rec-refused", text: message }));
      shownGaps = message;
      return;
    }
    const messages = out.gaps.map((g) => g.message);
    const key = JSON.stringify(messages);
    if (key !== shownGaps || !gapsBox.firstChild) {
      // The first ones only: a list of thousands helps no one and slows every change of a big record.
      const shown = messages.slice(0, GAPS_SHOWN).map((m) => el("li", { text: m }));
      if (messages.length > GAPS_SHOWN) shown.push(el("li", { text: F("ui.missing_more", { n: messages.length - GAPS_SHOWN }) }));
      // The list may sit above the field being typed in: the field keeps its place on the screen (a longer or
      // shorter list moved it out of view, under load, where scroll anchoring did not catch it).
      const active = document.activeElement;
      const kept = active && box.contains(active) && !gapsBox.contains(active) ? active.getBoundingClientRect().top : null;
      gapsBox.replaceChildren(messages.length ? el("ul", {}, ...shown) : el("p", { text: T("missing_none") }));
      if (kept !== null) {
        const moved = active.getBoundingClientRect().top - kept;
        if (Math.abs(moved) > 1) window.scrollBy(0, moved);
      }
      shownGaps = key;
    }
    box.dataset.gaps = String(out.gaps.length);
  }, 300);
}

// Another tab of this site changed the record: show that version, so that this tab's next change does
// not bring back rows that were removed there or drop rows added there.
window.addEventListener("storage", (event) => {
  if (event.storageArea !== localStorage || (event.key !== STORE_KEY && event.key !== null)) return;
  ({ record, broken } = readStored());
  // The other tab kept the record its import replaced (or dropped it with its next change): offer the same undo.
  previous = record ? readPrevious() : null;
  render();
  offerUndo();
  status.textContent = T("ui.other_tab");
});

if (!record && !broken) {
  const only = data.edition ? data.samples[0] : data.samples.find((s) => s.id === wantedSector);
  if (only) { record = withProfile(structuredClone(only.record)); save(); }
}
render();
// An import or a sample replaced a record before the page was reloaded: its undo is still offered.
offerUndo();
box.dataset.state = "ready";
