// The field app: boots from the service worker's copy when offline, finishes a sign-in when the identity
// provider sends the browser back, and shows one of the screens (#/new, #/entries, #/admin).

import * as auth from './auth.js';
import * as outbox from './outbox.js';
import { h, replace, toast } from './ui.js';
import * as entryView from './views/entry.js';
import * as entriesView from './views/entries.js';
import * as adminView from './views/admin.js';

const view = document.getElementById('view');
const banner = document.getElementById('banner');
const tabs = document.getElementById('tabs');
const who = document.getElementById('who');
const net = document.getElementById('net');
const badge = document.getElementById('badge');
const ctx = { config: null, profile: null, go };
let dispose = null;
let signInError = null;

function go(route) {
  if (location.hash === `#/${route}`) route_();
  else location.hash = `#/${route}`;
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  const updating = !!navigator.serviceWorker.controller;
  let reloaded = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // A new shell took over after a deploy: show it, unless the worker is typing an entry.
    if (!updating || reloaded) return;
    if (entryView.isDirty()) {
      showBanner('A new version of the app is ready.', 'Reload', () => location.reload());
    } else {
      reloaded = true;
      location.reload();
    }
  });
  navigator.serviceWorker.register('sw.js').catch(() => { /* the app works without it, online */ });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') navigator.serviceWorker.getRegistration().then((r) => r && r.update()).catch(() => {});
  });
}

function showBanner(text, action, onAction) {
  replace(banner, h('span', null, text), action ? h('button', { type: 'button', class: 'secondary', onclick: onAction }, action) : null);
  banner.hidden = false;
}

function updateChrome() {
  ctx.profile = auth.profile();
  net.hidden = navigator.onLine;
  if (!ctx.profile) {
    tabs.hidden = true;
    replace(who);
    banner.hidden = true;
    return;
  }
  tabs.hidden = false;
  tabs.querySelector('[data-route="admin"]').hidden = !auth.isAdmin();
  replace(who, h('span', { class: 'name' }, ctx.profile.name.split(' ')[0]),
    h('button', { type: 'button', class: 'link', id: 'sign-out', onclick: signOut }, 'Sign out'));
  if (!auth.hasSession()) {
    showBanner(navigator.onLine ? 'Not signed in: new entries stay on this phone until you sign in.'
      : 'Offline and not signed in: new entries stay on this phone.', navigator.onLine ? 'Sign in' : null,
    () => auth.signIn().catch((e) => toast(e.message, 'error')));
  } else {
    banner.hidden = true;
  }
}

async function signOut() {
  const waiting = (await outbox.items(ctx.profile.email)).length;
  if (waiting && !confirm(`${waiting} ${waiting === 1 ? 'entry is' : 'entries are'} not sent yet. They stay on this phone and are sent when you sign in again. Sign out?`)) return;
  await auth.signOut();
}

async function updateBadge() {
  if (!ctx.profile) return;
  const n = (await outbox.items(ctx.profile.email)).length;
  badge.textContent = n ? String(n) : '';
  badge.hidden = !n;
}

function signInScreen() {
  const canSign = auth.canSignIn();
  const button = h('button', {
    type: 'button', class: 'primary big', id: 'sign-in', disabled: !canSign,
    onclick: () => auth.signIn('#/new').catch((e) => { replace(error, e.message); error.hidden = false; }),
  }, 'Sign in');
  const error = h('p', { class: 'notice refused', role: 'alert', hidden: !signInError }, signInError || '');
  let where = '';
  try { where = new URL(ctx.config.issuer).host; } catch (e) { /* not configured */ }
  replace(view, h('section', { class: 'signin', 'aria-labelledby': 'signin-title' },
    h('img', { src: 'icons/icon.svg', alt: '', width: 72, height: 72 }),
    h('h1', { id: 'signin-title' }, 'Roofworx'),
    h('p', null, 'Log your hours from the roof. Every entry is kept on this phone until the office has it.'),
    error, button,
    h('p', { class: 'muted' }, canSign ? `You sign in with your company account (${where}).`
      : ctx.config ? 'Sign-in is not set up on this server yet (roofworx.client.client-id).'
        : 'Connect to the internet once to set the app up.')));
}

async function route_() {
  if (dispose) { try { dispose(); } catch (e) { /* screen already gone */ } dispose = null; }
  updateChrome();
  if (!ctx.profile) {
    signInScreen();
    return;
  }
  const name = (location.hash.match(/^#\/(\w+)/) || [])[1] || 'new';
  const screen = name === 'entries' ? entriesView : name === 'admin' && auth.isAdmin() ? adminView : entryView;
  const active = screen === entriesView ? 'entries' : screen === adminView ? 'admin' : 'new';
  for (const a of tabs.querySelectorAll('a')) {
    if (a.dataset.route === active) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  const root = h('div', { class: `screen screen-${active}` });
  replace(view, root);
  dispose = await screen.render(root, ctx);
  updateBadge();
}

async function boot() {
  registerServiceWorker();
  const params = new URLSearchParams(location.search);
  const callback = auth.isCallback(params) ? params : null;
  if (callback) {
    // The one-time code leaves the address bar (and the history) before anything else happens.
    history.replaceState(null, '', location.pathname);
  }
  ctx.config = await auth.loadConfig();
  if (callback) {
    try {
      const back = await auth.completeSignIn(callback);
      history.replaceState(null, '', location.pathname + (back || '#/new'));
    } catch (e) {
      signInError = e.message;
    }
  }
  outbox.configure({ owner: () => (auth.profile() || {}).email, token: auth.token });
  outbox.onChange((ev) => {
    if (ev.type === 'auth') {
      if (auth.hasSession() && navigator.onLine) auth.dropTokens();
      updateChrome();
    }
    updateBadge();
  });
  addEventListener('hashchange', route_);
  addEventListener('online', updateChrome);
  addEventListener('offline', updateChrome);
  await route_();
  if (ctx.profile) outbox.start();
}

boot();
