// Weaving suggestions (organizers): introductions to make, each through the
// mutual contact who can make it warm, sent with one click (POST
// /api/v1/network/introductions notifies both members; the suggestion then
// leaves the list); and whom to invite to the next session.
import { api, ApiError, sectors } from '../api';
import { sectorLabel, type PageCtx } from '../app';
import { h, message } from '../dom';
import { errorText } from '../feedback';
import { formatNumber, t } from '../i18n';

export interface Suggested {
  a: string; b: string; via: string; score: number; reason: string;
  a_name: string; b_name: string; via_name: string; a_sector: string; b_sector: string; can_introduce?: boolean;
  // What the suggestion rests on (the UI words it; `reason` is English, for API clients).
  common_contacts?: number; different_sectors?: boolean; different_communities?: boolean;
}
interface Invite { id: string; name: string; sector: string; reason: string; kind?: string; degree?: number; days_inactive?: number }

function inviteReason(i: Invite): string {
  switch (i.kind) {
    case 'isolated': return t('leader.weave.invite.isolated');
    case 'small_group': return t('leader.weave.invite.small_group');
    case 'online_only': return t('leader.weave.invite.online_only', { n: formatNumber(i.degree ?? 0) });
    case 'fading': return t('leader.weave.invite.fading', { n: formatNumber(i.days_inactive ?? 0) });
    default: return i.reason;
  }
}

export default async function leaderWeave(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('leader.weave.title'));
  const [sug, secs] = await Promise.all([
    api<{ introductions: Suggested[]; invite: Invite[] }>('GET', '/api/v1/network/suggestions?limit=30'),
    sectors(),
  ]);
  const label = (k: string) => (k ? sectorLabel(secs, k) : t('leader.map.sector.none'));
  const status = h('div', { 'aria-live': 'polite' });
  const note = h('textarea', { id: 'lw-note', name: 'note', rows: 2, maxlength: 1000 });
  const noteField = h('div', { class: 'field' }, h('label', { for: 'lw-note' }, t('leader.weave.note')),
    h('p', { class: 'hint', id: 'lw-note-hint' }, t('leader.weave.note.hint')), note);
  note.setAttribute('aria-describedby', 'lw-note-hint');

  const list = h('ul', { class: 'cards weave-list' });
  const empty = () => h('p', { class: 'weave-none' }, t('leader.weave.none'));

  function card(s: Suggested): HTMLElement {
    const cross = s.different_sectors ?? (s.a_sector !== s.b_sector);
    const parts = [cross
      ? t('leader.weave.reason.cross', { a: label(s.a_sector), b: label(s.b_sector) })
      : t('leader.weave.reason.same', { a: label(s.a_sector) })];
    // (Within one sector the "two groups" are the communities already.)
    if (cross && s.different_communities) parts.push(t('leader.weave.reason.communities'));
    if ((s.common_contacts ?? 0) > 1) parts.push(t('leader.weave.reason.common', { n: formatNumber(s.common_contacts ?? 0) }));
    const reason = parts.join(' ');
    const send = h('button', { type: 'button', class: 'btn btn-primary' }, t('leader.weave.send', { a: s.a_name, b: s.b_name }));
    const li = h('li', { class: 'member-card weave', 'data-a': s.a, 'data-b': s.b },
      h('div', { class: 'member-card-body' },
        h('h3', null, h('a', { href: `/members/${encodeURIComponent(s.a)}` }, s.a_name), ' ↔ ',
          h('a', { href: `/members/${encodeURIComponent(s.b)}` }, s.b_name)),
        h('p', { class: 'meta' }, h('span', { class: 'badge sector' }, label(s.a_sector)), h('span', { class: 'badge sector' }, label(s.b_sector)),
          h('span', null, t('leader.weave.score', { s: formatNumber(s.score, 2) }))),
        h('p', null, s.via ? t('leader.weave.via', { name: s.via_name }) : t('leader.weave.novia')),
        // The server's `reason` is an English sentence with sector keys: the UI words its own from the facts.
        h('p', { class: 'sub weave-reason' }, reason),
        s.can_introduce === false ? h('p', { class: 'hint' }, t('leader.weave.private')) : h('div', { class: 'actions' }, send)));
    send.addEventListener('click', async () => {
      send.setAttribute('disabled', '');
      send.textContent = t('leader.weave.sending');
      try {
        await api('POST', '/api/v1/network/introductions', {
          a: Number(s.a), b: Number(s.b), via: s.via ? Number(s.via) : null, message: note.value.trim(),
        });
        status.replaceChildren(message('ok', t('leader.weave.sent', { a: s.a_name, b: s.b_name })));
        const next = (li.nextElementSibling ?? li.previousElementSibling)?.querySelector('button') as HTMLElement | null;
        li.remove();
        if (!list.children.length) list.replaceWith(empty());
        (next ?? (status.firstElementChild as HTMLElement | null))?.focus?.();
      } catch (e) {
        send.removeAttribute('disabled');
        send.textContent = t('leader.weave.send', { a: s.a_name, b: s.b_name });
        status.replaceChildren(message('error', errorText(e)));
        if (e instanceof ApiError && e.status === 409) li.remove();
      }
    });
    return li;
  }
  for (const s of sug.introductions) list.append(card(s));

  const invites = sug.invite.length ? h('ul', { class: 'plain invite-list' }, sug.invite.map((i) => h('li', null,
    h('a', { href: `/members/${encodeURIComponent(i.id)}` }, i.name || i.id), ' · ', label(i.sector),
    h('span', { class: 'sub' }, ' — ', inviteReason(i))))) : h('p', null, t('leader.weave.invite.none'));

  ctx.main.append(
    h('h1', null, t('leader.weave.title')),
    h('p', { class: 'lead' }, t('leader.weave.intro')),
    h('section', { 'aria-labelledby': 'lw-intros' },
      h('h2', { id: 'lw-intros' }, t('leader.weave.intros')),
      h('div', { class: 'card' }, noteField),
      status,
      sug.introductions.length ? list : empty()),
    h('section', { class: 'card', 'aria-labelledby': 'lw-invite' },
      h('h2', { id: 'lw-invite' }, t('leader.weave.invite')),
      h('p', null, t('leader.weave.invite.text')),
      invites));
}
