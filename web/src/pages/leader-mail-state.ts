// The state of mail delivery for the leader's pages where mail is involved
// (members and invitations, the newsletter, settings): nothing when mail is set
// up and nothing failed; else one line — "Mail is not set up: 3 invitations
// wait in the outbox." — with a link to the settings page.
import { api } from '../api';
import { h } from '../dom';
import { t, type Key } from '../i18n';

export interface MailStatus {
  configured: boolean; missing: string[]; from_email: string; failed: number;
  waiting: { total: number; invitations: number; confirmations: number; password_resets: number; notifications: number };
}

export function mailStatus(): Promise<MailStatus> {
  return api<MailStatus>('GET', '/api/v1/mail/status');
}

function count(n: number, one: Key, many: Key): string {
  return n === 1 ? t(one) : t(many, { n });
}

// The line as text, or '' when there is nothing to say.
export function mailStateText(s: MailStatus): string {
  const parts: string[] = [];
  if (!s.configured) {
    const w = s.waiting;
    if (w.total === 0) parts.push(t('leader.mail.off'));
    else {
      const what = w.invitations > 0 && w.invitations === w.total
        ? count(w.invitations, 'leader.mail.waiting.invitations.one', 'leader.mail.waiting.invitations')
        : w.invitations > 0
          ? `${count(w.invitations, 'leader.mail.waiting.invitations.one', 'leader.mail.waiting.invitations')} + ${count(w.total - w.invitations, 'leader.mail.waiting.mails.one', 'leader.mail.waiting.mails')}`
          : count(w.total, 'leader.mail.waiting.mails.one', 'leader.mail.waiting.mails');
      parts.push(t('leader.mail.waiting', { what }));
    }
  }
  if (s.failed > 0) parts.push(t('leader.mail.failed', { n: s.failed }));
  return parts.join(' ');
}

function box(s: MailStatus): HTMLElement | null {
  const text = mailStateText(s);
  if (!text) return null;
  return h('div', { class: 'msg msg-info mail-state', id: 'mail-state', role: 'status' },
    h('p', null, text), h('a', { href: '/leader/settings' }, t('leader.mail.settings')));
}

// A warning box with a link to the settings, or null (also when the status cannot be read).
export async function mailStateBox(): Promise<HTMLElement | null> {
  try { return box(await mailStatus()); } catch { return null; }
}

// Fills `slot` with the box (or empties it) and returns the status, so a page
// can word what it just did ("waits in the outbox"); null when it cannot be read.
export async function mailStateInto(slot: HTMLElement): Promise<MailStatus | null> {
  let s: MailStatus;
  try { s = await mailStatus(); } catch { slot.replaceChildren(); return null; }
  const b = box(s);
  slot.replaceChildren(...(b ? [b] : []));
  return s;
}
