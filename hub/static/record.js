// The record builder (docs/*/wizards/record.md, marker [[record]]). The record lives in this browser's
// local storage only; Python (wizards/documents, through the wizards' worker) checks it and makes the
// documents. This file holds no legal logic: it draws forms, keeps the record and offers downloads.
const STORE_KEY = "gdpr-hub.record";
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
function load() {
  try { return JSON.parse(localStorage.getItem(STORE_KEY) || "null"); } catch { return null; }
}
let record = load();
let saveNote = null;
function save() {
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(record));
    if (saveNote) saveNote.textContent = T("ui.saved");
  } catch { /* storage disabled: the page still works until it is closed */ }
  scheduleCheck();
}

// ---- Python ----------------------------------------------------------------------------------------
let nextId = 1;
async function ask(payload) {
  if (!window.__wzBoot) throw new Error(T("ui.no_python"));
  await window.__wzBoot.ready;
  const worker = window.__wzBoot.worker;
  const id = "rec-" + nextId++;
  const answer = await new Promise((resolve, reject) => {
    const listener = (event) => {
      if (event.data.type !== "result" || event.data.id !== id) return;
      worker.removeEventListener("message", listener);
      event.data.error ? reject(new Error(event.data.error)) : resolve(event.data.data);
    };
    worker.addEventListener("message", listener);
    worker.postMessage({ type: "step", id, payload: { lang: data.lang, ...payload } });
  });
  if (answer.status !== "ok") throw new Error(answer.message);
  return answer;
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
let uid = 0;
// One labelled field bound to obj[key]; changes are saved at once.
function field(obj, key, label, { long = false, required = false, bool = false, options = null } = {}) {
  const id = "rec-f" + uid++;
  const labelNode = el("label", { for: id }, el("span", { text: label }));
  if (required) labelNode.append(el("abbr", { class: "rec-req", title: T("ui.required"), text: " *" }));
  let input;
  if (bool) {
    input = el("input", { type: "checkbox", id, name: key });
    input.checked = !!obj[key];
    input.addEventListener("change", () => { obj[key] = input.checked; save(); render(); });
    return el("p", { class: "rec-field rec-bool" }, input, labelNode);
  }
  if (options) {
    input = el("select", { id, name: key });
    for (const [value, text] of options) input.append(el("option", { value, text }));
    input.value = obj[key];
    input.addEventListener("change", () => { obj[key] = input.value; save(); if (key === "role" || key === "legal_basis") render(); });
  } else {
    input = el(long ? "textarea" : "input", { id, name: key, rows: long ? 2 : null, type: long ? null : "text" });
    input.value = obj[key] ?? "";
    input.addEventListener("input", () => { obj[key] = input.value; save(); });
  }
  if (required) input.setAttribute("aria-required", "true");
  return el("p", { class: "rec-field" }, labelNode, input);
}
function fragment(answers) {
  return Object.entries(answers).map(([k, v]) => `${encodeURIComponent(k)}=${[].concat(v).map(encodeURIComponent).join(",")}`).join("&");
}
function lastVerdict(wizard) {
  try {
    const md = (JSON.parse(localStorage.getItem(RESULTS_KEY) || "{}")[wizard] || {}).md || "";
    return md.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#")).slice(0, 1).join(" ");
  } catch { return ""; }
}

// ---- drawing -------------------------------------------------------------------------------------
const status = el("p", { class: "rec-status", role: "status", "aria-live": "polite" });
const gapsBox = el("div", { class: "rec-gaps", "aria-live": "polite" });
const output = el("div", { class: "rec-output" });

// A new record takes the organisation's name and contact from the profile, when the visitor saved them.
function withProfile(fresh) {
  let profile = {};
  try { profile = JSON.parse(localStorage.getItem(PROFILE_KEY) || "{}"); } catch { /* no profile */ }
  const org = fresh.organisation;
  if (!org.name && typeof profile.org_name === "string") org.name = profile.org_name;
  const contact = typeof profile.org_contact === "string" ? profile.org_contact : "";
  if (contact && !org.email && !org.address) org[contact.includes("@") ? "email" : "address"] = contact;
  return fresh;
}

function startPanel() {
  const select = el("select", { id: "rec-sample", name: "sample" });
  for (const s of data.samples) select.append(el("option", { value: s.id, text: s.name }));
  select.append(el("option", { value: "", text: T("ui.start_empty") }));
  const wanted = new URLSearchParams(location.hash.slice(1)).get("sector");
  if (wanted && data.samples.some((s) => s.id === wanted)) select.value = wanted;
  const go = button(T("ui.start_button"), () => {
    if (record && record.activities.length && !confirm(T("ui.replace_confirm"))) return;
    const sample = data.samples.find((s) => s.id === select.value);
    record = withProfile(sample ? structuredClone(sample.record) : blankRecord());
    save();
    render();
  }, { "data-action": "start" });
  return el("div", { class: "rec-start" }, el("label", { for: "rec-sample", text: T("ui.start") + " " }), select, " ", go);
}

function organisationPanel() {
  const org = record.organisation;
  const fs = el("fieldset", { class: "rec-org" }, el("legend", {}, el("h2", { text: T("organisation") })));
  fs.append(field(record, "role", T("ui.role"), { options: [["controller", T("ui.role_controller")], ["processor", T("ui.role_processor")]] }));
  for (const f of data.organisation) fs.append(field(org, f, T("field." + f), { required: f === "name" }));
  return fs;
}

function rowPanel(row, index) {
  const title = row.activity || T("unnamed");
  const details = el("details", { class: "rec-row", "data-row": index, open: index === openRow ? true : null });
  details.append(el("summary", { text: `${index + 1}. ${title}` }));
  for (const f of data.fields) {
    if ((f === "controller" || f === "controller_contact") && record.role !== "processor") continue;
    if (f === "special_condition" && !row.special_data) continue;
    if (f === "legitimate_interest" && row.legal_basis !== "legitimate_interests") continue;
    if (f === "processor_verdict" || f === "dpia_verdict") continue;
    if (f === "legal_basis") {
      details.append(field(row, f, T("field." + f), { options: [["", "—"], ...data.bases.map((b) => [b, T("basis." + b)])] }));
      continue;
    }
    details.append(field(row, f, T("field." + f), { long: data.long.includes(f), required: data.required.includes(f), bool: data.booleans.includes(f) }));
  }
  const links = el("p", { class: "rec-links" });
  if (row.processors) {
    links.append(el("a", { href: `${data.langRoot}wizards/processor/#${fragment({ handles_data: "yes" })}`, text: T("ui.open_processor") }), " ");
    links.append(button(T("ui.take_verdict"), () => { row.processor_verdict = lastVerdict("processor"); save(); render(); }));
    details.append(links);
    details.append(field(row, "processor_verdict", T("field.processor_verdict"), { long: true }));
  }
  if (row.special_data || row.monitoring) {
    const answers = {};
    if (row.special_data) answers.sensitive_data = "yes";
    const criteria = [row.monitoring && "monitoring", row.special_data && "sensitive"].filter(Boolean);
    answers.criteria = criteria;
    const dpia = el("p", { class: "rec-links" },
      el("a", { href: `${data.langRoot}wizards/dpia/#${fragment(answers)}`, text: T("ui.open_dpia") }), " ",
      button(T("ui.take_verdict"), () => { row.dpia_verdict = lastVerdict("dpia"); save(); render(); }));
    details.append(dpia, field(row, "dpia_verdict", T("field.dpia_verdict"), { long: true }));
  }
  details.append(el("p", { class: "rec-row-tools" },
    button(T("ui.copy_row"), () => { record.activities.splice(index + 1, 0, structuredClone(row)); openRow = index + 1; save(); render(); }, { "data-action": "copy" }), " ",
    button(T("ui.remove_row"), () => {
      if (!confirm(T("ui.remove_confirm"))) return;
      record.activities.splice(index, 1);
      const shift = (list) => list.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i));
      for (const s of record.suppliers) s.activities = shift(s.activities);
      record.notice.activities = shift(record.notice.activities);
      save(); render();
    }, { "data-action": "remove" })));
  details.addEventListener("toggle", () => { if (details.open) openRow = index; });
  return details;
}
let openRow = -1;

function rowChoices(list, name) {
  const fs = el("div", { class: "rec-choices" });
  record.activities.forEach((row, i) => {
    const id = `rec-${name}-${uid++}`;
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
  });
  return fs;
}

function supplierPanel(supplier, index) {
  const details = el("details", { class: "rec-supplier", "data-supplier": index });
  details.append(el("summary", { text: supplier.name || T("unnamed") }));
  const labels = { name: "annex.processor", address: "field.address", contact: "annex.contact_person", dpo: "annex.processor_dpo" };
  for (const f of ["name", "address", "contact", "dpo"]) details.append(field(supplier, f, T(labels[f])));
  details.append(el("p", { text: T("ui.supplier_rows") }), rowChoices(supplier.activities, "sup"));
  details.append(field(supplier, "nature", T("annex.nature"), { long: true }), field(supplier, "duration", T("annex.duration")),
    field(supplier, "safeguards", T("annex.sensitive"), { long: true }),
    field(supplier, "measures", T("annex.iii_extra"), { long: true }), field(supplier, "assistance", T("annex.iii_assist"), { long: true }),
    field(supplier, "subprocessors", T("annex.iv"), { long: true }),
    field(supplier, "authorisation", T("ui.authorisation"), { options: [["specific", T("annex.option_specific")], ["general", T("annex.option_general")]] }),
    field(supplier, "period", T("annex.period")), field(supplier, "language", T("annex.language")));
  const check = el("fieldset", {}, el("legend", { text: T("checklist.title") }), el("p", { text: T("checklist.intro") }));
  for (const p of data.points) check.append(field(supplier.checklist, p, T("annex.point." + p), { bool: true }));
  details.append(check, el("p", {},
    button(T("ui.annexes"), () => show("annexes", { supplier: index }), { "data-action": "annexes" }), " ",
    button(T("ui.checklist"), async () => {
      const out = await run({ document: "checklist", record, supplier: index });
      if (out) download("checklist.md", "text/markdown", out.text);
    }),
    " ", button(T("ui.remove_row"), () => { record.suppliers.splice(index, 1); save(); render(); })));
  return details;
}

async function run(payload) {
  try {
    status.textContent = "";
    return await ask(payload);
  } catch (error) {
    status.textContent = String(error.message || error);
    return null;
  }
}

async function show(kind, extra = {}) {
  const out = await run({ document: kind, record, ...extra });
  if (!out) return;
  output.replaceChildren(el("h2", { text: T("ui.preview") }));
  const doc = el("div", { class: "rec-doc" });
  doc.innerHTML = out.html;  // made by Python from escaped text (wizards/documents)
  output.append(doc);
  const name = kind === "notice" ? "privacy-notice" : "annexes";
  output.append(el("p", {},
    kind === "notice" ? button(T("ui.copy_html"), () => download(`${name}.html`, "text/html", out.page), { "data-action": "notice-html" })
                      : button(T("ui.download_md"), () => download(`${name}.md`, "text/markdown", out.text), { "data-action": "annexes-md" }),
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
  const stamp = new Date().toISOString().slice(0, 10);
  if (kind === "json") return download(`record-${stamp}.json`, "application/json", JSON.stringify(record, null, 2));
  if (kind === "print") {
    const out = await run({ document: "record_md", record });
    if (!out) return;
    const pre = el("pre", { class: "rec-print-md", text: out.text });
    output.replaceChildren(pre);
    return printOnly(pre);
  }
  if (kind === "xlsx" || kind === "ods") {
    status.textContent = T("ui.loading");
    const out = await run({ document: "spreadsheet", format: kind, record, libs: libraries(kind) });
    if (!out) return;
    status.textContent = "";
    const bytes = Uint8Array.from(atob(out.base64), (c) => c.charCodeAt(0));
    return download(`record-${stamp}.${kind}`, out.type, bytes);
  }
  const out = await run({ document: kind === "csv" ? "record_csv" : "record_md", record });
  if (out) download(`record-${stamp}.${kind}`, kind === "csv" ? "text/csv" : "text/markdown", out.text);
}

// The spreadsheet libraries this site serves, as absolute addresses for Python's request.
function libraries(kind) {
  return (data.spreadsheet[kind] || []).map((path) => new URL(path, location.href).href);
}

async function importFile(file) {
  const name = file.name.toLowerCase();
  let out;
  if (name.endsWith(".xlsx") || name.endsWith(".ods")) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    const format = name.endsWith(".ods") ? "ods" : "xlsx";
    status.textContent = T("ui.loading");
    out = await run({ document: "import_spreadsheet", format, base64: btoa(binary), libs: libraries(format) });
  } else {
    const text = await file.text();
    out = await run({ document: name.endsWith(".csv") ? "import_csv" : "import_json", text });
  }
  if (!out) { status.textContent = `${T("ui.import_failed")} ${status.textContent}`; return; }
  if (name.endsWith(".csv") && record) out.record = { ...record, activities: out.record.activities, suppliers: [], notice: { activities: [] } };
  record = out.record;
  save();
  render();
  status.textContent = T("ui.imported");
}

function exportPanel() {
  const input = el("input", { type: "file", id: "rec-import", accept: ".json,.csv,.xlsx,.ods" });
  input.addEventListener("change", () => input.files[0] && importFile(input.files[0]));
  return el("section", { class: "rec-export" }, el("h2", { text: T("ui.export") }),
    el("p", {},
      button(T("ui.export_json"), () => exportAs("json"), { "data-action": "export-json" }), " ",
      button(T("ui.export_csv"), () => exportAs("csv"), { "data-action": "export-csv" }), " ",
      button(T("ui.export_xlsx"), () => exportAs("xlsx"), { "data-action": "export-xlsx" }), " ",
      button(T("ui.export_ods"), () => exportAs("ods"), { "data-action": "export-ods" }), " ",
      button(T("ui.export_md"), () => exportAs("md"), { "data-action": "export-md" }), " ",
      button(T("ui.print"), () => exportAs("print"), { "data-action": "print" })),
    el("p", {}, el("label", { for: "rec-import", text: T("ui.import") + " " }), input),
    el("p", {}, button(T("ui.delete_all"), () => {
      if (!confirm(T("ui.delete_confirm"))) return;
      localStorage.removeItem(STORE_KEY);
      record = null;
      output.replaceChildren();
      render();
      status.textContent = T("ui.deleted");
    }, { "data-action": "delete", class: "md-button rec-danger" })));
}

function render() {
  const focusId = document.activeElement && app.contains(document.activeElement) ? document.activeElement.id : null;
  app.replaceChildren(startPanel());
  if (record) {
    saveNote = el("p", { class: "rec-saved", "aria-live": "polite" });
    const rows = el("section", { class: "rec-rows" }, el("h2", { text: T("ui.rows") }));
    record.activities.forEach((row, i) => rows.append(rowPanel(row, i)));
    rows.append(el("p", {}, button(T("ui.add_row"), () => {
      record.activities.push(blankRow()); openRow = record.activities.length - 1; save(); render();
    }, { "data-action": "add" })));
    const suppliers = el("section", { class: "rec-suppliers" }, el("h2", { text: T("ui.suppliers") }));
    record.suppliers.forEach((s, i) => suppliers.append(supplierPanel(s, i)));
    suppliers.append(el("p", {}, button(T("ui.add_supplier"), () => { record.suppliers.push(blankSupplier()); save(); render(); })));
    const notice = el("section", { class: "rec-notice" }, el("h2", { text: T("ui.notice") }), el("p", { text: T("ui.notice_pick") }),
      rowChoices(record.notice.activities, "notice"),
      el("p", {}, button(T("ui.notice_make"), () => show("notice"), { "data-action": "notice" })));
    app.append(organisationPanel(), el("h2", { text: T("missing_title") }), gapsBox, rows, suppliers, notice, saveNote);
  }
  app.append(status, exportPanel(), output);
  if (focusId && document.getElementById(focusId)) document.getElementById(focusId).focus();
  scheduleCheck();
}

let checkTimer = null;
function scheduleCheck() {
  clearTimeout(checkTimer);
  if (!record) return;
  checkTimer = setTimeout(async () => {
    const out = await run({ document: "check", record });
    if (!out) return;
    gapsBox.replaceChildren(out.gaps.length
      ? el("ul", {}, ...out.gaps.map((g) => el("li", { text: g.message })))
      : el("p", { text: T("missing_none") }));
    box.dataset.gaps = String(out.gaps.length);
  }, 300);
}

if (!record) {
  const wanted = new URLSearchParams(location.hash.slice(1)).get("sector");
  const only = data.edition ? data.samples[0] : data.samples.find((s) => s.id === wanted);
  if (only) { record = withProfile(structuredClone(only.record)); save(); }
}
render();
box.dataset.state = "ready";
