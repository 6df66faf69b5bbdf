// Offline cache, registered only after a wizard is ready so it never competes with the first load.
// Cache-first for the runtime and assets (their URLs change with their versions); network-first for
// pages, so content updates show up when online. Same-origin requests only.
const CACHE = "gdpr-hub-v1";
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  const isAsset = url.pathname.includes("/assets/");
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (isAsset) {
      const hit = await cache.match(event.request);
      if (hit) return hit;
      const response = await fetch(event.request);
      if (response.ok) cache.put(event.request, response.clone());
      return response;
    }
    try {
      const response = await fetch(event.request);
      if (response.ok) cache.put(event.request, response.clone());
      return response;
    } catch (error) {
      const hit = await cache.match(event.request);
      if (hit) return hit;
      throw error;
    }
  })());
});
