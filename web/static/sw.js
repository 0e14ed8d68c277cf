// verbinder's service worker (issue #17, point 8): the web app keeps working
// without Wi-Fi at the venue. It keeps the app itself (the page and its
// scripts), and the member's own data the venue needs — who I am, my events and
// registrations (check-in code), my schedule and tables, my connect code — as
// last seen online. Everything else goes to the network as usual. Claims made
// offline are queued by the page (web/src/pwa.ts), not here.
// Privacy: only GET responses of the signed-in member, dropped at logout and
// whenever the server answers 401 for who I am.
const SHELL = 'vb-shell-v1';
const DATA = 'vb-data-v1';
const KEEP = [
  /^\/api\/v1\/auth\/me$/,
  /^\/api\/v1\/events$/,
  /^\/api\/v1\/events\/\d+$/,
  /^\/api\/v1\/events\/\d+\/(registration|schedule|my-tables)$/,
  /^\/api\/v1\/me\/connect-code$/,
  /^\/api\/v1\/sectors$/,
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(['/', '/favicon.svg', '/manifest.webmanifest'])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== DATA).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// An answer from the copy says so (X-Verbinder-Copy): the page then knows the
// network failed even while navigator.onLine says online (web/src/api.ts).
function asCopy(hit) {
  const headers = new Headers(hit.headers);
  headers.set('X-Verbinder-Copy', '1');
  return new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers });
}

// The member's data waits this long for the network (a Wi-Fi that never
// answers), then the copy is shown; the app's page waits as long as it takes.
const DATA_WAIT_MS = 10000;
function fetchWithin(request, ms) {
  if (!ms) return fetch(request);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new TypeError('no answer from the network')), ms);
    fetch(request).then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

async function networkFirst(request, cacheName, key) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetchWithin(request, cacheName === DATA ? DATA_WAIT_MS : 0);
    if (response.ok) await cache.put(key, response.clone());
    else if (cacheName === DATA && [401, 403, 404].includes(response.status)) await cache.delete(key);
    if (response.status === 401 && new URL(request.url).pathname === '/api/v1/auth/me') await caches.delete(DATA);
    return response;
  } catch (err) {
    const hit = await cache.match(key);
    if (hit) return cacheName === DATA ? asCopy(hit) : hit;
    throw err;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== 'GET') {
    // Signing out forgets the member's data on this device.
    if (url.pathname === '/api/v1/auth/logout') event.respondWith(caches.delete(DATA).then(() => fetch(request)));
    return;
  }
  if (request.mode === 'navigate' && !url.pathname.startsWith('/api/')) {
    // Every page of the app is the same document: keep the newest, show it offline.
    event.respondWith(networkFirst(request, SHELL, '/').catch(() => Response.error()));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));   // hashed names: the content never changes
    return;
  }
  if (KEEP.some((re) => re.test(url.pathname))) {
    event.respondWith(networkFirst(request, DATA, request.url));
  }
});
