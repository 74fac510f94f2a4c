// Sync (admins): what waits, what is blocked and why, which destinations are paused; replay one entry or every
// entry a filter matches. Needs a connection: it shows the server's state, not the phone's.

import * as auth from '../auth.js';
import { call, reason } from '../api.js';
import { h, replace, toast, time, duration } from '../ui.js';

const DESTINATIONS = { warm: 'Database (PostgreSQL)', cold: 'Office system (Zoho CRM)' };
const PAGE = 50;

export async function render(root) {
  const overview = h('div', { id: 'sync-overview', 'aria-live': 'polite' });
  const destination = h('select', { id: 'f-destination' }, h('option', { value: '' }, 'Any destination'),
    Object.entries(DESTINATIONS).map(([v, label]) => h('option', { value: v }, label)));
  const code = h('input', { id: 'f-code', list: 'codes', placeholder: 'e.g. MANDATORY_NOT_FOUND', autocapitalize: 'characters', autocomplete: 'off' });
  const codes = h('datalist', { id: 'codes' });
  const listEl = h('ul', { class: 'list', id: 'blocked' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => load(false) }, 'More');
  const bulk = h('button', { type: 'button', class: 'primary', id: 'replay-all', onclick: replayAll }, 'Replay all matching');
  const filters = h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); load(true); } },
    h('div', { class: 'field' }, h('label', { for: 'f-destination' }, 'Destination'), destination),
    h('div', { class: 'field' }, h('label', { for: 'f-code' }, 'Refusal code'), code, codes),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Filter'), bulk));
  replace(root, h('section', { 'aria-labelledby': 'sync-title' },
    h('div', { class: 'title-row' }, h('h1', { id: 'sync-title' }, 'Sync'),
      h('button', { type: 'button', class: 'secondary', onclick: () => { summary(); load(true); } }, 'Refresh')),
    overview, h('h2', null, 'Blocked entries'), filters, listEl, more));
  let cursor = null;
  let timer = null;

  async function token() {
    const t = navigator.onLine ? await auth.token() : null;
    if (!t) {
      replace(overview, h('p', { class: 'notice' }, navigator.onLine
        ? 'Sign in again to see the sync state.' : 'The sync state needs a connection.'));
    }
    return t;
  }

  async function summary() {
    const t = await token();
    if (!t) return;
    try {
      const { data } = await call('admin/sync?limit=100', { token: t });
      const seen = new Set(data.blockedEntries.flatMap((e) => [code0(e.warm), code0(e.cold)]).filter(Boolean));
      replace(codes, [...seen].map((c) => h('option', { value: c })));
      replace(overview,
        h('div', { class: 'tiles' },
          tile('Waiting to sync', data.queued, 'queued'), tile('Blocked', data.blocked, 'blocked'),
          tile('Paused', data.paused.length, 'paused')),
        data.paused.length ? h('ul', { class: 'list paused' }, data.paused.map((p) => h('li', { class: 'entry' },
          h('strong', null, `${DESTINATIONS[p.destination] || p.destination} is paused`),
          h('div', { class: 'entry-meta' }, `since ${time(p.since)} · ${p.failures} failed tries · next try ${time(p.nextProbeAt)}`),
          p.lastError ? h('div', { class: 'reason' }, p.lastError) : null)))
          : h('p', { class: 'muted' }, 'Every destination is taking entries.'));
    } catch (e) {
      replace(overview, h('p', { class: 'notice refused' }, reason(e)));
    }
  }

  function query() {
    const q = new URLSearchParams();
    if (destination.value) q.set('destination', destination.value);
    if (code.value.trim()) q.set('code', code.value.trim().toUpperCase());
    return q;
  }

  async function load(fresh) {
    const t = await token();
    if (!t) return;
    const q = query();
    q.set('limit', PAGE);
    if (!fresh && cursor) q.set('cursor', cursor);
    try {
      const { data } = await call(`admin/sync/blocked?${q}`, { token: t });
      if (fresh) listEl.replaceChildren();
      listEl.append(...data.entries.map(entry));
      if (fresh && !data.entries.length) listEl.append(h('li', { class: 'empty' }, 'Nothing blocked.'));
      cursor = data.nextCursor;
      more.hidden = !cursor;
      bulk.disabled = !data.entries.length;
    } catch (e) {
      toast(reason(e), 'error');
    }
  }

  function entry(e) {
    const li = h('li', { class: 'entry blocked', dataset: { id: e.id } },
      h('div', { class: 'entry-main' }, h('strong', null, e.owner), h('span', { class: 'minutes' }, duration(e.minutes))),
      h('div', { class: 'entry-meta' }, `${e.workDate} · project ${e.projectId} · made ${time(e.createdAt)}`),
      ['warm', 'cold'].filter((d) => e[d] && e[d].status === 'BLOCKED').map((d) => h('div', { class: 'reason' },
        h('span', null, `${DESTINATIONS[d]} refused: `), h('code', null, code0(e[d]) || 'REFUSED'),
        h('span', null, ` ${message(e[d].lastError)}`))),
      h('div', { class: 'actions' }, h('button', {
        type: 'button', class: 'secondary', onclick: () => replay(e, li),
      }, 'Replay')));
    return li;
  }

  async function replay(e, li) {
    const t = await token();
    if (!t) return;
    try {
      await call(`admin/sync/blocked/${encodeURIComponent(e.id)}/replay`, { method: 'POST', token: t });
      li.remove();
      toast('Replayed: it syncs with the next run.');
      summary();
    } catch (err) {
      toast(reason(err), 'error');
    }
  }

  async function replayAll() {
    const t = await token();
    if (!t) return;
    try {
      const { data } = await call(`admin/sync/blocked/replay?${query()}`, { method: 'POST', token: t });
      toast(`Replayed ${data.replayed} ${data.replayed === 1 ? 'entry' : 'entries'}.`);
      summary();
      load(true);
    } catch (err) {
      toast(reason(err), 'error');
    }
  }

  function tick() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!root.contains(overview)) return;
      if (document.visibilityState === 'visible') {
        summary();
        if (!cursor) load(true);
      }
      tick();
    }, 10000);
  }

  summary();
  load(true);
  tick();
  return () => clearTimeout(timer);
}

function tile(label, value, id) {
  return h('div', { class: 'tile', id: `tile-${id}` }, h('span', { class: 'value' }, String(value)), h('span', null, label));
}

function code0(state) {
  if (!state || !state.lastError) return null;
  const m = /^([A-Z0-9_]{1,64}): /.exec(state.lastError);
  return m ? m[1] : null;
}

function message(lastError) {
  return (lastError || '').replace(/^[A-Z0-9_]{1,64}: /, '');
}
