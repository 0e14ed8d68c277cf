// Deleting my own account: a clear warning, the password and a tick box.
import { api, setCsrf } from '../api';
import { navigate, state, type PageCtx } from '../app';
import { checkbox, h, message } from '../dom';
import { t } from '../i18n';
import { errText, passwordField } from './account-parts';

export default function accountDelete(ctx: PageCtx): void {
  ctx.setTitle(t('account.delete.title'));
  const pw = passwordField('delete-password', t('account.delete.password'), 'current-password');
  pw.input.removeAttribute('minlength');
  const sure = checkbox(t('account.delete.confirm'), 'delete_confirm', false);
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'btn btn-danger' }, t('account.delete.submit'));
  const form = h('form', { class: 'card form', id: 'delete-form' },
    message('error', t('account.delete.warning')),
    h('p', null, t('account.delete.export'), ' ', h('a', { href: '/profile#h-data' }, t('profile.data.download'))),
    pw.el, sure, status, submit);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.replaceChildren();
    if (!(sure.querySelector('input') as HTMLInputElement).checked) {
      status.append(message('error', t('account.delete.must_confirm')));
      return;
    }
    submit.disabled = true;
    try {
      await api('POST', '/api/v1/me/delete', { password: pw.input.value });
      state.session = null;
      setCsrf('');
      navigate('/account/deleted', true);
    } catch (e) {
      status.append(message('error', errText(e)));
      submit.disabled = false;
    }
  });
  ctx.main.append(h('h1', null, t('account.delete.title')), form);
}
