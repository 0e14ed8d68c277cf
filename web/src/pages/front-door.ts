// The network's front door (issue #17): what a visitor who is not signed in
// sees at "/" — the network's own name, description, logo and organiser (the
// site.* settings, GET /api/v1/site), its public upcoming events, its latest
// public articles, the newsletter sign-up, and the ways in (log in, sign up).
// A leader sees the same with /?preview=public.
import { api, query, type Page } from '../api';
import type { PageCtx } from '../app';
import { h } from '../dom';
import { formatDate, formatDateTime, getLang, t } from '../i18n';
import type { Article } from './article-common';
import type { EventInfo } from './event-common';
import { subscribeForm } from './newsletter-subscribe';

interface Site { name: string; description_nl: string; description_en: string; organizer: string; logo_url: string }

export default async function frontDoor(ctx: PageCtx): Promise<void> {
  const [site, events, articles, form] = await Promise.all([
    api<Site>('GET', '/api/v1/site'),
    api<Page<EventInfo>>('GET', '/api/v1/events' + query({ upcoming: true, limit: 5 })).catch(() => null),
    api<Page<Article>>('GET', '/api/v1/articles' + query({ limit: 4 })).catch(() => null),
    subscribeForm(true),
  ]);
  ctx.setTitle(site.name);
  const nl = getLang() === 'nl';
  const description = (nl ? site.description_nl || site.description_en : site.description_en || site.description_nl) || t('app.tagline');
  const upcoming = (events?.items ?? []).filter((e) => e.public !== false);
  const published = (articles?.items ?? []).filter((a) => a.status === 'published');

  ctx.main.append(
    h('section', { class: 'card front-hero', 'aria-labelledby': 'front-name' },
      h('img', { src: site.logo_url, alt: '', width: 72, height: 72 }),
      h('div', null,
        h('h1', { id: 'front-name' }, site.name),
        h('p', { class: 'lead', id: 'front-description' }, description),
        site.organizer ? h('p', { id: 'front-organizer' }, t('leader.front.by', { who: site.organizer })) : null),
      h('p', { class: 'actions' },
        h('a', { class: 'btn btn-primary', href: '/login' }, t('leader.front.signin')),
        h('a', { class: 'btn', href: '/signup' }, t('leader.front.signup')))),
    h('div', { class: 'front-grid' },
      h('section', { class: 'card', 'aria-labelledby': 'front-events', id: 'events' },
        h('h2', { id: 'front-events' }, t('leader.front.events')),
        upcoming.length === 0 ? h('p', null, t('leader.front.events.none')) :
          h('ul', { class: 'front-list' }, upcoming.map((e) => h('li', null,
            h('h3', null, e.title),
            h('p', { class: 'meta' }, formatDateTime(e.starts_at), e.location ? ` · ${e.location}` : '',
              e.free ? [' ', h('span', { class: 'badge' }, t('leader.front.free'))] : null),
            h('p', null, h('a', { href: '/login' + query({ next: `/events/${e.id}` }) }, t('leader.front.event.join'))))))),
      h('section', { class: 'card', 'aria-labelledby': 'front-articles', id: 'articles' },
        h('h2', { id: 'front-articles' }, t('leader.front.articles')),
        published.length === 0 ? h('p', null, t('leader.front.articles.none')) :
          h('ul', { class: 'front-list' }, published.map((a) => h('li', null,
            h('h3', { lang: a.language }, h('a', { href: `/articles/${a.id}` }, a.title)),
            a.published_at ? h('p', { class: 'meta' }, formatDate(a.published_at)) : null,
            a.summary ? h('p', { lang: a.language }, a.summary) : null))),
        h('p', null, h('a', { href: '/articles' }, t('leader.front.articles.all')))),
      h('section', { class: 'card front-wide', 'aria-labelledby': 'front-newsletter', id: 'newsletter' },
        h('h2', { id: 'front-newsletter' }, t('leader.front.newsletter')),
        h('p', null, t('leader.front.newsletter.intro')),
        form)),
  );
}
