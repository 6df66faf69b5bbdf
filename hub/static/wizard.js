// The wizard on the page. It holds no legal logic: Python (in a Web Worker, through Pyodide) decides
// and renders; this file passes answers to it and shows what comes back. Answers stay in this tab,
// in the URL fragment (never sent to a server) and, for the organisation profile, in localStorage.
// Seen by the page head's fallback (boot.js), which shows the outline and flowchart if this file never ran.
window.__wzScript = true;
const PROFILE_KEY = "gdpr-hub.profile";
const RESULTS_KEY = "gdpr-hub.results";
// A slow start is not a failure: the page waits as long as the runtime's bytes keep arriving, and gives
// up only after this long without a byte (the processor-bound part after the download fits well inside).
const STALL_MS = 30000;
const TEXT_MAX = 200;  // characters kept of a name typed in the profile

// Anything in storage may be missing, broken JSON, null, an array or hold values of the wrong type
// (an older version of this site, another tab, a hand edit, storage switched off): read it defensively.
function readStore(key) {
  try {
    const value = JSON.parse(localStorage.getItem(key) || "{}");
    return value && typeof value === "object" && !Array.isArray(value) ? value : {};
  } catch { return {}; }
}
function writeStore(key, value) {
  try { localStorage.setItem(key, JSON.stringify(value)); return true; } catch { return false; }
}
function readProfile() {
  const out = {};
  for (const [key, value] of Object.entries(readStore(PROFILE_KEY))) {
    if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) out[key] = String(value);
  }
  return out;
}
// The profile answers a wizard asks about; an empty value is no answer (the question is asked instead).
function profileAnswers(profile, fields) {
  const out = {};
  for (const key of fields) if (profile[key] !== undefined && profile[key] !== "") out[key] = profile[key];
  return out;
}
// The wizard's own fragment format is "question=answer&question=a,b". A fragment without "=" is an
// anchor (table of contents, heading permalink, skip link): not answers, so it must not touch them.
function isAnswerFragment(hash) {
  const parts = hash.replace(/^#/, "").split("&").filter((part) => part !== "");
  return parts.length > 0 && parts.every((part) => part.indexOf("=") > 0);
}
// Returns null for an anchor, else the answers for known questions and the keys that were dropped.
// A printed result is the written record: the folded reasoning, sources and answers print too.
window.addEventListener("beforeprint", () => {
  for (const details of document.querySelectorAll(".wz-result details")) details.open = true;
});
function readFragment(known) {
  if (!isAnswerFragment(location.hash)) return null;
  const answers = {};
  const ignored = [];
  for (const [k, v] of new URLSearchParams(location.hash.slice(1))) {
    if (known === null || known.has(k)) answers[k] = v;
    else ignored.push(k);
  }
  return { answers, ignored };
}
function writeFragment(answers) {
  const params = new URLSearchParams(answers).toString().replace(/%2C/g, ",");
  if (params) history.replaceState(null, "", "#" + params);
  // No answers: drop an answer fragment, but leave an anchor the visitor followed where it is.
  else if (isAnswerFragment(location.hash)) history.replaceState(null, "", location.pathname + location.search);
}
function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

let worker = null;
let workerReady = null;
function bootWorker() {
  // The page head starts the worker as early as possible (overrides/main.html); this only waits for it.
  if (workerReady) return workerReady;
  if (!window.__wzBoot) {
    workerReady = Promise.reject(new Error("the worker could not be started"));
    return workerReady;
  }
  const boot = window.__wzBoot;
  worker = boot.worker;
  let settled = false;
  // After a failed start the page head may start a second worker (boot.js): steps go to the one that is ready.
  boot.ready.then(() => { worker = boot.worker; settled = true; }, () => { settled = true; });
  const stalled = new Promise((_, reject) => {
    const check = () => {
      if (settled) return;
      if (performance.now() - boot.lastProgressAt > STALL_MS) reject(new Error(`no progress for ${STALL_MS / 1000} s`));
      else setTimeout(check, 1000);
    };
    setTimeout(check, 1000);
  });
  workerReady = Promise.race([boot.ready, stalled]);
  return workerReady;
}
let nextId = 1;
function ask(payload) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const listener = (event) => {
      if (event.data.type !== "result" || event.data.id !== id) return;
      worker.removeEventListener("message", listener);
      event.data.error ? reject(new Error(event.data.error)) : resolve(event.data.data);
    };
    worker.addEventListener("message", listener);
    worker.postMessage({ type: "step", id, payload });
  });
}

function readForm(form) {
  const name = form.dataset.question;
  const inputs = [...form.querySelectorAll(`[name="${CSS.escape(name)}"]`)];
  if (inputs[0] && inputs[0].type === "checkbox") return inputs.filter((i) => i.checked).map((i) => i.value).join(",");
  if (inputs[0] && inputs[0].type === "radio") { const c = inputs.find((i) => i.checked); return c ? c.value : null; }
  const value = inputs[0] ? inputs[0].value.trim() : "";
  return value === "" ? null : value;
}

function setupWizard(box) {
  const wizardId = box.dataset.wizard;
  const stage = box.querySelector(".wz-stage");
  const status = box.querySelector(".wz-status");
  const notice = box.querySelector(".wz-notice");
  const startOver = box.querySelector(".wz-start-over");
  const answersBox = box.querySelector(".wz-answers-box");
  const resultBox = box.querySelector(".wz-result-box");
  const tools = box.querySelector(".wz-tools");
  const texts = JSON.parse(document.getElementById("wz-texts").textContent);
  const profileFields = JSON.parse(box.dataset.profileFields);
  // A page built before the list existed (an old copy in a cache) takes every key, as it used to.
  const known = box.dataset.questions ? new Set(JSON.parse(box.dataset.questions)) : null;
  const firstStage = stage.innerHTML;
  const profile = readProfile();
  let answers = profileAnswers(profile, profileFields);
  let record = null;
  let path = [];
  let errorShown = "";
  let dropped = null;  // {question, message} of an answer refused and left out during this step

  // Where a keyboard or screen-reader user is after a step (WCAG 2.4.3): a step replaces the button they
  // pressed (Next, Back, Change), and focus would fall to the page's body. So a step that starts while
  // focus is in the wizard (or that the visitor asked for elsewhere, e.g. a catalogue link) ends with
  // focus on the new question's legend (or label) or the result's heading. Focus is never taken from a
  // visitor who is reading elsewhere while the wizard fills in pre-filled answers.
  let placing = false;
  const announcer = box.querySelector(".wz-announce");
  let announced = false;
  function announce(text) {
    if (!announcer) return;
    announced = true;
    // Emptied first, so that the same line twice in a row (Start again, the same verdict) is said again.
    announcer.textContent = "";
    setTimeout(() => { announcer.textContent = text; }, 50);
  }
  function placeFocus(target) {
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
    // The page's scroll-padding (hub.css) keeps what focus() scrolls to clear of the sticky header.
    target.focus();
  }

  function note(text) {
    if (!notice) return;
    notice.textContent = text;
    notice.hidden = text === "";
  }
  // Starting over must stay possible whatever went wrong, so it shows as soon as there is anything to undo.
  function updateStartOver() {
    if (startOver) startOver.hidden = Object.keys(answers).length === 0 && errorShown === "";
  }
  // Answers from a link: only the wizard's own questions; other keys (utm_source=...) are left out, with a note.
  function takeFragment() {
    const fromLink = readFragment(known);
    if (fromLink === null) return false;
    const useful = Object.keys(fromLink.answers).length > 0;
    if (useful) answers = Object.assign(profileAnswers(profile, profileFields), fromLink.answers);
    if (fromLink.ignored.length) {
      note(texts.ignored_keys.replace("{keys}", fromLink.ignored.join(", ")));
      writeFragment(answers);
    } else note("");
    updateStartOver();
    return useful;
  }
  takeFragment();

  function showError(message) {
    errorShown = message;
    const error = stage.querySelector(".wz-error");
    if (error) error.textContent = message;
    else { resultBox.innerHTML = ""; stage.innerHTML = `<p class="wz-error" role="alert"></p>`; stage.firstChild.textContent = message; }
    updateStartOver();
  }

  // Returns true when the answers changed and the wizard must be asked again.
  function show(data) {
    answersBox.innerHTML = data.answers_html || "";
    path = data.path || path;
    errorShown = "";
    if (data.status === "refused") {
      const bad = data.question;
      const current = stage.querySelector("form")?.dataset.question;
      if (bad && Object.prototype.hasOwnProperty.call(answers, bad)) {
        // A refused answer is not kept: kept, it would block every later step.
        delete answers[bad];
        writeFragment(answers);
        if (bad !== current) { dropped = { question: bad, message: texts.refused + ": " + data.message }; return true; }
      }
      showError(texts.refused + ": " + data.message);
      return false;
    }
    if (data.status === "question") {
      stage.innerHTML = data.html;
      // A refused answer from a link: its reason shows at its question when that is the one asked now.
      if (dropped) {
        const error = dropped.question === data.question && stage.querySelector(".wz-error");
        if (error) error.textContent = dropped.message;
        else note(dropped.message + " " + texts.answer_dropped);
        dropped = null;
      }
      resultBox.innerHTML = "";
      tools.hidden = true;
      record = null;
      if (placing) placeFocus(stage.querySelector("legend, label.wz-q"));
      updateStartOver();
      return false;
    }
    if (dropped) { note(dropped.message + " " + texts.answer_dropped); dropped = null; }
    stage.innerHTML = "";
    resultBox.innerHTML = data.html;
    tools.hidden = false;
    record = { md: data.record_md, json: data.record_json, files: data.files || [] };
    box.dataset.verdict = data.verdict;
    // Kept as data, not as Markdown: the combined record escapes each text when it writes it.
    try {
      const all = readStore(RESULTS_KEY);
      all[wizardId] = { record: JSON.parse(data.record_json), lang: box.dataset.lang };
      writeStore(RESULTS_KEY, all);
    } catch { /* storage may be disabled; the page still works */ }
    // The heading holds the verdict line: focused, a screen reader reads that line (not the whole result);
    // a visitor who was elsewhere on the page hears the same line from the live region instead.
    const heading = resultBox.querySelector(".wz-result h2");
    if (placing) {
      placeFocus(heading);
      // On a phone the verdict and the first things to do fill the first screen: the result starts at the top.
      if (heading) heading.scrollIntoView({ block: "start" });
    } else if (heading) announce(heading.textContent.replace(/\s+/g, " ").trim());
    updateStartOver();
    return false;
  }

  async function run(focus, { moveFocus = false } = {}) {
    placing = moveFocus || box.contains(document.activeElement);
    for (;;) {
      writeFragment(answers);
      tools.querySelector(".wz-share").href = location.href;
      let data;
      try {
        data = await ask({ wizard: wizardId, lang: box.dataset.lang, base: box.dataset.langRoot, answers, focus });
      } catch (error) {
        console.warn("wizard step failed:", error);
        showError(texts.step_failed);
        return;
      }
      if (!show(data)) return;
    }
  }

  function restart() {
    answers = profileAnswers(profile, profileFields);
    note("");
    errorShown = "";
    if (box.dataset.state === "ready") return run(null);
    // Still loading (or failed): back to the first question as the page came.
    const wasHere = box.contains(document.activeElement);
    writeFragment({});
    pending = Object.keys(answers).length > 0;
    stage.innerHTML = firstStage;
    answersBox.innerHTML = "";
    resultBox.innerHTML = "";
    tools.hidden = true;
    updateStartOver();
    if (wasHere) placeFocus(stage.querySelector("legend, label.wz-q"));
  }

  stage.addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target.closest("form");
    const value = readForm(form);
    const error = form.querySelector(".wz-error");
    if (value === null) {
      // A date typed in part reads as empty: "choose an answer first" would not say what is missing.
      const partial = form.querySelector("input.wz-when")?.validity.badInput;
      error.textContent = partial && texts.date_incomplete ? texts.date_incomplete : texts.answer_required;
      return;
    }
    error.textContent = "";
    note("");
    answers[form.dataset.question] = value;
    updateStartOver();
    // After a failed start the failure message (and the flowchart it points to) stays.
    if (box.dataset.state === "failed") { status.textContent = texts.failed; return; }
    // Said, not only kept: the visitor hears that the answer was not lost while the wizard starts.
    if (box.dataset.state !== "ready") { status.textContent = texts.answer_kept || texts.loading; pending = true; return; }
    await run(null);
  });
  box.addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const action = button.dataset.action;
    if (action === "restart") { await restart(); return; }
    if (box.dataset.state !== "ready") return;
    if (action === "change") await run(button.dataset.question);
    if (action === "back") {
      const current = stage.querySelector("form")?.dataset.question;
      const index = path.indexOf(current);
      const previous = index > 0 ? path[index - 1] : path[path.length - 1];
      if (previous) await run(previous);
    }
    if (action === "download-md" && record) download(`${wizardId}-${new Date().toISOString().slice(0, 10)}.md`, "text/markdown", record.md);
    if (action === "download-json" && record) download(`${wizardId}-${new Date().toISOString().slice(0, 10)}.json`, "application/json", record.json);
    if (action === "download-file" && record) {
      // Extra documents of a record (a letter, a spreadsheet line), named and typed by Python.
      const file = record.files[Number(button.dataset.file)];
      if (file) download(file.name, file.type, file.text);
    }
    if (action === "export-file" && record) {
      // The letter or log line as .odt or .docx: the export module and its libraries load only now.
      const file = record.files[Number(button.dataset.file)];
      if (file && file.document) await exportFile(file.document, button.dataset.kind);
    }
    if (action === "print") window.print();
  });

  async function exportFile(doc, kind) {
    const organisation = doc.organisation || readStore(PROFILE_KEY).org_name || "";
    const libs = (window.__wzBoot && window.__wzBoot.documentLibs) || [];
    try {
      const { download: save } = await import("./exports.js");
      const call = async (payload) => {
        const out = await ask({ ...payload, libs });
        if (out.status !== "ok") throw new Error(out.message || "refused");
        return out;
      };
      await save(kind, { markdown: doc.markdown, images: doc.images || {}, name: doc.name, organisation, lang: doc.lang }, call);
    } catch (error) {
      console.warn("export failed:", error);
      note(texts.export_failed);
    }
  }

  // A catalogue link or a shared link changes the fragment: take its answers (the profile stays).
  // An anchor (table of contents, permalink, skip link) is not answers and changes nothing. While
  // the wizard is still loading the new answers are kept and used once it is ready.
  window.addEventListener("hashchange", async () => {
    if (!takeFragment()) return;
    if (box.dataset.state !== "ready") { pending = true; return; }
    box.scrollIntoView({ block: "start" });
    await run(null, { moveFocus: true });
  });

  // How far the runtime's download is, while the visitor can already answer the first question.
  const bar = Object.assign(document.createElement("progress"), { max: 1, value: 0, className: "wz-progress" });
  bar.setAttribute("aria-label", texts.loading);
  const onProgress = (event) => {
    const { loaded, total } = event.detail;
    if (box.dataset.state !== "loading" || !total) return;
    bar.value = Math.min(1, loaded / total);
    if (!bar.isConnected) status.after(bar);
  };
  document.addEventListener("wz-progress", onProgress);
  const doneLoading = () => { document.removeEventListener("wz-progress", onProgress); bar.remove(); };

  let pending = false;
  const t0 = performance.now();
  bootWorker()
    .then(async (ms) => {
      doneLoading();
      // Pre-filled answers (profile, sector link, shared link) or an answer typed while loading. The
      // page says "ready" only once they are shown: an answer given meanwhile is kept (pending) and
      // taken in the next round, instead of being overwritten by the pre-filled screen.
      let prefilled = Object.keys(answers).length > 0;
      while (pending || prefilled) {
        pending = false;
        prefilled = false;
        await run(null);
      }
      status.textContent = "";
      // "Ready" is said once, unless a pre-filled result has just been said instead.
      if (!announced && texts.ready) announce(texts.ready);
      box.dataset.state = "ready";
      box.dataset.readyMs = String(Math.round(performance.now() - t0));
      box.dataset.readyAt = String(Math.round(performance.now()));
      registerOfflineCache(box);
    })
    .catch((error) => {
      box.dataset.state = "failed";
      doneLoading();
      status.textContent = texts.failed;
      console.warn("wizard failed to start:", error);
      const flow = document.getElementById(`wz-${wizardId}-flow`);
      if (flow) { flow.open = true; renderFlowchart(flow, box.dataset.root); }
    });
}

function renderFlowchart(details, root) {
  const target = details.querySelector(".wz-mermaid");
  if (!target || target.dataset.done) return;
  target.dataset.done = "1";
  const source = details.querySelector(".wz-mermaid-src").textContent;
  const draw = () => window.mermaid.render("wzchart" + Math.random().toString(36).slice(2), source)
    .then(({ svg }) => {
      target.innerHTML = svg;
      // Mermaid scales the chart down to the column; a narrow screen keeps its drawn width (hub.css).
      const chart = target.querySelector("svg");
      if (chart?.style.maxWidth) chart.style.setProperty("--wz-chart-width", chart.style.maxWidth);
    })
    .catch(() => { target.dataset.done = ""; });
  if (window.mermaid) return draw();
  const script = document.createElement("script");
  script.src = root + "assets/mermaid/mermaid.min.js";
  script.onload = () => { window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict" }); draw(); };
  document.head.append(script);
}

function registerOfflineCache(box) {
  const root = box.dataset.root;
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(root + "sw.js")
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const files = performance.getEntriesByType("resource").map((entry) => entry.name)
        .concat(window.__wzBoot?.resources || []).filter((url) => url.startsWith(location.origin));
      registration.active.postMessage({ type: "keep", urls: [location.href.split("#")[0], ...files] });
      return warmCodeCache(box, files);
    })
    .catch(() => {});
}

// Measured: on a second visit Chromium compiled Pyodide's 1.2 MB script again (about 0.1 s more than on
// later visits), since on the first visit that script came before the offline cache existed. So after
// a start that made a new snapshot, once the offline cache holds Pyodide's scripts and the worker's, a
// short-lived worker loads them from it and runs Pyodide's set-up until Pyodide asks for its
// WebAssembly (worker.js, warmCodeCache); it downloads nothing. The box's data-warmed says how that
// went ("yes" once Pyodide asked, "no" after an error or 5 s).
async function warmCodeCache(box, files) {
  const boot = window.__wzBoot;
  const pyodide = [...new Set(files.filter((url) => /\/pyodide(\.asm)?\.mjs$/.test(url)))];
  if (!boot || boot.phases?.started_from !== "network" || pyodide.length !== 2) return;
  const scripts = [boot.workerURL, ...pyodide];
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  for (let attempt = 0; !(await Promise.all(scripts.map((url) => caches.match(url)))).every(Boolean); attempt++) {
    if (attempt === 100) return;
    await pause(100);
  }
  const worker = new Worker(boot.workerURL, { type: "module", name: JSON.stringify({ ...boot.settings, warmCodeCache: true }) });
  const warmed = await new Promise((resolve) => {
    worker.addEventListener("message", (event) => { if (event.data.type === "warmed") resolve(true); });
    worker.addEventListener("error", () => resolve(false));
    setTimeout(() => resolve(false), 5000);
  });
  worker.terminate();
  box.dataset.warmed = warmed ? "yes" : "no";
}

function setupProfile(form) {
  const texts = JSON.parse(document.getElementById("wz-texts").textContent);
  const status = form.querySelector(".wz-status");
  const saved = readProfile();
  for (const [key, value] of Object.entries(saved)) {
    for (const input of form.querySelectorAll(`[name="${CSS.escape(key)}"]`)) {
      if (input.type === "radio") input.checked = input.value === value;
      else if (input.type === "checkbox") input.checked = value.split(",").includes(input.value);
      else input.value = value;
    }
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const out = {};
    for (const input of form.querySelectorAll("input")) {
      if (input.type === "radio" && input.checked) out[input.name] = input.value;
      if (input.type === "checkbox") { out[input.name] = out[input.name] || []; if (input.checked) out[input.name].push(input.value); }
      if (input.type === "text" && input.value.trim() !== "") out[input.name] = input.value.trim();
      if (input.type === "number" && input.value !== "") {
        if (!/^\d+$/.test(input.value)) { status.textContent = texts.refused + ": " + input.value; return; }
        out[input.name] = input.value;
      }
      if (input.type === "text" && input.value.trim() !== "") out[input.name] = input.value.trim().slice(0, TEXT_MAX);
    }
    for (const key of Object.keys(out)) if (Array.isArray(out[key])) out[key] = out[key].join(",");
    status.textContent = writeStore(PROFILE_KEY, out) ? texts.profile_saved : texts.storage_off;
  });
  form.addEventListener("click", async (event) => {
    const action = event.target.closest("button[data-action]")?.dataset.action;
    if (action === "clear") {
      // The record of processing activities goes too, and it may be hours of work: asked first.
      if (!confirm(texts.profile_clear_confirm)) return;
      form.reset();
      await clearSiteData(form.dataset.root || "");
      status.textContent = texts.profile_cleared;
    }
    if (action === "download-all") {
      download(`gdpr-record-${new Date().toISOString().slice(0, 10)}.md`, "text/markdown", combinedRecord(form, texts));
    }
  });
}

// "Delete everything this site keeps in this browser": the profile, the results and the record, the
// search and display settings Material keeps under the site's path, anything in session storage, every
// cache of the site (the offline copies, which show which pages were visited, Python's runtime and the
// memory snapshot) and the offline cache's service worker. Another site on the same origin keeps its own.
async function clearSiteData(root) {
  const scope = new URL(root || ".", location.href).pathname;
  for (const name of ["localStorage", "sessionStorage"]) {
    try {
      const store = window[name];
      for (const key of Object.keys(store)) if (key.startsWith("gdpr-hub") || key.startsWith(scope)) store.removeItem(key);
    } catch { /* storage switched off: nothing is stored either */ }
  }
  try {
    for (const name of await caches.keys()) if (name.startsWith("gdpr-hub")) await caches.delete(name);
  } catch { /* no cache storage (private window): nothing to remove */ }
  try {
    const site = new URL(scope, location.href).href;
    for (const registration of await navigator.serviceWorker.getRegistrations()) {
      if (registration.scope.startsWith(site)) await registration.unregister();
    }
  } catch { /* no service workers here */ }
}

// Markdown from stored text: every text is escaped, so HTML, headings, lists or links hidden in
// storage come out as the plain characters they are. Line breaks become spaces: each text stays on
// the line this code puts it on.
function mdText(value) {
  const text = (typeof value === "string" || typeof value === "number") ? String(value) : "";
  return text.replace(/[\r\n\u2028\u2029]+/g, " ").trim()
    .replace(/[\\`*_[\]<>#|~&]/g, "\\$&")
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}
const mdList = (value) => (Array.isArray(value) ? value.filter((item) => item && typeof item === "object") : []);
const mdUrl = (value) => (typeof value === "string" && /^https?:\/\/[^\s<>"'`\\]+$/.test(value) ? ` <${value}>` : "");

// One wizard's result, from its stored record data (see wizards/present/render.py, to_markdown).
function recordMarkdown(r, texts) {
  const c = texts.colon;  // ": ", in French with a narrow no-break space before it
  const lines = [
    `## ${mdText(texts.record_title)}${c}${mdText(r.title)}`, "",
    `- ${mdText(texts.date)}${c}${mdText(r.date)}`,
    `- ${mdText(texts.version)}${c}${mdText(r.version)}`,
    `- ${mdText(texts.result)}${c}**${mdText(r.verdict_label)}**${c}${mdText(r.conclusion)}`, "",
    mdText(r.summary), "",
    `### ${mdText(texts.your_answers)}`, "",
    ...mdList(r.answers).map((a) => `- ${mdText(a.text)} **${mdText(a.answer_label)}**`),
  ];
  const depends = Array.isArray(r.depends_on) ? r.depends_on : [];
  if (depends.length) lines.push("", `### ${mdText(texts.open_points)}`, "", ...depends.map((p) => `- ${mdText(p)}`));
  lines.push("", `### ${mdText(texts.grounds)}`, "", ...mdList(r.reasons).map((g) => `1. **${mdText(g.title)}**${c}${mdText(g.explanation)}`));
  if (r.not_examined === true) lines.push("", mdText(texts.not_examined));
  lines.push("", `### ${mdText(texts.actions)}`, "", ...mdList(r.actions).map((a) => `- ${mdText(a.text)}`));
  lines.push("", `### ${mdText(texts.sources)}`, "", ...mdList(r.sources).map((c) => `- ${mdText(c.label)}${mdUrl(c.url)}`));
  return lines.join("\n");
}

// The document an organisation keeps and can show the data protection authority: who it is, what each
// wizard concluded and why, and who decided, when, with a place to sign.
function combinedRecord(form, texts) {
  const c = texts.colon;
  const blank = "______________________________";
  const profile = readProfile();
  const lines = [`# ${mdText(texts.record_title)}`, "", `## ${mdText(texts.profile_title)}`, "",
    `- ${mdText(texts.org_name)}${c}${mdText(profile.org_name) || blank}`];
  const known = [...form.querySelectorAll("input[name]")].map((input) => input.name)
    .filter((name, i, all) => all.indexOf(name) === i && name !== "org_name" && name !== "decided_by");
  const answered = known.filter((name) => profile[name] !== undefined).map((name) => profileLine(form, name, profile[name]))
    .filter((line) => line !== null);
  if (answered.length) lines.push(...answered);
  else lines.push("", mdText(texts.no_profile));
  const results = Object.values(readStore(RESULTS_KEY)).filter((entry) => entry && typeof entry === "object");
  for (const entry of results) {
    if (entry.record && typeof entry.record === "object" && !Array.isArray(entry.record)) {
      lines.push("", "---", "", recordMarkdown(entry.record, texts));
    } else if (typeof entry.md === "string") {
      // Saved as Markdown by an earlier version of this page: kept as plain text, line by line.
      lines.push("", "---", "", ...entry.md.split(/\r\n|\r|\n/).map(mdText));
    }
  }
  if (results.length === 0) lines.push("", mdText(texts.no_results));
  lines.push("", "---", "", `## ${mdText(texts.decision)}`, "",
    `- ${mdText(texts.decided_by)}${c}${mdText(profile.decided_by) || blank}`,
    `- ${mdText(texts.decision_date)}${c}${blank}`,
    `- ${mdText(texts.signature)}${c.trimEnd()}`, "", "", blank, "",
    `${mdText(texts.drawn_up)}${c}${new Date().toISOString().slice(0, 10)}`, "",
    mdText(texts.record_note), "", mdText(texts.disclaimer), "");
  return lines.join("\n");
}

// A line of the record in the visitor's words: the question and the chosen options as the form shows
// them. A stored value the form does not offer is left out (null): storage is not trusted.
function profileLine(form, name, value) {
  const inputs = [...form.querySelectorAll(`[name="${CSS.escape(name)}"]`)];
  if (inputs.length === 0) return null;
  const holder = inputs[0].closest("fieldset");
  const question = (holder ? holder.querySelector("legend") : form.querySelector(`label[for="${CSS.escape(inputs[0].id)}"]`))
    ?.textContent.trim() || name;
  if (inputs[0].type === "number") return /^\d{1,15}$/.test(value) ? `- ${mdText(question)} ${value}` : null;
  if (inputs[0].type === "text") return typeof value === "string" ? `- ${mdText(question)} ${mdText(value)}` : null;
  const chosen = value.split(",").filter((v) => v !== "").map((v) => inputs.find((i) => i.value === v));
  if (chosen.includes(undefined)) return null;
  return `- ${mdText(question)} ${chosen.map((input) => mdText(input.closest("label").textContent.trim())).join(", ") || "—"}`;
}

for (const box of document.querySelectorAll(".wz[data-wizard]")) setupWizard(box);
for (const form of document.querySelectorAll("form.wz-profile")) setupProfile(form);
for (const flow of document.querySelectorAll("details.wz-flow")) {
  flow.addEventListener("toggle", () => { if (flow.open) renderFlowchart(flow, document.querySelector(".wz")?.dataset.root || ""); });
}
