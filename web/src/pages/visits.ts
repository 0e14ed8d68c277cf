// Visits ("kom eens kijken"): request a visit (host, reason, proposed dates),
// the host accepts one date or declines, both confirm afterwards; my visits.
import { api, type Member } from '../api';
import { me, type PageCtx } from '../app';
import { append, field, h, message } from '../dom';
import { formatDateTime, t, type Key } from '../i18n';
import { errorText, type Items } from './event-common';

interface Visit {
  id: number; host: { id: number; name: string }; visitor: { id: number; name: string }; location: string; reason: string;
  proposed: number[]; duration: number; status: string; starts_at: number | null; ends_at: number | null;
}

// "2026-12-03T10:00" in the browser (Europe/Amsterdam for the tests) → Unix seconds.
function localToUnix(v: string): number { return Math.floor(new Date(v).getTime() / 1000); }

export default async function visitsPage(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('events.visits.title'));
  const self = me().member.id;
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const list = h('div');
  const say = (kind: 'ok' | 'error', text: string) => status.replaceChildren(message(kind, text));

  const host = h('input', { type: 'number', min: 1, required: true, id: 'visit-host', value: ctx.query.get('host') ?? '' });
  // Opened from a member's page (?host=ID): name the host above the form.
  const hostNote = h('p', { id: 'visit-host-name' });
  const hostId = Number(ctx.query.get('host'));
  if (Number.isInteger(hostId) && hostId > 0) {
    try {
      const m = await api<Member>('GET', `/api/v1/members/${hostId}`);
      hostNote.append(t('events.visits.request.host', { name: m.name }), m.visit_location ? ` (${m.visit_location})` : '');
    } catch { /* an unknown or hidden member: the form's own error says so on sending */ }
  }
  const reason = h('textarea', { rows: 3, required: true, maxlength: 2000, id: 'visit-reason' });
  const dates = [1, 2, 3].map((n) => h('input', { type: 'datetime-local', id: `visit-date-${n}`, required: n === 1 }));
  const form = h('form', { class: 'form card', id: 'visit-form' },
    h('h2', null, t('events.visits.request')),
    hostNote,
    field(t('events.visits.host'), host, t('events.visits.host.hint')),
    field(t('events.visits.reason'), reason),
    h('fieldset', null, h('legend', null, t('events.visits.dates')), dates.map((d, i) => field(t('events.visits.date', { n: i + 1 }), d))),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('events.visits.send')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('POST', '/api/v1/visits', {
        host_id: Number(host.value), reason: reason.value,
        proposed: dates.filter((d) => d.value).map((d) => localToUnix(d.value)),
      });
      form.reset();
      await draw();
      say('ok', t('events.visits.sent'));
    } catch (err) { say('error', errorText(err)); }
  });

  const draw = async () => {
    const visits = await api<Items<Visit>>('GET', '/api/v1/visits');
    const act = (v: Visit, path: string, payload?: unknown) => async (ev: Event) => {
      (ev.currentTarget as HTMLButtonElement).disabled = true;
      try {
        await api('POST', `/api/v1/visits/${v.id}/${path}`, payload);
        await draw();
      } catch (err) { say('error', errorText(err)); }
    };
    list.replaceChildren();
    append(list, [
      h('h2', null, t('events.visits.mine')),
      visits.items.length === 0 ? h('p', null, t('events.visits.none')) : h('ul', { class: 'cards', id: 'visits' }, visits.items.map((v) => {
        const hosting = v.host.id === self;
        const buttons: Node[] = [];
        if (hosting && v.status === 'requested')
          for (const p of v.proposed) buttons.push(h('button', { type: 'button', class: 'btn btn-primary', onclick: act(v, 'accept', { starts_at: p }) }, t('events.visits.accept', { date: formatDateTime(p) })));
        if (hosting && v.status === 'requested') buttons.push(h('button', { type: 'button', class: 'btn', onclick: act(v, 'decline') }, t('events.visits.decline')));
        if (!hosting && (v.status === 'requested' || v.status === 'accepted')) buttons.push(h('button', { type: 'button', class: 'btn', onclick: act(v, 'cancel') }, t('events.visits.cancel')));
        if (v.status === 'accepted' && v.starts_at && Date.now() / 1000 > v.starts_at)
          buttons.push(h('button', { type: 'button', class: 'btn', onclick: act(v, 'confirm', { happened: true }) }, t('events.visits.confirm.yes')),
            h('button', { type: 'button', class: 'btn', onclick: act(v, 'confirm', { happened: false }) }, t('events.visits.confirm.no')));
        return h('li', null, h('article', { class: 'card' },
          h('h3', null, hosting ? t('events.visits.with.visitor', { name: v.visitor.name }) : t('events.visits.with.host', { name: v.host.name })),
          h('p', { class: 'meta' }, h('span', { class: 'badge' }, t(`events.visits.status.${v.status}` as Key))),
          v.starts_at && h('p', null, t('events.visits.at', { date: formatDateTime(v.starts_at) })),
          v.location && h('p', { class: 'sub' }, v.location),
          h('blockquote', null, v.reason),
          v.status === 'accepted' && h('p', null, h('a', { href: `/api/v1/visits/${v.id}/invite.ics` }, t('events.visits.ics'))),
          buttons.length > 0 && h('div', { class: 'actions' }, buttons)));
      })),
    ]);
  };
  ctx.main.append(h('h1', null, t('events.visits.title')), h('p', { class: 'lead' }, t('events.visits.intro')), status, form, list);
  await draw();
}
