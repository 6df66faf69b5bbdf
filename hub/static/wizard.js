// The wizard on the page. It holds no legal logic: Python (in a Web Worker, through Pyodide) decides
// and renders; this file passes answers to it and shows what comes back. Answers stay in this tab,
// in the URL fragment (never sent to a server) and, for the organisation profile, in localStorage.
const PROFILE_KEY = "gdpr-hub.profile";
const RESULTS_KEY = "gdpr-hub.results";
// A slow start is not a failure: the page waits as long as the runtime's bytes keep arriving, and gives
// up only after this long without a byte (the processor-bound part after the download fits well inside).
const STALL_MS = 30000;

function readProfile() {
  try { return JSON.parse(localStorage.getItem(PROFILE_KEY) || "{}"); } catch { return {}; }
}
function readFragment() {
  const params = new URLSearchParams(location.hash.slice(1));
  const out = {};
  for (const [k, v] of params) out[k] = v;
  return out;
}
function writeFragment(answers) {
  const params = new URLSearchParams(answers);
  history.replaceState(null, "", "#" + params.toString().replace(/%2C/g, ","));
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
  boot.ready.then(() => { settled = true; }, () => { settled = true; });
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
  const answersBox = box.querySelector(".wz-answers-box");
  const resultBox = box.querySelector(".wz-result-box");
  const tools = box.querySelector(".wz-tools");
  const texts = JSON.parse(document.getElementById("wz-texts").textContent);
  const profileFields = JSON.parse(box.dataset.profileFields);
  let answers = {};
  let record = null;
  let path = [];

  const profile = readProfile();
  for (const key of profileFields) if (profile[key] !== undefined && profile[key] !== "") answers[key] = String(profile[key]);
  Object.assign(answers, readFragment());

  function show(data) {
    answersBox.innerHTML = data.answers_html || "";
    path = data.path || path;
    if (data.status === "refused") {
      const error = stage.querySelector(".wz-error");
      if (error) error.textContent = texts.refused + ": " + data.message;
      else { resultBox.innerHTML = ""; stage.innerHTML = `<p class="wz-error" role="alert"></p>`; stage.firstChild.textContent = data.message; }
      return;
    }
    if (data.status === "question") {
      stage.innerHTML = data.html;
      resultBox.innerHTML = "";
      tools.hidden = true;
      record = null;
      const first = stage.querySelector("input");
      if (first && document.activeElement && box.contains(document.activeElement)) first.focus();
      return;
    }
    stage.innerHTML = "";
    resultBox.innerHTML = data.html;
    tools.hidden = false;
    record = { md: data.record_md, json: data.record_json };
    box.dataset.verdict = data.verdict;
    try {
      const all = JSON.parse(localStorage.getItem(RESULTS_KEY) || "{}");
      all[wizardId] = { md: data.record_md, lang: box.dataset.lang };
      localStorage.setItem(RESULTS_KEY, JSON.stringify(all));
    } catch { /* storage may be disabled; the page still works */ }
    const heading = resultBox.querySelector(".wz-result");
    if (heading) heading.focus();
  }

  async function run(focus) {
    writeFragment(answers);
    const share = tools.querySelector(".wz-share");
    share.href = location.href;
    const data = await ask({ wizard: wizardId, lang: box.dataset.lang, base: box.dataset.langRoot, answers, focus });
    show(data);
  }

  stage.addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target.closest("form");
    const value = readForm(form);
    const error = form.querySelector(".wz-error");
    if (value === null) { error.textContent = texts.answer_required; return; }
    error.textContent = "";
    answers[form.dataset.question] = value;
    if (box.dataset.state !== "ready") { status.textContent = texts.loading; pending = true; return; }
    await run(null);
  });
  box.addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button || box.dataset.state !== "ready") return;
    const action = button.dataset.action;
    if (action === "change") await run(button.dataset.question);
    if (action === "back") {
      const current = stage.querySelector("form")?.dataset.question;
      const index = path.indexOf(current);
      const previous = index > 0 ? path[index - 1] : path[path.length - 1];
      if (previous) await run(previous);
    }
    if (action === "restart") { answers = {}; for (const key of profileFields) if (profile[key] !== undefined) answers[key] = String(profile[key]); await run(null); }
    if (action === "download-md" && record) download(`${wizardId}-${new Date().toISOString().slice(0, 10)}.md`, "text/markdown", record.md);
    if (action === "download-json" && record) download(`${wizardId}-${new Date().toISOString().slice(0, 10)}.json`, "application/json", record.json);
    if (action === "print") window.print();
  });

  // A catalogue link or a shared link changes the fragment: take its answers (the profile stays).
  window.addEventListener("hashchange", async () => {
    if (box.dataset.state !== "ready") return;
    const fromLink = readFragment();
    if (Object.keys(fromLink).length === 0) return;
    answers = {};
    for (const key of profileFields) if (profile[key] !== undefined && profile[key] !== "") answers[key] = String(profile[key]);
    Object.assign(answers, fromLink);
    await run(null);
    box.scrollIntoView({ block: "start" });
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
      box.dataset.state = "ready";
      doneLoading();
      box.dataset.readyMs = String(Math.round(performance.now() - t0));
      box.dataset.readyAt = String(Math.round(performance.now()));
      status.textContent = "";
      // Pre-filled answers (profile, sector link, shared link) or an answer typed while loading.
      if (pending || Object.keys(answers).length) await run(null);
      registerOfflineCache(box.dataset.root);
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
    .then(({ svg }) => { target.innerHTML = svg; })
    .catch(() => { target.dataset.done = ""; });
  if (window.mermaid) return draw();
  const script = document.createElement("script");
  script.src = root + "assets/mermaid/mermaid.min.js";
  script.onload = () => { window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict" }); draw(); };
  document.head.append(script);
}

function registerOfflineCache(root) {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(root + "sw.js")
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const files = performance.getEntriesByType("resource").map((entry) => entry.name)
        .concat(window.__wzBoot?.resources || []).filter((url) => url.startsWith(location.origin));
      registration.active.postMessage({ type: "keep", urls: [location.href.split("#")[0], ...files] });
    })
    .catch(() => {});
}

function setupProfile(form) {
  const texts = JSON.parse(document.getElementById("wz-texts").textContent);
  const status = form.querySelector(".wz-status");
  const saved = readProfile();
  for (const [key, value] of Object.entries(saved)) {
    for (const input of form.querySelectorAll(`[name="${CSS.escape(key)}"]`)) {
      if (input.type === "radio") input.checked = input.value === value;
      else if (input.type === "checkbox") input.checked = String(value).split(",").includes(input.value);
      else input.value = value;
    }
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const out = {};
    for (const input of form.querySelectorAll("input")) {
      if (input.type === "radio" && input.checked) out[input.name] = input.value;
      if (input.type === "checkbox") { out[input.name] = out[input.name] || []; if (input.checked) out[input.name].push(input.value); }
      if (input.type === "number" && input.value !== "") {
        if (!/^\d+$/.test(input.value)) { status.textContent = texts.refused + ": " + input.value; return; }
        out[input.name] = input.value;
      }
    }
    for (const key of Object.keys(out)) if (Array.isArray(out[key])) out[key] = out[key].join(",");
    localStorage.setItem(PROFILE_KEY, JSON.stringify(out));
    status.textContent = texts.profile_saved;
  });
  form.addEventListener("click", (event) => {
    const action = event.target.closest("button[data-action]")?.dataset.action;
    if (action === "clear") { localStorage.removeItem(PROFILE_KEY); localStorage.removeItem(RESULTS_KEY); form.reset(); status.textContent = texts.profile_cleared; }
    if (action === "download-all") {
      let all = {};
      try { all = JSON.parse(localStorage.getItem(RESULTS_KEY) || "{}"); } catch { /* ignore */ }
      const parts = Object.values(all).map((r) => r.md);
      const profileText = Object.entries(readProfile()).map(([k, v]) => profileLine(form, k, v)).join("\n");
      download(`gdpr-record-${new Date().toISOString().slice(0, 10)}.md`, "text/markdown",
        `# ${texts.record_title}\n\n## ${texts.profile_title}\n\n${profileText}\n\n` + parts.join("\n\n---\n\n"));
    }
  });
}

// A line of the record in the visitor's words: the question and the chosen options as the form shows them.
function profileLine(form, name, value) {
  const inputs = [...form.querySelectorAll(`[name="${CSS.escape(name)}"]`)];
  if (inputs.length === 0) return `- ${name}: ${value}`;
  const holder = inputs[0].closest("fieldset");
  const question = (holder ? holder.querySelector("legend") : form.querySelector(`label[for="${CSS.escape(inputs[0].id)}"]`))
    ?.textContent.trim() || name;
  if (inputs[0].type === "number") return `- ${question} ${value}`;
  const chosen = String(value).split(",").filter((v) => v !== "").map((v) => {
    const input = inputs.find((i) => i.value === v);
    return input ? input.closest("label").textContent.trim() : v;
  });
  return `- ${question} ${chosen.join(", ") || "—"}`;
}

for (const box of document.querySelectorAll(".wz[data-wizard]")) setupWizard(box);
for (const form of document.querySelectorAll("form.wz-profile")) setupProfile(form);
for (const flow of document.querySelectorAll("details.wz-flow")) {
  flow.addEventListener("toggle", () => { if (flow.open) renderFlowchart(flow, document.querySelector(".wz")?.dataset.root || ""); });
}
