// One call into the wizards' Python worker (hub/static/worker.js), for the pages that ask it for their
// documents (record.js, dpia.js, gdpr-file.js): each call waits for its own answer only, and a refusal
// from Python (one sentence in the page's language) comes back as a Refusal.
export class Refusal extends Error {}

let nextId = 1;

// `prefix` names the page's calls; `base` is what every payload of the page carries (its language, and
// for some pages where their own Python is); `noPython` is the page's sentence when Python cannot start.
export function caller(prefix, base, noPython) {
  return async function ask(payload) {
    if (!window.__wzBoot) throw new Refusal(noPython);
    await window.__wzBoot.ready;
    const worker = window.__wzBoot.worker;
    const id = prefix + nextId++;
    const answer = await new Promise((resolve, reject) => {
      const listener = (event) => {
        if (event.data.type !== "result" || event.data.id !== id) return;
        worker.removeEventListener("message", listener);
        event.data.error ? reject(new Error(event.data.error)) : resolve(event.data.data);
      };
      worker.addEventListener("message", listener);
      worker.postMessage({ type: "step", id, payload: { ...base, ...payload } });
    });
    if (answer.status !== "ok") throw new Refusal(answer.message);
    return answer;
  };
}
