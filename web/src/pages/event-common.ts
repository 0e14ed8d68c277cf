// Types and pieces the events pages share: the API shapes, labels and money.
// (The check-in QR code is in qr-code.ts, so pages that draw none skip its library.)
import { api, ApiError, query, type Page } from '../api';
import { h } from '../dom';
import { formatDateTime, getLang, t, type Key } from '../i18n';
import { isOffline } from '../pwa';

export interface ProgrammeItem { id: number; title: string; description: string; starts_at: number; ends_at: number; room: string }
export interface EventInfo {
  id: number; title: string; kind: string; description: string; description_html: string; starts_at: number; ends_at: number; timezone: string;
  location: string; capacity: number; price_cents: number; free: boolean; registration_deadline: number; public: boolean;
  request_ttl: number; revision: number; organizers: number[]; programme: ProgrammeItem[]; registered: number;
  waitlisted: number; seats_left: number | null;
}
export interface Registration {
  id: number; event_id: number; member_id: number; member_name: string; status: 'registered' | 'waitlisted' | 'cancelled';
  waitlist_position?: number; checkin_code?: string; checked_in_at: number | null; rounds_opt_out: boolean;
}
export interface Suggestion { member_id: number; name: string; sector: string; organization: string; score: number; why: string }
export interface MeetingRequest {
  id: number; event_id: number; from: number; from_name: string; to: number; to_name: string; message: string;
  status: 'pending' | 'accepted' | 'declined' | 'cancelled' | 'expired'; mutual: boolean; expires_at: number;
}
export interface Person { id: number; name: string; happened: boolean | null }
export interface Meeting {
  id: number; round_id: number; slot_id: number; starts_at: number; ends_at: number; table: number; a: Person; b: Person;
  why: string; requested: boolean; status: string;
}
export interface Slot { id: number; starts_at: number; ends_at: number }
export interface Round { id: number; event_id: number; title: string; tables: number; max_meetings: number; slots: Slot[]; scheduled_at: number | null }
export interface Seated { id: number; name: string; sector: string; organization: string }
export interface MyTable { seating_id: number; title: string; round: number; table: number; tablemates: Seated[]; hidden: number }
export interface Seating {
  id: number; event_id: number; title: string; tables: number; table_size: number; rounds: number; seated_at: number | null;
  quality: { repeats: number; colleague_conflicts: number; unseated: number; mean_distinct_sectors: number };
  plan?: { round: number; table: number; people: Seated[]; hidden: number }[];
}
export interface Items<T> { items: T[]; total: number }

export function kindLabel(kind: string): string {
  const key = ('events.kind.' + kind) as Key;
  return ['congress', 'inspiration_session', 'network_drinks'].includes(kind) ? t(key) : kind;
}

export function priceLabel(e: EventInfo): string {
  if (e.free) return t('events.free');
  const euros = new Intl.NumberFormat(getLang() === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    .format(e.price_cents / 100);
  return t('events.price', { price: euros });
}

export function seatsLabel(e: EventInfo): string {
  if (e.seats_left === null) return t('events.seats.unlimited');
  return e.seats_left > 0 ? t('events.seats.left', { n: e.seats_left }) : t('events.seats.full');
}

const TZ = 'Europe/Amsterdam';
export function clock(unix: number): string {
  return new Intl.DateTimeFormat(getLang() === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit' }).format(unix * 1000);
}
export function span(a: number, b: number): string {
  return `${formatDateTime(a)} – ${clock(b)}`;
}

// Errors worded in the UI's language (offline → our own sentence, never "Failed to fetch").
export { errorText } from '../feedback';

export function dl(rows: [string, Node | string][]): HTMLElement {
  return h('dl', { class: 'event-facts' }, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

// <input type=datetime-local> values in Europe/Amsterdam, whatever the browser's zone.
function wall(unix: number): { y: number; mo: number; d: number; h: number; mi: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(unix * 1000);
  const get = (k: string) => Number(parts.find((p) => p.type === k)?.value ?? 0);
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour'), mi: get('minute') };
}
export function toLocalInput(unix: number): string {
  if (!unix) return '';
  const w = wall(unix);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.y}-${p(w.mo)}-${p(w.d)}T${p(w.h)}:${p(w.mi)}`;
}
export function fromLocalInput(v: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(v);
  if (!m) return 0;
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]) / 1000;
  const w = wall(guess);
  const offset = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi) / 1000 - guess;
  return guess - offset;
}

// My upcoming events with my registration (registered or waitlisted), soonest
// first. Offline, a registration the service worker did not keep is one that
// answered 404 (not registered; sw.js drops those) or was never fetched online.
export interface NextEvent { ev: EventInfo; reg: Registration }
export async function myEvents(): Promise<NextEvent[]> {
  const list = await api<Page<EventInfo>>('GET', '/api/v1/events' + query({ upcoming: true, limit: 20 }));
  const regs = await Promise.all(list.items.map((ev) => api<Registration>('GET', `/api/v1/events/${ev.id}/registration`)
    .then((reg) => ({ ev, reg })).catch((e) => { if ((e instanceof ApiError && e.status === 404) || isOffline(e)) return null; throw e; })));
  return regs.filter((x): x is NextEvent => !!x && x.reg.status !== 'cancelled')
    .sort((a, b) => a.ev.starts_at - b.ev.starts_at);
}
