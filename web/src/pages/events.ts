// The members' events list: upcoming events, free or paid, places left.
import { api, query, type Page } from '../api';
import { type PageCtx } from '../app';
import { h } from '../dom';
import { t } from '../i18n';
import { kindLabel, priceLabel, seatsLabel, span, type EventInfo } from './event-common';

export default async function eventsPage(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('events.title'));
  const page = await api<Page<EventInfo>>('GET', '/api/v1/events' + query({ upcoming: true, limit: 100 }));
  ctx.main.append(
    h('h1', null, t('events.title')),
    h('section', { class: 'card', 'aria-labelledby': 'h-upcoming' },
      h('h2', { id: 'h-upcoming' }, t('events.upcoming')),
      page.items.length === 0 ? h('p', null, t('events.none')) : h('ul', { class: 'cards', id: 'event-list' },
        page.items.map((e) => h('li', null, h('article', { class: 'event-card' },
          h('h3', null, h('a', { href: `/events/${e.id}` }, e.title)),
          h('p', { class: 'meta' }, h('span', { class: 'badge' }, kindLabel(e.kind)), ' ', h('span', { class: 'badge' }, priceLabel(e))),
          h('p', null, span(e.starts_at, e.ends_at)),
          e.location && h('p', { class: 'sub' }, e.location),
          h('p', { class: 'seats' }, seatsLabel(e))))))),
  );
}
