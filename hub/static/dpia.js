import { caller, Refusal } from "./python-call.js";
// The DPIA builder (docs/*/wizards/dpia-builder.md, marker [[dpia-builder]]). The DPIAs live in this
// browser's local storage only (`gdpr-hub.dpias`); Python (wizards/documents/dpia.py, through the
// wizards' worker) reads files, fills in from the record and the screening, lists the open points,
// says whether the GBA must be consulted (Art. 36), draws the risk map and writes the documents.
// This file holds no legal logic: it draws the form, keeps the DPIAs and offers the downloads.
const STORE_KEY = "gdpr-hub.dpias";
const STORE_FORMAT = "gdpr-hub-dpias/1";
const RECORD_KEY = "gdpr-hub.record";
const RESULTS_KEY = "gdpr-hub.results";
const PROFILE_KEY = "gdpr-hub.profile";

const data = JSON.parse(document.getElementById("dpia-data").textContent);
const CAT = data.catalogue;
const T = (key) => data.texts[key] ?? key;
function F(key, params) { return T(key).replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m)); }
const box = document.getElementById("dpia");
const app = box.querySelector(".dpia-app");

// ---- storage -------------------------------------------------------------------------------------
function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
// What this browser kept, read without trusting it: a list that is not a list of objects is kept
// aside (`broken`) for the visitor to download; Python reads each DPIA field by field (dpia_check).
// A kept DPIA with parts missing (an older or tampered page) is drawn with those parts empty; a part of
// the wrong kind is dropped here, and Python's check names any value it refuses.
function repair(raw) {
  const blank = structuredClone(data.blank);
  const part = (name) => ({ ...blank[name], ...(isObject(raw[name]) ? raw[name] : {}) });
  const list = (value) => (Array.isArray(value) ? value.filter(isObject) : []);
  const risk = { kind: "other", title: "", sources: "", impacts: "", severity: 0, likelihood: 0, measures: [], residual_severity: 0, residual_likelihood: 0 };
  const validation = part("validation");
  return {
    ...blank, ...raw,
    organisation: part("organisation"), screening: part("screening"), description: part("description"), necessity: part("necessity"),
    risks: (Array.isArray(raw.risks) ? list(raw.risks) : blank.risks).map((r) => ({ ...risk, ...r, measures: list(r.measures) })),
    validation: { ...validation, actions: list(validation.actions) },
    versions: list(raw.versions),
  };
}
function readStored() {
  let text = null;
  try { text = localStorage.getItem(STORE_KEY); } catch { return { items: [], broken: null }; }
  if (text === null) return { items: [], broken: null };
  try {
    const raw = JSON.parse(text);
    if (isObject(raw) && Array.isArray(raw.items) && raw.items.every(isObject)) return { items: raw.items.map(repair), broken: null };
  } catch { /* kept aside below */ }
  return { items: [], broken: text };
}
let { items, broken } = readStored();
let current = items.length ? 0 : -1;
const dpia = () => items[current];

function save() {
  let kept = true;
  try { localStorage.setItem(STORE_KEY, JSON.stringify({ format: STORE_FORMAT, items })); } catch { kept = false; }
  alertBox.hidden = kept;
  if (saveNote) saveNote.textContent = kept ? T("ui.saved") : "";
  scheduleCheck();
  return kept;
}

// ---- Python ----------------------------------------------------------------------------------------
// This page's own Python is not in the wizards' wheel: Python loads it from these addresses on the first call.
const PAGES = (data.pages || []).map((path) => new URL(path, location.href).href);
const ask = caller("dpia-", { lang: data.lang, pages: PAGES }, T("ui.no_python"));
// A refusal is one sentence in the page's language; any other failure gets the page's own message.
async function run(payload) {
  try {
    status.textContent = "";
    return await ask(payload);
  } catch (error) {
    status.textContent = error instanceof Refusal ? error.message : T(window.__wzBoot ? "ui.error" : "ui.no_python");
    status.dataset.detail = String(error && error.message || error).slice(0, 200);
    return null;
  }
}
const today = () => new Date().toISOString().slice(0, 10);

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
function button(text, onclick, extra = {}) { return el("button", { type: "button", class: "md-button", onclick, ...extra, text }); }
function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
function slug(text) {
  return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
}
function fileName(ext) {
  const d = dpia();
  return [T("ui.file_dpia"), slug(d && (d.title || d.organisation.name)), today()].filter(Boolean).join("-") + "." + ext;
}
// A field's label and help: the DPIA catalogue's first, the page's own texts where it says nothing.
function meta(section, key, fallback = `field.${section}.${key}`) {
  const entry = ((CAT.sections[section] || {}).fields || {})[key] || {};
  return { label: entry.label || T(fallback), help: entry.help || "", link: entry.link || "" };
}
const riskMeta = (key) => meta("risks", key, "field.risk." + key);
const choice = (list, key, fallback) => (CAT[list] || {})[key] || T(fallback);
function sectionTitle(section) { return (CAT.sections[section] || {}).title || T("section." + section); }
function kindLabel(kind) { return CAT.kinds[kind] || T("kind." + kind); }
function levels(scale) {
  const defined = CAT.scales[scale] || [];
  const named = (n) => (defined.find((l) => l.level === n) || {}).label || T(`level.${n}`);
  return [0, 1, 2, 3, 4].map((n) => [String(n), n ? `${n}. ${named(n)}` : T("level.0")]);
}

// One labelled field bound to obj[key], saved at once. Its id is its place in the DPIA, so a part
// drawn again gives the focus back to the same field (WCAG 2.4.3).
function field(obj, key, id, { label, help = "", link = "", long = false, options = null, type = "text", number = false, after = null } = {}) {
  const helpId = help ? id + "-help" : null;
  const nodes = [el("label", { for: id, text: label })];
  if (help) nodes.push(el("p", { class: "dpia-help", id: helpId, text: help }));
  let input;
  if (options) {
    input = el("select", { id, name: key, "aria-describedby": helpId });
    for (const [value, text] of options) input.append(el("option", { value, text }));
    input.value = String(obj[key] ?? "");
    input.addEventListener("change", () => { obj[key] = number ? Number(input.value) : input.value; save(); if (after) after(); });
  } else {
    input = el(long ? "textarea" : "input", { id, name: key, rows: long ? 3 : null, type: long ? null : type, "aria-describedby": helpId });
    input.value = obj[key] ?? "";
    input.addEventListener("input", () => { obj[key] = input.value; save(); if (after) after(); });
  }
  nodes.push(input);
  if (link) nodes.push(el("a", { class: "dpia-link", href: data.langRoot + link, text: T("ui.where_answered") }));
  return el("p", { class: "dpia-field" }, ...nodes);
}

// ---- the page's parts ----------------------------------------------------------------------------
const status = el("p", { class: "dpia-status", role: "status", "aria-live": "polite" });
const alertBox = el("div", { class: "dpia-alert admonition failure", role: "alert", hidden: true },
  el("p", { text: T("ui.not_kept") }), el("p", {}, button(T("ui.save_json"), () => saveJson(), { "data-action": "save-json-now" })));
let saveNote = null;
let section = "description";
const sectionBox = el("section", { class: "dpia-section" });
// Not live regions: a list read out after each pause in typing would drown a screen reader; the
// verdict alone is announced, by the status line, when it changes.
const verdictBox = el("p", { class: "dpia-verdict" });
const pointsBox = el("div", { class: "dpia-points" });
const mapBox = el("div", { class: "dpia-maps" });
const output = el("div", { class: "dpia-output" });

function hasContent(d) {
  if (!d) return false;
  const texts = (o) => Object.values(o || {}).some((v) => typeof v === "string" && v.trim());
  return texts(d.description) || texts(d.necessity) || texts(d.organisation) || !!(d.title || "").trim()
    || (d.risks || []).some((r) => r.severity || r.likelihood || (r.measures || []).length || (r.sources || "").trim());
}

function withProfile(fresh) {
  let profile = {};
  try { profile = JSON.parse(localStorage.getItem(PROFILE_KEY) || "{}") || {}; } catch { /* none */ }
  if (!fresh.organisation.name && typeof profile.org_name === "string") fresh.organisation.name = profile.org_name;
  if (!fresh.organisation.contact && typeof profile.org_contact === "string") fresh.organisation.contact = profile.org_contact;
  return fresh;
}
function newId() {
  const taken = new Set(items.map((d) => d.id));
  let n = items.length + 1;
  while (taken.has("d" + n)) n++;
  return "d" + n;
}

const wantedSector = new URLSearchParams(location.hash.slice(1)).get("sector");
let chosenSample = data.edition && data.samples.length ? data.samples[0].id
  : (data.samples.some((s) => s.id === wantedSector) ? wantedSector : "");

function listPanel() {
  const part = el("div", { class: "dpia-list" });
  if (items.length) {
    const select = el("select", { id: "dpia-pick", name: "pick" });
    items.forEach((d, i) => select.append(el("option", { value: String(i), text: `${i + 1}. ${d.title || T("ui.untitled")}` })));
    select.value = String(current);
    select.addEventListener("change", () => { current = Number(select.value); output.replaceChildren(); render(); document.getElementById("dpia-pick").focus(); });
    part.append(el("p", { class: "dpia-field" }, el("label", { for: "dpia-pick", text: T("ui.list") }), select));
  }
  const sample = el("select", { id: "dpia-sample", name: "sample" });
  sample.append(el("option", { value: "", text: T("ui.start_empty") }));
  for (const s of data.samples) sample.append(el("option", { value: s.id, text: F("ui.sample_of", { name: s.name }) }));
  sample.value = chosenSample;
  sample.addEventListener("change", () => { chosenSample = sample.value; });
  part.append(el("p", { class: "dpia-field" }, el("label", { for: "dpia-sample", text: T("ui.start") }), sample),
    el("p", {}, button(T("ui.start_button"), () => {
      const found = data.samples.find((s) => s.id === sample.value);
      const fresh = withProfile(structuredClone(found ? found.dpia : data.blank));
      fresh.id = newId();
      items.push(fresh);
      current = items.length - 1;
      section = "description";
      output.replaceChildren();
      save();
      render();
      status.textContent = T("ui.started");
      focusSection();
    }, { "data-action": "start" })));
  return part;
}

function brokenPanel() {
  return el("div", { class: "dpia-broken admonition failure", role: "alert" }, el("p", { text: T("ui.broken") }),
    el("p", {}, button(T("ui.broken_download"), () => download(T("ui.file_dpia") + ".txt", "text/plain", broken), { "data-action": "download-broken" })));
}

function tabs() {
  const list = el("ul", { class: "dpia-tabs", "aria-label": T("ui.sections") });
  data.sections.forEach((s) => list.append(el("li", {}, button(sectionTitle(s), () => { section = s; drawSection(); focusSection(); },
    { "data-section": s, "aria-current": s === section ? "step" : null }))));
  return list;
}
function focusSection() {
  const heading = sectionBox.querySelector("h2");
  if (heading) heading.focus();
}

function drawSection() {
  const focusId = document.activeElement && sectionBox.contains(document.activeElement) ? document.activeElement.id : null;
  app.querySelectorAll(".dpia-tabs [data-section]").forEach((b) => {
    if (b.dataset.section === section) b.setAttribute("aria-current", "step"); else b.removeAttribute("aria-current");
  });
  const d = dpia();
  const heading = el("h2", { tabindex: "-1", text: sectionTitle(section) });
  const parts = [heading];
  const help = (CAT.sections[section] || {}).help;
  if (help) parts.push(el("p", { text: help }));
  if (section === "description") parts.push(...descriptionPart(d));
  if (section === "necessity") parts.push(...textFields(d.necessity, "necessity"));
  if (section === "risks") parts.push(...risksPart(d));
  if (section === "validation") parts.push(...validationPart(d));
  const at = data.sections.indexOf(section);
  const step = (to) => () => { section = data.sections[to]; drawSection(); focusSection(); };
  parts.push(el("p", { class: "dpia-steps" },
    at > 0 ? button(T("ui.previous"), step(at - 1), { "data-action": "previous" }) : null, " ",
    at < data.sections.length - 1 ? button(T("ui.next"), step(at + 1), { "data-action": "next" }) : null));
  sectionBox.replaceChildren(...parts);
  sectionBox.dataset.section = section;
  if (focusId && document.getElementById(focusId)) document.getElementById(focusId).focus();
}

function textFields(obj, name, keys = Object.keys(obj)) {
  return keys.filter((k) => typeof obj[k] === "string").map((k) => field(obj, k, `dpia-${name}-${k}`, { ...meta(name, k), long: true }));
}

function readJson(key) {
  try { return JSON.parse(localStorage.getItem(key) || "null"); } catch { return null; }
}

function descriptionPart(d) {
  const parts = [];
  // A sample stays marked as an example (its document says so) until the visitor says it is now theirs.
  if (d.example) {
    parts.push(el("div", { class: "admonition note dpia-example" }, el("p", { text: T("ui.example") }),
      el("p", {}, button(T("ui.make_own"), () => {
        d.example = false;
        save();
        drawSection();
        focusSection();
        status.textContent = T("ui.made_own");
      }, { "data-action": "make-own" }))));
  }
  parts.push(field(d, "title", "dpia-title", { label: T("field.title") }));
  const org = el("fieldset", {}, el("legend", { text: T("ui.organisation") }));
  for (const k of Object.keys(d.organisation)) org.append(field(d.organisation, k, `dpia-org-${k}`, meta("organisation", k)));
  parts.push(org);
  // Filled in from what this browser already keeps: a row of the record, the screening's result.
  const record = readJson(RECORD_KEY);
  const rows = isObject(record) && Array.isArray(record.activities) ? record.activities : [];
  const fill = el("fieldset", { class: "dpia-fill" }, el("legend", { text: T("ui.fill_title") }));
  if (rows.length) {
    const pick = el("select", { id: "dpia-record-row", name: "record_row" });
    rows.forEach((r, i) => pick.append(el("option", { value: String(i), text: `${i + 1}. ${(isObject(r) && r.activity) || T("ui.untitled")}` })));
    fill.append(el("p", { class: "dpia-field" }, el("label", { for: "dpia-record-row", text: T("ui.record_row") }), pick),
      el("p", {}, button(T("ui.fill_record"), () => prefill({ record, row: Number(pick.value), screening: null }), { "data-action": "fill-record" })));
  } else {
    fill.append(el("p", { text: T("ui.no_record") }), el("p", {}, el("a", { href: data.langRoot + "wizards/record/", text: T("ui.open_record") })));
  }
  const results = readJson(RESULTS_KEY);
  const screening = isObject(results) && isObject(results.dpia) && isObject(results.dpia.record) ? results.dpia.record : null;
  if (screening) {
    fill.append(el("p", {}, button(T("ui.fill_screening"), () => prefill({ record: null, row: null, screening }), { "data-action": "fill-screening" })));
  } else {
    fill.append(el("p", { text: T("ui.no_screening") }), el("p", {}, el("a", { href: data.langRoot + "wizards/dpia/", text: T("ui.open_screening") })));
  }
  parts.push(fill);
  if (d.screening && (d.screening.outcome || d.screening.summary)) {
    parts.push(el("p", { class: "dpia-screening", text: `${T("ui.screening")}: ${[d.screening.summary || d.screening.outcome, d.screening.date].filter(Boolean).join(" · ")}` }));
  }
  parts.push(...textFields(d.description, "description"));
  return parts;
}

async function prefill({ record, row, screening }) {
  const out = await run({ document: "dpia_prefill", dpia: dpia(), record, row, screening });
  if (!out) return;
  items[current] = { ...out.dpia, id: dpia().id };
  save();
  drawSection();
  status.textContent = T("ui.filled");
}

function risksPart(d) {
  const parts = [el("p", { class: "dpia-help", text: T("ui.scale_note") })];
  const scaleHelp = el("details", { class: "dpia-scales" }, el("summary", { text: T("ui.scales") }),
    ...(CAT.scale_notes || []).map((text) => el("p", { text })));
  for (const scale of ["severity", "likelihood"]) {
    scaleHelp.append(el("h3", { text: riskMeta(scale).label }),
      el("ul", {}, ...(CAT.scales[scale] || []).map((l) => el("li", { text: `${l.level}. ${l.label}${l.definition ? " — " + l.definition : ""}` }))));
  }
  parts.push(scaleHelp);
  d.risks.forEach((risk, i) => parts.push(riskPart(risk, i)));
  parts.push(el("p", {}, button(T("ui.add_risk"), () => {
    d.risks.push({ kind: "other", title: "", sources: "", impacts: "", severity: 0, likelihood: 0, measures: [], residual_severity: 0, residual_likelihood: 0 });
    save();
    drawSection();
    document.getElementById(`dpia-r${d.risks.length - 1}-title`).focus();
  }, { "data-action": "add-risk" })));
  return parts;
}

function riskPart(risk, i) {
  const id = (k) => `dpia-r${i}-${k}`;
  const heading = el("h3", { text: `${i + 1}. ${risk.title || kindLabel(risk.kind)}` });
  const part = el("fieldset", { class: "dpia-risk", "data-risk": String(i) }, el("legend", {}, heading));
  const select = (key, scale) => field(risk, key, id(key), { ...riskMeta(key), options: levels(scale), number: true });
  part.append(
    field(risk, "kind", id("kind"), { label: riskMeta("kind").label, options: data.kinds.map((k) => [k, kindLabel(k)]), after: () => { heading.textContent = `${i + 1}. ${risk.title || kindLabel(risk.kind)}`; } }),
    field(risk, "title", id("title"), { ...riskMeta("title"), after: () => { heading.textContent = `${i + 1}. ${risk.title || kindLabel(risk.kind)}`; } }),
    field(risk, "sources", id("sources"), { ...riskMeta("sources"), long: true }),
    field(risk, "impacts", id("impacts"), { ...riskMeta("impacts"), long: true }),
    el("div", { class: "dpia-pair" }, select("severity", "severity"), select("likelihood", "likelihood")));
  const measures = el("div", { class: "dpia-measures" }, el("h4", { text: riskMeta("measures").label }));
  risk.measures.forEach((m, j) => {
    const mid = (k) => `dpia-r${i}-m${j}-${k}`;
    measures.append(el("div", { class: "dpia-measure", "data-measure": String(j) },
      field(m, "text", mid("text"), { label: F("field.measure.text", { n: j + 1 }), long: true }),
      field(m, "status", mid("status"), { label: T("field.measure.status"), options: ["existing", "planned"].map((k) => [k, choice("statuses", k, "status." + k)]) }),
      el("p", {}, button(T("ui.remove_measure"), () => { risk.measures.splice(j, 1); save(); drawSection(); focusSection(); }, { "data-action": "remove-measure" }))));
  });
  // The catalogue's measures for this kind of risk first; the visitor may also type their own.
  const fitting = CAT.measures.filter((m) => !m.kinds.length || m.kinds.includes(risk.kind));
  const pick = el("select", { id: id("pick"), name: "measure_pick" });
  for (const m of fitting) pick.append(el("option", { value: m.id, text: m.text }));
  pick.append(el("option", { value: "", text: T("ui.own_measure") }));
  measures.append(el("p", { class: "dpia-field" }, el("label", { for: id("pick"), text: T("ui.measure_pick") }), pick),
    el("p", {}, button(T("ui.add_measure"), () => {
      const chosen = CAT.measures.find((m) => m.id === pick.value);
      risk.measures.push({ id: chosen ? chosen.id : "", text: chosen ? chosen.text : "", status: "planned" });
      save();
      drawSection();
      document.getElementById(`dpia-r${i}-m${risk.measures.length - 1}-text`).focus();
    }, { "data-action": "add-measure" })));
  part.append(measures, el("div", { class: "dpia-pair" },
    select("residual_severity", "severity"), select("residual_likelihood", "likelihood")),
    el("p", {}, button(T("ui.remove_risk"), () => {
      if (!confirm(T("ui.remove_risk_confirm"))) return;
      dpia().risks.splice(i, 1);
      save();
      drawSection();
      focusSection();
    }, { "data-action": "remove-risk" })));
  return part;
}

function validationPart(d) {
  const v = d.validation;
  const parts = [];
  const actions = el("fieldset", { class: "dpia-actions" }, el("legend", {}, el("h3", { text: meta("validation", "actions").label })));
  v.actions.forEach((a, j) => {
    const aid = (k) => `dpia-a${j}-${k}`;
    actions.append(el("div", { class: "dpia-action", "data-action-item": String(j) },
      field(a, "what", aid("what"), { label: F("field.action.what", { n: j + 1 }), long: true }),
      el("div", { class: "dpia-pair" }, field(a, "owner", aid("owner"), { label: T("field.action.owner") }),
        field(a, "due", aid("due"), { label: T("field.action.due"), type: "date" })),
      el("p", {}, button(T("ui.remove_action"), () => { v.actions.splice(j, 1); save(); drawSection(); focusSection(); }, { "data-action": "remove-action" }))));
  });
  actions.append(el("p", {}, button(T("ui.add_action"), () => {
    v.actions.push({ what: "", owner: "", due: "" });
    save();
    drawSection();
    document.getElementById(`dpia-a${v.actions.length - 1}-what`).focus();
  }, { "data-action": "add-action" })));
  parts.push(actions);
  const f = (key, extra = {}) => field(v, key, `dpia-v-${key}`, { ...meta("validation", key), ...extra });
  parts.push(f("dpo_name"), f("dpo_advice", { long: true }), f("no_dpo_reason", { long: true }),
    f("views_sought", { options: [["", "—"], ["yes", T("ui.yes")], ["no", T("ui.no")]] }),
    f("views_summary", { long: true }), f("views_reason", { long: true }),
    f("decision", { options: [["", "—"], ...["proceed", "proceed_with_measures", "consult", "stop"].map((k) => [k, choice("decisions", k, "decision." + k)])] }),
    f("decided_by"), el("div", { class: "dpia-pair" }, f("decided_on", { type: "date" }), f("next_review", { type: "date" })));
  if ((d.versions || []).length) {
    parts.push(el("h3", { text: T("ui.versions") }), el("ul", { class: "dpia-versions" }, ...d.versions.map((x) => el("li", {
      text: [x.decided_on, x.decision ? choice("decisions", x.decision, "decision." + x.decision) : "", x.decided_by, x.summary].filter(Boolean).join(" · ") }))));
  }
  parts.push(el("p", {}, button(T("ui.review"), async () => {
    if (!confirm(T("ui.review_confirm"))) return;
    const out = await run({ document: "dpia_review", dpia: dpia(), date: today() });
    if (!out) return;
    items[current] = { ...out.dpia, id: dpia().id };
    save();
    drawSection();
    focusSection();
    status.textContent = T("ui.reviewed");
  }, { "data-action": "review" })));
  return parts;
}

// ---- what Python says of the DPIA: open points, Art. 36, the risk map ----------------------------
let checkTimer = null;
let shown = { points: null, verdict: null, maps: null };
function scheduleCheck() {
  clearTimeout(checkTimer);
  if (!dpia()) return;
  checkTimer = setTimeout(check, 300);
}
async function check() {
  const d = dpia();
  if (!d) return;
  let checked, doc;
  try {
    [checked, doc] = await Promise.all([ask({ document: "dpia_check", dpia: d }), ask({ document: "dpia_markdown", dpia: d, date: today() })]);
  } catch (error) {
    const message = error instanceof Refusal ? error.message : T(window.__wzBoot ? "ui.error" : "ui.no_python");
    pointsBox.replaceChildren(el("p", { class: "dpia-refused", text: message }));
    shown.points = null;
    return;
  }
  if (d !== dpia()) return;  // another DPIA was picked meanwhile
  const points = checked.open_points || [];
  const key = JSON.stringify(points);
  if (key !== shown.points) {
    pointsBox.replaceChildren(points.length
      ? el("ul", {}, ...points.map((p) => el("li", {}, pointLink(p))))
      : el("p", { text: T("ui.points_none") }));
    shown.points = key;
  }
  const verdict = checked.prior_consultation || "open";
  if (verdict !== shown.verdict) {
    verdictBox.textContent = T("verdict." + verdict);
    verdictBox.dataset.verdict = verdict;
    if (shown.verdict !== null) status.textContent = T("verdict." + verdict);
    shown.verdict = verdict;
  }
  const images = doc.images || {};
  const maps = JSON.stringify(images);
  if (maps !== shown.maps) {
    mapBox.replaceChildren(...["before", "after"].map((stage) => {
      const figure = el("figure", { "data-stage": stage });
      const svg = el("div");
      svg.innerHTML = images[`risk-map-${stage}.svg`] || "";  // made by Python from scores and escaped labels
      figure.append(svg, el("figcaption", { text: T("ui.map_" + stage) }));
      return figure;
    }));
    shown.maps = maps;
  }
  box.dataset.points = String(points.length);
  box.dataset.checked = String(Number(box.dataset.checked || 0) + 1);
}

// An open point leads to its field: the section is shown and the field takes the focus.
function pointTarget(point) {
  const field = String(point.field || "");
  const item = field.match(/^(risks|actions)\[(\d+)\]\.(\w+)$/);
  if (item) return [item[1] === "risks" ? "risks" : "validation", `dpia-${item[1] === "risks" ? "r" : "a"}${Number(item[2]) - 1}-${item[3]}`];
  const prefix = { organisation: "dpia-org-", description: "dpia-description-", necessity: "dpia-necessity-", validation: "dpia-v-" }[point.section];
  if (prefix) return [point.section === "organisation" ? "description" : point.section, prefix + field];
  return [data.sections.includes(point.section) ? point.section : "", ""];
}
function pointLink(point) {
  const [target, id] = pointTarget(point);
  if (!target) return el("span", { text: point.message });
  return el("a", { href: "#" + (id || "dpia"), text: point.message, onclick: (event) => {
    event.preventDefault();
    section = target;
    drawSection();
    const node = id && document.getElementById(id);
    if (node) node.focus(); else focusSection();
  } });
}

// ---- files and documents ---------------------------------------------------------------------------
function saveJson() {
  if (!dpia()) { status.textContent = T("ui.nothing"); return; }
  download(fileName("json"), "application/json", JSON.stringify(dpia(), null, 2));
}

async function openFile(file) {
  if (file.size > data.limits.bytes) { status.textContent = T("ui.too_big"); return; }
  let raw;
  try { raw = JSON.parse(await file.text()); } catch { status.textContent = T("ui.not_json"); return; }
  const out = await run({ document: "dpia_normalise", dpia: raw });
  if (!out) return;  // Python named what it refused, in the page's language
  if (hasContent(dpia()) && !confirm(T("ui.open_confirm"))) { status.textContent = T("ui.open_cancelled"); return; }
  const opened = out.dpia;
  if (current < 0) { items.push(opened); current = items.length - 1; } else items[current] = opened;
  if (items.some((d, i) => i !== current && d.id === opened.id)) opened.id = newId();
  output.replaceChildren();
  save();
  render();
  status.textContent = T("ui.opened");
}

async function markdown() {
  const out = await run({ document: "dpia_markdown", dpia: dpia(), date: today() });
  if (out) download(fileName("md"), "text/markdown", out.text);
}

// .odt and .docx through hub/static/exports.js, imported only now; Python loads its document libraries
// (odfpy, markdown-it-py) from this site on the first export.
async function exportDocument(kind) {
  const out = await run({ document: "dpia_markdown", dpia: dpia(), date: today() });
  if (!out) return;
  const libs = data.libraries.map((path) => new URL(path, location.href).href);
  const call = async (payload) => {
    const pending = run({ ...payload, libs });
    status.textContent = T("ui.export_loading");
    const reply = await pending;
    if (reply) status.textContent = "";
    return reply;
  };
  try {
    const { download: save } = await import("./exports.js");
    await save(kind, { markdown: out.text, images: out.images, name: fileName(kind).slice(0, -(kind.length + 1)),
                       organisation: dpia().organisation.name, lang: data.lang }, call);
  } catch (error) {
    status.textContent = T("ui.error");
    status.dataset.detail = String(error && error.message || error).slice(0, 200);
  }
}

async function preview({ print = false } = {}) {
  const out = await run({ document: "dpia_html", dpia: dpia(), date: today() });
  if (!out) return;
  const doc = el("div", { class: "dpia-preview" });
  doc.innerHTML = out.html;  // made by Python from escaped text (wizards/documents/dpia.py)
  output.replaceChildren(el("h2", { text: T("ui.preview"), tabindex: "-1" }), doc);
  if (print) {
    box.dataset.print = "doc";
    window.addEventListener("afterprint", () => { delete box.dataset.print; }, { once: true });
    window.print();
  } else output.querySelector("h2").focus();
}

function filesPanel() {
  const input = el("input", { type: "file", id: "dpia-open", accept: ".json,application/json" });
  input.addEventListener("change", async () => {
    if (input.files[0]) await openFile(input.files[0]);
    input.value = "";
  });
  const has = !!dpia();
  return el("section", { class: "dpia-files" }, el("h2", { text: T("ui.files") }),
    has ? el("p", {},
      button(T("ui.save_json"), saveJson, { "data-action": "save-json" }), " ",
      button(T("ui.download_odt"), () => exportDocument("odt"), { "data-action": "download-odt" }), " ",
      button(T("ui.download_docx"), () => exportDocument("docx"), { "data-action": "download-docx" }), " ",
      button(T("ui.download_md"), markdown, { "data-action": "download-md" }), " ",
      button(T("ui.preview"), () => preview(), { "data-action": "preview" }), " ",
      button(T("ui.print"), () => preview({ print: true }), { "data-action": "print" })) : null,
    el("p", { class: "dpia-field" }, el("label", { for: "dpia-open", text: T("ui.open") }), input),
    el("p", {},
      has ? button(T("ui.delete_one"), () => {
        if (!confirm(T("ui.delete_one_confirm"))) return;
        items.splice(current, 1);
        current = items.length ? 0 : -1;
        output.replaceChildren();
        save();
        render();
        status.textContent = T("ui.deleted_one");
      }, { "data-action": "delete-one", class: "md-button dpia-danger" }) : null, " ",
      button(T("ui.delete_all"), () => {
        if (!confirm(T("ui.delete_confirm"))) return;
        try { localStorage.removeItem(STORE_KEY); } catch { /* nothing was kept */ }
        items = [];
        current = -1;
        broken = null;
        output.replaceChildren();
        render();
        status.textContent = T("ui.deleted");
      }, { "data-action": "delete", class: "md-button dpia-danger" })));
}

function render() {
  const focusId = document.activeElement && app.contains(document.activeElement) ? document.activeElement.id : null;
  app.replaceChildren(listPanel());
  if (broken) app.append(brokenPanel());
  shown = { points: null, verdict: null, maps: null };
  if (dpia()) {
    saveNote = el("p", { class: "dpia-saved", "aria-live": "polite" });
    app.append(el("nav", { "aria-label": T("ui.sections") }, tabs()), sectionBox,
      el("section", { class: "dpia-summary" },
        el("h2", { text: T("ui.verdict_title") }), verdictBox,
        el("h2", { text: T("ui.map_title") }), mapBox,
        el("h2", { text: T("ui.points_title") }), pointsBox), saveNote);
    drawSection();
  }
  app.append(alertBox, status, filesPanel(), output);
  if (focusId && document.getElementById(focusId)) document.getElementById(focusId).focus();
  scheduleCheck();
}

// Another tab changed the DPIAs: show what is kept now, so this tab does not bring back what was removed.
window.addEventListener("storage", (event) => {
  if (event.storageArea !== localStorage || (event.key !== STORE_KEY && event.key !== null)) return;
  ({ items, broken } = readStored());
  current = Math.min(Math.max(current, 0), items.length - 1);
  render();
  status.textContent = T("ui.other_tab");
});

if (!items.length && !broken && chosenSample) {
  const sample = data.samples.find((s) => s.id === chosenSample);
  items.push({ ...withProfile(structuredClone(sample.dpia)), id: "d1" });
  current = 0;
  save();
}
render();
box.dataset.state = "ready";
