// "We spraken elkaar": what every page with encounters shares, without the QR
// code and camera pieces (so the home page stays light): the API shapes, the
// other person's name ("een lid" when hidden from me), the API's errors in the
// UI's language, and the list of claims about me to confirm or decline, each
// with its feedback next to its buttons.
import { api, ApiError } from '../api';
import { h, message } from '../dom';
import { errorText as feedbackErrorText } from '../feedback';
import { t, type Key } from '../i18n';
import { avatar } from './parts';

export interface Person {
  member_id: number | null; name: string | null; organization?: string; sector?: string; hosts_visits?: boolean; hidden: boolean;
}
export type EncounterStatus = 'pending' | 'confirmed' | 'declined' | 'withdrawn' | 'expired';
export interface Encounter {
  id: number; event_id: number; event_title: string; mine: boolean; other: Person; via: string; status: EncounterStatus;
  real: boolean; created_at: number; expires_at: number; resolved_at: number | null;
}
export interface Candidate { person: Person; reasons: string[]; state: 'none' | 'claimed' | 'asked' | 'confirmed'; encounter_id: number | null }
export interface Overview {
  event_id: number; event_title: string; registered: boolean; open: boolean; opens_at: number; closes_at: number;
  mine: Encounter[]; to_confirm: Encounter[]; candidates: Candidate[];
}
export interface ConnectCode { code: string; path: string }

// The other person's name, or "een lid" / "a member" when hidden from me.
export function who(p: Person, capital = false): string {
  if (p.hidden || !p.name) return t(capital ? 'encounters.member.cap' : 'encounters.member');
  return p.name;
}

// The API's error reasons (src/events/encounters.cpp) in this page's own words;
// any other reason or error through errorText (strings/errors.ts). The
// server's English message is never read.
const encounterKeys: Record<string, Key> = {
  'encounter.unknown_code': 'encounters.error.code.unknown',
  'encounter.code_not_attending': 'encounters.error.code.not_registered',
  'encounter.not_attendee': 'encounters.error.member.unknown',
  'encounter.not_found': 'encounters.error.gone',
  'encounter.closed': 'encounters.error.gone',
  'encounter.bad_code': 'encounters.error.code.invalid',
  'encounter.own_code': 'encounters.error.code.own',
  'encounter.self': 'encounters.error.code.own',
  'event.not_registered': 'encounters.error.not_registered',
  'encounter.too_early': 'encounters.error.early',
  'encounter.too_late': 'encounters.error.late',
  'encounter.declined_by_other': 'encounters.error.declined',
  'encounter.expired': 'encounters.error.expired',
  'encounter.confirmed': 'encounters.error.confirmed',
};
export function encounterError(e: unknown): string {
  const key = e instanceof ApiError && e.reason ? encounterKeys[e.reason] : undefined;
  return key ? t(key) : errorText(e);
}

// A live region inside an item: the place feedback about that item appears.
export function statusBox(): HTMLElement {
  return h('div', { class: 'item-status', 'aria-live': 'polite' });
}
export function show(box: HTMLElement, kind: 'ok' | 'error' | 'info', text: string, extra?: Node | null, focus = false): void {
  const msg = message(kind, text);
  box.replaceChildren(msg, extra ?? '');
  if (focus) { msg.setAttribute('tabindex', '-1'); msg.focus({ preventScroll: true }); }
}

// What to do next once a tie is real: a visit when the other hosts them, else their page.
export function nextStep(p: Person): HTMLElement | null {
  if (p.hidden || !p.member_id || !p.name) return null;
  return h('p', { class: 'next-step' }, p.hosts_visits
    ? h('a', { class: 'btn btn-small', href: `/visits?host=${p.member_id}` }, t('encounters.next.visit', { name: p.name }))
    : h('a', { href: `/members/${p.member_id}` }, t('encounters.next.member', { name: p.name })));
}

export function badgeFor(status: EncounterStatus | 'claimed' | 'asked'): HTMLElement {
  const cls = status === 'confirmed' ? 'badge real' : status === 'pending' || status === 'claimed' || status === 'asked' ? 'badge warn' : 'badge';
  const key = status === 'claimed' ? 'encounters.state.claimed' : status === 'asked' ? 'encounters.state.asked' : `encounters.status.${status}` as Key;
  return h('span', { class: `${cls} enc-state`, 'data-state': status }, t(key));
}

// Claims about me to confirm or decline, each with its own feedback.
// onChange runs after an answer (to refresh the rest of the page).
export function confirmList(items: Encounter[], onChange?: () => void): HTMLElement {
  return h('ul', { class: 'cards enc-list enc-confirm' }, items.map((e) => {
    const status = statusBox();
    const name = who(e.other, true);
    const answer = (action: 'confirm' | 'decline') => async (ev: Event) => {
      const b = ev.currentTarget as HTMLButtonElement;
      for (const x of actions.querySelectorAll('button')) x.disabled = true;
      try {
        const r = await api<Encounter>('POST', `/api/v1/encounters/${e.id}/${action}`);
        actions.replaceChildren(badgeFor(r.status));
        if (r.status === 'confirmed') show(status, 'ok', t('encounters.done.real', { name: who(r.other) }), nextStep(r.other), true);
        else show(status, 'ok', t('encounters.done.declined', { name: who(r.other) }), null, true);
        onChange?.();
      } catch (err) {
        for (const x of actions.querySelectorAll('button')) x.disabled = false;
        show(status, 'error', encounterError(err));
        b.focus();
      }
    };
    const actions = h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn btn-primary', 'aria-label': t('encounters.confirm.yes.label', { name }), onclick: answer('confirm') }, t('encounters.confirm.yes')),
      h('button', { type: 'button', class: 'btn', 'aria-label': t('encounters.confirm.no.label', { name }), onclick: answer('decline') }, t('encounters.confirm.no')));
    return h('li', { 'data-encounter': e.id }, h('article', { class: 'member-card' },
      avatar(e.other.name ?? '?'),
      h('div', { class: 'member-card-body' },
        h('p', { class: 'enc-claim' }, t('encounters.confirm.text', { name, event: e.event_title })),
        actions, status)));
  }));
}


function errorText(e: unknown): string {
  return feedbackErrorText(e);
}
