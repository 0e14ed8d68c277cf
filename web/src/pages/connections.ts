import { api, membersById, query, sectors, type Connection, type Member, type Page, type Sector } from '../api';
import { me, type PageCtx } from '../app';
import { h } from '../dom';
import { action } from '../feedback';
import { formatDate, t } from '../i18n';
import { avatar, sectorBadge, subtitle } from './parts';

export default async function connections(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('connections.title'));
  const self = me().member.id;
  const cache = new Map<number, Member | null>();
  const body = h('div');
  ctx.main.append(h('h1', null, t('connections.title')), body);

  const draw = async () => {
    const [pending, accepted, secs] = await Promise.all([
      api<Page<Connection>>('GET', '/api/v1/connections' + query({ status: 'pending', limit: 500 })),
      api<Page<Connection>>('GET', '/api/v1/connections' + query({ status: 'accepted', limit: 500 })),
      sectors(),
    ]);
    const other = (c: Connection) => (c.from === self ? c.to : c.from);
    await membersById([...pending.items, ...accepted.items].map(other), cache);
    const incoming = pending.items.filter((c) => c.to === self);
    const outgoing = pending.items.filter((c) => c.from === self);
    const nameOf = (c: Connection) => cache.get(other(c))?.name ?? t('hidden.member');

    // Decline and withdraw ask first; the message lands on the person's card (or its section after the redraw).
    const act = (c: Connection, verb: 'accept' | 'decline' | 'withdraw', done: 'connections.accepted.done' | 'connections.declined.done' | 'connections.withdrawn.done') => {
      const name = nameOf(c);
      const ask = verb === 'decline' ? () => ({ title: t('confirm.conn.decline.title', { name }), text: t('confirm.conn.decline.text', { name }), confirm: t('confirm.conn.decline.yes') })
        : verb === 'withdraw' ? () => ({ title: t('confirm.conn.withdraw.title', { name }), text: t('confirm.conn.withdraw.text', { name }), confirm: t('confirm.conn.withdraw.yes') })
          : undefined;
      const section = verb === 'withdraw' ? 'h-out' : 'h-in';
      return action({
        ask,
        near: () => document.querySelector(`li[data-connection="${c.id}"] .member-card-body`) ?? document.getElementById(section)?.closest('section') ?? null,
        run: async () => { await api('POST', `/api/v1/connections/${c.id}/${verb}`); await draw(); return t(done, { name }); },
      });
    };

    const row = (c: Connection, secs: Sector[], meta: string, actions: Node[]) => {
      const m = cache.get(other(c));
      return h('li', { 'data-connection': c.id }, h('article', { class: 'member-card' },
        avatar(m?.name ?? '?'),
        h('div', { class: 'member-card-body' },
          h('h3', null, m ? h('a', { href: `/members/${m.id}` }, m.name) : t('hidden.member')),
          m && subtitle(m) && h('p', { class: 'sub' }, subtitle(m)),
          h('p', { class: 'meta' }, m && sectorBadge(secs, m.sector), h('span', null, meta)),
          c.message && c.status === 'pending' && h('blockquote', null, c.message),
          actions.length > 0 && h('div', { class: 'actions' }, actions))));
    };

    body.replaceChildren(
      h('section', { class: 'card', 'aria-labelledby': 'h-in' },
        h('h2', { id: 'h-in' }, t('connections.incoming'), ' ', h('span', { class: 'count-badge' }, String(incoming.length))),
        incoming.length === 0 ? h('p', null, t('connections.incoming.none')) : h('ul', { class: 'cards', id: 'incoming' },
          incoming.map((c) => row(c, secs, t('connections.sent', { date: formatDate(c.created_at) }), [
            h('button', { type: 'button', class: 'btn btn-primary', onclick: act(c, 'accept', 'connections.accepted.done'), 'aria-label': `${t('connections.accept')}: ${nameOf(c)}` }, t('connections.accept')),
            h('button', { type: 'button', class: 'btn', onclick: act(c, 'decline', 'connections.declined.done'), 'aria-label': `${t('connections.decline')}: ${nameOf(c)}` }, t('connections.decline')),
          ])))),
      h('section', { class: 'card', 'aria-labelledby': 'h-out' },
        h('h2', { id: 'h-out' }, t('connections.outgoing')),
        outgoing.length === 0 ? h('p', null, t('connections.outgoing.none')) : h('ul', { class: 'cards', id: 'outgoing' },
          outgoing.map((c) => row(c, secs, t('connections.sent', { date: formatDate(c.created_at) }), [
            h('button', { type: 'button', class: 'btn', onclick: act(c, 'withdraw', 'connections.withdrawn.done'), 'aria-label': `${t('connections.withdraw')}: ${nameOf(c)}` }, t('connections.withdraw')),
          ])))),
      h('section', { class: 'card', 'aria-labelledby': 'h-acc' },
        h('h2', { id: 'h-acc' }, t('connections.accepted'), ' ', h('span', { class: 'count-badge' }, String(accepted.total))),
        accepted.items.length === 0 ? h('p', null, t('connections.accepted.none')) : h('ul', { class: 'cards', id: 'accepted' },
          accepted.items.map((c) => row(c, secs, t('connections.since', { date: formatDate(c.updated_at) }), [])))),
    );
  };
  await draw();
}
