// "Forgot your password?": asks for a reset link. The answer is the same
// whether or not the address has an account.
import { api, ApiError } from '../api';
import type { PageCtx } from '../app';
import { field, h, message } from '../dom';
import { t } from '../i18n';
import { errText, publicLayout } from './account-parts';

export default function resetRequest(ctx: PageCtx): void {
  ctx.setTitle(t('account.forgot.title'));
  const email = h('input', { type: 'email', id: 'forgot-email', name: 'email', required: true, autocomplete: 'username', maxlength: 254 });
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('account.forgot.submit'));
  const form = h('form', { class: 'card form', id: 'forgot-form' }, field(t('account.field.email'), email), status, submit,
    h('p', null, h('a', { href: '/login' }, t('account.confirm.login'))));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.replaceChildren();
    submit.disabled = true;
    try {
      await api('POST', '/api/v1/auth/password/forgot', { email: email.value.trim() });
      status.append(message('ok', t('account.forgot.sent', { email: email.value.trim() })));
    } catch (e) {
      status.append(message('error', e instanceof ApiError && e.status === 429 ? t('account.forgot.throttled') : errText(e)));
    } finally {
      submit.disabled = false;
    }
  });
  ctx.main.append(publicLayout(t('account.forgot.title'), t('account.forgot.intro'), form));
}
