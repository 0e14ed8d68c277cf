// The installable web app (issue #17, point 8): registers the service worker
// (web/static/sw.js, which keeps the app and the member's own venue data for
// offline use), loads the pages a member needs at the venue once so they are
// kept too, shows a banner while offline — as the requests find it: also on a
// Wi-Fi without internet, where the browser says it is online (api.ts
// offlineNow) — remembers my events for the connect page, and queues "we
// spraken elkaar" claims made offline until the connection returns (then sends
// them, oldest first). When the network answers again, a page showing last
// known copies is drawn again from fresh data.
//   registerPwa([...loaders]);            // main.ts, once
//   if (isOffline(e)) queueClaim(...);    // a page whose POST failed offline
import { api, ApiError, offlineNow, onNetworkChange, probeNetwork } from './api';
import { refreshShell } from './app';
import { errorText, show } from './feedback';
import { h } from './dom';
import { onLangChange, t } from './i18n';

const CLAIMS = 'vb_claims';
const EVENTS = 'vb_my_events';

export interface QueuedClaim { event_id: number; event_title: string; body: Record<string, unknown>; at: number }
export interface RememberedEvent { id: number; title: string; starts_at: number; ends_at: number }

// A failure that means "no connection" (fetch rejected), not an answer from the server.
export function isOffline(e: unknown): boolean {
  return !(e instanceof ApiError) && (e instanceof TypeError || offlineNow());
}

function read<T>(key: string): T[] {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(v) ? v as T[] : [];
  } catch { return []; }
}

export function queuedClaims(): QueuedClaim[] { return read<QueuedClaim>(CLAIMS); }

export function queueClaim(c: Omit<QueuedClaim, 'at'>): void {
  const all = queuedClaims();
  // The same claim twice (two taps) is queued once.
  if (!all.some((x) => x.event_id === c.event_id && JSON.stringify(x.body) === JSON.stringify(c.body)))
    all.push({ ...c, at: Math.floor(Date.now() / 1000) });
  localStorage.setItem(CLAIMS, JSON.stringify(all));
}

// Sends the queued claims; keeps those that still cannot go out. A claim the
// server refuses (4xx: the window closed, not registered) is dropped and said.
let flushing = false;
export async function flushClaims(): Promise<number> {
  if (flushing || !navigator.onLine) return 0;
  flushing = true;
  let sent = 0;
  try {
    for (const c of queuedClaims()) {
      try {
        await api('POST', `/api/v1/events/${c.event_id}/encounters`, c.body);
        sent++;
      } catch (e) {
        if (isOffline(e)) break;
        if (!(e instanceof ApiError && e.status >= 400 && e.status < 500)) break;
        show('error', t('pwa.claim.refused', { event: c.event_title, msg: errorText(e) }));
      }
      localStorage.setItem(CLAIMS, JSON.stringify(queuedClaims().filter((x) => !(x.at === c.at && x.event_id === c.event_id))));
    }
  } finally { flushing = false; }
  if (sent > 0) show('ok', sent === 1 ? t('pwa.claims.sent.one') : t('pwa.claims.sent', { n: sent }));
  return sent;
}

// My registered events as last seen online (the connect page offline).
export function rememberMyEvents(list: RememberedEvent[]): void {
  localStorage.setItem(EVENTS, JSON.stringify(list.map(({ id, title, starts_at, ends_at }) => ({ id, title, starts_at, ends_at }))));
}
export function rememberedEvents(): RememberedEvent[] { return read<RememberedEvent>(EVENTS); }
// Signing out forgets them on this device (the service worker drops its copies
// too); SIGNED_OUT tells the page's other keepers (last-known.ts).
export const SIGNED_OUT = 'vb:signed-out';
export function forgetOfflineData(): void {
  localStorage.removeItem(EVENTS);
  localStorage.removeItem(CLAIMS);
  window.dispatchEvent(new Event(SIGNED_OUT));
}

function banner(): void {
  let el = document.getElementById('offline-banner');
  if (!offlineNow()) { el?.remove(); return; }
  if (el) return;
  el = h('div', { id: 'offline-banner', class: 'offline-banner', role: 'status' }, t('pwa.offline'));
  document.body.prepend(el);
}

// The language switched while offline: the banner says it in the new language.
function rewordBanner(): void {
  const el = document.getElementById('offline-banner');
  if (el) el.textContent = t('pwa.offline');
}

// While requests fail but the browser says online, the server is asked every
// PROBE_MS whether it answers again (api.ts probeNetwork).
const PROBE_MS = 10000;
let probe: number | undefined;
function watchNetwork(): void {
  banner();
  if (offlineNow() && navigator.onLine !== false) probe ??= window.setInterval(() => { void probeNetwork(); }, PROBE_MS);
  else if (probe !== undefined) { clearInterval(probe); probe = undefined; }
}

// Whether the member has typed or chosen something on the page (a field no longer as drawn).
function edited(main: Element): boolean {
  return [...main.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].some((f) =>
    (f instanceof HTMLInputElement && (f.type === 'checkbox' || f.type === 'radio') ? f.checked !== f.defaultChecked : f.value !== f.defaultValue))
    || [...main.querySelectorAll('select')].some((s) => s.selectedIndex !== Math.max(0, [...s.options].findIndex((o) => o.defaultSelected)));
}

// Back online: a page with last known copies (last-known.ts) is drawn again,
// unless the member has typed or chosen something in it; queued claims go out.
function backOnline(): void {
  if (offlineNow()) return;
  void flushClaims();
  const main = document.querySelector('main');
  if (main?.querySelector('.last-known') && !main.hasAttribute('aria-busy') && !edited(main) && !document.querySelector('dialog[open]')) refreshShell();
}

// `warm`: the page chunks to load once (kept by the service worker for offline use).
export function registerPwa(warm: (() => Promise<unknown>)[] = []): void {
  window.addEventListener('offline', watchNetwork);
  // The browser is online again: whether the server answers is up to the next request.
  window.addEventListener('online', () => { watchNetwork(); void probeNetwork().then(() => flushClaims()); });
  onNetworkChange(() => { watchNetwork(); backOnline(); });
  onLangChange(rewordBanner);
  watchNetwork();
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  navigator.serviceWorker.register('/sw.js').then(async () => {
    await navigator.serviceWorker.ready;
    for (const load of warm) await load().catch(() => {});
  }).catch(() => { /* no service worker (private mode): the app works online as before */ });
  void flushClaims();
}
