import { api, query, sectors, type Member, type Page } from '../api';
import { navigate, sectorLabel, type PageCtx } from '../app';
import { field, h } from '../dom';
import { plural, t } from '../i18n';

const PAGE = 50;

export default async function leaderMembers(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('leader.members.title'));
  const qv = ctx.query.get('q') ?? '';
  const page = Math.max(1, Number(ctx.query.get('page') ?? '1') || 1);
  const [result, secs] = await Promise.all([
    api<Page<Member>>('GET', '/api/v1/members' + query({ q: qv, limit: PAGE, offset: (page - 1) * PAGE })),
    sectors(),
  ]);
  const q = h('input', { type: 'search', name: 'q', id: 'lm-q', value: qv, autocomplete: 'off' });
  const form = h('form', { class: 'search-row', role: 'search' }, field(t('members.search'), q),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('members.submit')));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); navigate('/leader/members' + query({ q: q.value.trim() })); });
  const pages = Math.max(1, Math.ceil(result.total / PAGE));
  const link = (p: number) => '/leader/members' + query({ q: qv, page: p > 1 ? p : undefined });
  const visLabel = (v?: string) => (v ? t(`profile.visibility.${v}` as 'profile.visibility.members') : '');

  ctx.main.append(
    h('div', { class: 'page-head' }, h('h1', null, t('leader.members.title')),
      h('a', { class: 'btn btn-primary', href: '/leader/members/new' }, t('leader.members.new'))),
    h('div', { class: 'card' }, form),
    h('p', { class: 'count', role: 'status' }, plural(result.total, 'members.count.one', 'members.count')),
    h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': t('leader.members.title') },
      h('table', { class: 'table' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, t('leader.members.name')), h('th', { scope: 'col' }, t('leader.members.email')),
          h('th', { scope: 'col' }, t('leader.members.organization')), h('th', { scope: 'col' }, t('members.sector')),
          h('th', { scope: 'col' }, t('leader.members.visibility')))),
        h('tbody', null, result.items.map((m) => h('tr', null,
          h('td', null, h('a', { href: `/members/${m.id}` }, m.name)), h('td', null, m.email ?? ''),
          h('td', null, m.organization), h('td', null, m.sector ? sectorLabel(secs, m.sector) : ''),
          h('td', null, visLabel(m.visibility))))))),
    pages > 1 ? h('nav', { class: 'pager', 'aria-label': t('leader.members.title') },
      page > 1 ? h('a', { href: link(page - 1), rel: 'prev' }, t('members.prev')) : h('span'),
      h('span', null, t('members.page', { p: page, n: pages })),
      page < pages ? h('a', { href: link(page + 1), rel: 'next' }, t('members.next')) : h('span')) : '',
  );
}
