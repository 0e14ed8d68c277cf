// Choosing a new password with the link from the reset mail. Every session of
// the account ends, so the person logs in again.
import { api } from '../api';
import { state, type PageCtx } from '../app';
import { h, message } from '../dom';
import { t } from '../i18n';
import { errText, linkToken, passwordField, publicLayout } from './account-parts';

export default function resetPassword(ctx: PageCtx): void {
  ctx.setTitle(t('account.reset.title'));
  const token = linkToken(ctx.query);
  if (!token) {
    ctx.main.append(publicLayout(t('account.reset.title'), null, h('div', { class: 'card' }, message('error', t('account.link.missing')))));
    return;
  }
  const pw = passwordField('reset-password', t('account.field.password.new'));
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('account.reset.submit'));
  const form = h('form', { class: 'card form', id: 'reset-form' }, pw.el, status, submit);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.replaceChildren();
    submit.disabled = true;
    try {
      await api('POST', '/api/v1/auth/password/reset', { token, password: pw.input.value });
      state.session = null;
      form.replaceChildren(message('ok', t('account.reset.done')),
        h('p', null, h('a', { class: 'btn btn-primary', href: '/login' }, t('account.confirm.login'))));
    } catch (e) {
      status.append(message('error', errText(e)));
      submit.disabled = false;
    }
  });
  ctx.main.append(publicLayout(t('account.reset.title'), null, form));
}
