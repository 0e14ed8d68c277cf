// Where a notification leads, shared by the notifications page and the home
// page: every notification links to its object (issue #17), and opening it
// marks it read first so the unread count is right on the next page.
import { api, query, type Page } from '../api';
import { navigate } from '../app';
import type { EventInfo, Items, MeetingRequest } from './event-common';

export interface Notification { id: number; kind: string; key: string; text: string; lang: string; ref: string; created_at: number; read: boolean }

// "question:7" → /questions/7, "event:3" → /events/3, visits → /visits,
// "encounters:3" → the event's "Wie sprak je?" section, "visit_new:12" → the
// visit request form for host 12, "member:12" → their page, a meeting request
// → the requests on the home page (resolved to its event by `open`).
export function notificationTarget(ref: string): string | null {
  const [kind, id] = ref.split(':');
  if (!/^\d+$/.test(id ?? '')) return null;
  if (kind === 'question') return `/questions/${id}`;
  if (kind === 'event') return `/events/${id}`;
  if (kind === 'visit') return '/visits';
  if (kind === 'encounters') return `/events/${id}#encounters`;
  if (kind === 'visit_new') return `/visits?host=${id}`;
  if (kind === 'member') return `/members/${id}`;
  if (kind === 'meeting_request') return '/#waiting';
  return null;
}

// The event page of a meeting request (its requests list), found among my upcoming events.
async function meetingRequestTarget(id: number): Promise<string | null> {
  const evs = await api<Page<EventInfo>>('GET', '/api/v1/events' + query({ upcoming: true, limit: 50 }));
  const found = await Promise.all(evs.items.map((ev) => api<Items<MeetingRequest>>('GET', `/api/v1/events/${ev.id}/meeting-requests`)
    .then((r) => (r.items.some((x) => x.id === id) ? ev.id : null)).catch(() => null)));
  const ev = found.find((x) => x !== null);
  return ev ? `/events/${ev}#requests` : null;
}

// A click handler for a notification's link: mark read, then go (a meeting
// request to its event). Modified clicks (new tab) keep the browser's default.
export function openNotification(n: Notification, href: string): (ev: Event) => Promise<void> {
  return async (ev: Event) => {
    const m = ev as MouseEvent;
    if (m.button !== 0 || m.metaKey || m.ctrlKey || m.shiftKey || m.altKey) return;
    ev.preventDefault();
    let to = href;
    const [kind, id] = n.ref.split(':');
    if (kind === 'meeting_request' && href === '/#waiting') to = (await meetingRequestTarget(Number(id)).catch(() => null)) ?? href;
    if (!n.read) { try { await api('POST', `/api/v1/notifications/${n.id}/read`, {}); } catch { /* open it anyway */ } }
    navigate(to);
  };
}
