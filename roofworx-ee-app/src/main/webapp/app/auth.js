// Sign-in with the deployer's OpenID Connect provider: authorization code flow with PKCE (S256), a public
// client (no secret). Tokens live in this tab's sessionStorage only and never appear in a URL or a log. What
// the app remembers across restarts (localStorage) is who signed in last (e-mail, name, roles), so the worker
// can keep entering hours offline; sending them needs a fresh sign-in.

const CONFIG = 'rw.config';
const PROFILE = 'rw.profile';
const TOKENS = 'rw.tokens';
const PENDING = 'rw.signin';
const MARGIN_MS = 30000;

let config = null;
let discovery = null;

function read(storage, key) {
  try { return JSON.parse(storage.getItem(key)); } catch (e) { return null; }
}

function write(storage, key, value) {
  if (value === null) storage.removeItem(key);
  else storage.setItem(key, JSON.stringify(value));
}

function b64url(bytes) {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(n = 32) {
  return b64url(crypto.getRandomValues(new Uint8Array(n)));
}

/** The claims of a JWT, unverified (the server verifies); null when the value is not a JWT. */
export function claims(jwt) {
  if (typeof jwt !== 'string') return null;
  const parts = jwt.split('.');
  if (parts.length !== 3) return null;
  try {
    const b = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(b, (c) => c.charCodeAt(0))));
  } catch (e) {
    return null;
  }
}

/** Where the provider sends the browser back: the app's start page, without query or fragment. */
export function redirectUri() {
  return new URL('./', location.href).href;
}

/** The client settings from the server, or the last ones seen when it cannot be reached. */
export async function loadConfig() {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 4000);
  try {
    const res = await fetch(new URL('api/client-config', document.baseURI), {
      cache: 'no-store', credentials: 'omit', signal: abort.signal,
    });
    if (res.ok) {
      config = await res.json();
      write(localStorage, CONFIG, config);
      return config;
    }
  } catch (e) {
    // offline: fall back to the copy below
  } finally {
    clearTimeout(timer);
  }
  config = read(localStorage, CONFIG);
  return config;
}

export function currentConfig() {
  return config;
}

export function canSignIn() {
  return !!(config && config.issuer && config.clientId);
}

/** Issuers compared without a trailing slash: Auth0's carries one, the configured URL may not. */
function sameIssuer(a, b) {
  const strip = (s) => String(s || '').replace(/\/+$/, '');
  return !!a && strip(a) === strip(b);
}

async function discover() {
  if (discovery && sameIssuer(discovery.issuer, config.issuer)) return discovery;
  const base = String(config.issuer).replace(/\/+$/, '');
  const key = `rw.discovery:${base}`;
  try {
    const res = await fetch(`${base}/.well-known/openid-configuration`, { credentials: 'omit' });
    if (!res.ok) throw new Error(`discovery answered ${res.status}`);
    const doc = await res.json();
    if (!sameIssuer(doc.issuer, config.issuer)) throw new Error('the discovery document names another issuer');
    discovery = doc;
    write(localStorage, key, doc);
  } catch (e) {
    discovery = read(localStorage, key);
    if (!discovery) throw new Error(`Cannot reach the sign-in service (${e.message}).`);
  }
  return discovery;
}

/** Who signed in last on this phone: {email, name, roles}, or null. */
export function profile() {
  return read(localStorage, PROFILE);
}

export function isAdmin() {
  const p = profile();
  return !!(p && p.roles && p.roles.includes('admin'));
}

/** Starts the sign-in: remembers state, nonce and the PKCE verifier in this tab, then leaves for the provider. */
export async function signIn(returnTo = location.hash) {
  const d = await discover();
  const verifier = random(48);
  const challenge = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const pending = { state: random(), nonce: random(), verifier, returnTo, issuer: config.issuer, at: Date.now() };
  write(sessionStorage, PENDING, pending);
  const url = new URL(d.authorization_endpoint);
  const params = {
    response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(), scope: config.scope,
    state: pending.state, nonce: pending.nonce, code_challenge: challenge, code_challenge_method: 'S256',
  };
  if (config.audience) params.audience = config.audience;
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  location.assign(url.href);
}

/** Whether this page load is the provider sending the browser back. */
export function isCallback(params) {
  return params.has('state') && (params.has('code') || params.has('error'));
}

/**
 * Finishes the sign-in from the callback's parameters (already removed from the address bar by the caller):
 * checks state (and iss when sent), exchanges the code with the verifier, checks the ID token's issuer,
 * audience, nonce and expiry, and keeps the tokens. Answers the hash to return to.
 */
export async function completeSignIn(params) {
  const pending = read(sessionStorage, PENDING);
  write(sessionStorage, PENDING, null);
  if (!pending || params.get('state') !== pending.state) {
    throw new Error('This sign-in answer does not belong to a sign-in started here. Please sign in again.');
  }
  if (params.has('error')) {
    throw new Error(`Sign-in failed: ${params.get('error_description') || params.get('error')}`);
  }
  const d = await discover();
  // RFC 9207: the provider names itself in the answer; a mix-up with another provider is refused.
  if (!sameIssuer(pending.issuer, config.issuer) || (params.has('iss') && params.get('iss') !== d.issuer)) {
    throw new Error('The sign-in answer came from another identity provider.');
  }
  const form = new URLSearchParams({
    grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
    client_id: config.clientId, code_verifier: pending.verifier,
  });
  const answer = await tokenRequest(d, form);
  const id = claims(answer.id_token);
  if (!id) throw new Error('The sign-in service sent no ID token.');
  const aud = [].concat(id.aud);
  if (id.iss !== d.issuer || !aud.includes(config.clientId) || id.nonce !== pending.nonce
      || !(id.exp * 1000 > Date.now())) {
    throw new Error('The sign-in service sent an ID token that is not for this app.');
  }
  keep(answer);
  const sent = claims(bearerOf(answer)) || {};
  const email = String(sent.email || id.email || '').toLowerCase();
  if (!email) throw new Error('Your account has no e-mail address; the office needs one to book your hours.');
  const roles = [].concat(sent.groups || id.groups || []);
  write(localStorage, PROFILE, { email, name: id.name || sent.name || email, roles });
  return pending.returnTo || '';
}

async function tokenRequest(d, form) {
  let res;
  try {
    res = await fetch(d.token_endpoint, {
      method: 'POST', body: form, credentials: 'omit', cache: 'no-store',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    });
  } catch (e) {
    throw new Error('Cannot reach the sign-in service.');
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`Sign-in failed: ${body.error_description || body.error || res.status}`);
  return body;
}

function bearerOf(answer) {
  return config.token === 'id' ? answer.id_token : answer.access_token;
}

function keep(answer) {
  const bearer = bearerOf(answer);
  const c = claims(bearer);
  let expiresAt = Date.now() + (Number(answer.expires_in) || 300) * 1000;
  if (c && c.exp) expiresAt = Math.min(expiresAt, c.exp * 1000);
  const old = read(sessionStorage, TOKENS) || {};
  write(sessionStorage, TOKENS, { bearer, expiresAt, refresh: answer.refresh_token || old.refresh || null });
}

/** A bearer token good for at least half a minute more, refreshed when the provider gave a refresh token. */
export async function token() {
  const t = read(sessionStorage, TOKENS);
  if (!t) return null;
  if (t.expiresAt - MARGIN_MS > Date.now()) return t.bearer;
  if (!t.refresh || !navigator.onLine) return null;
  try {
    const d = await discover();
    keep(await tokenRequest(d, new URLSearchParams({
      grant_type: 'refresh_token', refresh_token: t.refresh, client_id: config.clientId,
    })));
    return read(sessionStorage, TOKENS).bearer;
  } catch (e) {
    write(sessionStorage, TOKENS, null);
    return null;
  }
}

/** Whether this tab holds tokens (maybe expired). */
export function hasSession() {
  return !!read(sessionStorage, TOKENS);
}

/** Forgets the tokens (a 401 said they no longer work). */
export function dropTokens() {
  write(sessionStorage, TOKENS, null);
}

/** Forgets tokens and who signed in; ends the provider's session too when it says how (no token in the URL). */
export async function signOut() {
  write(sessionStorage, TOKENS, null);
  write(localStorage, PROFILE, null);
  let end = null;
  try {
    end = (await discover()).end_session_endpoint;
  } catch (e) {
    // offline: signed out here, the provider's session ends with its own lifetime
  }
  if (end && navigator.onLine) {
    const url = new URL(end);
    url.searchParams.set('client_id', config.clientId);
    url.searchParams.set('post_logout_redirect_uri', redirectUri());
    location.assign(url.href);
  } else {
    location.replace(redirectUri());
  }
}
