// One event for a member: programme, register / cancel / waitlist position,
// calendar (.ics and the personal feed), the check-in code as a QR code, taking
// part in the networking rounds (opt out / back in, the slots I am not
// available in), whom to meet and why, and meeting requests (send, accept,
// decline, cancel); and "Wie sprak je?" (encounters.ts): whom I really spoke
// with — my connect code, scan or pick, confirm the claims about me.
// Offline at the venue, a part that could not be fetched shows its last known
// copy marked with its time, or says it is not available offline (last-known.ts).
import { api, ApiError, sectors } from '../api';
import { me, sectorLabel, type PageCtx } from '../app';
import { append, field, h, message } from '../dom';
import { action, show, showError, type ConfirmOptions } from '../feedback';
import { isOffline } from '../pwa';
import { formatDate, formatDateTime, getLang, t } from '../i18n';
import { freshness, inLang, known, lastKnown, unavailable, type Loaded } from '../last-known';
import {
  clock, dl, errorText, kindLabel, priceLabel, seatsLabel, span, type EventInfo, type Items, type MeetingRequest,
  type Registration, type Round, type Suggestion,
} from './event-common';
import { encountersSection } from './encounters';
import { qrSvg } from './qr-code';
import { safeHtml } from '../safe-html';


export default async function eventPage(ctx: PageCtx): Promise<void> {
  const id = Number(ctx.params.id);
  const self = me().member.id;
  const body = h('div');
  ctx.main.append(body);
  const secs = await sectors().catch(() => []);
  const byId = (id: string) => () => document.getElementById(id);

  const draw = async () => {
    const ev = await api<EventInfo>('GET', `/api/v1/events/${id}`);
    ctx.setTitle(ev.title);
    let reg: Registration | null = null;
    try {
      reg = await api<Registration>('GET', `/api/v1/events/${id}/registration`);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    }
    const registered = reg?.status === 'registered';
    // Offline at the venue these parts show their last known copy, or say they are not available
    // (the programme, my registration and check-in code come from the service worker's copy).
    const [suggestionsL, requestsL, roundsL] = registered
      ? await Promise.all([
        lastKnown(`event:${id}:suggestions`, api<Items<Suggestion>>('GET', `/api/v1/events/${id}/suggestions?limit=10&lang=${getLang()}`)),
        lastKnown(`event:${id}:requests`, api<Items<MeetingRequest>>('GET', `/api/v1/events/${id}/meeting-requests`)),
        lastKnown(`event:${id}:rounds`, api<Items<Round>>('GET', `/api/v1/events/${id}/rounds`)),
      ])
      : [null, null, null];
    const suggestions = suggestionsL && known(suggestionsL) ? suggestionsL.value : null;
    const requests = requestsL && known(requestsL) ? requestsL.value : null;
    const rounds = roundsL && known(roundsL) ? roundsL.value : null;
    // The slots I marked as not available, per round (only while I take part).
    const awayL: Loaded<{ unavailable_slot_ids: number[] }>[] = rounds && reg && !reg.rounds_opt_out
      ? await Promise.all(rounds.items.map((r) => lastKnown(`event:${id}:availability:${r.id}`,
        api<{ unavailable_slot_ids: number[] }>('GET', `/api/v1/rounds/${r.id}/availability`))))
      : [];

    // An action that redraws the page, then reports next to `near` (found after the redraw).
    const act = (fn: () => Promise<unknown>, done: string, near: () => Element | null, ask?: () => ConfirmOptions) =>
      action({ ask, near, run: async () => { await fn(); await draw(); return done; } });

    // Registration box.
    const regBox = h('section', { class: 'card', 'aria-labelledby': 'h-reg', id: 'registration' },
      h('h2', { id: 'h-reg' }, t('events.register')),
      h('p', { id: 'reg-status' }, !reg ? t('events.status.none')
        : reg.status === 'registered' ? t('events.status.registered')
          : reg.status === 'waitlisted' ? t('events.status.waitlisted', { n: reg.waitlist_position ?? 0 })
            : t('events.status.cancelled')),
      h('div', { class: 'actions' },
        (!reg || reg.status === 'cancelled') && h('button', {
          type: 'button', class: 'btn btn-primary', id: 'register',
          onclick: action({
            near: byId('registration'),
            run: async () => {
              const r = await api<Registration>('POST', `/api/v1/events/${id}/registrations`);
              await draw();
              return r.status === 'waitlisted' ? t('events.register.waitlist') : t('events.register.done');
            },
          }),
        }, t('events.register')),
        reg && reg.status !== 'cancelled' && !reg.checked_in_at && h('button', {
          type: 'button', class: 'btn', id: 'cancel-registration',
          onclick: act(() => api('DELETE', `/api/v1/events/${id}/registration`), t('events.cancel.done'), byId('registration'),
            () => reg!.status === 'waitlisted'
              ? { title: t('confirm.wait.title'), text: t('confirm.wait.text', { n: reg!.waitlist_position ?? 0, event: ev.title }), confirm: t('confirm.wait.yes') }
              : { title: t('confirm.reg.title'), text: t('confirm.reg.text', { event: ev.title, paid: ev.free ? '' : t('confirm.reg.paid') }), confirm: t('confirm.reg.yes') }),
        }, t('events.cancel'))));

    const calBox = reg && reg.status !== 'cancelled' && h('section', { class: 'card', 'aria-labelledby': 'h-cal' },
      h('h2', { id: 'h-cal' }, t('events.calendar')),
      h('p', null, h('a', { href: `/api/v1/events/${id}/registration.ics`, download: `event-${id}.ics` }, t('events.calendar.ics'))),
      feedBox());

    const codeBox = registered && reg?.checkin_code && h('section', { class: 'card', 'aria-labelledby': 'h-code', id: 'checkin-code' },
      h('h2', { id: 'h-code' }, t('events.checkin')),
      // Once inside, the check-in code folds away (it is no longer needed; the
      // connect code below is the one to show now).
      reg.checked_in_at ? [h('p', null, t('events.checkin.done', { time: formatDateTime(reg.checked_in_at) })),
        h('details', null, h('summary', null, t('events.checkin.show')), qrSvg(reg.checkin_code),
          h('p', { class: 'code-text' }, h('code', null, reg.checkin_code)))]
        : [h('p', null, t('events.checkin.hint')), qrSvg(reg.checkin_code), h('p', { class: 'code-text' }, h('code', null, reg.checkin_code))]);

    const optBox = registered && reg && h('section', { class: 'card' },
      h('div', { class: 'check' },
        h('input', {
          type: 'checkbox', id: 'rounds-opt', checked: !reg.rounds_opt_out, 'aria-describedby': 'rounds-opt-hint',
          onchange: async (e: Event) => {
            const on = (e.currentTarget as HTMLInputElement).checked;
            try {
              await api('PATCH', `/api/v1/events/${id}/registration`, { rounds_opt_out: !on });
              await draw();
              show('ok', on ? t('events.optout.on') : t('events.optout.off'), document.getElementById('rounds-opt-hint'));
            } catch (err) { showError(err, document.getElementById('rounds-opt-hint')); }
          },
        }),
        h('label', { for: 'rounds-opt' }, t('events.optout'))),
      h('p', { class: 'hint', id: 'rounds-opt-hint' }, t('events.optout.hint')),
      h('p', null, h('a', { class: 'btn btn-primary', href: `/events/${id}/schedule`, id: 'open-schedule' }, t('events.schedule.open'))));

    const roundsBox = roundsL && reg && h('section', { class: 'card', 'aria-labelledby': 'h-rounds', id: 'rounds' },
      h('h2', { id: 'h-rounds' }, t('events.rounds')),
      freshness([roundsL, ...awayL.filter(known)], 'rounds-state'),
      !rounds ? '' : reg.rounds_opt_out ? h('p', null, t('events.rounds.optedout'))
        : rounds.items.length === 0 ? h('p', null, t('events.rounds.none'))
          : rounds.items.map((r, i) => {
            // Not known which slots I marked: no form that would claim "available in all".
            const away = awayL[i];
            if (away && !known(away)) return h('div', { id: `availability-${r.id}` }, h('p', null, h('strong', null, r.title)), unavailable(away));
            const off = new Set(away && known(away) ? away.value.unavailable_slot_ids : []);
            const boxes = r.slots.map((sl) => ({
              slot: sl, input: h('input', { type: 'checkbox', id: `away-${sl.id}`, checked: off.has(sl.id), value: String(sl.id) }),
            }));
            const form = h('form', { class: 'form', id: `availability-${r.id}` },
              h('fieldset', null, h('legend', null, t('events.rounds.legend', { title: r.title })),
                boxes.map(({ slot, input }) => h('div', { class: 'check' }, input,
                  h('label', { for: input.id }, t('events.rounds.slot', { time: `${clock(slot.starts_at)}–${clock(slot.ends_at)}` }))))),
              h('button', { type: 'submit', class: 'btn' }, t('events.rounds.save')));
            form.addEventListener('submit', async (e) => {
              e.preventDefault();
              try {
                await api('PUT', `/api/v1/rounds/${r.id}/availability`,
                  { unavailable_slot_ids: boxes.filter((b) => b.input.checked).map((b) => b.slot.id) });
                show('ok', t('events.rounds.saved'), form);
              } catch (err) { showError(err, form); }
            });
            return form;
          }));

    // The live request between me and `other` at this event (accepted, or pending and not expired).
    const liveRequest = (other: number): MeetingRequest | undefined => requests?.items.find((r) =>
      ((r.from === self && r.to === other) || (r.to === self && r.from === other)) &&
      (r.status === 'accepted' || (r.status === 'pending' && r.expires_at * 1000 > Date.now())));

    const meetBox = suggestionsL && h('section', { class: 'card', 'aria-labelledby': 'h-meet' },
      h('h2', { id: 'h-meet' }, t('events.meet')),
      freshness([suggestionsL], 'meet-state'),
      !suggestions ? '' : suggestions.items.length === 0 ? h('p', null, t('events.meet.none')) : h('ul', { class: 'cards', id: 'suggestions' },
        suggestions.items.map((s) => {
          const msg = h('textarea', { rows: 2, maxlength: 1000 });
          const form = h('form', { class: 'form' },
            field(t('events.meet.message', { name: s.name }), msg, t('events.meet.message.hint')),
            h('button', { type: 'submit', class: 'btn btn-primary' }, t('events.meet.send')));
          form.addEventListener('submit', async (e) => {
            e.preventDefault();
            const b = form.querySelector('button');
            if (b) b.disabled = true;
            try {
              await api('POST', `/api/v1/events/${id}/meeting-requests`, { to: s.member_id, message: msg.value });
              await draw();
              // Where the member was: the same suggestion card after the redraw.
              show('ok', t('events.meet.sent', { name: s.name }), document.querySelector(`#suggestions li[data-member="${s.member_id}"] .member-card-body`));
            } catch (err) {
              if (b) b.disabled = false;
              showError(err, form);
            }
          });
          // A request between us already (either way): its state, not a second request.
          const r = liveRequest(s.member_id);
          const name = s.name;
          const step = !r ? h('details', null, h('summary', null, t('events.meet.request')), form)
            : r.status === 'accepted' ? h('p', { class: 'agreed', 'data-state': 'agreed' }, t('events.meet.state.agreed', { name }))
              : r.from === self ? h('p', { class: 'meta', 'data-state': 'asked' }, t('events.meet.state.asked', { name }))
                : h('div', { 'data-state': 'theirs' }, h('p', null, t('events.meet.state.theirs', { name })),
                  r.message && h('blockquote', null, r.message),
                  h('div', { class: 'actions' }, h('button', {
                    type: 'button', class: 'btn btn-primary', 'aria-label': `${t('events.requests.accept')}: ${name}`,
                    onclick: act(() => api('POST', `/api/v1/meeting-requests/${r.id}/accept`), t('home.next.accepted.meeting', { name }),
                      () => document.querySelector(`#suggestions li[data-member="${s.member_id}"] .member-card-body`)),
                  }, t('events.requests.accept'))));
          return h('li', { 'data-member': s.member_id }, h('article', { class: 'member-card' },
            h('div', { class: 'member-card-body' },
              h('h3', null, h('a', { href: `/members/${s.member_id}` }, s.name)),
              (s.organization || s.sector) && h('p', { class: 'sub' }, [s.organization, s.sector && sectorLabel(secs, s.sector)].filter(Boolean).join(' · ')),
              h('p', { class: 'why' }, inLang(suggestionsL, s.why)),
              step)));
        })));

    const reqBox = requestsL && h('section', { class: 'card', 'aria-labelledby': 'h-req' },
      h('h2', { id: 'h-req' }, t('events.requests')),
      freshness([requestsL], 'requests-state'),
      !requests ? '' : requests.items.length === 0 ? h('p', null, t('events.requests.none')) : h('ul', { class: 'cards', id: 'requests' },
        requests.items.map((r) => {
          const incoming = r.to === self;
          const other = incoming ? r.from_name : r.to_name;
          const buttons: Node[] = [];
          const ask = (verb: 'accept' | 'decline' | 'cancel') => verb === 'accept' ? undefined : verb === 'decline'
            ? () => ({ title: t('confirm.meet.decline.title', { name: other }), text: t('confirm.meet.decline.text', { name: other }), confirm: t('confirm.meet.decline.yes') })
            : () => ({ title: t('confirm.meet.cancel.title', { name: other }), text: t('confirm.meet.cancel.text', { name: other }), confirm: t('confirm.meet.cancel.yes') });
          const btn = (verb: 'accept' | 'decline' | 'cancel', label: string, primary = false) =>
            h('button', {
              type: 'button', class: primary ? 'btn btn-primary' : 'btn', 'aria-label': `${label}: ${other}`,
              onclick: act(() => api('POST', `/api/v1/meeting-requests/${r.id}/${verb}`),
                verb === 'accept' ? t('home.next.accepted.meeting', { name: other }) : verb === 'decline' ? t('home.next.declined') : t('fb.meet.cancelled', { name: other }),
                () => document.querySelector(`#requests li[data-request="${r.id}"] .member-card-body`), ask(verb)),
            }, label);
          if (r.status === 'pending' && incoming) buttons.push(btn('accept', t('events.requests.accept'), true), btn('decline', t('events.requests.decline')));
          if ((r.status === 'pending' && !incoming) || r.status === 'accepted') buttons.push(btn('cancel', t('events.requests.cancel')));
          return h('li', { 'data-request': r.id }, h('article', { class: 'member-card' }, h('div', { class: 'member-card-body' },
            h('h3', null, incoming ? t('events.requests.from', { name: other }) : t('events.requests.to', { name: other })),
            h('p', { class: 'meta' }, h('span', { class: 'badge' }, t(`events.requests.status.${r.status}`)),
              r.mutual && h('span', { class: 'badge' }, t('events.requests.mutual'))),
            r.message && h('blockquote', null, r.message),
            buttons.length > 0 && h('div', { class: 'actions' }, buttons))));
        })));

    // "Wie sprak je?": near the top while people can say whom they spoke with, else at the end.
    // Not fetched (offline, a server error): said in its place while I am registered, not left out.
    const encBox = await encountersSection(ev).catch((e: unknown) => {
      if ((e instanceof ApiError && e.status === 401) || !(e instanceof ApiError || isOffline(e))) throw e;
      return registered ? h('section', { class: 'card encounters', id: 'encounters', 'aria-labelledby': 'h-enc' },
        h('h2', { id: 'h-enc' }, t('encounters.title')), unavailable({ offline: isOffline(e) }, 'encounters-state')) : null;
    });
    const now = Date.now() / 1000;
    const live = now >= ev.starts_at - 2 * 3600 && now <= Math.max(ev.starts_at, ev.ends_at) + 14 * 86400;

    body.replaceChildren();
    append(body, [
      h('h1', null, ev.title),
      h('p', { class: 'meta' }, h('span', { class: 'badge' }, kindLabel(ev.kind)), ' ', h('span', { class: 'badge' }, priceLabel(ev))),
      dl([
        [t('events.when'), span(ev.starts_at, ev.ends_at)],
        [t('events.where'), ev.location || '—'],
        ['', seatsLabel(ev)],
      ]),
      ev.registration_deadline > 0 ? h('p', null, t('events.deadline', { date: formatDate(ev.registration_deadline) })) : '',
      ev.description_html ? safeHtml(ev.description_html, 'prose article-body description') : '',
      h('section', { class: 'card', 'aria-labelledby': 'h-prog' },
        h('h2', { id: 'h-prog' }, t('events.programme')),
        ev.programme.length === 0 ? h('p', null, t('events.programme.none')) : h('ul', { class: 'programme' },
          ev.programme.map((p) => h('li', null, h('strong', null, span(p.starts_at, p.ends_at)), ' ', p.title,
            p.room && h('span', { class: 'sub' }, ` · ${p.room}`), p.description && h('p', { class: 'sub' }, p.description))))),
      regBox, codeBox, live && encBox, optBox, roundsBox, calBox, meetBox, reqBox, !live && encBox,
    ]);
  };
  await draw();
}

function feedBox(): HTMLElement {
  const out = h('div');
  const make = h('button', {
    type: 'button', class: 'btn btn-small', id: 'make-feed',
    onclick: async () => {
      try {
        const r = await api<{ token: string; url: string }>('POST', '/api/v1/calendar/token');
        const input = h('input', { type: 'text', readonly: true, value: location.origin + r.url, id: 'feed-url' });
        out.replaceChildren(field(t('events.calendar.feed.label'), input, t('events.calendar.feed.hint')));
      } catch (e) { out.replaceChildren(message('error', errorText(e))); }
    },
  }, t('events.calendar.feed.make'));
  out.append(h('p', null, t('events.calendar.feed')), make);
  return out;
}
