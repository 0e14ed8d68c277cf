// The leader's members table (issue #17): search by name, address or
// organisation; filter by sector, role, visibility and last activity
// (GET /api/v1/leader/members); each row's actions in one menu (profile, map,
// e-mail, delete after a confirmation that names the member and what goes).
// The filters live in the address, so a filtered list can be shared and reloaded.
import { api, query, sectors } from '../api';
import { me, navigate, sectorLabel, type PageCtx } from '../app';
import { confirmAction, show, showError } from '../feedback';
import { field, h } from '../dom';
import { formatDate, plural, t, type Key } from '../i18n';
import { mailStateBox } from './leader-mail-state';

const PAGE = 50;
const ROLES = ['member', 'organizer', 'admin'] as const;
const VISIBILITIES = ['members', 'organizers', 'hidden'] as const;
const ACTIVE = ['30d', '90d', '365d', 'quiet90d', 'never'] as const;

interface Row {
  id: number; name: string; email: string; organization: string; sector: string;
  visibility: 'members' | 'organizers' | 'hidden'; role: 'member' | 'organizer' | 'admin'; last_active_at: number | null;
}
interface RowsPage { items: Row[]; total: number; limit: number; offset: number }

// An address that may break only before "@" and dots, never inside a part
// (also not at a hyphen: "hengelo-gemeente" stays whole).
function emailText(email: string): (string | Node)[] {
  const out: (string | Node)[] = [];
  const parts = email.split(/(?=[.@])/);
  parts.forEach((p, i) => { if (i) out.push(h('wbr')); out.push(h('span', { class: 'email-part' }, p)); });
  return out;
}

let openMenu: (() => void) | null = null;
document.addEventListener('click', (ev) => {
  if (openMenu && !(ev.target as Element | null)?.closest?.('.row-menu')) openMenu();
});
document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape' && openMenu) openMenu(); });

export default async function leaderMembers(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('leader.members.title'));
  const params = {
    q: ctx.query.get('q') ?? '', sector: ctx.query.get('sector') ?? '', role: ctx.query.get('role') ?? '',
    visibility: ctx.query.get('visibility') ?? '', active: ctx.query.get('active') ?? '',
  };
  const page = Math.max(1, Number(ctx.query.get('page') ?? '1') || 1);
  const secs = await sectors();
  const myId = me().member.id;

  const select = (id: string, name: keyof typeof params, options: [string, string][]) => {
    const el = h('select', { id, name }, h('option', { value: '' }, t('leader.members.filter.any')),
      options.map(([v, label]) => h('option', { value: v, selected: params[name] === v }, label)));
    return el;
  };
  const q = h('input', { type: 'search', name: 'q', id: 'lm-q', value: params.q, autocomplete: 'off' });
  const sector = select('lm-sector', 'sector', secs.map((s) => [s.key, sectorLabel(secs, s.key)]));
  const role = select('lm-role', 'role', ROLES.map((r) => [r, t(`leader.members.role.${r}` as Key)]));
  const vis = select('lm-visibility', 'visibility', VISIBILITIES.map((v) => [v, t(`profile.visibility.${v}` as Key)]));
  const active = select('lm-active', 'active', ACTIVE.map((a) => [a, t(`leader.members.active.${a}` as Key)]));
  const filtered = Object.entries(params).some(([k, v]) => k !== 'q' && v);
  const form = h('form', { class: 'members-filters', role: 'search', 'aria-label': t('leader.members.filters') },
    field(t('leader.members.search'), q), field(t('leader.members.filter.sector'), sector),
    field(t('leader.members.filter.role'), role), field(t('leader.members.filter.visibility'), vis),
    field(t('leader.members.filter.active'), active),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, t('leader.members.filter.apply')),
      filtered || params.q ? h('a', { href: '/leader/members', class: 'btn' }, t('leader.members.filter.reset')) : null));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    navigate('/leader/members' + query({ q: q.value.trim(), sector: sector.value, role: role.value, visibility: vis.value, active: active.value }));
  });
  const link = (p: number) => '/leader/members' + query({ ...params, page: p > 1 ? p : undefined });
  const list = h('div', { id: 'lm-list' });

  const rowMenu = (m: Row): HTMLElement => {
    const listId = `lm-menu-${m.id}`;
    const btn = h('button', { type: 'button', class: 'btn btn-small', 'aria-haspopup': 'true', 'aria-expanded': 'false',
      'aria-controls': listId, 'aria-label': t('leader.members.menu', { name: m.name }) }, '⋯');
    const del = m.id === myId ? null : h('button', { type: 'button', class: 'danger', 'data-member': String(m.id) },
      t('leader.members.delete.label', { name: m.name }));
    const items = h('ul', { class: 'row-menu-list', id: listId, hidden: true },
      h('li', null, h('a', { href: `/members/${m.id}` }, t('leader.members.menu.profile'))),
      h('li', null, h('a', { href: `/leader/map?member=${m.id}` }, t('leader.members.menu.map'))),
      m.email ? h('li', null, h('a', { href: `mailto:${m.email}` }, t('leader.members.menu.mail'))) : null,
      del ? h('li', null, del) : null);
    const close = (focus: boolean) => {
      items.hidden = true;
      btn.setAttribute('aria-expanded', 'false');
      if (openMenu === closer) openMenu = null;
      if (focus) btn.focus({ preventScroll: true });
    };
    const closer = () => close(true);
    btn.addEventListener('click', () => {
      const opening = items.hidden;
      openMenu?.();
      if (!opening) return;
      items.hidden = false;
      btn.setAttribute('aria-expanded', 'true');
      openMenu = closer;
      items.querySelector<HTMLElement>('a, button')?.focus();
    });
    del?.addEventListener('click', async () => {
      close(false);
      const ok = await confirmAction({
        title: t('leader.members.delete.title', { name: m.name }), text: t('leader.members.delete.text', { name: m.name }),
        confirm: t('leader.members.delete.confirm', { name: m.name }), cancel: t('leader.members.delete.cancel'),
      });
      if (!ok) return;
      try {
        await api('DELETE', `/api/v1/accounts/${m.id}`);
        // The list first, then the message: "deleted" never stands above a list that still shows them.
        await draw();
        show('ok', t('leader.members.deleted', { name: m.name }), document.getElementById('lm-count'));
      } catch (err) {
        showError(err, btn.isConnected ? btn : list);
      }
    });
    return h('div', { class: 'row-menu' }, btn, items);
  };

  const draw = async () => {
    const result = await api<RowsPage>('GET', '/api/v1/leader/members' + query({ ...params, limit: PAGE, offset: (page - 1) * PAGE }));
    const pages = Math.max(1, Math.ceil(result.total / PAGE));
    const heads: [string, string][] = [
      [t('leader.members.name'), ''], [t('leader.members.email'), ''], [t('leader.members.organization'), ''],
      [t('members.sector'), ''], [t('leader.members.role'), ''], [t('leader.members.visibility'), ''],
      [t('leader.members.last_active'), ''], [t('leader.members.actions'), ''],
    ];
    list.replaceChildren(
      h('p', { class: 'count', id: 'lm-count', role: 'status' }, plural(result.total, 'members.count.one', 'members.count')),
      result.items.length === 0 ? h('p', { class: 'msg msg-info' }, t('leader.members.none')) :
      h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': t('leader.members.title') },
        h('table', { class: 'table members-table' },
          h('thead', null, h('tr', null, heads.map(([x]) => h('th', { scope: 'col' }, x)))),
          h('tbody', null, result.items.map((m) => h('tr', { 'data-member': String(m.id) },
            h('td', { class: 'name' }, h('a', { href: `/members/${m.id}` }, m.name)),
            h('td', { class: 'email', 'data-label': heads[1][0] }, emailText(m.email)),
            h('td', { 'data-label': heads[2][0] }, m.organization || '–'),
            h('td', { 'data-label': heads[3][0] }, m.sector ? sectorLabel(secs, m.sector) : '–'),
            h('td', { 'data-label': heads[4][0] }, t(`leader.members.role.${m.role}` as Key)),
            h('td', { 'data-label': heads[5][0] }, t(`profile.visibility.${m.visibility}` as Key)),
            h('td', { 'data-label': heads[6][0], class: m.last_active_at ? 'when' : 'when muted' },
              m.last_active_at ? formatDate(m.last_active_at) : t('leader.members.never')),
            h('td', { class: 'row-actions' }, rowMenu(m))))))),
      pages > 1 ? h('nav', { class: 'pager', 'aria-label': t('leader.members.title') },
        page > 1 ? h('a', { href: link(page - 1), rel: 'prev' }, t('members.prev')) : h('span'),
        h('span', null, t('members.page', { p: page, n: pages })),
        page < pages ? h('a', { href: link(page + 1), rel: 'next' }, t('members.next')) : h('span')) : '',
    );
  };

  const mail = await mailStateBox();
  ctx.main.append(
    h('div', { class: 'page-head' }, h('h1', null, t('leader.members.title')),
      h('a', { class: 'btn btn-primary', href: '/leader/members/new' }, t('leader.members.new'))),
    mail ?? '',
    h('div', { class: 'card' }, form),
    list,
  );
  await draw();
}
