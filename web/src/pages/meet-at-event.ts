// Where an online contact can become a meeting in person: the events that
// have not ended for which the viewer and another member are both registered
// (GET /api/v1/members/:id/shared-events), each with one tap to ask to meet
// there, or the state of the request already made (either way). Used by a
// member's profile page and by a solved question (meet the one who helped).
// Its strings are in the events part (../strings/events.ts).
import { api } from '../api';
import { append, h, type Child } from '../dom';
import { action } from '../feedback';
import { formatDateTime, t } from '../i18n';
import { myEvents, type MeetingRequest } from './event-common';

export interface SharedEvent {
  event_id: number; title: string; starts_at: number; ends_at: number; location: string; request: MeetingRequest | null;
}

// A fellow attendee of one event (GET /api/v1/events/:id/online-ties).
export interface FellowAttendee {
  member_id: number; name: string; request: MeetingRequest | null;
  known_by: 'connected' | 'answered'; known_since: number;  // how we know each other online, since when
}

// An event of the viewer's, as a shared event without a request yet.
export function atEvent(ev: { id: number; title: string; starts_at: number; ends_at: number; location: string }): SharedEvent {
  return { event_id: ev.id, title: ev.title, starts_at: ev.starts_at, ends_at: ev.ends_at, location: ev.location, request: null };
}

// My online-only ties who come to one of my next three events (registered, not
// waitlisted), each with the soonest such event and the live request between
// us there: where an online contact can become a real one (the ties page).
export async function onlineTiesComing(): Promise<Map<number, SharedEvent>> {
  const mine = (await myEvents()).filter((x) => x.reg.status === 'registered').slice(0, 3);
  const lists = await Promise.all(mine.map((x) => api<{ items: FellowAttendee[] }>('GET', `/api/v1/events/${x.ev.id}/online-ties`)
    .then((r) => ({ ev: x.ev, items: r.items }))));
  const out = new Map<number, SharedEvent>();
  for (const { ev, items } of lists) {
    for (const f of items) if (!out.has(f.member_id)) out.set(f.member_id, { ...atEvent(ev), request: f.request });
  }
  return out;
}

export async function sharedEvents(other: number): Promise<SharedEvent[]> {
  return (await api<{ items: SharedEvent[] }>('GET', `/api/v1/members/${other}/shared-events`)).items;
}

// The one to show where only one fits: the first with a request (it is under
// way), else the soonest.
export function firstShared(list: SharedEvent[]): SharedEvent | undefined {
  return list.find((e) => e.request) ?? list[0];
}

// One shared event as a block with its next step. `message`: what the request
// says (e.g. which question it is about); `self`: the viewer's member id;
// `withEvent`: starts with the event's name, time and place (off where the
// surrounding card names the event). After each step the block redraws
// itself from the server's answer.
export function meetAtEvent(other: { id: number; name: string }, ev: SharedEvent, self: number, message = '', withEvent = true): HTMLElement {
  const block = h('div', { class: 'meet-at-event', 'data-event': ev.event_id });
  // Which event, when and where: the line every state starts with.
  const head = () => withEvent && h('p', { class: 'meta' }, h('a', { href: `/events/${ev.event_id}` }, ev.title),
    h('span', null, formatDateTime(ev.starts_at) + (ev.location ? `, ${ev.location}` : '')));
  const set = (...children: Child[]) => { block.replaceChildren(); append(block, children); };
  const redraw = async (): Promise<void> => {
    const fresh = (await sharedEvents(other.id)).find((e) => e.event_id === ev.event_id);
    ev = fresh ?? { ...ev, request: null };
    draw();
  };
  const draw = () => {
    const r = ev.request;
    const name = other.name;
    if (!r) {
      set(
        head(), withEvent && h('p', null, t('events.shared.both', { name })),
        h('div', { class: 'actions' }, h('button', {
          type: 'button', class: 'btn btn-primary', 'data-action': 'ask',
          onclick: action({
            run: async () => {
              try {
                await api('POST', `/api/v1/events/${ev.event_id}/meeting-requests`, { to: other.id, message });
              } finally {
                // Asked meanwhile (another tab): the state as it is. A failed refresh keeps the
                // block as it was and does not turn a sent request into an error.
                await redraw().catch(() => undefined);
              }
              return t('events.meet.sent', { name });
            },
            near: () => block,
          }),
        }, t('events.shared.ask', { name }))));
    } else if (r.status === 'accepted') {
      set(head(), h('p', { class: 'agreed' }, t('events.shared.agreed', { name })));
    } else if (r.from === self) {
      set(head(), h('p', null, t('events.shared.asked', { name })));
    } else {
      set(
        head(), h('p', null, t('events.shared.theirs', { name })),
        r.message && h('blockquote', null, r.message),
        h('div', { class: 'actions' }, h('button', {
          type: 'button', class: 'btn btn-primary', 'data-action': 'accept',
          onclick: action({
            run: async () => {
              try {
                await api('POST', `/api/v1/meeting-requests/${r.id}/accept`);
              } finally {
                await redraw().catch(() => undefined);
              }
              return t('events.shared.accepted', { name, event: ev.title });
            },
            near: () => block,
          }),
        }, t('events.shared.accept'))));
    }
  };
  draw();
  return block;
}
