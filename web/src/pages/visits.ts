// Visits ("kom eens kijken"): request a visit (host picked by name, reason,
// proposed dates), the host accepts one date or declines, either side can call
// it off until it starts (the calendar invite becomes a CANCEL), both confirm
// afterwards; my visits with the proposed dates visible to both. Offline: my
// visits as last known, marked with their time, or "not available offline" —
// never "no visits" that is not true (last-known.ts).
import { api, ApiError, type Member } from '../api';
import { me, type PageCtx } from '../app';
import { append, field, h } from '../dom';
import { action, show, showError } from '../feedback';
import { formatDateTime, t, type Key } from '../i18n';
import { freshness, known, lastKnown } from '../last-known';
import { isOffline } from '../pwa';
import { fromLocalInput, type Items } from './event-common';
import { memberPicker } from './member-picker';

export interface Visit {
  id: number; host: { id: number | null; name: string | null }; visitor: { id: number | null; name: string | null };
  location: string; reason: string; proposed: number[]; duration: number; status: string; starts_at: number | null; ends_at: number | null;
}

export default async function visitsPage(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('events.visits.title'));
  const self = me().member.id;
  const list = h('div', { id: 'my-visits' });

  const picker = memberPicker({
    id: 'visit-host', label: t('picker.label'), self, accept: (m) => m.hosts_visits, why: t('picker.nohost'),
  });
  // Opened from a member's page (?host=ID): that member is already chosen.
  const hostId = Number(ctx.query.get('host'));
  if (Number.isInteger(hostId) && hostId > 0) {
    try {
      picker.set(await api<Member>('GET', `/api/v1/members/${hostId}`));
    } catch (e) { if (!(e instanceof ApiError) && !isOffline(e)) throw e; /* unknown, hidden or offline: pick by name */ }
  }
  const reason = h('textarea', { rows: 3, required: true, maxlength: 2000, id: 'visit-reason' });
  // From a solved question (?reason=…): the why, in words the visitor can still change.
  reason.value = (ctx.query.get('reason') ?? '').slice(0, 2000);
  const dates = [1, 2, 3].map((n) => h('input', { type: 'datetime-local', class: 'input-when', id: `visit-date-${n}`, required: n === 1 }));
  const send = h('button', { type: 'submit', class: 'btn btn-primary' }, t('events.visits.send'));
  const form = h('form', { class: 'form card', id: 'visit-form' },
    h('h2', null, t('events.visits.request')),
    picker.el,
    field(t('events.visits.reason'), reason),
    h('fieldset', { class: 'when-grid' }, h('legend', null, t('events.visits.dates')), dates.map((d, i) => field(t('events.visits.date', { n: i + 1 }), d))),
    send);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const host = picker.value();
    if (!host) { show('error', t('picker.required'), picker.el); return; }
    send.disabled = true;
    try {
      const v = await api<Visit>('POST', '/api/v1/visits', {
        host_id: host, reason: reason.value,
        proposed: dates.filter((d) => d.value).map((d) => fromLocalInput(d.value)),
      });
      form.reset();
      picker.set(null);
      await draw();
      show('ok', t('events.visits.sent'), document.querySelector(`#visits li[data-visit="${v.id}"] article`) ?? send);
    } catch (err) { showError(err, send); } finally { send.disabled = false; }
  });

  const draw = async () => {
    const visitsL = await lastKnown('visits:mine', api<Items<Visit>>('GET', '/api/v1/visits'));
    const note = freshness([visitsL], 'visits-state');
    if (!known(visitsL)) { list.replaceChildren(h('h2', null, t('events.visits.mine')), note ?? ''); return; }
    const visits = visitsL.value;
    const near = (v: Visit) => () => document.querySelector(`#visits li[data-visit="${v.id}"] article`);
    const act = (v: Visit, path: string, done: string, payload?: unknown, ask?: () => { title: string; text: string; confirm: string }) =>
      action({ ask, near: near(v), run: async () => { await api('POST', `/api/v1/visits/${v.id}/${path}`, payload); await draw(); return done; } });
    list.replaceChildren();
    append(list, [
      h('h2', null, t('events.visits.mine')),
      note,
      visits.items.length === 0 ? h('p', null, t('events.visits.none')) : h('ul', { class: 'cards', id: 'visits' }, visits.items.map((v) => {
        const hosting = v.host.id === self;
        const other = (hosting ? v.visitor.name : v.host.name) ?? t('hidden.member');
        const started = v.starts_at !== null && Date.now() / 1000 >= v.starts_at;
        const buttons: Node[] = [];
        if (hosting && v.status === 'requested') {
          for (const p of v.proposed) {
            if (p > Date.now() / 1000)
              buttons.push(h('button', { type: 'button', class: 'btn btn-primary', onclick: act(v, 'accept', t('home.next.accepted.visit', { name: other, date: formatDateTime(p) }), { starts_at: p }) },
                t('events.visits.accept', { date: formatDateTime(p) })));
          }
          buttons.push(h('button', {
            type: 'button', class: 'btn', onclick: act(v, 'decline', t('fb.visit.declined', { name: other }), undefined,
              () => ({ title: t('confirm.visit.decline.title', { name: other }), text: t('confirm.visit.decline.text', { name: other }), confirm: t('confirm.visit.decline.yes') })),
          }, t('events.visits.decline')));
        }
        // Either side may call it off until it starts: the visitor while it is asked, both once agreed.
        if ((!hosting && v.status === 'requested') || (v.status === 'accepted' && !started)) {
          buttons.push(h('button', {
            type: 'button', class: 'btn', onclick: act(v, 'cancel', t('fb.visit.cancelled', { name: other }), undefined,
              () => ({ title: t('confirm.visit.cancel.title', { name: other }), text: t('confirm.visit.cancel.text', { name: other }), confirm: t('confirm.visit.cancel.yes') })),
          }, t('events.visits.cancel')));
        }
        if (v.status === 'accepted' && started)
          buttons.push(h('button', { type: 'button', class: 'btn', onclick: act(v, 'confirm', t('events.visits.status.held'), { happened: true }) }, t('events.visits.confirm.yes')),
            h('button', { type: 'button', class: 'btn', onclick: act(v, 'confirm', t('events.visits.status.not_held'), { happened: false }) }, t('events.visits.confirm.no')));
        return h('li', { 'data-visit': v.id }, h('article', { class: 'card' },
          // "wants to visit you" while it is ahead; afterwards (held, declined, …) the badge says what became of it.
          h('h3', null, !hosting ? t('events.visits.with.host', { name: other })
            : v.status === 'requested' || v.status === 'accepted' ? t('events.visits.with.visitor', { name: other })
              : t('events.visits.with.visitor.past', { name: other })),
          h('p', { class: 'meta' }, h('span', { class: 'badge' }, t(`events.visits.status.${v.status}` as Key))),
          v.starts_at ? h('p', null, t('events.visits.at', { date: formatDateTime(v.starts_at) }))
            : v.proposed.length > 0 && h('div', { class: 'proposed' }, h('p', { class: 'label' }, t('visits.proposed')),
              h('ul', null, v.proposed.map((p) => h('li', null, formatDateTime(p))))),
          v.location && h('p', { class: 'sub' }, v.location),
          h('blockquote', null, v.reason),
          v.status === 'accepted' && h('p', null, h('a', { href: `/api/v1/visits/${v.id}/invite.ics` }, t('events.visits.ics'))),
          v.status === 'accepted' && !started && h('p', { class: 'hint' }, t('visits.host.cancel.hint')),
          buttons.length > 0 && h('div', { class: 'actions' }, buttons)));
      })),
    ]);
  };
  ctx.main.append(h('h1', null, t('events.visits.title')), h('p', { class: 'lead' }, t('events.visits.intro')), form, list);
  await draw();
}
