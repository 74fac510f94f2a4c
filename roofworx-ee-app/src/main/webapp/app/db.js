// The phone's local copy: the outbox (entries not yet acknowledged), the entries the server acknowledged or
// listed, and small cached values (projects, settings). IndexedDB, shared by every tab of the app.

const NAME = 'roofworx';
const VERSION = 1;
let opened;

export function open() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const req = indexedDB.open(NAME, VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('owner', 'owner');
        db.createObjectStore('entries', { keyPath: 'id' }).createIndex('owner', 'owner');
        db.createObjectStore('kv', { keyPath: 'key' });
      };
      req.onsuccess = () => {
        const db = req.result;
        // Another tab opening a newer version: let it, and open again next time.
        db.onversionchange = () => { db.close(); opened = undefined; };
        resolve(db);
      };
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('the local database is blocked by another tab'));
    });
  }
  return opened;
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error || new Error('transaction aborted'));
  });
}

function result(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * Runs fn(stores) in one transaction over the named stores; answers what fn answered once it committed.
 * fn may only wait for requests of this transaction. durability 'strict': committed only once on disk.
 */
export async function tx(names, mode, fn, durability = 'default') {
  const db = await open();
  const t = db.transaction(names, mode, { durability });
  const stores = Object.fromEntries([].concat(names).map((n) => [n, t.objectStore(n)]));
  let value;
  try {
    value = await fn(stores, t);
  } catch (e) {
    try { t.abort(); } catch (ignored) { /* already finished */ }
    throw e;
  }
  await done(t);
  return value;
}

export const req = result;

export function all(store, owner) {
  return tx(store, 'readonly', (s) => result(s[store].index('owner').getAll(owner)));
}

export function get(store, key) {
  return tx(store, 'readonly', (s) => result(s[store].get(key)));
}

export function put(store, value) {
  return tx(store, 'readwrite', (s) => { s[store].put(value); });
}

export function remove(store, key) {
  return tx(store, 'readwrite', (s) => { s[store].delete(key); });
}

export async function getValue(key) {
  const row = await get('kv', key);
  return row ? row.value : undefined;
}

export function setValue(key, value) {
  return put('kv', { key, value });
}
