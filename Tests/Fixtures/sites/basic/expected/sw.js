// Written by `switchboard build`: this build's cache version and the files kept for offline reading.
var BUILD = {"version":"db247cf2b3b9","base":"/docs","language":"en-GB","stylesheet":"/docs/assets/site.HASH.css","precache":[
  "/docs/",
  "/docs/policies/",
  "/docs/policies/changes/",
  "/docs/policies/escalation/",
  "/docs/policies/principles/",
  "/docs/policies/print/",
  "/docs/support/",
  "/docs/assets/favicon.HASH.svg",
  "/docs/assets/print.HASH.css",
  "/docs/assets/search-core.HASH.js",
  "/docs/assets/search.HASH.css",
  "/docs/assets/search.HASH.js",
  "/docs/assets/site.HASH.css",
  "/docs/assets/site.HASH.js",
  "/docs/assets/status.HASH.css",
  "/docs/assets/status.HASH.js"
]};
/* Switchboard's service worker: the pages an engineer has read, and the escalation, support,
   status and policy pages, stay readable when the connection drops.
   `switchboard build` publishes this file as /sw.js with `BUILD` (cache version, base path and
   the files to keep) written in front of it. Pages come from the network first, so nothing is
   stale while online; a saved copy answers only when the network fails or does not answer,
   and says so (site.js shows the notice from the meta element added here). */
'use strict';
var PREFIX = 'switchboard:' + BUILD.base + ':';
var CACHE = PREFIX + BUILD.version;
/** How long a page may take before the saved copy is shown instead (it is still saved when it arrives). */
var PATIENCE = 6000;

/** The page's HTML with the time it was saved, for the offline notice. */
function stamped(response) {
  return response.text().then(function (html) {
    var meta = '<meta name="switchboard-saved-copy" content="' + new Date().toISOString() + '">';
    return new Response(html.replace(/<head[^>]*>/i, function (head) { return head + meta; }), {
      status: response.status, statusText: response.statusText,
      headers: { 'Content-Type': response.headers.get('Content-Type') || 'text/html; charset=utf-8' }
    });
  });
}

function isPage(response) {
  return /^text\/html/i.test(response.headers.get('Content-Type') || '');
}

/** Saves a response under `key`: pages with their saved time, other files as they are. */
function save(cache, key, response) {
  if (!response.ok || response.type !== 'basic') return Promise.resolve();
  return (isPage(response) ? stamped(response) : Promise.resolve(response)).then(function (copy) {
    return cache.put(key, copy);
  });
}

/** Pages are saved without their query: /search/?q=… and /search/ are one page. */
function pageKey(url) {
  var parsed = new URL(url);
  return parsed.origin + parsed.pathname;
}

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // One missing file must not cost the reader all the others.
    return Promise.all(BUILD.precache.map(function (url) {
      return fetch(url, { cache: 'no-cache' }).then(function (response) {
        return save(cache, pageKey(response.url || new URL(url, self.location).href), response);
      }).catch(function () {});
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  // Drop earlier builds' caches of this site (another site under a different base path keeps its own).
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) {
      return key.indexOf(PREFIX) === 0 && key !== CACHE;
    }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

function escapeHTML(text) {
  return text.replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; });
}

/** Offline, for a page that was never saved: say so, and list the pages that were. */
function notSaved(cache) {
  return cache.keys().then(function (requests) {
    var links = requests.map(function (request) { return new URL(request.url).pathname; })
      .filter(function (path) { return /\/$|\.html$/.test(path); }).sort()
      .map(function (path) { return '<li><a href="' + escapeHTML(path) + '">' + escapeHTML(path) + '</a></li>'; }).join('');
    var html = '<!DOCTYPE html><html lang="' + escapeHTML(BUILD.language) + '"><head><meta charset="utf-8">' +
      '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline</title>' +
      (BUILD.stylesheet ? '<link rel="stylesheet" href="' + escapeHTML(BUILD.stylesheet) + '">' : '') +
      '</head><body><main id="main" class="wrap"><h1>You are offline</h1>' +
      '<p>This page has not been saved on this device. These pages have:</p><ul>' + links + '</ul></main></body></html>';
    return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  });
}

/** Network first; the saved copy when the network fails, or is too slow and there is one. */
function page(event) {
  var key = pageKey(event.request.url);
  var opened = caches.open(CACHE);
  // Revalidated with the server, never taken from the HTTP cache unasked: a status page must not be stale.
  var network = fetch(new Request(event.request, { cache: 'no-cache' }));
  // Saving may end after the reader has the page (a saved copy, when the network was slow).
  event.waitUntil(network.then(function (response) {
    if (!isPage(response)) return;
    var copy = response.clone();
    return opened.then(function (cache) { return save(cache, key, copy); });
  }).catch(function () {}));
  return opened.then(function (cache) {
    return new Promise(function (resolve) {
      var answered = false;
      function answer(response) { if (!answered) { answered = true; resolve(response); } }
      var timer = setTimeout(function () {
        cache.match(key).then(function (saved) { if (saved) answer(saved); });
      }, PATIENCE);
      network.then(function (response) { clearTimeout(timer); answer(response); }, function () {
        clearTimeout(timer);
        cache.match(key).then(function (saved) { return saved || notSaved(cache); }).then(answer);
      });
    });
  });
}

/** Hashed assets never change: the saved copy first. */
function asset(event) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(event.request).then(function (saved) {
      return saved || fetch(event.request).then(function (response) {
        event.waitUntil(save(cache, event.request, response.clone()));
        return response;
      });
    });
  });
}

/** Other files (search index, status JSON): network first, saved copies offline. */
function file(event) {
  return caches.open(CACHE).then(function (cache) {
    return fetch(event.request).then(function (response) {
      event.waitUntil(save(cache, event.request, response.clone()));
      return response;
    }, function (error) {
      return cache.match(event.request).then(function (saved) { if (saved) return saved; throw error; });
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf(BUILD.base + '/') !== 0) return;
  if (url.pathname.indexOf(BUILD.base + '/assets/') === 0) event.respondWith(asset(event));
  else if (request.mode === 'navigate') event.respondWith(page(event));
  else event.respondWith(file(event));
});
