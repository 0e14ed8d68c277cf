// /connect/:code — what a phone's camera opens from someone's connect code QR
// code (a visitor who is not signed in logs in first and comes back here).
// Lists my events where I can say whom I spoke with now (registered; from 2 h
// before the start to 14 days after the end) and records the encounter at one
// of them with one tap; the other person confirms it later. Events that are on
// now but I am not registered for link to their page to register.
import { api, ApiError, query, type Page } from '../api';
import { type PageCtx } from '../app';
import { h } from '../dom';
import { getLang, t } from '../i18n';
import {
  badgeFor, connectCode, connectCodeCard, encounterError, nextStep, show, statusBox, who, type Encounter, type Person,
} from './encounters';
import { span, type EventInfo, type Registration } from './event-common';
import { isOffline, queueClaim, rememberedEvents } from '../pwa';
import { freshness, unavailable } from '../last-known';

const OPENS_BEFORE = 2 * 3600, CLOSES_AFTER = 14 * 86400;

// The events whose claim window is open now, with my registration (null: none).
async function openEvents(): Promise<{ ev: EventInfo; registered: boolean }[]> {
  const now = Date.now() / 1000;
  // Events come oldest first: the last 200 hold the recent and the coming ones.
  const first = await api<Page<EventInfo>>('GET', '/api/v1/events' + query({ limit: 1 }));
  const page = first.total <= 1 ? first
    : await api<Page<EventInfo>>('GET', '/api/v1/events' + query({ limit: 200, offset: Math.max(0, first.total - 200) }));
  const open = page.items.filter((e) => now >= e.starts_at - OPENS_BEFORE && now <= Math.max(e.starts_at, e.ends_at) + CLOSES_AFTER);
  return Promise.all(open.map(async (ev) => {
    try {
      const r = await api<Registration>('GET', `/api/v1/events/${ev.id}/registration`);
      return { ev, registered: r.status === 'registered' };
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return { ev, registered: false };
      throw e;
    }
  }));
}

// Whose code this is, when the server can say (null otherwise: the claim names them).
async function owner(code: string): Promise<Person | null> {
  try {
    const r = await api<{ person: Person }>('GET', `/api/v1/connect-codes/${encodeURIComponent(code)}`);
    return r.person ?? null;
  } catch {
    return null;
  }
}

export default async function connectPage(ctx: PageCtx): Promise<void> {
  const raw = ctx.params.code ?? '';
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  ctx.setTitle(t('encounters.connect.title'));
  if (!/^[0-9A-Z]{8}$/.test(code)) {
    ctx.main.append(h('h1', null, t('encounters.connect.title')), h('p', { class: 'msg msg-error' }, t('encounters.connect.bad')),
      h('p', null, h('a', { href: '/events' }, t('encounters.connect.events.link'))));
    return;
  }
  // Offline at the venue: my events as last seen online (said so: the home keeps only coming
  // ones, so "not registered" would not be known); the claim waits on the phone (pwa.ts).
  let remembered = false;
  const [mine, person, events] = await Promise.all([connectCode().catch(() => null), owner(code), openEvents().catch((e) => {
    if (!isOffline(e)) throw e;
    remembered = true;
    const now = Date.now() / 1000;
    return rememberedEvents().filter((ev) => now >= ev.starts_at - OPENS_BEFORE && now <= Math.max(ev.starts_at, ev.ends_at) + CLOSES_AFTER)
      .map((ev) => ({ ev: ev as EventInfo, registered: true }));
  })]);
  if (mine && mine.code === code) {
    ctx.main.append(h('h1', null, t('encounters.mycode')), h('p', { class: 'msg msg-info' }, t('encounters.connect.own')),
      h('section', { class: 'card' }, connectCodeCard(mine, { id: 'my-connect-code', heading: 'h2', hint: t('encounters.mycode.hint') })));
    return;
  }
  const title = person && !person.hidden && person.name ? t('encounters.connect.title.name', { name: person.name }) : t('encounters.connect.title');
  ctx.setTitle(title);
  const now = Date.now() / 1000;
  // The event on now first, then the most recent.
  const onNow = (e: EventInfo) => e.starts_at - OPENS_BEFORE <= now && now <= e.ends_at;
  events.sort((x, y) => Number(onNow(y.ev)) - Number(onNow(x.ev)) || y.ev.starts_at - x.ev.starts_at);
  const registered = events.filter((x) => x.registered);
  const toRegister = events.filter((x) => !x.registered && now <= x.ev.ends_at);

  const list = registered.length === 0 ? (remembered ? unavailable({ offline: true }, 'connect-state') : h('p', { id: 'connect-none' }, t('encounters.connect.none')))
    : h('ul', { class: 'cards enc-list', id: 'connect-events' }, registered.map(({ ev }) => {
      const status = statusBox();
      const actions = h('div', { class: 'actions' }, h('button', {
        type: 'button', class: 'btn btn-primary',
        onclick: async (e: Event) => {
          const b = e.currentTarget as HTMLButtonElement;
          for (const x of document.querySelectorAll<HTMLButtonElement>('#connect-events button')) x.disabled = true;
          try {
            const r = await api<Encounter>('POST', `/api/v1/events/${ev.id}/encounters`, { code, via: 'code' });
            actions.replaceChildren(badgeFor(r.status));
            show(status, 'ok', r.status === 'confirmed' ? t('encounters.done.real', { name: who(r.other) }) : t('encounters.done.claimed', { name: who(r.other) }),
              h('p', null, r.status === 'confirmed' ? nextStep(r.other) : null,
                h('a', { href: `/events/${ev.id}#encounters` }, t('encounters.open.event', { event: ev.title }))), true);
          } catch (err) {
            if (isOffline(err)) {
              queueClaim({ event_id: ev.id, event_title: ev.title, body: { code, via: 'code' } });
              actions.replaceChildren(badgeFor('claimed'));
              show(status, 'info', t('pwa.claim.queued'), null, true);
              return;
            }
            for (const x of document.querySelectorAll<HTMLButtonElement>('#connect-events button')) x.disabled = false;
            show(status, 'error', encounterError(err));
            b.focus();
          }
        },
      }, t('encounters.connect.at', { event: ev.title })));
      return h('li', { 'data-event': ev.id }, h('article', { class: 'event-card' },
        h('h3', null, ev.title),
        h('p', { class: 'sub' }, span(ev.starts_at, ev.ends_at)),
        actions, status));
    }));

  ctx.main.append(
    h('h1', null, title),
    h('p', { class: 'meta' }, h('span', { class: 'badge' }, t('encounters.connect.code', { code }))),
    h('p', { class: 'lead' }, t('encounters.connect.lead')),
    h('section', { class: 'card', 'aria-labelledby': 'h-connect-events' },
      h('h2', { id: 'h-connect-events' }, t('encounters.connect.events')),
      remembered && registered.length > 0 && freshness([{ state: 'stale', value: null, lang: getLang(), at: null, offline: true }], 'connect-state'),
      list,
      toRegister.length > 0 && h('div', { id: 'connect-register' },
        h('p', null, t('encounters.connect.register')),
        h('ul', { class: 'plain' }, toRegister.map(({ ev }) => h('li', null,
          h('a', { class: 'btn', href: `/events/${ev.id}` + query({ connect: code }) }, t('encounters.connect.register.link', { event: ev.title })))))),
      registered.length === 0 && toRegister.length === 0 && h('p', null, h('a', { href: '/events' }, t('encounters.connect.events.link')))));
}
