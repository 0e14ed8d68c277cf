// The network leader's invitations: invite one person or a pasted list, see
// pending invitations (resend, withdraw), and choose how people join.
import { api, type Page } from '../api';
import type { PageCtx } from '../app';
import { field, h, message } from '../dom';
import { formatDate, getLang, t } from '../i18n';
import { errText, textInput } from './account-parts';
import { mailStateInto } from './leader-mail-state';

interface Invitation {
  id: number; email: string; name: string; language: string; status: 'pending' | 'accepted' | 'revoked' | 'expired';
  sent_count: number; created_at: number; expires_at: number;
}
interface Invitee { email: string; name?: string }

// "Anja de Vries <anja@x.org>", "anja@x.org", "anja@x.org, Anja de Vries" or "Anja de Vries, anja@x.org".
export function parseInvitees(text: string): { invitees: Invitee[]; bad: { n: number; line: string } | null } {
  const invitees: Invitee[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    let m = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(line);
    if (m) { invitees.push({ email: m[2], name: m[1].replace(/^"|"$/g, '').trim() }); continue; }
    const parts = line.split(/[,;\t]/).map((p) => p.trim()).filter(Boolean);
    const email = parts.find((p) => /^[^\s@]+@[^\s@]+$/.test(p));
    if (!email) return { invitees, bad: { n: i + 1, line } };
    invitees.push({ email, name: parts.filter((p) => p !== email).join(' ') });
  }
  return { invitees, bad: null };
}

function languageSelect(id: string): HTMLSelectElement {
  return h('select', { id, name: 'language' },
    (['nl', 'en'] as const).map((l) => h('option', { value: l, selected: l === getLang() }, t(`account.lang.${l}`))));
}

export default async function invitations(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('account.invitations.title'));
  const status = h('div', { class: 'form-status', id: 'inv-status' });
  const listEl = h('ul', { class: 'challenges', id: 'inv-pending' });
  // Whether mail is set up, with what waits in the outbox (issue #17): refreshed after each send.
  const mailSlot = h('div', { id: 'inv-mail' });
  let mailConfigured = (await mailStateInto(mailSlot))?.configured ?? true;
  const refreshMail = async () => { mailConfigured = (await mailStateInto(mailSlot))?.configured ?? mailConfigured; };

  const drawList = async () => {
    const [pending, expired] = await Promise.all([
      api<Page<Invitation>>('GET', '/api/v1/invitations?status=pending&limit=500'),
      api<Page<Invitation>>('GET', '/api/v1/invitations?status=expired&limit=500'),
    ]);
    const items = [...pending.items, ...expired.items];
    if (items.length === 0) { listEl.replaceChildren(h('li', null, t('account.invitations.none'))); return; }
    listEl.replaceChildren(...items.map((inv) => {
      const resend = h('button', { type: 'button', class: 'btn btn-small' }, t('account.invitations.resend'));
      resend.addEventListener('click', async () => {
        try {
          await api('POST', `/api/v1/invitations/${inv.id}/resend`);
          await Promise.all([drawList(), refreshMail()]);
          status.replaceChildren(message('ok', t(mailConfigured ? 'account.invitations.resent' : 'account.invitations.resent.queued', { email: inv.email })));
        } catch (e) { status.replaceChildren(message('error', errText(e))); }
      });
      const revoke = h('button', { type: 'button', class: 'btn btn-small btn-danger' }, t('account.invitations.revoke'));
      revoke.addEventListener('click', async () => {
        try {
          await api('POST', `/api/v1/invitations/${inv.id}/revoke`);
          await drawList();
          status.replaceChildren(message('ok', t('account.invitations.revoked', { email: inv.email })));
        } catch (e) { status.replaceChildren(message('error', errText(e))); }
      });
      return h('li', null,
        h('h3', null, inv.name ? `${inv.name} · ${inv.email}` : inv.email),
        h('p', { class: 'meta' }, inv.status === 'expired'
          ? h('span', { class: 'badge warn' }, t('account.invitations.expired'))
          : t('account.invitations.expires', { date: formatDate(inv.expires_at) })),
        h('div', { class: 'actions' }, resend, revoke));
    }));
  };

  const send = async (invitees: Invitee[], language: string, done: () => void) => {
    status.replaceChildren();
    try {
      const r = await api<{ total: number }>('POST', '/api/v1/invitations', { invitees, language });
      done();
      await Promise.all([drawList(), refreshMail()]);
      // Sent, or (mail not set up) made and waiting in the outbox: never "sent" when nothing left.
      const key = mailConfigured ? (r.total === 1 ? 'account.invitations.sent.one' : 'account.invitations.sent')
        : (r.total === 1 ? 'account.invitations.queued.one' : 'account.invitations.queued');
      status.append(message('ok', t(key, { n: r.total })));
    } catch (e) { status.append(message('error', errText(e))); }
  };

  // One person.
  const email = h('input', { type: 'email', id: 'inv1-email', name: 'email', required: true, maxlength: 254 });
  const name = textInput('inv1-name');
  const lang1 = languageSelect('inv1-language');
  const single = h('form', { class: 'form', id: 'invite-single' },
    field(t('account.field.email'), email), field(`${t('account.field.name')} ${t('account.field.optional')}`, name),
    field(t('account.invitations.language'), lang1),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('account.invitations.send')));
  single.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void send([{ email: email.value.trim(), name: name.value.trim() }], lang1.value, () => { email.value = ''; name.value = ''; });
  });

  // A pasted list.
  const text = h('textarea', { id: 'inv-list', name: 'list', rows: 6 });
  const lang2 = languageSelect('inv-list-language');
  const many = h('form', { class: 'form', id: 'invite-list' },
    field(t('account.invitations.list.label'), text, t('account.invitations.list.hint')),
    field(t('account.invitations.language'), lang2),
    h('button', { type: 'submit', class: 'btn btn-primary' }, t('account.invitations.send.list')));
  many.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const { invitees, bad } = parseInvitees(text.value);
    if (bad) { status.replaceChildren(message('error', t('account.invitations.bad_line', bad))); return; }
    void send(invitees, lang2.value, () => { text.value = ''; });
  });

  // How people join.
  const { mode } = await api<{ mode: string }>('GET', '/api/v1/auth/signup-mode');
  const modeStatus = h('div', { class: 'form-status' });
  const modeForm = h('form', { class: 'form', id: 'signup-mode' },
    h('fieldset', { class: 'field' }, h('legend', null, t('account.invitations.mode')),
      (['open', 'invitation'] as const).map((m) => h('div', { class: 'check' },
        h('input', { type: 'radio', name: 'mode', id: 'mode-' + m, value: m, checked: m === mode }),
        h('label', { for: 'mode-' + m }, t(`account.invitations.mode.${m}`))))),
    modeStatus, h('button', { type: 'submit', class: 'btn' }, t('account.invitations.mode.save')));
  modeForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    modeStatus.replaceChildren();
    const v = (modeForm.querySelector('input[name=mode]:checked') as HTMLInputElement | null)?.value ?? mode;
    try {
      await api('PUT', '/api/v1/auth/signup-mode', { mode: v });
      modeStatus.append(message('ok', t('account.invitations.mode.saved')));
    } catch (e) { modeStatus.append(message('error', errText(e))); }
  });

  await drawList();
  ctx.main.append(h('h1', null, t('account.invitations.title')), mailSlot, status,
    h('section', { class: 'card', 'aria-labelledby': 'h-inv1' }, h('h2', { id: 'h-inv1' }, t('account.invitations.single')), single),
    h('section', { class: 'card', 'aria-labelledby': 'h-inv2' }, h('h2', { id: 'h-inv2' }, t('account.invitations.list')), many),
    h('section', { class: 'card', 'aria-labelledby': 'h-inv3' }, h('h2', { id: 'h-inv3' }, t('account.invitations.pending')), listEl),
    h('section', { class: 'card', 'aria-labelledby': 'h-inv4' }, h('h2', { id: 'h-inv4' }, t('account.invitations.mode')), modeForm));
}
