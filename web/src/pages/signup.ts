// Sign-up: name, e-mail, password, sector, organization. The account exists
// once the e-mail address is confirmed (the link in the mail, /signup/confirm).
import { api } from '../api';
import type { PageCtx } from '../app';
import { field, h, message } from '../dom';
import { getLang, t } from '../i18n';
import { errText, passwordField, publicLayout, sectorSelect, textInput } from './account-parts';

export default async function signup(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('account.signup.title'));
  const { mode } = await api<{ mode: string }>('GET', '/api/v1/auth/signup-mode');
  if (mode !== 'open') {
    ctx.main.append(publicLayout(t('account.signup.title'), null, h('div', { class: 'card' },
      message('info', t('account.signup.closed')), h('p', null, h('a', { href: '/login' }, t('account.signup.have'))))));
    return;
  }
  const name = textInput('su-name', { required: true, autocomplete: 'name' });
  const email = h('input', { type: 'email', id: 'su-email', name: 'email', required: true, autocomplete: 'email', maxlength: 254 });
  const pw = passwordField('su-password', t('account.field.password'));
  const sector = await sectorSelect('su-sector');
  const org = textInput('su-organization', { required: true, autocomplete: 'organization' });
  const status = h('div', { class: 'form-status' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('account.signup.submit'));
  const form = h('form', { class: 'card form', id: 'signup-form' },
    field(t('account.field.name'), name), field(t('account.field.email'), email), pw.el,
    field(t('account.field.sector'), sector), field(t('account.field.organization'), org), status, submit,
    h('p', null, h('a', { href: '/login' }, t('account.signup.have'))));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.replaceChildren();
    submit.disabled = true;
    try {
      await api('POST', '/api/v1/auth/signup', {
        name: name.value.trim(), email: email.value.trim(), password: pw.input.value, sector: sector.value,
        organization: org.value.trim(), language: getLang(),
      });
      form.replaceChildren(message('ok', t('account.signup.sent', { email: email.value.trim() })));
    } catch (e) {
      status.append(message('error', errText(e)));
      submit.disabled = false;
    }
  });
  ctx.main.append(publicLayout(t('account.signup.title'), t('account.signup.intro'), form));
}
