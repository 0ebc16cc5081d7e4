// Second Heart's service worker: the site on the reader's device after one visit.
//
// Made at build time by generators/offline: Python writes the settings (SETTINGS below),
// Workbox's injectManifest (inject.mjs) writes the precache list (every page, stylesheet,
// script, font and the search index, each with a hash of its bytes). Workbox's own code
// is the four files in assets/workbox/, copied from the pinned npm packages.
//
// - Precached files are served from the cache, whatever the network does. A new build
//   installs beside the old one and waits: the open page keeps the old build, whole, until
//   the reader opens another page (assets/javascripts/offline.js then asks it to take over
//   and loads that page in full). Never a page half old, half new.
// - The Python runtime and wheels are cached the first time a widget starts (CacheFirst),
//   in a cache named after a hash of those very files: a build with other files uses a
//   new cache and this worker deletes the old one.
/* global workbox */
importScripts(
  "assets/workbox/workbox-core.prod.js",
  "assets/workbox/workbox-routing.prod.js",
  "assets/workbox/workbox-strategies.prod.js",
  "assets/workbox/workbox-precaching.prod.js",
);

const SETTINGS = /* SETTINGS */ {};
const scope = new URL(self.registration.scope);
const runtimeCache = `${SETTINGS.runtimeCachePrefix}${scope.pathname}-${SETTINGS.runtimeDigest}`;

workbox.core.clientsClaim(); // the first visit's page is served by the worker as soon as it is ready
workbox.precaching.cleanupOutdatedCaches();
// Search results add ?h=word to the address: the same page, so the same precached file.
workbox.precaching.precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });

const runtimePaths = SETTINGS.runtimeFolders.map((folder) => new URL(folder, scope).pathname);
workbox.routing.registerRoute(
  ({ url }) => url.origin === scope.origin && runtimePaths.some((path) => url.pathname.startsWith(path)),
  new workbox.strategies.CacheFirst({ cacheName: runtimeCache }),
);

self.addEventListener("activate", (event) => {
  const mine = `${SETTINGS.runtimeCachePrefix}${scope.pathname}-`;
  event.waitUntil(caches.keys().then((names) => Promise.all(
    names.filter((name) => name.startsWith(mine) && name !== runtimeCache).map((name) => caches.delete(name)),
  )));
});

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  if (type === "SKIP_WAITING") {
    self.skipWaiting();
  } else if (type === "WIDGET_STARTED") {
    // Python may have started before this worker controlled the page: save its files now
    // (mostly from the browser's HTTP cache), so the widgets work with the network off.
    // All at once: a reader may go offline soon after the first widget is ready.
    event.waitUntil(caches.open(runtimeCache).then((cache) => Promise.all(
      SETTINGS.runtimeFiles.map(async (file) => {
        const url = new URL(file, scope).href;
        if (await cache.match(url)) return;
        try {
          await cache.add(url);
        } catch {
          // offline or gone: the route above caches it when it is next fetched
        }
      }),
    )));
  }
});
