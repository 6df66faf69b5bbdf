// Same questions and rule order as wizards/rules/dpo.py; three-valued like the engine.
const RULES = [
  { id: "public_body", all: ["public_body"] },
  { id: "large_scale_monitoring", all: ["monitoring_core", "monitoring_large_scale"] },
  { id: "large_scale_sensitive", all: ["sensitive_core", "sensitive_large_scale"] },
  { id: "belgian_federal", all: ["federal_processing", "federal_high_risk"] },
];
function evalAll(qs, a) {
  let pending = false, unsure = false;
  for (const q of qs) {
    if (!(q in a)) { pending = true; continue; }
    if (a[q] === "no") return "no";
    if (a[q] === "unsure") unsure = true;
  }
  return pending ? "pending" : unsure ? "unsure" : "yes";
}
function next(a) {
  for (const r of RULES) {
    const s = evalAll(r.all, a);
    if (s === "pending") return r.all.find((q) => !(q in a) && evalAll(r.all.slice(0, r.all.indexOf(q)), a) !== "no");
    if (s === "yes") return null;
  }
  return null;
}
function decide(a) {
  const unsure = [];
  for (const r of RULES) {
    const s = evalAll(r.all, a);
    if (s === "yes") return { verdict: "required", open: [] };
    if (s === "unsure") unsure.push(r.id);
  }
  return unsure.length ? { verdict: "depends", open: unsure } : { verdict: "not_required", open: [] };
}
const answers = {};
const stage = document.querySelector(".wz-stage");
function render() {
  const q = next(answers);
  if (!q) { stage.innerHTML = `<section class="wz-result" data-verdict="${decide(answers).verdict}"></section>`; return; }
  stage.innerHTML = `<form class="wz-step" data-question="${q}"><fieldset><legend>${q}</legend>` +
    ["yes", "no", "unsure"].map((v) => `<label><input type="radio" name="${q}" value="${v}"> ${v}</label>`).join("") +
    `</fieldset><button type="submit" class="wz-next">Next</button></form>`;
}
stage.addEventListener("submit", (e) => {
  e.preventDefault();
  const form = e.target;
  const checked = form.querySelector("input:checked");
  if (checked) { answers[form.dataset.question] = checked.value; render(); }
});
render();
const box = document.querySelector(".wz");
box.dataset.state = "ready";
box.dataset.readyAt = String(Math.round(performance.now()));
