// Data a page could not fetch, told apart from an empty answer (offline at the
// venue, or a server that failed): the page shows the last known copy marked
// with its time ("Offline: bijgewerkt om 10:42"), or says that this part is not
// available now — never a zero or "nothing waiting" that is not true.
//   const x = await lastKnown('home:ties-real', api(...));   // fresh | stale | missing
//   x.state === 'missing' ? unavailable(x) : render(x.value), freshness([x, y]);
// The last known copies live in memory (a language switch offline re-renders
// the page) and, while the service worker controls the page, in its member-data
// cache (web/static/sw.js `DATA`), which it drops at sign-out and when the
// session ends — so a copy never outlives the member's session on this device.
// Copies are per member; a value's language is kept with it (`lang`), so text
// from the server in the other language can be marked as such.
import { ApiError, fromCopy, offlineNow } from './api';
import { state } from './app';
import { h } from './dom';
import { getLang, t, type Lang } from './i18n';
import { isOffline, SIGNED_OUT } from './pwa';

const DATA = 'vb-data-v1';            // web/static/sw.js: the member's data, dropped at sign-out
const PREFIX = '/__last-known/';      // never a real URL: the service worker does not serve it

export type Loaded<T> =
  | { state: 'fresh'; value: T; lang: Lang }
  // `at`: when it was fetched online (ms; null: unknown); `offline`: why it is not fresh.
  | { state: 'stale'; value: T; lang: Lang; at: number | null; offline: boolean }
  | { state: 'missing'; offline: boolean };

interface Entry { value: unknown; at: number; lang: Lang }
const memory = new Map<string, Entry>();
// Signing out (pwa.ts forgetOfflineData) forgets the copies in this page's
// memory too; the service worker drops its cache (web/static/sw.js).
window.addEventListener(SIGNED_OUT, () => memory.clear());

function scoped(key: string): string | null {
  const id = state.session?.me.member.id;
  return id ? `${id}/${key}` : null;
}

function persisting(): boolean {
  return typeof caches !== 'undefined' && !!navigator.serviceWorker?.controller;
}

async function stored(k: string): Promise<Entry | null> {
  if (memory.has(k)) return memory.get(k)!;
  // Read even while no service worker controls this page (yet): the copies
  // there were written under its control, and it drops them at sign-out.
  if (typeof caches === 'undefined') return null;
  try {
    const r = await (await caches.open(DATA)).match(PREFIX + k);
    const e = r ? await r.json() as Entry : null;
    return e && typeof e.at === 'number' && 'value' in e ? e : null;
  } catch { return null; }
}

// Awaited by lastKnown, so the copy is whole before the page is drawn (a
// write cut short by leaving the page at once would leave no usable copy).
async function remember(k: string, value: unknown): Promise<void> {
  const e: Entry = { value, at: Date.now(), lang: getLang() };
  memory.set(k, e);
  if (!persisting()) return;
  try {
    await (await caches.open(DATA)).put(PREFIX + k, new Response(JSON.stringify(e), { headers: { 'Content-Type': 'application/json' } }));
  } catch { /* storage full or refused: the copy in memory still serves a language switch */ }
}

// Awaits `p`; an answer is remembered under `key` (per member). A failure (no
// connection, or an error from the server other than "signed out") gives the
// last known copy, or `missing`. An answer from the service worker's copy
// (marked so by it, or come while the network fails) is stale, with the time
// this page last saw it online. "Offline" is what the requests find (api.ts
// offlineNow), not only what the browser says: a Wi-Fi without internet counts
// too. 401 is passed on (main.ts sends the member to the login page).
export async function lastKnown<T>(key: string, p: Promise<T>): Promise<Loaded<T>> {
  const k = scoped(key);
  try {
    const value = await p;
    if (fromCopy(value) || offlineNow()) {
      const seen = k ? await stored(k) : null;
      return { state: 'stale', value, lang: seen?.lang ?? getLang(), at: seen?.at ?? null, offline: true };
    }
    if (k) await remember(k, value);
    return { state: 'fresh', value, lang: getLang() };
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) throw e;
    if (!(e instanceof ApiError) && !isOffline(e)) throw e;   // a bug in the page, not a missing answer
    const offline = isOffline(e);
    const seen = k ? await stored(k) : null;
    if (seen) return { state: 'stale', value: seen.value as T, lang: seen.lang, at: seen.at, offline };
    return { state: 'missing', offline };
  }
}

export function known<T>(x: Loaded<T>): x is Exclude<Loaded<T>, { state: 'missing' }> { return x.state !== 'missing'; }
export function valueOr<T>(x: Loaded<T>, fallback: T): T { return x.state === 'missing' ? fallback : x.value; }
export function allFresh(parts: Loaded<unknown>[]): boolean { return parts.every((x) => x.state === 'fresh'); }

const TZ = 'Europe/Amsterdam';
function when(at: number): { key: 'time' | 'date'; text: string } {
  const locale = getLang() === 'nl' ? 'nl-NL' : 'en-GB';
  const day = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ, dateStyle: 'short' }).format(ms);
  if (day(at) === day(Date.now()))
    return { key: 'time', text: new Intl.DateTimeFormat(locale, { timeZone: TZ, hour: '2-digit', minute: '2-digit' }).format(at) };
  return { key: 'date', text: new Intl.DateTimeFormat(locale, { timeZone: TZ, dateStyle: 'medium', timeStyle: 'short' }).format(at) };
}

// "This part could not be fetched and nothing is known": offline or failed.
export function unavailable(x: { offline: boolean }, id?: string): HTMLElement {
  return h('p', { class: 'msg msg-info last-known', 'data-last-known': 'missing', id: id ?? null },
    x.offline ? t('lastknown.offline.none') : t('lastknown.failed.none'));
}

// The note under a section's heading when any of its parts is not fresh: the
// time of the oldest copy shown, and whether some part is missing altogether.
// null when everything is fresh.
export function freshness(parts: Loaded<unknown>[], id?: string): HTMLElement | null {
  if (allFresh(parts)) return null;
  const offline = parts.some((x) => x.state !== 'fresh' && x.offline);
  const stale = parts.filter((x): x is Extract<Loaded<unknown>, { state: 'stale' }> => x.state === 'stale');
  const missing = parts.some((x) => x.state === 'missing');
  if (stale.length === 0) {
    if (parts.every((x) => x.state === 'missing')) return unavailable({ offline }, id);
    return h('p', { class: 'msg msg-info last-known', 'data-last-known': 'partly', id: id ?? null },
      offline ? t('lastknown.offline.partly') : t('lastknown.failed.partly'));
  }
  const times = stale.map((x) => x.at).filter((x): x is number => x !== null);
  let text: string;
  if (times.length === 0) text = offline ? t('lastknown.offline.notime') : t('lastknown.failed.notime');
  else {
    const w = when(Math.min(...times));
    text = offline ? t(w.key === 'time' ? 'lastknown.offline.time' : 'lastknown.offline.date', { time: w.text })
      : t(w.key === 'time' ? 'lastknown.failed.time' : 'lastknown.failed.date', { time: w.text });
  }
  if (missing) text += ' ' + (offline ? t('lastknown.offline.partly') : t('lastknown.failed.partly'));
  return h('p', { class: 'msg msg-info last-known', 'data-last-known': missing ? 'partly' : 'stale', id: id ?? null }, text);
}

// Text from the server in the language it was fetched in (a copy from before a language switch).
export function inLang(x: Loaded<unknown>, text: string): Node {
  return x.state !== 'missing' && x.lang !== getLang() ? h('span', { lang: x.lang }, text) : document.createTextNode(text);
}
