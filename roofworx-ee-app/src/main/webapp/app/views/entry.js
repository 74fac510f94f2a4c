// New entry: project, work date, time worked, task and notes. Saving writes the entry to the outbox and shows
// the confirmation at once; sending happens afterwards, whatever the network does. The same form edits a recent
// entry: saving queues a correction (the full new content, against the version the entry had when opened).

import * as auth from '../auth.js';
import * as data from '../data.js';
import * as outbox from '../outbox.js';
import * as db from '../db.js';
import { h, replace, toast, isoDate, daysAgo, uuid, duration } from '../ui.js';

const TASKS = ['Roofing', 'Repair', 'Inspection', 'Gutters', 'Flashing', 'Clean-up', 'Travel'];
const SEARCH_FROM = 7;
let draftFrom = null;
let editFrom = null;

/** Opens the form prefilled with a refused entry's values; saving it replaces that entry. */
export function fixing(item) {
  draftFrom = item;
}

/** Opens the form prefilled with an entry's values; saving it queues a correction made against {@code version}. */
export function editing(entry, version) {
  editFrom = { entry, version };
}

export function isDirty() {
  const form = document.querySelector('form.entry-form');
  return !!(form && form.dataset.dirty === 'true');
}

export async function render(root, ctx) {
  const owner = ctx.profile.email;
  const fix = draftFrom;
  const edit = editFrom;
  draftFrom = null;
  editFrom = null;
  // The values the form starts with: the refused entry's, or the edited entry's.
  const from = fix ? fix.body : edit ? edit.entry : null;
  const { list } = await data.projects(owner);
  const last = await db.getValue(`last-project:${owner}`);
  const backdating = (ctx.config && ctx.config.backdatingDays) || 60;
  let tapAt = null;

  const picker = h('div', { class: 'projects', role: 'radiogroup', 'aria-labelledby': 'project-label' });
  const search = h('input', {
    type: 'search', id: 'project-search', placeholder: 'Search projects', 'aria-label': 'Search projects',
    autocomplete: 'off', oninput: () => renderProjects(),
  });
  const searchRow = h('div', { class: 'search', hidden: true }, search);
  const projectError = h('p', { class: 'error', id: 'project-error', hidden: true }, 'Pick the project you worked on.');
  let projectsNow = list;
  let selected = from ? from.projectId : (last && list.some((p) => p.id === last) ? last : null);
  if (!selected && list.length === 1) selected = list[0].id;

  function renderProjects() {
    searchRow.hidden = projectsNow.length < SEARCH_FROM;
    const q = search.value.trim().toLowerCase();
    const shown = projectsNow.filter((p) => !q || `${p.name} ${p.account || ''} ${p.address || ''}`.toLowerCase().includes(q));
    if (!projectsNow.length) {
      replace(picker, h('p', { class: 'muted' }, navigator.onLine
        ? 'Loading your projects…' : 'Your projects are not on this phone yet. Connect once to load them.'));
      return;
    }
    replace(picker, shown.map((p) => h('label', { class: 'project' },
      h('input', {
        type: 'radio', name: 'project', value: p.id, checked: p.id === selected, required: true,
        onchange: () => { selected = p.id; projectError.hidden = true; },
      }),
      h('span', { class: 'project-text' }, h('strong', null, p.name),
        h('small', null, [p.address, p.account].filter(Boolean).join(' · '))))),
    shown.length ? null : h('p', { class: 'muted' }, 'No project matches.'));
  }

  const today = isoDate(new Date());
  const date = h('input', {
    type: 'date', id: 'work-date', name: 'workDate', required: true, min: daysAgo(backdating), max: today,
    value: from ? from.workDate : today,
  });
  const dateChips = h('div', { class: 'chips' },
    h('button', { type: 'button', class: 'chip', onclick: () => { date.value = today; } }, 'Today'),
    h('button', { type: 'button', class: 'chip', onclick: () => { date.value = daysAgo(1); } }, 'Yesterday'));

  const hours = h('input', {
    type: 'number', id: 'hours', name: 'hours', min: 0, max: 24, step: 1, inputmode: 'numeric',
    value: from ? Math.floor(from.minutes / 60) : 0,
  });
  const minutes = h('select', { id: 'minutes', name: 'minutes' },
    Array.from({ length: 12 }, (_, i) => h('option', { value: i * 5, selected: from && from.minutes % 60 === i * 5 },
      String(i * 5).padStart(2, '0'))));
  const step = (d) => () => { hours.value = Math.max(0, Math.min(24, (Number(hours.value) || 0) + d)); form.dataset.dirty = 'true'; };
  const timeError = h('p', { class: 'error', id: 'time-error', hidden: true });

  const task = h('select', { id: 'task', name: 'taskType' }, h('option', { value: '' }, 'No task type'),
    TASKS.map((t) => h('option', { value: t.toLowerCase(), selected: from && from.taskType === t.toLowerCase() }, t)));
  const notes = h('textarea', {
    id: 'notes', name: 'notes', rows: 3, maxlength: 2000, placeholder: 'What was done (optional)',
  });
  if (from && from.notes) notes.value = from.notes;
  const save = h('button', { type: 'submit', class: 'primary big', id: 'save' },
    fix ? 'Save fixed entry' : edit ? 'Save change' : 'Save entry');
  save.addEventListener('click', (e) => { tapAt = e.timeStamp; });

  const form = h('form', { class: 'entry-form', novalidate: true, 'aria-labelledby': 'entry-title' },
    h('h1', { id: 'entry-title' }, fix ? 'Fix entry' : edit ? 'Edit entry' : 'New entry'),
    fix ? h('p', { class: 'notice refused' }, `Not accepted: ${fix.lastError}`) : null,
    h('fieldset', null, h('legend', { id: 'project-label' }, 'Project'), searchRow, picker, projectError),
    h('div', { class: 'field' }, h('label', { for: 'work-date' }, 'Work date'), date, dateChips),
    h('fieldset', { class: 'time' }, h('legend', null, 'Time worked'),
      h('div', { class: 'duration' },
        h('button', { type: 'button', class: 'step', 'aria-label': 'One hour less', onclick: step(-1) }, '−'),
        h('label', { class: 'unit' }, h('span', { class: 'sr' }, 'Hours'), hours, h('span', { 'aria-hidden': 'true' }, 'h')),
        h('button', { type: 'button', class: 'step', 'aria-label': 'One hour more', onclick: step(1) }, '+'),
        h('label', { class: 'unit' }, h('span', { class: 'sr' }, 'Minutes'), minutes, h('span', { 'aria-hidden': 'true' }, 'min'))),
      timeError),
    h('div', { class: 'field' }, h('label', { for: 'task' }, 'Task type'), task),
    h('div', { class: 'field' }, h('label', { for: 'notes' }, 'Notes'), notes),
    save);
  form.addEventListener('input', () => { form.dataset.dirty = 'true'; });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const started = tapAt !== null ? tapAt : e.timeStamp;
    tapAt = null;
    const total = (Number(hours.value) || 0) * 60 + Number(minutes.value);
    let bad = null;
    projectError.hidden = !!selected;
    if (!selected) bad = bad || picker.querySelector('input') || search;
    timeError.hidden = total > 0 && total <= 1440;
    timeError.textContent = total > 1440 ? 'At most 24 hours.' : 'Enter the time worked.';
    hours.setAttribute('aria-invalid', String(!timeError.hidden));
    if (!timeError.hidden) bad = bad || hours;
    if (!date.value || date.value < date.min || date.value > date.max) {
      date.setAttribute('aria-invalid', 'true');
      bad = bad || date;
    } else {
      date.removeAttribute('aria-invalid');
    }
    if (bad) {
      bad.focus();
      return;
    }
    const body = {
      id: edit ? edit.entry.id : uuid(), projectId: selected, workDate: date.value, minutes: total,
      notes: notes.value.trim() || null, taskType: task.value || null,
    };
    const name = data.projectName(projectsNow, selected);
    save.disabled = true;
    if (edit) {
      await saveChange(body, name);
      return;
    }
    try {
      await outbox.add(owner, body, name);
    } catch (err) {
      toast(`Could not save on this phone: ${err.message}`, 'error');
      save.disabled = false;
      return;
    }
    const update = toast(navigator.onLine ? `Saved on this phone · ${duration(total)} · sending…`
      : `Saved on this phone · ${duration(total)} · will send when online`, 'ok', body.id);
    performance.mark('rw:toast', { detail: { id: body.id } });
    requestAnimationFrame(() => setTimeout(() => {
      performance.measure('rw:tap-to-toast', { start: started, end: performance.now(), detail: { id: body.id } });
    }, 0));
    const stop = outbox.onChange((ev) => {
      if (ev.id !== body.id) return;
      if (ev.type === 'acked') update(`Saved · ${duration(total)} on ${name || 'the project'}`);
      if (ev.type === 'refused') update('Not accepted: see My entries', 'error');
      if (ev.type === 'acked' || ev.type === 'refused') stop();
    });
    if (fix) await outbox.discard(fix.id);
    db.setValue(`last-project:${owner}`, selected);
    hours.value = 0;
    minutes.value = '0';
    notes.value = '';
    task.value = '';
    form.dataset.dirty = 'false';
    save.disabled = false;
    if (fix) save.textContent = 'Save entry';
    outbox.flush();
  });

  /** An edit: queued as a correction of the entry, then back to the list, where it shows as it will be. */
  async function saveChange(body, name) {
    try {
      await outbox.change(owner, edit.entry.id, 'put', edit.version, body, name);
    } catch (err) {
      toast(`Could not save on this phone: ${err.message}`, 'error');
      save.disabled = false;
      return;
    }
    form.dataset.dirty = 'false';
    toast(navigator.onLine ? 'Change saved on this phone · sending…' : 'Change saved on this phone · will send when online',
      'ok', body.id);
    outbox.flush();
    ctx.go('entries');
  }

  replace(root, form);
  renderProjects();

  // The local copy is on screen; refresh it in the background.
  if (navigator.onLine) {
    auth.token().then((t) => t && data.refreshProjects(owner, t)).then((fresh) => {
      if (!fresh || !form.isConnected) return;
      const changed = JSON.stringify(fresh.list) !== JSON.stringify(projectsNow);
      projectsNow = fresh.list;
      if (!selected && projectsNow.length === 1) selected = projectsNow[0].id;
      if (changed) renderProjects();
    }).catch(() => { if (!projectsNow.length) renderProjects(); });
  }
}
