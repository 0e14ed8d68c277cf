// The member's home (issue #17): a list of next steps, most urgent first —
// what waits for me (meeting, visit and connection requests, claims that we
// spoke, new notifications) with accept/decline right there; my next event
// (schedule, check-in code, connect code); people to meet there with one reason
// each, and my online-only contacts who come too (ask to meet there);
// questions routed to me; visits I could make. Composed from the
// existing endpoints in parallel (privacy is applied by each of them).
// A part that could not be fetched (offline at the venue, a server error) shows
// its last known copy with its time, or says it is not available now — never
// "nothing waiting" or "0 connections" that is not true (web/src/last-known.ts).
import { api, membersById, query, sectors, type Connection, type Member, type Page, type Sector, type Tie } from '../api';
import { me, sectorLabel, type PageCtx } from '../app';
import { field, h } from '../dom';
import { action } from '../feedback';
import { rememberMyEvents } from '../pwa';
import { formatDate, formatDateTime, formatNumber, getLang, plural, t } from '../i18n';
import { allFresh, freshness, inLang, known, lastKnown, unavailable, valueOr, type Loaded } from '../last-known';
import { confirmList, type Encounter } from './encounter-common';
import {
  clock, myEvents, span, type Items, type Meeting, type MeetingRequest, type Suggestion,
} from './event-common';
import { atEvent, meetAtEvent, type FellowAttendee } from './meet-at-event';
import { notificationTarget, openNotification, type Notification } from './notification-common';
import { qrSvg } from './qr-code';
import { challengeAction } from './challenge-asked';
import { myOpenQuestions } from './my-questions';
import type { Question } from './question-common';
import type { Visit } from './visits';


// One part failing never hides the rest: each is fresh, its last known copy, or
// missing — offline too, where only what the service worker kept (my events,
// registration, schedule, codes) answers.
const noPage = { items: [], total: 0, limit: 0, offset: 0 };
const noItems = { items: [], total: 0 };

// The first reason of a suggestion: its first sentence (or clause before a
// semicolon, then ended with a full stop), never cut inside a quoted
// challenge (“… groeien. Onze …” stays whole).
export function oneReason(why: string): string {
  let depth = 0;
  for (let i = 0; i < why.length; i++) {
    const c = why[i];
    if (c === '“') depth++;
    else if (c === '”') depth = Math.max(0, depth - 1);
    else if ((c === '.' || c === ';') && depth === 0 && (i + 1 === why.length || /\s/.test(why[i + 1]))) return why.slice(0, i).trim() + '.';
  }
  return why.trim();
}

export default async function home(ctx: PageCtx): Promise<void> {
  const { member } = me();
  const self = member.id;
  ctx.setTitle(t('nav.home'));
  const [eventsL, pendingL, visitsL, routedL, unreadL, claimsL, realL, onlineL, askedL, secs] = await Promise.all([
    lastKnown('home:events', myEvents()),
    lastKnown('home:pending', api<Page<Connection>>('GET', '/api/v1/connections' + query({ status: 'pending', limit: 500 }))),
    lastKnown('home:visits', api<Items<Visit>>('GET', '/api/v1/visits')),
    lastKnown('home:routed', api<Page<Question>>('GET', '/api/v1/questions' + query({ routed_to_me: true, unanswered_by_me: true, status: 'open', limit: 3 }))),
    // Keyed without the language: a copy from before a language switch keeps its own (n.lang).
    lastKnown('home:unread', api<Page<Notification>>('GET', '/api/v1/notifications' + query({ unread: true, limit: 20, lang: getLang() }))),
    lastKnown('home:to-confirm', api<Items<Encounter>>('GET', '/api/v1/encounters/to-confirm')),
    lastKnown('home:ties-real', api<Page<Tie>>('GET', `/api/v1/members/${self}/ties` + query({ real: true, limit: 1 }))),
    // 'false' as text: query() leaves a false value out, which would count all ties.
    lastKnown('home:ties-online', api<Page<Tie>>('GET', `/api/v1/members/${self}/ties` + query({ real: 'false', limit: 1 }))),
    // My open questions: which of my challenges are already put to the network.
    lastKnown('home:asked', myOpenQuestions()),
    sectors().catch(() => [] as Sector[]),
  ]);
  const events = valueOr(eventsL, []);
  const pending = valueOr<Page<Connection>>(pendingL, noPage);
  const visits = valueOr<Items<Visit>>(visitsL, noItems);
  const routed = valueOr<Page<Question>>(routedL, noPage);
  const unread = valueOr<Page<Notification>>(unreadL, noPage);
  const claims = valueOr<Items<Encounter>>(claimsL, noItems);
  const registered = events.filter((e) => e.reg.status === 'registered');
  if (known(eventsL) && (events.length > 0 || eventsL.state === 'fresh')) rememberMyEvents(registered.map((e) => e.ev));   // the connect page offline
  const next = events[0] ?? null;
  const [requestsL, scheduleL, suggestionsL, codeL, peopleL, onlineTiesL] = await Promise.all([
    Promise.all(registered.map((e) => lastKnown(`home:requests:${e.ev.id}`, api<Items<MeetingRequest>>('GET', `/api/v1/events/${e.ev.id}/meeting-requests`)
      .then((r) => r.items.map((x) => ({ ...x, event: e.ev })))))),
    next?.reg.status === 'registered' ? lastKnown(`home:schedule:${next.ev.id}`, api<Items<Meeting>>('GET', `/api/v1/events/${next.ev.id}/schedule`)) : null,
    next?.reg.status === 'registered'
      ? lastKnown(`home:suggestions:${next.ev.id}`, api<Items<Suggestion>>('GET', `/api/v1/events/${next.ev.id}/suggestions` + query({ limit: 3, lang: getLang() })))
      : null,
    next ? lastKnown('home:connect-code', api<{ code: string; path: string }>('GET', '/api/v1/me/connect-code')) : null,
    // Names of those who want to connect (entries: a Map does not keep as JSON).
    lastKnown('home:people', membersById(pending.items.filter((c) => c.to === self).map((c) => c.from), new Map<number, Member | null>())
      .then((m) => [...m.entries()])),
    // My online-only ties who come too: where knowing each other online can become meeting.
    next?.reg.status === 'registered' ? lastKnown(`home:online-ties:${next.ev.id}`, api<Items<FellowAttendee>>('GET', `/api/v1/events/${next.ev.id}/online-ties`)) : null,
  ]);
  const requests = requestsL.flatMap((r) => valueOr(r, []));
  const schedule = scheduleL && known(scheduleL) ? scheduleL.value : null;
  const suggestions = suggestionsL && known(suggestionsL) ? suggestionsL.value : null;
  const code = codeL ? valueOr(codeL, null) : null;
  const people = new Map(valueOr(peopleL, []));

  // 1. Waiting for me.
  const incomingMeetings = requests.filter((r) => r.to === self && r.status === 'pending');
  const hostRequests = visits.items.filter((v) => v.host.id === self && v.status === 'requested');
  const incomingConnections = pending.items.filter((c) => c.to === self);
  const waitingList = h('ul', { class: 'next-list', id: 'waiting-list' });
  const item = (key: string, title: Node | string, body: (Node | string | null | false)[], actions: Node[]) =>
    h('li', { class: 'next-item', 'data-next': key }, h('article', null, h('h3', null, title), ...body,
      actions.length > 0 && h('div', { class: 'actions' }, actions)));
  const near = (key: string) => () => document.querySelector(`#waiting-list li[data-next="${key}"] article`);
  // After answering, the item stays with its outcome (the buttons go), so the message lands where the eye is.
  const answered = (key: string) => { document.querySelector(`#waiting-list li[data-next="${key}"] .actions`)?.remove(); };
  for (const r of incomingMeetings) {
    const key = `meeting-${r.id}`;
    waitingList.append(item(key, t('home.next.meeting', { name: r.from_name, event: r.event.title }),
      [r.message && h('blockquote', null, r.message)], [
        h('button', { type: 'button', class: 'btn btn-primary', 'aria-label': `${t('home.next.accept')}: ${r.from_name}`,
          onclick: action({ near: near(key), run: async () => { await api('POST', `/api/v1/meeting-requests/${r.id}/accept`); answered(key); return t('home.next.accepted.meeting', { name: r.from_name }); } }) },
        t('home.next.accept')),
        h('button', { type: 'button', class: 'btn', 'aria-label': `${t('home.next.decline')}: ${r.from_name}`,
          onclick: action({
            near: near(key),
            ask: () => ({ title: t('confirm.meet.decline.title', { name: r.from_name }), text: t('confirm.meet.decline.text', { name: r.from_name }), confirm: t('confirm.meet.decline.yes') }),
            run: async () => { await api('POST', `/api/v1/meeting-requests/${r.id}/decline`); answered(key); return t('home.next.declined'); },
          }) }, t('home.next.decline')),
      ]));
  }
  for (const v of hostRequests) {
    const key = `visit-${v.id}`;
    const name = v.visitor.name ?? t('hidden.member');
    const future = v.proposed.filter((p) => p > Date.now() / 1000);
    waitingList.append(item(key, t('home.next.visit', { name }),
      [h('blockquote', null, v.reason)], [
        ...future.map((p) => h('button', { type: 'button', class: 'btn btn-primary',
          onclick: action({ near: near(key), run: async () => { await api('POST', `/api/v1/visits/${v.id}/accept`, { starts_at: p }); answered(key); return t('home.next.accepted.visit', { name, date: formatDateTime(p) }); } }) },
        t('events.visits.accept', { date: formatDateTime(p) }))),
        h('button', { type: 'button', class: 'btn', 'aria-label': `${t('home.next.decline')}: ${name}`,
          onclick: action({
            near: near(key),
            ask: () => ({ title: t('confirm.visit.decline.title', { name }), text: t('confirm.visit.decline.text', { name }), confirm: t('confirm.visit.decline.yes') }),
            run: async () => { await api('POST', `/api/v1/visits/${v.id}/decline`); answered(key); return t('fb.visit.declined', { name }); },
          }) }, t('home.next.decline')),
      ]));
  }
  for (const c of incomingConnections) {
    const key = `connection-${c.id}`;
    const m = people.get(c.from);
    const name = m?.name ?? t('hidden.member');
    waitingList.append(item(key, m ? h('a', { href: `/members/${m.id}` }, t('home.next.connection', { name })) : t('home.next.connection', { name }),
      [c.message && h('blockquote', null, c.message)], [
        h('button', { type: 'button', class: 'btn btn-primary', 'aria-label': `${t('home.next.accept')}: ${name}`,
          onclick: action({ near: near(key), run: async () => { await api('POST', `/api/v1/connections/${c.id}/accept`); answered(key); return t('home.next.accepted.connection', { name }); } }) },
        t('home.next.accept')),
        h('button', { type: 'button', class: 'btn', 'aria-label': `${t('home.next.decline')}: ${name}`,
          onclick: action({
            near: near(key),
            ask: () => ({ title: t('confirm.conn.decline.title', { name }), text: t('confirm.conn.decline.text', { name }), confirm: t('confirm.conn.decline.yes') }),
            run: async () => { await api('POST', `/api/v1/connections/${c.id}/decline`); answered(key); return t('home.next.declined'); },
          }) }, t('home.next.decline')),
      ]));
  }
  // New notifications, each a link to its object (marked read when opened).
  const requestEvent = new Map(requests.map((r) => [r.id, r.event.id]));
  // Not twice: a request already listed above with its buttons.
  const listed = new Set([...incomingMeetings.map((r) => `meeting_request:${r.id}`), ...hostRequests.map((v) => `visit:${v.id}`)]);
  const notes = unread.items.filter((n) => !(listed.has(n.ref) && (n.kind === 'meeting_request' || n.kind === 'visit_request')));
  const notesBox = notes.length > 0 && h('div', { class: 'next-notes' }, h('h3', null, t('home.next.notifications')),
    h('ul', { class: 'plain-list', id: 'home-notifications' }, notes.slice(0, 5).map((n) => {
      const [kind, rid] = n.ref.split(':');
      const to = kind === 'meeting_request' && requestEvent.has(Number(rid)) ? `/events/${requestEvent.get(Number(rid))}#requests` : notificationTarget(n.ref);
      return h('li', null, to ? h('a', { href: to, 'data-notification': n.id, onclick: openNotification(n, to) }, h('span', { lang: n.lang }, n.text))
        : h('span', { lang: n.lang }, n.text));
    })),
    unread.total > 5 && h('p', null, h('a', { href: '/notifications?unread=true' }, t('home.next.more'))));
  const claimsBox = claims.items.length > 0 && h('div', { id: 'to-confirm' },
    h('h3', null, t('encounters.home.title')), confirmList(claims.items));
  const nothing = waitingList.children.length === 0 && !notesBox && !claimsBox;
  // "Nothing waits" only when every source answered; from copies: "nothing waited then".
  const waitingParts: Loaded<unknown>[] = [eventsL, pendingL, visitsL, unreadL, claimsL, ...requestsL, ...(incomingConnections.length > 0 ? [peopleL] : [])];
  const allKnown = waitingParts.every(known);
  const waiting = h('section', { class: 'card next-card urgent', id: 'waiting', 'aria-labelledby': 'h-waiting' },
    h('h2', { id: 'h-waiting' }, t('home.next.waiting')),
    // Nothing to show and a part missing: only that (a time of a copy that shows nothing says nothing).
    nothing && !allKnown ? unavailable(waitingParts.find((x) => !known(x)) as { offline: boolean }, 'waiting-state') : freshness(waitingParts, 'waiting-state'),
    nothing ? allKnown && h('p', { id: 'waiting-none' }, allFresh(waitingParts) ? t('home.next.waiting.none') : t('home.next.waiting.none.then'))
      : [waitingList.children.length > 0 ? waitingList : '', claimsBox, notesBox]);

  // 2. My next event.
  const eventBox = h('section', { class: 'card next-card', id: 'next-event', 'aria-labelledby': 'h-next-event' },
    h('h2', { id: 'h-next-event' }, t('home.next.event')));
  // One note for what the section shows; a part that is missing says so in its own place.
  const eventParts: Loaded<unknown>[] = [eventsL];
  if (scheduleL && known(scheduleL)) eventParts.push(scheduleL);
  if (codeL && known(codeL)) eventParts.push(codeL);
  eventBox.append(freshness(eventParts, 'next-event-state') ?? '');
  if (!known(eventsL)) {
    eventBox.append(h('p', null, h('a', { class: 'btn', href: '/events' }, t('home.next.event.browse'))));
  } else if (!next) {
    eventBox.append(h('p', null, t('home.next.event.none')), h('p', null, h('a', { class: 'btn', href: '/events' }, t('home.next.event.browse'))));
  } else {
    const { ev, reg } = next;
    eventBox.append(
      h('h3', null, h('a', { href: `/events/${ev.id}` }, ev.title)),
      h('p', { class: 'meta' }, h('span', null, span(ev.starts_at, ev.ends_at)), ev.location && h('span', null, ev.location)),
      h('p', null, reg.status === 'waitlisted' ? t('home.next.event.waitlisted', { n: reg.waitlist_position ?? 0 }) : t('home.next.event.registered')));
    if (scheduleL && !known(scheduleL)) {
      eventBox.append(h('h3', null, t('home.next.schedule')), unavailable(scheduleL, 'home-schedule-state'),
        h('p', null, h('a', { href: `/events/${ev.id}/schedule` }, t('home.next.schedule.open'))));
    }
    if (schedule) {
      eventBox.append(h('h3', null, t('home.next.schedule')),
        schedule.items.length === 0 ? h('p', null, t('home.next.schedule.none')) : h('ul', { class: 'plain-list', id: 'home-schedule' },
          schedule.items.slice(0, 4).map((m) => {
            const other = m.a.id === self ? m.b : m.a;
            return h('li', null, t('home.next.schedule.item', {
              time: `${clock(m.starts_at)}–${clock(m.ends_at)}`, table: m.table, name: other.name ?? t('events.schedule.hidden'),
            }));
          })),
        h('p', null, h('a', { href: `/events/${ev.id}/schedule` }, t('home.next.schedule.open'))));
    }
    const codes = h('div', { class: 'next-codes' });
    if (reg.status === 'registered' && reg.checkin_code && !reg.checked_in_at)
      codes.append(h('div', { class: 'next-code', id: 'home-checkin' }, h('h3', null, t('home.next.checkin')), qrSvg(reg.checkin_code),
        h('p', { class: 'code-text' }, h('code', null, reg.checkin_code))));
    if (code)
      codes.append(h('div', { class: 'next-code', id: 'home-connect-code' }, h('h3', null, t('home.next.connectcode')),
        qrSvg(location.origin + code.path, t('encounters.mycode.qr', { code: code.code })),
        h('p', { class: 'code-text' }, h('code', null, code.code))));
    if (codeL && !known(codeL))
      codes.append(h('div', { class: 'next-code', id: 'home-connect-code' }, h('h3', null, t('home.next.connectcode')), unavailable(codeL)));
    if (codes.children.length > 0) eventBox.append(codes);
    if (code) eventBox.append(h('p', { class: 'hint' }, t('home.next.connectcode.hint')));
    eventBox.append(h('p', null, h('a', { class: 'btn', href: `/events/${ev.id}` }, t('home.next.event.open'))));
  }

  // 3. People to meet there, one reason each.
  const peopleBox = suggestionsL && next && h('section', { class: 'card next-card', id: 'people', 'aria-labelledby': 'h-people' },
    h('h2', { id: 'h-people' }, t('home.next.people')),
    freshness([suggestionsL], 'people-state'),
    !suggestions ? '' : suggestions.items.length === 0 ? h('p', null, t('home.next.people.none')) : h('ul', { class: 'next-list' },
      suggestions.items.map((s) => h('li', { class: 'next-item' },
        h('h3', null, h('a', { href: `/members/${s.member_id}` }, s.name)),
        (s.organization || s.sector) && h('p', { class: 'sub' }, [s.organization, s.sector && sectorLabel(secs, s.sector)].filter(Boolean).join(' · ')),
        h('p', { class: 'why' }, inLang(suggestionsL, oneReason(s.why)))))),
    h('p', null, h('a', { href: `/events/${next.ev.id}#h-meet` }, t('home.next.people.ask'))));

  // 3b. Online contacts who come too (a request from them waits in 1. already): ask to meet there.
  const online = onlineTiesL && known(onlineTiesL)
    ? onlineTiesL.value.items.filter((a) => !(a.request && a.request.status === 'pending' && a.request.to === self)) : [];
  // Strongest tie first (the API's order); three in view, the rest one tap away.
  const onlineList = (list: FellowAttendee[]) => next && h('ul', { class: 'next-list' }, list.map((a) => h('li', { class: 'next-item' },
    h('h3', null, h('a', { href: `/members/${a.member_id}` }, a.name)),
    h('p', { class: 'sub' }, t(a.known_by === 'answered' ? 'home.next.online.answered' : 'home.next.online.connected', { date: formatDate(a.known_since) })),
    meetAtEvent({ id: a.member_id, name: a.name }, { ...atEvent(next.ev), request: a.request }, self, '', false))));
  const onlineBox = next && online.length > 0 && h('section', { class: 'card next-card', id: 'online-ties', 'aria-labelledby': 'h-online' },
    h('h2', { id: 'h-online' }, t('home.next.online')),
    onlineTiesL && freshness([onlineTiesL], 'online-state'),
    h('p', null, t('home.next.online.lead', { event: next.ev.title })),
    onlineList(online.slice(0, 3)),
    online.length > 3 && h('details', { id: 'online-ties-more' },
      h('summary', null, plural(online.length - 3, 'home.next.online.more.one', 'home.next.online.more')), onlineList(online.slice(3))));

  // 4. Questions I could answer.
  const questionsBox = h('section', { class: 'card next-card', id: 'questions-for-me', 'aria-labelledby': 'h-qs' },
    h('h2', { id: 'h-qs' }, t('home.next.questions')),
    freshness([routedL], 'questions-state'),
    !known(routedL) ? '' : routed.items.length === 0 ? h('p', null, t('home.next.questions.none')) : h('ul', { class: 'plain-list' },
      routed.items.map((q) => h('li', null, h('a', { href: `/questions/${q.id}` }, q.title),
        q.asker?.name ? h('span', { class: 'sub' }, ` · ${q.asker.name}`) : ''))),
    h('p', null, h('a', { href: '/questions?show=routed' }, t('home.next.questions.all'))));

  // 5. Visits I could make: agreed visits of mine, and "kom eens kijken" after a real meeting.
  const agreed = visits.items.filter((v) => v.visitor.id === self && v.status === 'accepted' && v.starts_at && v.starts_at > Date.now() / 1000);
  const seen = new Set<string>();
  const invites = unread.items.filter((n) => n.ref.startsWith('visit_new:') && !seen.has(n.ref) && seen.add(n.ref));
  const visitsBox = h('section', { class: 'card next-card', id: 'visits-next', 'aria-labelledby': 'h-visits-next' },
    h('h2', { id: 'h-visits-next' }, t('home.next.visits')),
    freshness([visitsL, unreadL], 'visits-state'),
    agreed.length + invites.length === 0 ? known(visitsL) && h('p', null, t('home.next.visits.none')) : h('ul', { class: 'plain-list' },
      agreed.map((v) => h('li', null, t('home.next.visits.agreed', { name: v.host.name ?? t('hidden.member'), date: formatDateTime(v.starts_at!) }))),
      invites.map((n) => h('li', null, h('a', { href: notificationTarget(n.ref) ?? '/visits', onclick: openNotification(n, notificationTarget(n.ref) ?? '/visits') },
        h('span', { lang: n.lang }, n.text))))),
    h('p', null, h('a', { href: '/visits' }, t('home.next.visits.open'))));

  // Then the rest: search, my network, my challenges.
  const q = h('input', { type: 'search', name: 'q', id: 'home-q', autocomplete: 'off' });
  const search = h('form', { class: 'search-row', role: 'search', action: '/members', method: 'get' },
    field(t('home.search'), q), h('button', { type: 'submit', class: 'btn btn-primary' }, t('members.submit')));
  const open = member.challenges.filter((c) => c.status === 'open');
  const myOpen = valueOr<Page<Question>>(askedL, noPage);
  ctx.main.append(
    h('h1', null, t('home.title', { name: member.name })),
    h('p', { class: 'lead' }, t('home.next.lead')),
    h('div', { class: 'next-steps' }, waiting, eventBox, onlineBox, peopleBox, questionsBox, visitsBox),
    h('section', { class: 'card' }, search),
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'h-ties' },
        h('h2', { id: 'h-ties' }, t('home.ties')),
        freshness([realL, onlineL], 'ties-state'),
        known(realL) && known(onlineL) && h('p', { id: 'ties-count' }, t('home.ties.text', { real: formatNumber(realL.value.total), online: formatNumber(onlineL.value.total) })),
        incomingConnections.length > 0 && h('p', null, plural(incomingConnections.length, 'home.requests.one', 'home.requests.some')),
        h('p', null, h('a', { href: '/ties' }, t('home.ties.open')))),
      h('section', { class: 'card', 'aria-labelledby': 'h-ch' },
        h('h2', { id: 'h-ch' }, t('home.challenges')),
        open.length === 0 ? h('p', null, t('home.challenges.none'))
          : h('ul', { class: 'plain', id: 'my-challenges' }, open.map((c) => h('li', null, h('strong', null, c.title), ' ', challengeAction(myOpen, c)))),
        h('p', null, h('a', { href: '/profile' }, t('home.challenges.edit'))))),
  );
}
