// The service worker: keeps the app shell so the app opens without a network, and wakes the page's outbox on
// Background Sync. The server fills in the shell's version and file list; a deploy that changes any shell
// file changes this script, so the browser installs the new shell and drops the old one. It never touches API
// calls and never sees a token.

const VERSION = '__SHELL_VERSION__';
const FILES = "__SHELL_FILES__";
const PREFIX = 'roofworx-shell-';
const CACHE = PREFIX + VERSION;
const NOT_SHELL = ['api/', 'health', 'openapi', 'metrics'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = url.pathname.slice(scope.pathname.length);
  if (NOT_SHELL.some((p) => path.startsWith(p))) return;
  if (request.mode === 'navigate') {
    // Every page of the app is the start page; the sign-in callback's query stays for the page to read.
    event.respondWith(caches.open(CACHE)
      .then((cache) => cache.match(new URL('./', self.location).href))
      .then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(request, { ignoreSearch: true }))
    .then((hit) => hit || fetch(request)));
});

// Background Sync: the browser says the network is back. The page owns the token, so ask open pages to send;
// with none open, the outbox is sent the next time the app opens.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'roofworx-outbox') return;
  event.waitUntil(self.clients.matchAll({ type: 'window' }).then((pages) => Promise.all(pages.map((page) =>
    new Promise((resolve) => {
      const reply = new MessageChannel();
      const timer = setTimeout(resolve, 20000);
      reply.port1.onmessage = () => { clearTimeout(timer); resolve(); };
      page.postMessage({ type: 'flush' }, [reply.port2]);
    })))));
});
