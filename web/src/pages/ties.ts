// My ties (real and online-only), counted and listed, filtered and paged; an
// online-only tie who comes to one of my events offers to meet there (meet-at-event.ts).
// Offline: the last known counts and list marked with their time, or "not
// available offline" — never "0 ties" that is not true (last-known.ts).
import { api, membersById, query, sectors, type Member, type Page, type Tie } from '../api';
import { me, navigate, type PageCtx } from '../app';
import { field, h } from '../dom';
import { formatDate, formatNumber, t } from '../i18n';
import { freshness, known, lastKnown, valueOr } from '../last-known';
import { meetAtEvent, onlineTiesComing, type SharedEvent } from './meet-at-event';
import { avatar, kindLabel, sectorBadge, subtitle } from './parts';

const PAGE = 25;

export default async function ties(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('ties.title'));
  const self = me().member.id;
  const filter = ctx.query.get('show') ?? 'all';
  const real = filter === 'real' ? true : filter === 'online' ? false : undefined;
  const page = Math.max(1, Number(ctx.query.get('page') ?? '1') || 1);
  const base = `/api/v1/members/${self}/ties`;
  // The list comes with its members' names (one copy: a list without names is no use).
  const withNames = async () => {
    const list = await api<Page<Tie>>('GET', base + query({ real: real === undefined ? undefined : String(real), limit: PAGE, offset: (page - 1) * PAGE }));
    const names = await membersById(list.items.map((x) => x.member), new Map<number, Member | null>());
    return { list, names: [...names] };
  };
  const [listL, realL, onlineL, secsL, coming] = await Promise.all([
    lastKnown(`ties:${filter}:${page}`, withNames()),
    lastKnown('ties:real', api<Page<Tie>>('GET', base + query({ real: 'true', limit: 1 }))),
    lastKnown('ties:online', api<Page<Tie>>('GET', base + query({ real: 'false', limit: 1 }))),
    lastKnown('sectors', sectors()),
    // Online-only ties who come to one of my events: the step to meeting there. Extra, so
    // left out when it cannot be fetched (offline) rather than failing the list.
    onlineTiesComing().catch(() => new Map<number, SharedEvent>()),
  ]);
  const secs = valueOr(secsL, []);
  const shared = (member: number) => coming.get(member);
  const note = freshness([listL, realL, onlineL, secsL], 'ties-state');

  const select = h('select', { id: 'ties-show', name: 'show' },
    (['all', 'real', 'online'] as const).map((v) => h('option', { value: v, selected: v === filter }, t(`ties.filter.${v}`))));
  select.addEventListener('change', () => navigate('/ties' + (select.value === 'all' ? '' : '?show=' + select.value)));

  const list = known(listL) ? listL.value.list : null;
  const cache = new Map(known(listL) ? listL.value.names : []);
  const pages = list ? Math.max(1, Math.ceil(list.total / PAGE)) : 1;
  const link = (p: number) => '/ties' + query({ show: filter === 'all' ? undefined : filter, page: p > 1 ? p : undefined });
  ctx.main.append(
    h('h1', null, t('ties.title')),
    h('p', { class: 'lead' }, t('ties.intro')),
    h('div', { class: 'card tie-summary' },
      note ?? '',
      known(realL) && known(onlineL) ? h('p', { class: 'tie-stats', id: 'tie-stats' },
        h('span', { class: 'stat' }, h('strong', null, formatNumber(realL.value.total)), ' ', t('ties.real')),
        h('span', { class: 'stat' }, h('strong', null, formatNumber(onlineL.value.total)), ' ', t('ties.online'))) : '',
      field(t('ties.filter'), select)),
    !list ? '' : list.items.length === 0 ? h('p', null, t('ties.none')) : h('ul', { class: 'cards', id: 'tie-list' }, list.items.map((tie) => {
      const m = cache.get(tie.member);
      return h('li', null, h('article', { class: 'member-card' },
        avatar(m?.name ?? '?'),
        h('div', { class: 'member-card-body' },
          h('h3', null, m ? h('a', { href: `/members/${m.id}` }, m.name) : t('hidden.member'),
            ' ', h('span', { class: tie.real ? 'badge real' : 'badge online' }, tie.real ? t('ties.real') : t('ties.online'))),
          m && subtitle(m) && h('p', { class: 'sub' }, subtitle(m)),
          h('p', { class: 'meta' }, m && sectorBadge(secs, m.sector),
            h('span', null, t('ties.strongest', { kind: kindLabel(tie.strongest) }))),
          h('p', { class: 'meta' }, h('span', null, t('ties.last', { date: formatDate(tie.last_at) })),
            h('span', null, t('ties.strength', { s: formatNumber(tie.strength, 1) }))),
          // Online only, and coming to an event I go to: ask to meet there (or the request's state).
          !tie.real && m && shared(tie.member) && meetAtEvent({ id: m.id, name: m.name }, shared(tie.member)!, self))));
    })),
    pages > 1 ? h('nav', { class: 'pager', 'aria-label': t('ties.title') },
      page > 1 ? h('a', { href: link(page - 1), rel: 'prev' }, t('members.prev')) : h('span'),
      h('span', null, t('members.page', { p: page, n: pages })),
      page < pages ? h('a', { href: link(page + 1), rel: 'next' }, t('members.next')) : h('span')) : '',
  );
}
