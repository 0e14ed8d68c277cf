// "We spraken elkaar" with the QR code and the camera. Presence
// is not a tie: a tie becomes real once both say they spoke (one scans the
// other's connect code or picks them, the other confirms). A pending claim is
// not a tie. A member the viewer may not see is never named: "een lid".
//
// - encountersSection(): the event page's "Wie sprak je?" — my connect code as a
//   QR code, scan (camera; jsQR in its own chunk) or type a code, the people I
//   probably spoke with, a search among the attendees, my claims (withdraw while
//   pending) and the claims about me (confirm / decline).
// - confirmList() and the other light pieces live in encounter-common.ts (the
//   home page uses them without the QR code library).
// - connectCodeCard(): my connect code as a QR code of its absolute URL, so a
//   phone's own camera opens /connect/<code>.
// Feedback appears next to the control that was used (a live region per item
// or form), never only at the top of the page.
import { api, ApiError, query, sectors, type Page, type Sector } from '../api';
import { me, sectorLabel } from '../app';
import { field, h, message } from '../dom';
import { formatDate, formatDateTime, t, type Key } from '../i18n';
import {
  badgeFor, confirmList, encounterError, nextStep, show, statusBox, who, type Candidate, type ConnectCode, type Encounter,
  type Overview, type Person,
} from './encounter-common';
import type { EventInfo, Registration } from './event-common';
import { qrSvg } from './qr-code';
import { avatar } from './parts';
import { qrScanner } from './qr-scan';

export * from './encounter-common';

export function connectCode(): Promise<ConnectCode> {
  return api<ConnectCode>('GET', '/api/v1/me/connect-code');
}

// The QR code encodes the absolute URL (a phone's camera app opens verbinder);
// the code is shown as text under it, to read aloud or type.
export function connectCodeCard(c: ConnectCode, opts: { id: string; heading: 'h2' | 'h3'; hint: string }): HTMLElement {
  const url = location.origin + c.path;
  return h('div', { class: 'connect-code', id: opts.id },
    h(opts.heading, { id: `${opts.id}-h` }, t('encounters.mycode')),
    h('div', { class: 'connect-code-body' },
      h('div', { class: 'connect-code-qr' }, qrSvg(url, t('encounters.mycode.qr', { code: c.code }))),
      h('div', { class: 'connect-code-text' },
        h('p', { class: 'code-text' }, h('code', { id: `${opts.id}-code` }, c.code)),
        h('p', { class: 'hint' }, opts.hint))));
}

// The event page's "Wie sprak je?" section; null when there is nothing to say
// (not registered and the window closed) or the API is not there (404, 403).
// Other failures (offline, a server error) are thrown: the page says so.
export async function encountersSection(ev: EventInfo): Promise<HTMLElement | null> {
  const id = ev.id;
  const self = me().member.id;
  let o: Overview;
  let secs: Sector[];
  try {
    [o, secs] = await Promise.all([api<Overview>('GET', `/api/v1/events/${id}/encounters`), sectors()]);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return null;
    throw e;
  }
  if (!o.registered && !o.open && o.mine.length === 0 && o.to_confirm.length === 0) return null;
  const section = h('section', { class: 'card encounters', id: 'encounters', 'aria-labelledby': 'h-enc' },
    h('h2', { id: 'h-enc' }, t('encounters.title')),
    h('p', { class: 'hint' }, t('encounters.intro')));
  const via = () => (Date.now() / 1000 > ev.ends_at ? 'followup' : 'list');
  const sub = (key: Key, hid: string) => h('h3', { id: hid }, t(key));
  const confirmBox = h('div', { id: 'enc-to-confirm' });
  const candBox = h('div', { id: 'enc-candidates' });
  const mineBox = h('div', { id: 'enc-mine' });

  // Claim (by code or member id); the caller shows the outcome next to its control.
  const claim = (body: { code?: string; member_id?: number; via: string }) =>
    api<Encounter>('POST', `/api/v1/events/${id}/encounters`, body);
  const claimedText = (e: Encounter) => e.status === 'confirmed'
    ? t('encounters.done.real', { name: who(e.other) }) : t('encounters.done.claimed', { name: who(e.other) });

  // A person to pick ("we spoke"), with the state of my claim about them.
  const personItem = (p: Person, state: Candidate['state'], reasons: string[], onClaimed: () => void): HTMLElement => {
    const name = who(p, true);
    const status = statusBox();
    const actions = h('div', { class: 'actions' });
    const drawState = (s: Candidate['state']) => {
      actions.replaceChildren();
      if (s === 'claimed' || s === 'confirmed' || s === 'asked') actions.append(badgeFor(s === 'confirmed' ? 'confirmed' : s));
      if (s === 'none' || s === 'asked') {
        actions.append(h('button', {
          type: 'button', class: 'btn btn-primary btn-small', 'aria-label': t('encounters.spoke.label', { name }),
          onclick: async (e: Event) => {
            const b = e.currentTarget as HTMLButtonElement;
            b.disabled = true;
            try {
              const r = await claim({ member_id: p.member_id!, via: via() });
              drawState(r.status === 'confirmed' ? 'confirmed' : 'claimed');
              show(status, 'ok', claimedText(r), r.status === 'confirmed' ? nextStep(r.other) : null, true);
              onClaimed();
            } catch (err) {
              b.disabled = false;
              show(status, 'error', encounterError(err));
            }
          },
        }, t('encounters.spoke')));
      }
    };
    drawState(state);
    const subline = [p.organization, p.sector ? sectorLabel(secs, p.sector) : ''].filter(Boolean).join(' · ');
    return h('li', { 'data-member': p.member_id ?? '' }, h('article', { class: 'member-card' },
      avatar(p.name ?? '?'),
      h('div', { class: 'member-card-body' },
        h('h4', null, p.member_id && !p.hidden ? h('a', { href: `/members/${p.member_id}` }, name) : name),
        subline && h('p', { class: 'sub' }, subline),
        reasons.length > 0 && h('p', { class: 'meta' }, reasons.map((r) => h('span', { class: 'badge' },
          ['table', 'meeting', 'suggested'].includes(r) ? t(`encounters.reason.${r}` as Key) : r))),
        actions, status)));
  };

  // My claims: state, and withdraw while pending.
  const mineItem = (e: Encounter, onChange: () => void): HTMLElement => {
    const name = who(e.other, true);
    const status = statusBox();
    const state = h('p', { class: 'meta' }, badgeFor(e.status));
    const note = e.status === 'pending' ? h('p', { class: 'hint' }, t('encounters.pending.until', { date: formatDate(e.expires_at) })) : null;
    const actions = h('div', { class: 'actions' }, e.status === 'pending' && h('button', {
      type: 'button', class: 'btn btn-small', 'aria-label': t('encounters.withdraw.label', { name }),
      onclick: async (ev2: Event) => {
        const b = ev2.currentTarget as HTMLButtonElement;
        b.disabled = true;
        try {
          const r = await api<Encounter>('DELETE', `/api/v1/encounters/${e.id}`);
          state.replaceChildren(badgeFor(r.status));
          note?.remove();
          actions.replaceChildren();
          show(status, 'ok', t('encounters.done.withdrawn'), null, true);
          onChange();
        } catch (err) {
          b.disabled = false;
          show(status, 'error', encounterError(err));
        }
      },
    }, t('encounters.withdraw')));
    return h('li', { 'data-encounter': e.id }, h('article', { class: 'member-card' },
      avatar(e.other.name ?? '?'),
      h('div', { class: 'member-card-body' },
        h('h4', null, e.other.member_id && !e.other.hidden ? h('a', { href: `/members/${e.other.member_id}` }, name) : name),
        state, note, e.status === 'confirmed' && nextStep(e.other), actions, status)));
  };

  type Part = 'confirm' | 'cands' | 'mine';
  const stateOf = (memberId: number): Candidate['state'] => {
    const c = o.candidates.find((x) => x.person.member_id === memberId);
    if (c) return c.state;
    const m = o.mine.find((x) => x.other.member_id === memberId && (x.status === 'pending' || x.status === 'confirmed'));
    if (m) return m.status === 'confirmed' ? 'confirmed' : 'claimed';
    return o.to_confirm.some((x) => x.other.member_id === memberId) ? 'asked' : 'none';
  };
  // Redraws the lists from a fresh overview, except the one the user just acted in
  // (its item already shows the outcome, and focus stays there).
  const refresh = async (except?: Part) => {
    try { o = await api<Overview>('GET', `/api/v1/events/${id}/encounters`); } catch { return; }
    draw(except);
  };
  const draw = (except?: Part) => {
    if (except !== 'confirm') {
      confirmBox.replaceChildren();
      if (o.to_confirm.length > 0) confirmBox.append(sub('encounters.confirm', 'h-enc-confirm'), confirmList(o.to_confirm, () => void refresh('confirm')));
    }
    if (except !== 'cands' && o.registered && o.open) {
      candBox.replaceChildren(sub('encounters.candidates', 'h-enc-cands'),
        o.candidates.length === 0 ? h('p', null, t('encounters.candidates.none'))
          : h('ul', { class: 'cards enc-list', id: 'enc-candidate-list' }, o.candidates.filter((c) => c.person.member_id).map((c) =>
            personItem(c.person, c.state, c.reasons, () => void refresh('cands')))));
    }
    if (except !== 'mine') {
      mineBox.replaceChildren();
      if (o.registered || o.mine.length > 0) {
        mineBox.append(sub('encounters.mine', 'h-enc-mine'), o.mine.length === 0 ? h('p', null, t('encounters.mine.none'))
          : h('ul', { class: 'cards enc-list', id: 'enc-mine-list' }, o.mine.map((e) => mineItem(e, () => void refresh('mine')))));
      }
    }
  };

  if (!o.registered) {
    section.append(h('p', { class: 'msg msg-info', id: 'enc-next' }, o.open ? t('encounters.register.first')
      : Date.now() / 1000 < o.opens_at ? t('encounters.closed.early', { time: formatDateTime(o.opens_at) }) : t('encounters.closed.late')));
    section.append(confirmBox, mineBox);
    draw();
    return section;
  }
  if (!o.open) {
    section.append(h('p', { class: 'msg msg-info', id: 'enc-next' }, Date.now() / 1000 < o.opens_at
      ? t('encounters.closed.early', { time: formatDateTime(o.opens_at) }) : t('encounters.closed.late')));
    section.append(confirmBox, mineBox);
    draw();
    return section;
  }

  // Open and registered: my code, scan or type theirs, pick, search.
  let code: ConnectCode | null = null;
  try { code = await connectCode(); } catch { code = null; }
  const addStatus = h('div', { class: 'form-status', 'aria-live': 'polite', id: 'enc-add-status' });
  const claimCode = async (text: string, input?: HTMLInputElement): Promise<boolean> => {
    try {
      const r = await claim({ code: text, via: 'code' });
      if (input) input.value = '';
      show(addStatus, 'ok', claimedText(r), r.status === 'confirmed' ? nextStep(r.other) : null);
      await refresh();
      return true;
    } catch (err) {
      show(addStatus, 'error', encounterError(err));
      return false;
    }
  };
  const scanBox = h('div', { id: 'enc-scan-box' });
  const scanBtn = h('button', { type: 'button', class: 'btn btn-primary', id: 'enc-scan', onclick: () => { addStatus.replaceChildren(); void scanner.start(); } }, t('encounters.scan'));
  const scanner = qrScanner({
    button: scanBtn, box: scanBox, idPrefix: 'enc-scan',
    hint: t('encounters.scan.hint'), videoLabel: t('encounters.scan.video'), stopLabel: t('encounters.scan.stop'),
    unsupported: t('encounters.scan.unsupported'), denied: (msg) => t('encounters.scan.denied', { msg }),
    onError: (text) => show(addStatus, 'error', text),
    onText: (text) => claimCode(text),
  });
  // Opened from /connect/<code> to register first: the code is filled in.
  const given = new URLSearchParams(location.search).get('connect') ?? '';
  const codeInput = h('input', { type: 'text', id: 'enc-code', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: 300, value: given });
  const codeForm = h('form', { class: 'form search-row', id: 'enc-code-form' },
    field(t('encounters.code'), codeInput, t('encounters.code.hint')),
    h('button', { type: 'submit', class: 'btn' }, t('encounters.code.submit')));
  codeForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!codeInput.value.trim()) { codeInput.focus(); return; }
    await claimCode(codeInput.value, codeInput);
  });

  // Search among the attendees (registered attendees may list each other).
  const q = h('input', { type: 'search', id: 'enc-q', autocomplete: 'off' });
  const results = h('div', { id: 'enc-search-results', 'aria-live': 'polite' });
  const searchForm = h('form', { class: 'form search-row', role: 'search', id: 'enc-search' },
    field(t('encounters.search'), q), h('button', { type: 'submit', class: 'btn' }, t('encounters.search.submit')));
  searchForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!q.value.trim()) { results.replaceChildren(); return; }
    try {
      const page = await api<Page<Registration>>('GET', `/api/v1/events/${id}/registrations` + query({ status: 'registered', q: q.value.trim(), limit: 20 }));
      const people = page.items.filter((r) => r.member_id !== self);
      results.replaceChildren(people.length === 0 ? h('p', null, t('encounters.search.none'))
        : h('ul', { class: 'cards enc-list', 'aria-label': t('encounters.search.results') }, people.map((r) =>
          personItem({ member_id: r.member_id, name: r.member_name, hidden: false }, stateOf(r.member_id), [], () => void refresh()))));
    } catch (err) {
      results.replaceChildren(message('error', encounterError(err)));
    }
  });

  section.append(
    confirmBox,
    h('div', { class: 'enc-grid' },
      h('div', { class: 'enc-add', 'aria-labelledby': 'h-enc-add', role: 'group' },
        h('h3', { id: 'h-enc-add' }, t('encounters.add')),
        h('div', { class: 'actions' }, scanBtn), scanBox, codeForm, addStatus),
      code && connectCodeCard(code, { id: 'enc-mycode', heading: 'h3', hint: t('encounters.mycode.hint') })),
    candBox,
    h('div', { class: 'enc-search' }, searchForm, results),
    mineBox);
  draw();
  return section;
}
