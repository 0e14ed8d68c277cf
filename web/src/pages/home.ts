import { api, query, type Connection, type Page, type Tie } from '../api';
import { me, type PageCtx } from '../app';
import { field, h } from '../dom';
import { formatNumber, plural, t } from '../i18n';
import { confirmList, type Encounter } from './encounter-common';

// Claims about me to confirm ("X zegt dat jullie elkaar spraken op E. Klopt dat?"), near the top.
async function toConfirm(): Promise<HTMLElement | null> {
  let list: { items: Encounter[]; total: number };
  try {
    list = await api<{ items: Encounter[]; total: number }>('GET', '/api/v1/encounters/to-confirm');
  } catch {
    return null;   // never let this keep the home page from showing
  }
  if (list.items.length === 0) return null;
  return h('section', { class: 'card', id: 'to-confirm', 'aria-labelledby': 'h-to-confirm' },
    h('h2', { id: 'h-to-confirm' }, t('encounters.home.title')), confirmList(list.items));
}

export default async function home(ctx: PageCtx): Promise<void> {
  const { member } = me();
  ctx.setTitle(t('nav.home'));
  const [pending, real, online, confirmBox] = await Promise.all([
    api<Page<Connection>>('GET', '/api/v1/connections' + query({ status: 'pending', limit: 500 })),
    api<Page<Tie>>('GET', `/api/v1/members/${member.id}/ties` + query({ real: true, limit: 1 })),
    api<Page<Tie>>('GET', `/api/v1/members/${member.id}/ties` + query({ real: false, limit: 1 })),
    toConfirm(),
  ]);
  const incoming = pending.items.filter((c) => c.to === member.id).length;
  const open = member.challenges.filter((c) => c.status === 'open');

  const q = h('input', { type: 'search', name: 'q', id: 'home-q', autocomplete: 'off' });
  const search = h('form', { class: 'search-row', role: 'search', action: '/members', method: 'get' },
    field(t('home.search'), q), h('button', { type: 'submit', class: 'btn btn-primary' }, t('members.submit')));

  ctx.main.append(
    h('h1', null, t('home.title', { name: member.name })),
    h('p', { class: 'lead' }, t('app.tagline')),
    confirmBox ?? '',
    h('section', { class: 'card' }, search),
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'h-req' },
        h('h2', { id: 'h-req' }, t('home.requests')),
        h('p', null, incoming === 0 ? t('home.requests.none') : plural(incoming, 'home.requests.one', 'home.requests.some')),
        incoming > 0 && h('p', null, h('a', { class: 'btn btn-primary', href: '/connections' }, t('home.requests.open')))),
      h('section', { class: 'card', 'aria-labelledby': 'h-ties' },
        h('h2', { id: 'h-ties' }, t('home.ties')),
        h('p', null, t('home.ties.text', { real: formatNumber(real.total), online: formatNumber(online.total) })),
        h('p', null, h('a', { href: '/ties' }, t('home.ties.open')))),
      h('section', { class: 'card', 'aria-labelledby': 'h-ch' },
        h('h2', { id: 'h-ch' }, t('home.challenges')),
        open.length === 0 ? h('p', null, t('home.challenges.none'))
          : h('ul', { class: 'plain' }, open.map((c) => h('li', null, h('strong', null, c.title)))),
        h('p', null, h('a', { href: '/profile' }, t('home.challenges.edit'))))),
  );
}
