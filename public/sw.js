// Broadsheet's service worker (plain JavaScript: a worker written in Wasm would
// drop events while it loads).
//
// - The app shell (shell.html, the hashed .js/.wasm/.css, boot.js, icons,
//   manifest, the interface's words ui/*.json) and the front page (./, the
//   pre-rendered library) are precached. The list and VERSION are written into
//   this file at build time by scripts/postbuild.mjs from the real dist files, so
//   every deploy that changes the shell is a new worker; old shell caches go on
//   activate.
// - Navigations: network first, falling back to the cached front page for the
//   front page and to the cached shell for the rest, so deep links
//   (/read?src=…) open offline. Pre-rendered article pages (/articles/<name>/)
//   are kept like articles and come back offline as they were.
// - Article JSON: stale-while-revalidate; when the refreshed copy differs, open
//   pages get an ARTICLE_UPDATED message.
// - Images: cache first, at most IMAGE_LIMIT entries / IMAGE_BYTES bytes.
// - "Save for offline" copies an article and its images into a cache that is
//   never trimmed.
// - Only complete, successful responses are cached: never a 206 or an error.
// - A new version waits until the page asks it to take over (the reader chose
//   "Reload"); it never replaces the running app by itself.

// ---- The message protocol ----
//
// Everything the page (crates/web/src/offline.rs) and this worker say to each
// other, described here once: the `type` of each message, its other fields, and
// its reply. offline.rs names the same types in its `Message` enum; its tests
// fail when the two lists differ.
//
// Requests from the page carry a MessageChannel port; the reply on it is
// `{ ok: true, result }` or `{ ok: false, error: "what went wrong" }`.
// A saved list is `[{ url, id, headline, images, bytes, savedAt }]`, newest
// first (bytes: the article's and its images' sizes; savedAt: ms since 1970).
const MESSAGE = Object.freeze({
  // page → worker `{ type, urls: [url…] }`: fetch and cache these articles and
  // images, opened before this worker controlled the page. Reply: true.
  CACHE_URLS: 'cache-urls',
  // page → worker `{ type, url, id, headline, images: [url…] }`: save the article
  // at `url` and these images for offline reading. Reply: the saved list.
  SAVE: 'save',
  // page → worker `{ type, urls: [url…] }`: forget these saved articles, and
  // their images no other saved article uses. Reply: the saved list.
  REMOVE: 'remove',
  // page → worker `{ type }`. Reply: the saved list.
  LIST_SAVED: 'list-saved',
  // page → worker `{ type }`. Reply: this worker's VERSION (for debugging).
  VERSION: 'version',
  // page → the waiting worker `{ type }`, no port, no reply: the reader chose
  // "Reload"; take over now (the page reloads on `controllerchange`).
  SKIP_WAITING: 'skip-waiting',
  // worker → every open page `{ type, url }`, no reply: a newer copy of the
  // article at `url` arrived in the background (and is now in the cache).
  ARTICLE_UPDATED: 'article-updated',
});

const VERSION = '__VERSION__';
const PRECACHE = ['__PRECACHE__'];

const SHELL = `broadsheet-shell-${VERSION}`;
const ARTICLES = 'broadsheet-articles';
const IMAGES = 'broadsheet-images';
const SAVED = 'broadsheet-saved';
const IMAGE_LIMIT = 200;
const IMAGE_BYTES = 60 * 1024 * 1024;
const SAVED_INDEX = new URL('__broadsheet/saved.json', self.registration.scope).href;

const scoped = (path) => new URL(path, self.registration.scope).href;
const shellUrls = new Set(PRECACHE.map(scoped));

// The library's list is data, not shell: kept fresh like any article, but
// fetched at install so the library opens offline after the first visit.
const LIBRARY_INDEX = scoped('articles/index.json');

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await (await caches.open(SHELL)).addAll([...shellUrls]);
      const index = await fetch(LIBRARY_INDEX).catch(() => null);
      if (cacheable(index)) await (await caches.open(ARTICLES)).put(LIBRARY_INDEX, index);
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([SHELL, ARTICLES, IMAGES, SAVED]);
      for (const name of await caches.keys()) {
        if (name.startsWith('broadsheet-') && !keep.has(name)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

const cacheable = (response) => response && response.status === 200 && response.type !== 'opaque';

const isArticle = (request, url) =>
  url.pathname.endsWith('.json') && !url.pathname.includes('/__broadsheet/') && request.method === 'GET';
const isImage = (request, url) =>
  request.destination === 'image' || /\.(jpe?g|png|gif|webp|avif|svg)$/i.test(url.pathname);

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const url = new URL(request.url);
  if (!/^https?:$/.test(url.protocol)) return;

  if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
  } else if (shellUrls.has(url.href)) {
    event.respondWith(cacheFirst(request, SHELL));
  } else if (isArticle(request, url)) {
    event.respondWith(staleWhileRevalidate(event, request));
  } else if (isImage(request, url)) {
    event.respondWith(image(request));
  }
});

// A pre-rendered article page (broadsheet build): /articles/<name>/.
const isArticlePage = (url) => url.origin === self.location.origin && /^\/articles\/[^/]+\/$/.test(url.pathname);

async function navigation(request) {
  const page = isArticlePage(new URL(request.url));
  try {
    const response = await fetch(request);
    // Kept like an article, so the page reloads offline as it was.
    if (page && cacheable(response)) (await caches.open(ARTICLES)).put(request.url, response.clone());
    return response;
  } catch (error) {
    const kept = page && (await caches.match(request.url, { ignoreSearch: true }));
    if (kept) return kept;
    const shell = await caches.open(SHELL);
    const front = new URL(request.url).pathname === new URL(scoped('./')).pathname;
    return (await shell.match(scoped(front ? './' : 'shell.html'))) || (await shell.match(scoped('./'))) || Response.error();
  }
}

async function cacheFirst(request, name) {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (cacheable(response)) (await caches.open(name)).put(request, response.clone());
  return response;
}

async function staleWhileRevalidate(event, request) {
  const cached = await caches.match(request, { ignoreVary: true });
  // Read before `cached` goes to the page, which consumes its body.
  const cachedText = cached ? cached.clone().text() : null;
  const refresh = fetch(request).then(async (response) => {
    if (!cacheable(response)) return response;
    const fresh = await response.clone().text();
    // A file the app cannot read is never kept: after it is fixed on the
    // server, Retry must get the fixed one, not this copy.
    if (!parses(fresh)) return response;
    const cache = await caches.open(ARTICLES);
    await cache.put(request, response.clone());
    const saved = await caches.open(SAVED);
    if (await saved.match(request)) await saved.put(request, response.clone());
    if (cachedText && (await cachedText) !== fresh) {
      for (const client of await self.clients.matchAll({ type: 'window' })) {
        client.postMessage({ type: MESSAGE.ARTICLE_UPDATED, url: request.url });
      }
    }
    return response;
  });
  if (cached) {
    event.waitUntil(refresh.catch(() => {}));
    return cached;
  }
  return refresh;
}

function parses(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

async function image(request) {
  const hit = await caches.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (cacheable(response)) {
    const cache = await caches.open(IMAGES);
    await cache.put(request, response.clone());
    trimImages(cache);
  }
  return response;
}

// Oldest first (a cache keeps insertion order) until under both limits.
async function trimImages(cache) {
  const keys = await cache.keys();
  let bytes = 0;
  const sizes = [];
  for (const key of keys) {
    const r = await cache.match(key);
    const size = Number(r.headers.get('content-length')) || (await r.clone().blob()).size;
    sizes.push(size);
    bytes += size;
  }
  for (let i = 0; i < keys.length && (keys.length - i > IMAGE_LIMIT || bytes > IMAGE_BYTES); i++) {
    await cache.delete(keys[i]);
    bytes -= sizes[i];
  }
}

// ---- Saved for offline ----

async function savedIndex() {
  const r = await (await caches.open(SAVED)).match(SAVED_INDEX);
  return r ? r.json() : [];
}

async function writeSavedIndex(list) {
  const body = JSON.stringify(list);
  await (await caches.open(SAVED)).put(SAVED_INDEX, new Response(body, { headers: { 'content-type': 'application/json' } }));
}

async function save({ url, id, headline, images }) {
  const cache = await caches.open(SAVED);
  let bytes = 0;
  for (const target of [url, ...images]) {
    const response = await fetch(target, { cache: 'no-cache' });
    if (!cacheable(response)) throw new Error(`${target}: HTTP ${response.status}`);
    bytes += (await response.clone().blob()).size;
    await cache.put(target, response);
  }
  const list = (await savedIndex()).filter((entry) => entry.url !== url);
  list.unshift({ url, id, headline, images, bytes, savedAt: Date.now() });
  await writeSavedIndex(list);
  return list;
}

async function remove(urls) {
  const cache = await caches.open(SAVED);
  const list = await savedIndex();
  const keep = list.filter((entry) => !urls.includes(entry.url));
  const stillUsed = new Set(keep.flatMap((e) => [e.url, ...e.images]));
  for (const entry of list.filter((e) => urls.includes(e.url))) {
    for (const target of [entry.url, ...entry.images]) if (!stillUsed.has(target)) await cache.delete(target);
  }
  await writeSavedIndex(keep);
  return keep;
}

// The page's requests (MESSAGE, above).
self.addEventListener('message', (event) => {
  const message = event.data || {};
  const reply = (value) => event.ports[0] && event.ports[0].postMessage(value);
  const answer = (work) =>
    event.waitUntil(work.then((result) => reply({ ok: true, result }), (error) => reply({ ok: false, error: String(error.message || error) })));
  switch (message.type) {
    case MESSAGE.SKIP_WAITING:
      self.skipWaiting();
      break;
    case MESSAGE.VERSION:
      reply({ ok: true, result: VERSION });
      break;
    case MESSAGE.CACHE_URLS:
      // Articles opened before this worker controlled the page.
      answer(Promise.all((message.urls || []).map((u) => cacheFirst(new Request(u), isImage({}, new URL(u)) ? IMAGES : ARTICLES).catch(() => null))).then(() => true));
      break;
    case MESSAGE.SAVE:
      answer(save(message));
      break;
    case MESSAGE.REMOVE:
      answer(remove(message.urls || []));
      break;
    case MESSAGE.LIST_SAVED:
      answer(savedIndex());
      break;
  }
});
