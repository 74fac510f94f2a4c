// Calls to the Roofworx API under the app's own origin. Every failure becomes an ApiError whose kind says
// what the caller should do: 'network' and 'timeout' (try again later), 'busy' (429/503, after retryAfter),
// 'server' (5xx, later), 'auth' (401: sign in again) or 'refused' (400/403/404/409/412/413/415/428: show the
// reason).

const API = new URL('api/', document.baseURI);
const TIMEOUT_MS = 20000;

export class ApiError extends Error {
  constructor(kind, status, problem, retryAfterSeconds) {
    super(problem && (problem.detail || problem.title) || kind);
    this.kind = kind;
    this.status = status;
    this.problem = problem || null;
    this.retryAfterSeconds = retryAfterSeconds || 0;
  }
}

/** A short sentence for the worker: the server's reason, or what happened to the connection. */
export function reason(error) {
  if (!(error instanceof ApiError)) return String(error && error.message || error);
  if (error.kind === 'network') return 'No connection to the server.';
  if (error.kind === 'timeout') return 'The server did not answer in time.';
  if (error.kind === 'auth') return 'Your sign-in has expired.';
  const p = error.problem;
  if (p && p.detail) return p.detail;
  if (p && p.title) return p.title;
  return `The server answered ${error.status}.`;
}

async function problemOf(res) {
  try {
    const type = res.headers.get('Content-Type') || '';
    if (type.includes('json')) return await res.json();
  } catch (ignored) { /* no readable body */ }
  return null;
}

/**
 * @param path relative to /api/ ('time-entries')
 * @param options method, body (an object, sent as JSON), token (bearer), ifMatch (an entry version: the
 *   change applies only to that version), timeout in ms
 * @returns {status, data, headers}
 */
export async function call(path, { method = 'GET', body, token, ifMatch, timeout = TIMEOUT_MS } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (ifMatch !== undefined) headers['If-Match'] = `W/"${ifMatch}"`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeout);
  try {
    let res;
    try {
      res = await fetch(new URL(path, API), {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        signal: abort.signal, cache: 'no-store', credentials: 'omit', redirect: 'error',
      });
    } catch (e) {
      throw new ApiError(abort.signal.aborted ? 'timeout' : 'network', 0);
    }
    if (res.ok) {
      let data = null;
      try {
        data = res.status === 204 ? null : await res.json();
      } catch (e) {
        // The answer broke off: whether the server acted is unknown, so the caller tries again.
        throw new ApiError(abort.signal.aborted ? 'timeout' : 'network', 0);
      }
      return { status: res.status, data, headers: res.headers };
    }
    const problem = await problemOf(res);
    const retryAfter = Number(res.headers.get('Retry-After')) || 0;
    if (res.status === 401) throw new ApiError('auth', 401, problem);
    if (res.status === 429 || res.status === 503) throw new ApiError('busy', res.status, problem, retryAfter);
    if (res.status >= 500 || res.status === 408) throw new ApiError('server', res.status, problem, retryAfter);
    throw new ApiError('refused', res.status, problem);
  } finally {
    clearTimeout(timer);
  }
}
