import { api, query, sectors, type Member, type Page } from '../api';
import { navigate, sectorLabel, type PageCtx } from '../app';
import { field, h, checkbox } from '../dom';
import { plural, t } from '../i18n';
import { memberCard } from './parts';

const PAGE = 20;

export default async function directory(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('members.title'));
  const qv = ctx.query.get('q') ?? '';
  const sv = ctx.query.get('sector') ?? '';
  const ov = ctx.query.get('open') === '1';
  const page = Math.max(1, Number(ctx.query.get('page') ?? '1') || 1);

  const [secs, result] = await Promise.all([
    sectors(),
    api<Page<Member>>('GET', '/api/v1/members' + query({
      q: qv, sector: sv, open_challenges: ov ? 'true' : undefined, limit: PAGE, offset: (page - 1) * PAGE,
    })),
  ]);

  const q = h('input', { type: 'search', name: 'q', id: 'dir-q', value: qv, autocomplete: 'off' });
  const sector = h('select', { name: 'sector', id: 'dir-sector' },
    h('option', { value: '' }, t('members.sector.all')),
    secs.map((s) => h('option', { value: s.key, selected: s.key === sv }, sectorLabel(secs, s.key))));
  const openBox = checkbox(t('members.open'), 'open', ov);
  const form = h('form', { class: 'card form search', role: 'search' },
    field(t('members.search'), q, t('members.search.hint')),
    field(t('members.sector'), sector), openBox,
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('members.submit')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const openInput = openBox.querySelector('input') as HTMLInputElement;
    navigate('/members' + query({ q: q.value.trim(), sector: sector.value, open: openInput.checked ? '1' : undefined }));
  });

  const pages = Math.max(1, Math.ceil(result.total / PAGE));
  const link = (p: number) => '/members' + query({ q: qv, sector: sv, open: ov ? '1' : undefined, page: p > 1 ? p : undefined });
  ctx.main.append(
    h('h1', null, t('members.title')),
    form,
    h('section', { 'aria-labelledby': 'h-results' },
      h('h2', { id: 'h-results', class: 'visually-hidden' }, t('members.results')),
      h('p', { class: 'count', role: 'status' }, plural(result.total, 'members.count.one', 'members.count')),
      result.items.length === 0 ? h('p', null, t('members.none'))
        : h('ul', { class: 'cards' }, result.items.map((m) => h('li', null, memberCard(m, secs)))),
      pages > 1 && h('nav', { class: 'pager', 'aria-label': t('members.results') },
        page > 1 ? h('a', { href: link(page - 1), rel: 'prev' }, t('members.prev')) : h('span'),
        h('span', null, t('members.page', { p: page, n: pages })),
        page < pages ? h('a', { href: link(page + 1), rel: 'next' }, t('members.next')) : h('span'))),
  );
}
