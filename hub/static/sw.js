// Offline cache, registered only after a wizard is ready so it never competes with the first load.
// Cache-first for assets, network-first for pages (content updates show up when online); same-origin
// requests only. The build writes the two constants below: CACHE changes whenever any asset changes,
// so a new deployment installs a new worker and the old cache is dropped instead of serving stale
// scripts; PRECACHE lists the wizard runtime, copied while the visitor reads the first verdict
// rather than during the next page load.
const CACHE = "gdpr-hub-dev";
const PRECACHE = [];
const RUNTIME = new Set(PRECACHE.map((path) => new URL(path, self.location.href).href));

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

// The page that registered this worker loaded before the worker existed; it sends the addresses of
// itself and its files so that they are kept for offline visits too.
self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "keep" || !Array.isArray(event.data.urls)) return;
  const own = event.data.urls.filter((u) => new URL(u, self.location.href).origin === self.location.origin);
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(own.map((u) =>
    cache.match(u).then((hit) => hit || cache.add(u)).catch(() => {})))));
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  // Online, the browser's own cache hands out the 30 MB runtime faster than this worker can relay it;
  // the copy made at install is for offline visits.
  if (RUNTIME.has(url.href) && self.navigator.onLine) return;
  const isAsset = url.pathname.includes("/assets/");
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (isAsset) {
      const hit = await cache.match(event.request);
      if (hit) return hit;
      const response = await fetch(event.request);
      if (response.ok) event.waitUntil(cache.put(event.request, response.clone()));
      return response;
    }
    try {
      const response = await fetch(event.request);
      if (response.ok) event.waitUntil(cache.put(event.request, response.clone()));
      return response;
    } catch (error) {
      const hit = await cache.match(event.request);
      if (hit) return hit;
      throw error;
    }
  })());
});
