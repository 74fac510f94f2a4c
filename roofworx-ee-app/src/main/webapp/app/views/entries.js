// My entries: the last 30 days, newest first, from this phone's copy (so it works offline), each with its
// state; refused entries on top with the reason and Fix / Discard. Recent entries offer Edit and Void, which go
// through the outbox like new entries; a change waiting there is shown as it will be. Voided entries are hidden
// unless "Show voided" is on. Refreshed from the API when possible.

import * as auth from '../auth.js';
import * as data from '../data.js';
import * as outbox from '../outbox.js';
import * as entryView from './entry.js';
import { h, replace, duration, dayLabel, time, toast } from '../ui.js';

const FAST_MS = 5000;
const SLOW_MS = 60000;
let showVoided = false;

export async function render(root, ctx) {
  const owner = ctx.profile.email;
  const status = h('p', { class: 'muted status', id: 'entries-status', 'aria-live': 'polite' });
  const listEl = h('div', { id: 'entries' });
  const refreshButton = h('button', { type: 'button', class: 'secondary', onclick: () => refresh(true) }, 'Refresh');
  const voidedToggle = h('label', { class: 'toggle' }, h('input', {
    type: 'checkbox', id: 'show-voided', checked: showVoided,
    onchange: (e) => { showVoided = e.target.checked; draw(); },
  }), 'Show voided');
  const correctionDays = ctx.config && ctx.config.correctionDays !== undefined ? ctx.config.correctionDays : 7;
  replace(root, h('section', { 'aria-labelledby': 'entries-title' },
    h('div', { class: 'title-row' }, h('h1', { id: 'entries-title' }, 'My entries'), refreshButton),
    voidedToggle, status, listEl));
  let waitingChanges = [];
  let timer = null;
  let note = '';

  async function draw() {
    const [queued, saved, names] = await Promise.all([outbox.items(owner), data.entries(owner), data.projects(owner)]);
    const byId = new Map();
    for (const e of saved) byId.set(e.id, { ...e, kind: 'saved' });
    for (const o of queued) {
      if (o.op && o.state === 'queued') {
        // A change on its way: the entry is shown as it will be.
        const before = byId.get(o.entryId) || {};
        byId.set(o.entryId, {
          ...before, ...o.body, id: o.entryId, state: 'queued', lastError: o.lastError, pendingOp: o.op,
          voided: o.op === 'delete' || !!before.voided, kind: before.kind || 'outbox', createdAt: before.createdAt || o.createdAt,
        });
      } else if (o.state === 'refused' || !byId.has(o.id)) {
        // A refused item always shows; a queued new entry only until the server's copy is here.
        byId.set(o.id, { ...o.body, ...o, kind: 'outbox' });
      }
    }
    waitingChanges = queued.filter((o) => o.op);
    const all = [...byId.values()].filter((e) => showVoided || !e.voided || e.state === 'refused');
    const refused = all.filter((e) => e.state === 'refused').sort((a, b) => b.createdAt - a.createdAt);
    const rest = all.filter((e) => e.state !== 'refused')
      .sort((a, b) => (b.workDate.localeCompare(a.workDate)) || (stamp(b) - stamp(a)));
    const days = new Map();
    for (const e of rest) {
      if (!days.has(e.workDate)) days.set(e.workDate, []);
      days.get(e.workDate).push(e);
    }
    const label = (e) => e.projectName || data.projectName(names.list, e.projectId) || 'Project';
    replace(listEl,
      refused.length ? h('section', { class: 'attention', 'aria-label': 'Needs your attention' },
        h('h2', null, 'Needs your attention'), h('ul', { class: 'list' }, refused.map((e) => item(e, label(e))))) : null,
      [...days.entries()].map(([day, list]) => h('section', { class: 'day' },
        h('h2', null, dayLabel(day), h('span', { class: 'total' },
          duration(list.reduce((n, e) => n + (e.voided ? 0 : e.minutes), 0)))),
        h('ul', { class: 'list' }, list.map((e) => item(e, label(e)))))),
      all.length ? null : h('p', { class: 'empty' }, 'No entries in the last 30 days on this phone.'));
    const waiting = queued.filter((o) => o.state === 'queued').length;
    const at = await data.entriesRefreshedAt(owner);
    status.textContent = [
      !navigator.onLine ? 'Offline: showing what is on this phone.' : '',
      waiting ? `${waiting} waiting to be sent.` : '',
      note,
      at ? `Updated ${time(at)}.` : '',
    ].filter(Boolean).join(' ');
    return all;
  }

  function item(e, name) {
    const state = data.stateOf(e);
    const li = h('li', { class: `entry state-${state}${e.voided ? ' voided' : ''}`, dataset: { id: e.id, state, voided: !!e.voided } },
      h('div', { class: 'entry-main' },
        h('strong', null, name), h('span', { class: 'minutes' }, duration(e.minutes))),
      h('div', { class: 'entry-meta' },
        [e.taskType, e.notes].filter(Boolean).join(' · ') || null),
      h('div', { class: 'entry-state' }, h('span', { class: `pill ${state}` }, data.STATE_LABELS[state]),
        state === 'phone' && e.lastError ? h('small', null, ` Last try: ${e.lastError}`) : null,
        state === 'stored' ? h('small', null, ' Office system: on its way') : null,
        e.voided ? h('span', { class: 'pill voided' }, 'Voided') : null));
    if (state === 'refused') {
      li.append(h('p', { class: 'reason' }, e.lastError),
        h('div', { class: 'actions' },
          e.op ? null : h('button', { type: 'button', class: 'secondary', onclick: () => fix(e) }, 'Fix'),
          h('button', { type: 'button', class: 'danger', onclick: () => discard(e) }, 'Discard')));
    } else if (data.changeable(e, correctionDays)) {
      li.append(h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', onclick: () => edit(e) }, 'Edit'),
        h('button', { type: 'button', class: 'danger', onclick: () => voidEntry(e, name) }, 'Void')));
    }
    return li;
  }

  function edit(e) {
    entryView.editing(e, outbox.nextVersion(e, waitingChanges));
    ctx.go('new');
  }

  async function voidEntry(e, name) {
    if (!confirm('Void this entry? It stays on record as voided and no longer counts.')) return;
    const content = { projectId: e.projectId, workDate: e.workDate, minutes: e.minutes, notes: e.notes, taskType: e.taskType };
    await outbox.change(owner, e.id, 'delete', outbox.nextVersion(e, waitingChanges), content, name);
    toast(navigator.onLine ? 'Voided on this phone · sending…' : 'Voided on this phone · will send when online');
    outbox.flush();
  }

  function fix(e) {
    entryView.fixing(e);
    ctx.go('new');
  }

  async function discard(e) {
    if (!confirm(e.op ? 'Discard this change? It was not accepted and will not be sent.'
      : 'Discard this entry? It was not accepted and will not be sent.')) return;
    await outbox.discard(e.id);
    toast('Entry discarded.');
    draw();
  }

  async function refresh(manual = false) {
    let all = await draw();
    if (navigator.onLine) {
      const token = await auth.token();
      if (token) {
        try {
          const r = await data.refreshEntries(owner, token);
          note = r.partial ? 'Some older entries may be missing right now.' : '';
          all = await draw();
        } catch (err) {
          note = err.kind === 'auth' ? 'Sign in again to update.' : 'Could not update from the server.';
          if (manual) toast(note, 'error');
          all = await draw();
        }
      }
    }
    schedule(all);
  }

  function schedule(all) {
    clearTimeout(timer);
    if (!root.isConnected || !listEl.isConnected) return;
    const moving = all.some((e) => !['office', 'refused'].includes(data.stateOf(e)));
    timer = setTimeout(() => {
      if (document.visibilityState === 'visible') refresh(); else schedule(all);
    }, moving ? FAST_MS : SLOW_MS);
  }

  const off = outbox.onChange(() => { if (listEl.isConnected) draw(); else off(); });
  const online = () => { if (listEl.isConnected) refresh(); };
  addEventListener('online', online);
  addEventListener('offline', online);
  refresh();
  return () => { clearTimeout(timer); off(); removeEventListener('online', online); removeEventListener('offline', online); };
}

function stamp(e) {
  return e.createdAt ? (typeof e.createdAt === 'number' ? e.createdAt : Date.parse(e.createdAt)) : 0;
}
