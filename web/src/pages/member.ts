import { api, ApiError, query, sectors, type Connection, type Member, type Page } from '../api';
import { me, type PageCtx } from '../app';
import { field, h, safeHttpUrl } from '../dom';
import { action, show, showError } from '../feedback';
import { t } from '../i18n';
import { meetAtEvent, sharedEvents } from './meet-at-event';
import { avatar, sectorBadge, subtitle } from './parts';

interface TieInfo { real: boolean; interactions: number }

export default async function memberPage(ctx: PageCtx): Promise<void> {
  const id = Number(ctx.params.id);
  if (!Number.isInteger(id) || id <= 0) throw new ApiError(404, 'not found', null);
  const self = me().member.id;
  const [m, secs] = await Promise.all([api<Member>('GET', `/api/v1/members/${id}`), sectors()]);
  ctx.setTitle(m.name);

  const open = m.challenges.filter((c) => c.status === 'open');
  const linkedin = m.linkedin_url ? safeHttpUrl(m.linkedin_url) : null;
  const connectBox = h('section', { class: 'card connect', 'aria-label': t('member.connect') });

  ctx.main.append(
    h('div', { class: 'profile-head' },
      avatar(m.name, true),
      h('div', null,
        h('h1', null, m.name),
        subtitle(m) && h('p', { class: 'sub' }, subtitle(m)),
        h('p', { class: 'meta' }, sectorBadge(secs, m.sector), m.region && h('span', null, m.region)))),
    connectBox,
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'h-exp' },
        h('h2', { id: 'h-exp' }, t('member.expertise')),
        m.expertise.tags.length > 0 && h('p', { class: 'tags' }, m.expertise.tags.map((tag) => h('span', { class: 'tag' }, tag))),
        m.expertise.text && h('p', { class: 'prose' }, m.expertise.text)),
      h('section', { class: 'card', 'aria-labelledby': 'h-ch' },
        h('h2', { id: 'h-ch' }, t('member.challenges')),
        open.length === 0 ? h('p', null, t('member.challenges.none'))
          : h('ul', { class: 'challenges' }, open.map((c) => h('li', null,
            h('h3', null, c.title), c.text && h('p', { class: 'prose' }, c.text))))),
      h('section', { class: 'card', 'aria-labelledby': 'h-about' },
        h('h2', { id: 'h-about' }, t('member.about')),
        m.bio && h('p', { class: 'prose' }, m.bio),
        h('dl', { class: 'facts' },
          m.languages.length > 0 && [h('dt', null, t('member.languages')), h('dd', null, m.languages.join(', '))],
          m.region && [h('dt', null, t('member.region')), h('dd', null, m.region)],
          m.hosts_visits && [h('dt', null, t('member.visits')),
            h('dd', null, m.visit_location ? t('member.visits.yes', { where: m.visit_location }) : t('member.visits.yes.nowhere'))]),
        // "Can I come and have a look?": the visit request form, prefilled with this host.
        m.hosts_visits && id !== self && h('p', null,
          h('a', { class: 'btn', href: `/visits?host=${m.id}`, id: 'request-visit' }, t('events.visits.request'))),
        linkedin && h('p', null, h('a', { href: linkedin, rel: 'noopener noreferrer nofollow', target: '_blank' }, t('member.linkedin'))))),
  );

  if (id === self) {
    connectBox.append(h('p', null, t('member.self'), ' ', h('a', { href: '/profile' }, t('member.edit'))),
      h('p', null, h('a', { href: '/profile#connect-code' }, t('encounters.mycode.open'))));
    return;
  }
  // Where this online contact can become a meeting in person: the events you both attend.
  const shared = await sharedEvents(m.id).catch(() => []);
  if (shared.length > 0) {
    connectBox.after(h('section', { class: 'card', id: 'shared-events', 'aria-labelledby': 'h-shared' },
      h('h2', { id: 'h-shared' }, t('events.shared.title', { name: m.name })),
      shared.slice(0, 3).map((ev) => meetAtEvent(m, ev, self))));
  }
  await renderConnect(connectBox, m, self);
}

async function findConnection(self: number, other: number): Promise<Connection | null> {
  for (const status of ['accepted', 'pending'] as const) {
    const page = await api<Page<Connection>>('GET', '/api/v1/connections' + query({ status, limit: 500 }));
    const c = page.items.find((x) => (x.from === self && x.to === other) || (x.from === other && x.to === self));
    if (c) return c;
  }
  return null;
}

async function renderConnect(box: HTMLElement, m: Member, self: number, note?: HTMLElement): Promise<void> {
  const c = await findConnection(self, m.id);
  box.replaceChildren();
  if (note) box.append(note);
  const act = (verb: 'accept' | 'decline' | 'withdraw', conn: Connection, done: string) => action({
    ask: verb === 'decline' ? () => ({ title: t('confirm.conn.decline.title', { name: m.name }), text: t('confirm.conn.decline.text', { name: m.name }), confirm: t('confirm.conn.decline.yes') })
      : verb === 'withdraw' ? () => ({ title: t('confirm.conn.withdraw.title', { name: m.name }), text: t('confirm.conn.withdraw.text', { name: m.name }), confirm: t('confirm.conn.withdraw.yes') })
        : undefined,
    near: () => box,
    run: async () => { await api('POST', `/api/v1/connections/${conn.id}/${verb}`); await renderConnect(box, m, self); return done; },
  });
  if (c?.status === 'accepted') {
    let tie: TieInfo | null = null;
    try { tie = await api<TieInfo>('GET', `/api/v1/ties/${self}/${m.id}`); } catch { tie = null; }
    box.append(h('p', { class: 'connected' }, h('span', { class: 'badge ok' }, t('member.connected'))),
      tie ? h('p', null, tie.real ? t('member.tie.real') : t('member.tie.online')) : '');
    return;
  }
  if (c?.status === 'pending' && c.from === self) {
    box.append(h('p', null, h('span', { class: 'badge' }, t('member.connect.sent'))),
      h('button', { type: 'button', class: 'btn', onclick: act('withdraw', c, t('connections.withdrawn.done', { name: m.name })) }, t('member.connect.withdraw')));
    return;
  }
  if (c?.status === 'pending') {
    box.append(h('p', null, t('member.connect.incoming', { name: m.name })),
      c.message ? h('blockquote', null, c.message) : '',
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'btn btn-primary', onclick: act('accept', c, t('connections.accepted.done', { name: m.name })) }, t('connections.accept')),
        h('button', { type: 'button', class: 'btn', onclick: act('decline', c, t('connections.declined.done', { name: m.name })) }, t('connections.decline'))));
    return;
  }
  const msg = h('textarea', { name: 'message', id: 'connect-message', rows: 2, maxlength: 1000 });
  const send = h('button', { type: 'submit', class: 'btn btn-primary' }, t('member.connect.send'));
  const form = h('form', { class: 'form' }, field(t('member.connect.message'), msg, t('member.connect.message.hint')), send);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    send.disabled = true;
    try {
      await api('POST', '/api/v1/connections', { to: m.id, message: msg.value.trim() });
      await renderConnect(box, m, self);
      show('ok', t('member.connect.sent'), box);
    } catch (e) {
      send.disabled = false;
      showError(e, send);
    }
  });
  box.append(h('h2', { class: 'h-inline' }, t('member.connect')), form);
}
