// Confirming the e-mail address of a sign-up: the link from the mail. A button
// (not an automatic call), so a mail scanner that opens links confirms nothing.
import { api } from '../api';
import type { PageCtx } from '../app';
import { h, message } from '../dom';
import { t } from '../i18n';
import { errText, linkToken, publicLayout } from './account-parts';

export default function signupConfirm(ctx: PageCtx): void {
  ctx.setTitle(t('account.confirm.title'));
  const token = linkToken(ctx.query);
  const status = h('div', { class: 'form-status' });
  if (!token) {
    ctx.main.append(publicLayout(t('account.confirm.title'), null, h('div', { class: 'card' }, message('error', t('account.link.missing')))));
    return;
  }
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('account.confirm.submit'));
  const form = h('form', { class: 'card form', id: 'confirm-form' }, h('p', null, t('account.confirm.text')), status, submit);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.replaceChildren();
    submit.disabled = true;
    try {
      await api('POST', '/api/v1/auth/signup/confirm', { token });
      form.replaceChildren(message('ok', t('account.confirm.done')),
        h('p', null, h('a', { class: 'btn btn-primary', href: '/login' }, t('account.confirm.login'))));
    } catch (e) {
      status.append(message('error', errText(e)));
      submit.disabled = false;
    }
  });
  ctx.main.append(publicLayout(t('account.confirm.title'), null, form));
}
