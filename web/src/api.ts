// The JSON API client. Cookies carry the session (HttpOnly, never readable
// here); every state-changing request sends the CSRF token as X-CSRF-Token.
export interface Challenge { id: number; title: string; text: string; status: 'open' | 'solved'; created_at: number; updated_at: number }
export interface Member {
  id: number; name: string; organization: string; organization_id: number | null; title: string; sector: string;
  region: string; languages: string[]; bio: string; expertise: { tags: string[]; text: string };
  challenges: Challenge[]; hosts_visits: boolean; visit_location: string; linkedin_url: string;
  email?: string; visibility?: 'members' | 'organizers' | 'hidden';
  consent?: { matchmaking: boolean; newsletter: boolean }; created_at?: number; updated_at?: number;
}
export interface Page<T> { items: T[]; total: number; limit: number; offset: number }
export interface Sector { key: string; label_nl: string; label_en: string }
export interface Connection { id: number; from: number; to: number; status: 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'removed'; message: string; created_at: number; updated_at: number }
export interface Tie { a: number; b: number; member: number; strength: number; real: boolean; interactions: number; first_at: number; last_at: number; strongest: string }
export interface Me { member: Member; role: 'member' | 'organizer' | 'admin'; csrf_token?: string }

export class ApiError extends Error {
  // code: the API's machine-readable error code ("not_found", "conflict", …) when it sent one;
  // reason + params: what went wrong, for the UI to word in the viewer's language
  // (feedback.ts errorText, strings/errors.ts). `message` is the server's English, for
  // logs only: never shown in the UI.
  constructor(public status: number, message: string, public field: string | null, public code: string | null = null,
    public reason: string | null = null, public params: Record<string, string> = {}) {
    super(message);
  }
}

let csrfToken = '';
export function setCsrf(t: string): void { csrfToken = t; }

function cookie(name: string): string {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return '';
}

// Called on 401 (session ended): main.ts sends the user to the login page.
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(f: () => void): void { onUnauthenticated = f; }

// Whether the network answers: false after a request failed (no connection,
// a Wi-Fi without internet where navigator.onLine stays true, or no answer in
// time) or was answered from the service worker's copy; true again as soon as
// a request gets the server's answer. pwa.ts shows the offline banner from it,
// last-known.ts marks copies; listeners hear each change.
let reachable = true;
const networkListeners: (() => void)[] = [];
export function offlineNow(): boolean { return navigator.onLine === false || !reachable; }
export function onNetworkChange(f: () => void): void { networkListeners.push(f); }
function reached(ok: boolean): void {
  if (ok === reachable) return;
  reachable = ok;
  for (const f of networkListeners) f();
}
// web/static/sw.js sets this header on an answer from its copy (the network failed).
const COPY_HEADER = 'X-Verbinder-Copy';
// Answers (parsed JSON) that came from the service worker's copy.
const copies = new WeakSet<object>();
export function fromCopy(v: unknown): boolean { return typeof v === 'object' && v !== null && copies.has(v); }
// A GET with no answer in this time counts as no connection (a Wi-Fi that
// never answers); changes are not cut off (the server may have done them).
const GET_TIMEOUT_MS = 15000;

async function send(path: string, init: RequestInit): Promise<Response> {
  const ctl = init.method === 'GET' ? new AbortController() : null;
  const timer = ctl ? setTimeout(() => ctl.abort(), GET_TIMEOUT_MS) : undefined;
  try {
    const r = await fetch(path, ctl ? { ...init, signal: ctl.signal } : init);
    reached(!r.headers.has(COPY_HEADER));
    return r;
  } catch (e) {
    reached(false);
    // A TypeError is what the pages know as "no connection" (pwa.ts isOffline), a timeout too.
    throw e instanceof TypeError ? e : new TypeError('no answer from the network');
  } finally { clearTimeout(timer); }
}

// Asks whether the server answers again (the offline banner is up while
// navigator.onLine says online): a small public GET, past the browser's cache.
export async function probeNetwork(): Promise<boolean> {
  try { await send('/api/v1/sectors', { method: 'GET', headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' }); } catch { /* still unreachable */ }
  return !offlineNow();
}

export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken || cookie('vb_csrf');
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await send(path, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (r.status === 204) return undefined as T;
  const j = await r.json().catch(() => null);
  if (r.headers.has(COPY_HEADER) && typeof j === 'object' && j !== null) copies.add(j);
  if (!r.ok) {
    if (r.status === 401 && path !== '/api/v1/auth/login' && path !== '/api/v1/auth/me') onUnauthenticated();
    const err = j?.error;
    const params = err?.params && typeof err.params === 'object' ? err.params as Record<string, string> : {};
    throw new ApiError(r.status, err?.message ?? r.statusText, err?.field ?? null, err?.code ?? null, err?.reason ?? null, params);
  }
  return j as T;
}

export function query(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && v !== false) q.set(k, String(v));
  const s = q.toString();
  return s ? '?' + s : '';
}

// Member names for lists of ids (connections, ties): fetched once per page view, in parallel.
// A member the viewer may not see comes back as null.
export async function membersById(ids: number[], cache: Map<number, Member | null>): Promise<Map<number, Member | null>> {
  const missing = [...new Set(ids)].filter((id) => !cache.has(id));
  await Promise.all(missing.map(async (id) => {
    try {
      cache.set(id, await api<Member>('GET', `/api/v1/members/${id}`));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 403)) cache.set(id, null);
      else throw e;
    }
  }));
  return cache;
}

let sectorsCache: Promise<Sector[]> | null = null;
export function sectors(): Promise<Sector[]> {
  // A failure (offline) is not kept: the next page asks again.
  sectorsCache ??= api<Page<Sector>>('GET', '/api/v1/sectors').then((p) => p.items, (e) => { sectorsCache = null; throw e; });
  return sectorsCache;
}
