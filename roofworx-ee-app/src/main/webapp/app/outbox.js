// The outbox: every new entry is written here first (with the id the server will keep), then sent. An entry
// leaves the outbox only when the server acknowledged it (201 or, for a resend, 200). Refusals (400, 403, 409,
// ...) stay, marked with the reason, until the worker fixes or discards them. Everything else (no network, a
// timeout, 429, 5xx, an expired sign-in) leaves the entry queued for the next try, with the same id and body,
// so a resend can never make a second entry. Corrections and voids of an entry go through the same outbox, in
// order, each with the If-Match it was made against, so a resend of one can never apply it twice. Tabs share the
// outbox; a tab sends only entries it claimed in one IndexedDB transaction, so two tabs never send the same entry
// at once.

import * as db from './db.js';
import { call, reason } from './api.js';
import { uuid } from './ui.js';

const TAB = uuid();
const LEASE_MS = 30000;
const MAX_BACKOFF_MS = 60000;
const CHANGED_ELSEWHERE = 'Changed elsewhere (on another phone or by the office) since you edited it. '
  + 'The entry now shows the saved version; edit it again if needed.';
const channel = 'BroadcastChannel' in self ? new BroadcastChannel('roofworx-outbox') : null;
const listeners = new Set();
let source = { owner: () => null, token: async () => null };
let flushing = null;
let again = false;
let failures = 0;
let retryTimer = null;
let nextTryAt = 0;

/** owner(): the signed-in worker's e-mail; token(): a bearer token or null. */
export function configure(s) {
  source = s;
}

/** fn(event) for every change here or in another tab: {type: 'added'|'acked'|'refused'|'failed'|'auth'|...}. */
export function onChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function emit(event, local = false) {
  listeners.forEach((fn) => fn(event));
  if (channel && !local) channel.postMessage(event);
}

if (channel) channel.onmessage = (e) => listeners.forEach((fn) => fn(e.data));

export function nextTry() {
  return nextTryAt;
}

/** Writes a new entry to the outbox (on disk before it answers). */
export async function add(owner, body, projectName) {
  const item = {
    id: body.id, owner, body, projectName, state: 'queued', createdAt: Date.now(),
    attempts: 0, lastError: null, problem: null, claim: null,
  };
  await db.tx('outbox', 'readwrite', (s) => { s.outbox.add(item); }, 'strict');
  emit({ type: 'added', id: item.id });
  return item;
}

/**
 * Queues a change of entry {@code entryId}: op 'put' (body: the full new content) or 'delete' (a void; body: the
 * content as shown, kept for the list only), made against version {@code ifMatch}. It is sent after everything
 * queued before it for the same entry, so a correction of an entry not sent yet names version 1, the version the
 * waiting submit will create.
 */
export async function change(owner, entryId, op, ifMatch, body, projectName) {
  const item = {
    id: uuid(), entryId, op, ifMatch, owner, body: { ...body, id: entryId }, projectName, state: 'queued',
    createdAt: Date.now(), attempts: 0, lastError: null, problem: null, claim: null,
  };
  await db.tx('outbox', 'readwrite', (s) => { s.outbox.add(item); }, 'strict');
  emit({ type: 'added', id: item.id, entryId });
  return item;
}

/** The entry an outbox item is about: its own id for a new entry, the changed entry's for a change. */
export function entryOf(item) {
  return item.entryId || item.id;
}

/** The version the next change of this entry is made against: one past the last change waiting for it. */
export function nextVersion(entry, waiting) {
  const pending = waiting.filter((o) => o.entryId === entry.id && o.state === 'queued').map((o) => o.ifMatch);
  return pending.length ? Math.max(...pending) + 1 : entry.version || 1;
}

export function items(owner) {
  return db.all('outbox', owner);
}

/** Removes an item, and the changes waiting behind it for the same entry (they could only be refused). */
export async function discard(id) {
  await db.tx('outbox', 'readwrite', async (s) => {
    const all = await db.req(s.outbox.getAll());
    for (const item of all) {
      if (item.id === id || item.entryId === id) s.outbox.delete(item.id);
    }
  });
  emit({ type: 'discarded', id });
}

/** Sends every queued entry of the signed-in worker; a call while one runs makes it go round once more. */
export function flush() {
  if (flushing) {
    again = true;
    return flushing;
  }
  flushing = (async () => {
    try {
      do {
        again = false;
        await flushOnce();
      } while (again);
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

async function flushOnce() {
  const owner = source.owner();
  if (!owner || !navigator.onLine) return;
  if ((await items(owner)).every((i) => i.state !== 'queued')) return;
  const token = await source.token();
  if (!token) {
    emit({ type: 'auth' }, true);
    return;
  }
  const claimed = await claim(owner);
  for (let i = 0; i < claimed.length; i++) {
    const ok = await send(claimed[i], token);
    if (!ok) {
      await release(claimed.slice(i));
      return;
    }
  }
  if (claimed.length) {
    failures = 0;
    nextTryAt = 0;
  }
}

/**
 * Marks the owner's queued, unclaimed items as this tab's for a while, in one transaction. An item waits while an
 * earlier one for the same entry is not claimable (another tab sends it, or it was refused): a correction must
 * never overtake the submit or the change it was made against.
 */
function claim(owner) {
  const now = Date.now();
  return db.tx('outbox', 'readwrite', async (s) => {
    const all = (await db.req(s.outbox.index('owner').getAll(owner))).sort((a, b) => a.createdAt - b.createdAt);
    const mine = [];
    const waiting = new Set();
    for (const item of all) {
      const free = item.state === 'queued' && (!item.claim || item.claim.until < now);
      if (free && !waiting.has(entryOf(item))) mine.push(item);
      else waiting.add(entryOf(item));
    }
    for (const item of mine) {
      item.claim = { by: TAB, until: now + LEASE_MS };
      s.outbox.put(item);
    }
    return mine;
  });
}

function release(list, change = {}) {
  return db.tx('outbox', 'readwrite', async (s) => {
    for (const item of list) {
      const current = await db.req(s.outbox.get(item.id));
      if (current && current.claim && current.claim.by === TAB) {
        s.outbox.put({ ...current, ...change, claim: null });
      }
    }
  });
}

/** The request an item stands for: a submit, a correction (PUT) or a void (DELETE) with its If-Match. */
function request(item, token) {
  if (item.op === 'put') return [`time-entries/${item.entryId}`, { method: 'PUT', body: item.body, ifMatch: item.ifMatch, token }];
  if (item.op === 'delete') return [`time-entries/${item.entryId}`, { method: 'DELETE', ifMatch: item.ifMatch, token }];
  return ['time-entries', { method: 'POST', body: item.body, token }];
}

/** Sends one item; answers whether to go on with the next. */
async function send(item, token) {
  performance.mark('rw:send', { detail: { id: item.id } });
  try {
    const answer = await call(...request(item, token));
    performance.mark('rw:answer', { detail: { id: item.id, status: answer.status } });
    await db.tx(['outbox', 'entries'], 'readwrite', (s) => {
      s.outbox.delete(item.id);
      s.entries.put({ ...answer.data, owner: item.owner, projectName: item.projectName, savedAt: Date.now() });
    });
    emit({ type: 'acked', id: item.id, status: answer.status });
    return true;
  } catch (error) {
    performance.mark(error.status ? 'rw:answer' : 'rw:fail', { detail: { id: item.id, status: error.status || 0 } });
    if (error.kind === 'refused') {
      const stale = error.status === 412;
      await release([item], {
        state: 'refused', attempts: item.attempts + 1, problem: error.problem || { status: error.status },
        lastError: stale ? CHANGED_ELSEWHERE : reason(error),
      });
      if (stale) await reload(item, token);
      emit({ type: 'refused', id: item.id, entryId: item.entryId, status: error.status });
      return true;
    }
    await release([item], { attempts: item.attempts + 1, lastError: reason(error) });
    if (error.kind === 'auth') {
      emit({ type: 'auth' }, true);
      return false;
    }
    scheduleRetry(error.retryAfterSeconds);
    emit({ type: 'failed', id: item.id, kind: error.kind });
    return false;
  }
}

/** After a 412: the phone's copy of the entry is old; the server's replaces it, so the worker sees what changed. */
async function reload(item, token) {
  try {
    const { data } = await call(`time-entries/${item.entryId}`, { token });
    await db.put('entries', { ...data, owner: item.owner, projectName: item.projectName, savedAt: Date.now() });
  } catch (e) {
    // The next refresh of My entries brings it.
  }
}

/** After a failure: try again later, sooner each time the network or the page comes back (see start()). */
function scheduleRetry(retryAfterSeconds = 0) {
  failures++;
  const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures, 6)) * (0.5 + Math.random());
  const delay = Math.max(backoff, retryAfterSeconds * 1000);
  nextTryAt = Date.now() + delay;
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => flush(), delay);
  requestBackgroundSync();
}

/** Asks the browser to wake the app when the network is back (Background Sync, where the browser has it). */
export async function requestBackgroundSync() {
  try {
    const reg = await navigator.serviceWorker?.ready;
    if (reg && reg.sync) await reg.sync.register('roofworx-outbox');
  } catch (e) {
    // not supported or not allowed: the other triggers still send
  }
}

/** Sends on reconnect, when the page becomes visible, on an interval, and when the service worker asks. */
export function start(intervalMs = 30000) {
  addEventListener('online', () => { failures = 0; flush(); });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') flush();
  });
  setInterval(() => {
    if (document.visibilityState === 'visible' && navigator.onLine && Date.now() >= nextTryAt) flush();
  }, intervalMs);
  navigator.serviceWorker?.addEventListener('message', (e) => {
    if (e.data && e.data.type === 'flush') {
      flush().finally(() => e.ports[0] && e.ports[0].postMessage('done'));
    }
  });
  flush();
}
