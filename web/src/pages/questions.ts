// Questions to the network: list (everyone's, mine, asked to me), filter open or
// solved, search; a button to ask one. Offline: the last known list marked
// with its time, or "not available offline" — never "no questions" that is
// not true (last-known.ts).
import { api, query, type Page } from '../api';
import type { PageCtx } from '../app';
import { field, h } from '../dom';
import { formatDate, plural, t } from '../i18n';
import { freshness, known, lastKnown } from '../last-known';
import { statusBadge, type Question } from './question-common';

export default async function questionsPage(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('questions.title'));
  const status = ctx.query.get('status') ?? '';
  const show = ctx.query.get('show') ?? '';
  const q = ctx.query.get('q') ?? '';

  const search = h('input', { type: 'search', name: 'q', id: 'q-search', value: q, maxlength: 200 });
  const statusSel = h('select', { name: 'status', id: 'q-status' },
    [['', 'questions.filter.all'], ['open', 'questions.filter.open'], ['solved', 'questions.filter.solved']].map(([v, k]) =>
      h('option', { value: v, selected: v === status }, t(k as 'questions.filter.all'))));
  const showSel = h('select', { name: 'show', id: 'q-show' },
    [['', 'questions.filter.everyone'], ['mine', 'questions.filter.mine'], ['routed', 'questions.filter.routed']].map(([v, k]) =>
      h('option', { value: v, selected: v === show }, t(k as 'questions.filter.everyone'))));
  const form = h('form', { class: 'form card filters', role: 'search', method: 'get', action: '/questions' },
    field(t('questions.search'), search),
    field(t('questions.filter.status'), statusSel),
    field(t('questions.filter.show'), showSel),
    h('button', { type: 'submit', class: 'btn' }, t('questions.search.button')));

  const list = h('div', { id: 'questions-list' });
  ctx.main.append(
    h('h1', null, t('questions.title')),
    h('p', { class: 'lead' }, t('questions.intro')),
    h('p', null, h('a', { class: 'btn btn-primary', href: '/questions/new', id: 'ask-link' }, t('questions.ask'))),
    form, list);
  // One last known copy per choice of filters (and search).
  const pageL = await lastKnown(`questions:${status}:${show}:${q}`, api<Page<Question>>('GET', '/api/v1/questions' + query({
    status, q, mine: show === 'mine', routed_to_me: show === 'routed', limit: 100,
  })));
  const note = freshness([pageL], 'questions-state');
  if (note) list.append(note);
  if (!known(pageL)) return;
  const page = pageL.value;
  list.append(h('p', { class: 'meta', 'aria-live': 'polite' }, plural(page.total, 'questions.count.one', 'questions.count')));
  if (page.items.length === 0) {
    list.append(h('p', null, t('questions.none')));
    return;
  }
  list.append(h('ul', { class: 'cards' }, page.items.map((x) => h('li', null, h('article', { class: 'card question-card' },
    h('h2', { class: 'h3' }, h('a', { href: `/questions/${x.id}` }, x.title)),
    h('p', { class: 'meta' }, statusBadge(x.status),
      x.routed_to_me && h('span', { class: 'badge sector' }, t('questions.routed.badge')),
      h('span', null, plural(x.answer_count, 'questions.answers.count.one', 'questions.answers.count'))),
    h('p', { class: 'sub' }, t('questions.by', { name: x.asker.name, date: formatDate(x.created_at) })),
    x.tags.length > 0 && h('p', { class: 'tags' }, x.tags.map((tag) => h('span', { class: 'tag' }, tag))))))));
}
