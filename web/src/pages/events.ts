// The members' events list: upcoming events, free or paid, places left.
// Offline: the last known list marked with its time, or "not available
// offline" — never "no upcoming events" that is not true (last-known.ts).
import { api, query, type Page } from '../api';
import { type PageCtx } from '../app';
import { h } from '../dom';
import { t } from '../i18n';
import { freshness, known, lastKnown } from '../last-known';
import { kindLabel, priceLabel, seatsLabel, span, type EventInfo } from './event-common';

export default async function eventsPage(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('events.title'));
  const pageL = await lastKnown('events:upcoming', api<Page<EventInfo>>('GET', '/api/v1/events' + query({ upcoming: true, limit: 100 })));
  const page = known(pageL) ? pageL.value : null;
  ctx.main.append(
    h('h1', null, t('events.title')),
    h('section', { class: 'card', 'aria-labelledby': 'h-upcoming' },
      h('h2', { id: 'h-upcoming' }, t('events.upcoming')),
      freshness([pageL], 'events-state'),
      !page ? '' : page.items.length === 0 ? h('p', null, t('events.none')) : h('ul', { class: 'cards', id: 'event-list' },
        page.items.map((e) => h('li', null, h('article', { class: 'event-card' },
          h('h3', null, h('a', { href: `/events/${e.id}` }, e.title)),
          h('p', { class: 'meta' }, h('span', { class: 'badge' }, kindLabel(e.kind)), ' ', h('span', { class: 'badge' }, priceLabel(e))),
          h('p', null, span(e.starts_at, e.ends_at)),
          e.location && h('p', { class: 'sub' }, e.location),
          h('p', { class: 'seats' }, seatsLabel(e))))))),
  );
}
