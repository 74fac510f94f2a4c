// The local copies the screens read first: the worker's projects and entries, refreshed from the API in the
// background whenever there is a connection and a sign-in.

import * as db from './db.js';
import { call } from './api.js';
import { daysAgo } from './ui.js';

export const LIST_DAYS = 30;

export async function projects(owner) {
  return (await db.getValue(`projects:${owner}`)) || { list: [], at: 0 };
}

/** Fetches the projects and keeps them; answers the new list. */
export async function refreshProjects(owner, token) {
  const { data } = await call('projects', { token, timeout: 15000 });
  const copy = { list: data, at: Date.now() };
  await db.setValue(`projects:${owner}`, copy);
  return copy;
}

export function projectName(list, id) {
  const p = list.find((x) => x.id === id);
  return p ? p.name : null;
}

/** The entries the server acknowledged or listed, last 30 days, as kept on this phone. */
export async function entries(owner) {
  const from = daysAgo(LIST_DAYS);
  return (await db.all('entries', owner)).filter((e) => e.workDate >= from);
}

/** Whether an entry may still be corrected or voided: its work date within the server's correction window. */
export function changeable(entry, correctionDays) {
  return correctionDays > 0 && !entry.voided && entry.workDate >= daysAgo(correctionDays);
}

/**
 * Fetches the last 30 days (voided entries too: the list hides them unless asked) and makes the local copy match (entries the server no longer lists go, unless the
 * answer says a store was missing from it). Answers {partial, truncated}.
 */
export async function refreshEntries(owner, token) {
  const { data, headers } = await call('time-entries?include=voided', { token, timeout: 15000 });
  const partial = headers.get('Roofworx-Partial');
  const truncated = headers.get('Roofworx-Truncated') === 'true';
  const names = (await projects(owner)).list;
  const from = daysAgo(LIST_DAYS);
  await db.tx('entries', 'readwrite', async (s) => {
    const local = await db.req(s.entries.index('owner').getAll(owner));
    const byId = new Map(local.map((e) => [e.id, e]));
    const seen = new Set();
    for (const e of data) {
      seen.add(e.id);
      const before = byId.get(e.id);
      s.entries.put({
        ...e, owner, savedAt: before ? before.savedAt : Date.now(),
        projectName: projectName(names, e.projectId) || (before && before.projectName) || null,
      });
    }
    if (!partial && !truncated) {
      for (const e of local) {
        if (!seen.has(e.id) && e.workDate >= from) s.entries.delete(e.id);
      }
    }
  });
  await db.setValue(`entries-at:${owner}`, Date.now());
  return { partial, truncated };
}

export async function entriesRefreshedAt(owner) {
  return (await db.getValue(`entries-at:${owner}`)) || 0;
}

/**
 * The state a worker sees for an entry: 'phone' (not yet acknowledged), 'refused' (kept for a fix), 'saved'
 * (acknowledged), 'stored' (in the database), 'office' (in the database and the office system), 'held' (a
 * destination refused it; the office has it in its blocked list).
 */
export function stateOf(entry) {
  if (entry.state === 'queued') return 'phone';
  if (entry.state === 'refused') return 'refused';
  const s = entry.sync || {};
  if (s.warm === 'BLOCKED' || s.cold === 'BLOCKED') return 'held';
  if (s.warm === 'SYNCED' && s.cold === 'SYNCED') return 'office';
  if (s.warm === 'SYNCED') return 'stored';
  return 'saved';
}

export const STATE_LABELS = {
  phone: 'On this phone',
  refused: 'Not accepted',
  saved: 'Saved',
  stored: 'Saved · in the database',
  office: 'In the office system',
  held: 'Saved · held up, the office will sort it',
};
