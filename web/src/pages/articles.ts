// Knowledge articles: the published ones for everyone, a member's own drafts and
// submissions, and for the network leader a status filter (what waits for approval).
import { api, query, type Page } from '../api';
import { isOrganizer, state, type PageCtx } from '../app';
import { append, field, h, message } from '../dom';
import { formatDate, plural, t } from '../i18n';
import { articleStatusBadge, errorText, type Article } from './article-common';

export default async function articlesPage(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('newsletter.articles.title'));
  const q = ctx.query.get('q') ?? '';
  const status = ctx.query.get('status') ?? '';
  const search = h('input', { type: 'search', name: 'q', id: 'a-search', value: q, maxlength: 200 });
  const form = h('form', { class: 'form card filters', role: 'search', method: 'get', action: '/articles' },
    field(t('newsletter.articles.search'), search),
    isOrganizer() && field(t('newsletter.articles.status'), h('select', { name: 'status', id: 'a-status' },
      [['', 'newsletter.articles.status.all'], ['submitted', 'newsletter.status.submitted'], ['draft', 'newsletter.status.draft'],
        ['published', 'newsletter.status.published']].map(([v, k]) =>
        h('option', { value: v, selected: v === status }, t(k as 'newsletter.status.draft'))))),
    h('button', { type: 'submit', class: 'btn' }, t('newsletter.articles.search.button')));
  const list = h('div', { id: 'articles-list' });
  append(ctx.main, [
    h('h1', null, t('newsletter.articles.title')),
    h('p', { class: 'lead' }, t('newsletter.articles.intro')),
    state.session && h('p', null, h('a', { class: 'btn btn-primary', href: '/articles/new', id: 'write-link' }, t('newsletter.articles.write'))),
    form, list]);
  try {
    const page = await api<Page<Article>>('GET', '/api/v1/articles' + query({ q, status: isOrganizer() ? status : '', limit: 100 }));
    list.append(h('p', { class: 'meta', 'aria-live': 'polite' }, plural(page.total, 'newsletter.articles.count.one', 'newsletter.articles.count')));
    if (page.items.length === 0) {
      list.append(h('p', null, t('newsletter.articles.none')));
      return;
    }
    list.append(h('ul', { class: 'cards' }, page.items.map((a) => h('li', null, h('article', { class: 'card article-card' },
      h('h2', { class: 'h3' }, h('a', { href: `/articles/${a.id}` }, a.title)),
      h('p', { class: 'meta' }, a.status !== 'published' && articleStatusBadge(a.status),
        a.author_name && h('span', null, t('newsletter.articles.by', { name: a.author_name })),
        a.published_at && h('span', null, ' · ' + t('newsletter.articles.published', { date: formatDate(a.published_at) }))),
      a.summary && h('p', null, a.summary),
      a.tags.length > 0 && h('p', { class: 'tags' }, a.tags.map((tag) => h('span', { class: 'tag' }, tag))))))));
  } catch (e) {
    list.append(message('error', errorText(e)));
  }
}
