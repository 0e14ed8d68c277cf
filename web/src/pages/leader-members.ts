// The leader's members page: search, page through, add, and delete a member
// (DELETE /api/v1/accounts/{id}, see docs/accounts.md) after a confirmation
// that names the member and says what goes; the list is reloaded after.
import { api, query, sectors, type Member, type Page } from '../api';
import { me, navigate, sectorLabel, type PageCtx } from '../app';
import { field, h, message } from '../dom';
import { plural, t } from '../i18n';
import { errorText } from './question-common';

const PAGE = 50;

export default async function leaderMembers(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('leader.members.title'));
  const qv = ctx.query.get('q') ?? '';
  const page = Math.max(1, Number(ctx.query.get('page') ?? '1') || 1);
  const secs = await sectors();
  const q = h('input', { type: 'search', name: 'q', id: 'lm-q', value: qv, autocomplete: 'off' });
  const form = h('form', { class: 'search-row', role: 'search' }, field(t('members.search'), q),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('members.submit')));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); navigate('/leader/members' + query({ q: q.value.trim() })); });
  const link = (p: number) => '/leader/members' + query({ q: qv, page: p > 1 ? p : undefined });
  const visLabel = (v?: string) => (v ? t(`profile.visibility.${v}` as 'profile.visibility.members') : '');
  const myId = me().member.id;
  const status = h('div', { class: 'form-status', 'aria-live': 'polite', id: 'lm-status' });
  const confirmBox = h('div', { id: 'lm-confirm' });
  const list = h('div', { id: 'lm-list' });

  // The confirmation names the member and says what deleting does; focus goes to it.
  const askDelete = (m: Member, button: HTMLButtonElement) => {
    status.replaceChildren();
    const cancel = h('button', { type: 'button', class: 'btn', id: 'lm-delete-cancel' }, t('leader.members.delete.cancel'));
    const yes = h('button', { type: 'button', class: 'btn btn-danger', id: 'lm-delete-yes' }, t('leader.members.delete.confirm', { name: m.name }));
    const close = () => { confirmBox.replaceChildren(); button.focus(); };
    cancel.addEventListener('click', close);
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      cancel.disabled = true;
      try {
        await api('DELETE', `/api/v1/accounts/${m.id}`);
        confirmBox.replaceChildren();
        // The list first, then the message: "deleted" never stands above a list that still shows them.
        await draw();
        status.replaceChildren(message('ok', t('leader.members.deleted', { name: m.name })));
      } catch (err) {
        yes.disabled = false;
        cancel.disabled = false;
        status.replaceChildren(message('error', errorText(err)));
      }
    });
    confirmBox.replaceChildren(h('section', { class: 'card confirm-delete', role: 'alertdialog', 'aria-labelledby': 'lm-confirm-title',
      'aria-describedby': 'lm-confirm-text' },
      h('h2', { id: 'lm-confirm-title', tabindex: -1 }, t('leader.members.delete.title', { name: m.name })),
      h('p', { id: 'lm-confirm-text' }, t('leader.members.delete.text', { name: m.name })),
      h('div', { class: 'actions' }, yes, cancel)));
    cancel.focus();
  };

  const draw = async () => {
    const result = await api<Page<Member>>('GET', '/api/v1/members' + query({ q: qv, limit: PAGE, offset: (page - 1) * PAGE }));
    const pages = Math.max(1, Math.ceil(result.total / PAGE));
    list.replaceChildren(
      h('p', { class: 'count', role: 'status' }, plural(result.total, 'members.count.one', 'members.count')),
      h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': t('leader.members.title') },
        h('table', { class: 'table' },
          h('thead', null, h('tr', null,
            h('th', { scope: 'col' }, t('leader.members.name')), h('th', { scope: 'col' }, t('leader.members.email')),
            h('th', { scope: 'col' }, t('leader.members.organization')), h('th', { scope: 'col' }, t('members.sector')),
            h('th', { scope: 'col' }, t('leader.members.visibility')), h('th', { scope: 'col' }, t('leader.members.actions')))),
          h('tbody', null, result.items.map((m) => {
            const del = m.id === myId ? null : h('button', { type: 'button', class: 'btn btn-danger', 'data-member': String(m.id),
              'aria-label': t('leader.members.delete.label', { name: m.name }) }, t('leader.members.delete'));
            del?.addEventListener('click', () => askDelete(m, del));
            return h('tr', null,
              h('td', null, h('a', { href: `/members/${m.id}` }, m.name)), h('td', null, m.email ?? ''),
              h('td', null, m.organization), h('td', null, m.sector ? sectorLabel(secs, m.sector) : ''),
              h('td', null, visLabel(m.visibility)), h('td', null, del));
          })))),
      pages > 1 ? h('nav', { class: 'pager', 'aria-label': t('leader.members.title') },
        page > 1 ? h('a', { href: link(page - 1), rel: 'prev' }, t('members.prev')) : h('span'),
        h('span', null, t('members.page', { p: page, n: pages })),
        page < pages ? h('a', { href: link(page + 1), rel: 'next' }, t('members.next')) : h('span')) : '',
    );
  };

  ctx.main.append(
    h('div', { class: 'page-head' }, h('h1', null, t('leader.members.title')),
      h('a', { class: 'btn btn-primary', href: '/leader/members/new' }, t('leader.members.new'))),
    h('div', { class: 'card' }, form),
    status, confirmBox, list,
  );
  await draw();
}
