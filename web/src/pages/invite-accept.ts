// Accepting an invitation: the link from the mail. The invitee chooses a
// password and fills in the profile; then they are signed in.
import { api, setCsrf } from '../api';
import { loadSession, navigate, type PageCtx } from '../app';
import { field, h, message } from '../dom';
import { t } from '../i18n';
import { errText, linkToken, passwordField, publicLayout, sectorSelect, textInput } from './account-parts';

interface InvitationInfo { email: string; name: string; language: string; expires_at: number }

export default async function inviteAccept(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('account.invite.title'));
  const token = linkToken(ctx.query);
  let info: InvitationInfo | null = null;
  let problem = t('account.link.missing');
  if (token) {
    try { info = await api<InvitationInfo>('POST', '/api/v1/auth/invitation/check', { token }); } catch (e) { problem = errText(e); }
  }
  if (!info) {
    ctx.main.append(publicLayout(t('account.invite.title'), null, h('div', { class: 'card' }, message('error', problem))));
    return;
  }
  const email = info.email;
  const name = textInput('inv-name', { required: true, autocomplete: 'name', value: info.name });
  const pw = passwordField('inv-password', t('account.field.password'));
  const sector = await sectorSelect('inv-sector');
  const org = textInput('inv-organization', { required: true, autocomplete: 'organization' });
  const title = textInput('inv-title', { autocomplete: 'organization-title' });
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('account.invite.submit'));
  const form = h('form', { class: 'card form', id: 'invite-form' },
    field(t('account.field.email'), h('input', { type: 'email', id: 'inv-email', value: email, readonly: true, autocomplete: 'username' })),
    field(t('account.field.name'), name), pw.el, field(t('account.field.sector'), sector),
    field(t('account.field.organization'), org), field(`${t('account.field.title')} ${t('account.field.optional')}`, title),
    status, submit);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.replaceChildren();
    submit.disabled = true;
    try {
      await api('POST', '/api/v1/auth/invitation/accept', {
        token, name: name.value.trim(), password: pw.input.value, sector: sector.value,
        organization: org.value.trim(), title: title.value.trim(),
      });
      const r = await api<{ csrf_token: string }>('POST', '/api/v1/auth/login', { email, password: pw.input.value });
      setCsrf(r.csrf_token);
      await loadSession();
      navigate('/profile', true);
    } catch (e) {
      status.append(message('error', errText(e)));
      submit.disabled = false;
    }
  });
  ctx.main.append(publicLayout(t('account.invite.title'), t('account.invite.intro', { email }), form));
}
