// The leader's events: every event (upcoming first) and a form for a new one.
import { api, query, type Page } from '../api';
import { type PageCtx } from '../app';
import { h } from '../dom';
import { t } from '../i18n';
import { kindLabel, span, type EventInfo } from './event-common';
import { eventForm } from './leader-event-form';

export default async function leaderEvents(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('events.leader.title'));
  const page = await api<Page<EventInfo>>('GET', '/api/v1/events' + query({ limit: 200 }));
  const items = [...page.items].sort((a, b) => b.starts_at - a.starts_at);
  ctx.main.append(
    h('h1', null, t('events.leader.title')),
    h('section', { class: 'card', 'aria-labelledby': 'h-pick' },
      h('h2', { id: 'h-pick' }, t('events.leader.pick')),
      h('ul', { class: 'plain-list', id: 'leader-event-list' }, items.map((e) => h('li', null,
        h('a', { href: `/leader/events/${e.id}` }, e.title), ' ',
        h('span', { class: 'sub' }, `${kindLabel(e.kind)} · ${span(e.starts_at, e.ends_at)}`))))),
    h('section', { class: 'card', 'aria-labelledby': 'h-new' },
      h('h2', { id: 'h-new' }, t('events.leader.new')),
      eventForm(null)),
  );
}
