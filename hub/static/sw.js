// Offline cache, registered only after a wizard is ready so it never competes with the first load.
// Same-origin GET requests only. The build writes the three constants below (hub/mkdocs_hooks.py):
// CACHE is named after every file under assets/, so a new deployment installs a new worker and the old
// cache is dropped; WORKER_CACHES are the caches the page's Python worker fills itself (the runtime,
// the wizards and the memory snapshot made in this browser) and that this deployment still uses;
// DIGESTS are the SHA-256 of every script under assets/ (Pyodide's pyodide.mjs and pyodide.asm.mjs among
// them), by path from the site root: a kept copy that differs (tampered, or damaged on disk) is never
// run; it is dropped and fetched again past the browser's HTTP cache. The page's Python worker checks the
// runtime, the standard library and the wheel it keeps itself (worker.js).
//
// Nothing is downloaded twice: installing copies nothing, and the page's own files are copied from the
// browser's HTTP cache (only-if-cached) after the page loaded them. Query strings are never stored: a
// search highlight (?h=term) or any other query is served from the page without it.
const CACHE = "gdpr-hub-dev";
const WORKER_CACHES = [];
const DIGESTS = {};

const EXPECTED = new Map(Object.entries(DIGESTS).map(([path, digest]) => [new URL(path, self.location.href).href, digest]));

// Whether a response's bytes are the build's; a file the build did not list is not checked.
async function intact(key, response) {
  const expected = EXPECTED.get(key);
  if (!expected) return true;
  try {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer()));
    return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("") === expected;
  } catch { return false; }
}

async function dropEverywhere(key) {
  for (const name of await caches.keys()) if (name.startsWith("gdpr-hub-")) await (await caches.open(name)).delete(key);
}

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keep = new Set([CACHE, ...WORKER_CACHES]);
    for (const name of await caches.keys()) if (name.startsWith("gdpr-hub-") && !keep.has(name)) await caches.delete(name);
    await self.clients.claim();
  })());
});

const withoutQuery = (href) => { const url = new URL(href); url.search = ""; url.hash = ""; return url.href; };

// Copies a file the page already has, from the browser's HTTP cache; only if that cache lost it is it
// fetched again (it is then needed for offline use).
async function keep(cache, href) {
  if (await caches.match(href)) return;
  const quiet = { mode: "same-origin", referrerPolicy: "no-referrer" };
  let response = await fetch(new Request(href, { ...quiet, cache: "only-if-cached" })).catch(() => null);
  if (!response || !response.ok) response = await fetch(new Request(href, { ...quiet, cache: "force-cache" }));
  if (response.ok && await intact(href, response)) await cache.put(href, response);
}

// The page that registered this worker loaded before the worker existed; it sends the addresses of
// itself and its files so that they are kept for offline visits too.
self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "keep" || !Array.isArray(event.data.urls)) return;
  const own = event.data.urls.map((u) => new URL(u, self.location.href))
    .filter((u) => u.origin === self.location.origin && u.search === "").map((u) => withoutQuery(u.href));
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all([...new Set(own)].map((u) => keep(cache, u).catch(() => {})))));
});

const OFFLINE = {
  nl: ["Offline", "U bent offline, en deze pagina is nog niet op dit toestel bewaard.",
       "De pagina's die u al opende en de wizards werken ook zonder verbinding.", "Naar de startpagina"],
  fr: ["Hors ligne", "Vous êtes hors ligne, et cette page n’est pas encore enregistrée sur cet appareil.",
       "Les pages déjà consultées et les assistants fonctionnent aussi sans connexion.", "Vers l’accueil"],
  en: ["Offline", "You are offline, and this page has not been saved on this device yet.",
       "The pages you opened before and the wizards also work without a connection.", "To the home page"],
};

// A page never visited cannot be shown offline; say so in the page's language instead of the
// browser's error page.
function offlinePage(url) {
  const scope = new URL(self.registration.scope);
  const rel = url.pathname.slice(scope.pathname.length);
  const lang = rel.startsWith("fr/") ? "fr" : rel.startsWith("en/") ? "en" : "nl";
  const [title, line1, line2, home] = OFFLINE[lang];
  const href = scope.pathname + (lang === "nl" ? "" : lang + "/");
  const html = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${title}</title><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">` +
    `<h1>${title}</h1><p>${line1}</p><p>${line2}</p><p><a href="${href}">${home}</a></p></body></html>`;
  return new Response(html, { status: 503, headers: { "content-type": "text/html; charset=utf-8" } });
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  const key = withoutQuery(url.href);
  // Files under assets/ are named after their contents (or change the cache's name): cache first.
  if (url.pathname.includes("/assets/")) {
    event.respondWith((async () => {
      // A request that asks past every cache (the Python worker fetching again a copy it found damaged)
      // gets the host's bytes, which then replace the kept ones.
      const hit = event.request.cache === "reload" ? null : await caches.match(key);
      if (hit && await intact(key, hit)) return hit;
      if (hit) {
        console.warn("kept copy differs from the build's; fetched again:", key);
        await dropEverywhere(key).catch(() => {});
      }
      // The HTTP cache may hold the same bad bytes: a dropped copy is fetched from the host.
      const response = await (hit ? fetch(key, { cache: "reload", credentials: "same-origin", referrerPolicy: "no-referrer" })
        : fetch(event.request));
      if (response.ok && url.search === "") {
        const copy = response.clone();
        // Only the build's bytes are kept; a host that serves others is used this once, as without this cache.
        event.waitUntil(intact(key, copy).then((good) => good && caches.open(CACHE).then((cache) => cache.put(key, copy))));
      }
      return response;
    })());
    return;
  }
  // Pages: network first, so content updates show up when online. The browser's HTTP cache is asked
  // to check with the host (no-cache): a host that says "keep for 10 minutes" would otherwise hand out
  // the old page for a while after a deployment.
  event.respondWith((async () => {
    try {
      const fresh = event.request.mode === "navigate"
        ? fetch(url.href, { cache: "no-cache", credentials: "same-origin", referrerPolicy: "no-referrer" })
        : fetch(event.request, { cache: "no-cache" });
      const response = await fresh;
      if (response.redirected && event.request.mode === "navigate") return Response.redirect(response.url, 301);
      if (response.ok && url.search === "") {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)));
      }
      return response;
    } catch (error) {
      const hit = await caches.match(key, { ignoreSearch: true });
      if (hit) return hit;
      if (event.request.mode === "navigate") return offlinePage(url);
      throw error;
    }
  })());
});
