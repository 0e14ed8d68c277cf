import { api, ApiError, setCsrf } from '../api';
import { loadSession, navigate, type PageCtx } from '../app';
import { field, h, message } from '../dom';
import { errorText } from '../feedback';
import { t } from '../i18n';
import { loginProviders } from './oidc-parts';

export default async function login(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('login.title'));
  const oidc = await loginProviders(ctx.query);  // LinkedIn, Microsoft, … (and their messages)
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true, id: 'login-email' });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true, id: 'login-password' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('login.submit'));
  const status = h('div', { class: 'form-status' });
  const form = h('form', { class: 'card form', novalidate: false },
    field(t('login.email'), email), field(t('login.password'), password), status, submit,
    h('p', { class: 'login-links' }, h('a', { href: '/reset' }, t('account.login.forgot'))),
    h('p', { class: 'login-links' }, h('a', { href: '/signup' }, t('account.login.signup'))));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.replaceChildren();
    submit.disabled = true;
    submit.textContent = t('login.busy');
    try {
      const r = await api<{ csrf_token: string }>('POST', '/api/v1/auth/login', { email: email.value, password: password.value });
      setCsrf(r.csrf_token);
      const linked = await oidc.afterPasswordLogin();
      await loadSession();
      if (linked) { navigate(linked, true); return; }
      const next = ctx.query.get('next');
      // Only same-site paths: never an open redirect.
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', true);
    } catch (e) {
      const text = e instanceof ApiError && e.status === 429 ? t('login.throttled')
        : e instanceof ApiError && (e.status === 401 || e.status === 400) ? t('login.failed')
        : errorText(e);
      status.append(message('error', text));
      submit.disabled = false;
      submit.textContent = t('login.submit');
      password.select();
    }
  });
  // Opened from someone's connect code (a phone's camera): say why to log in.
  const fromConnect = (ctx.query.get('next') ?? '').startsWith('/connect/');
  ctx.main.append(h('div', { class: 'login' },
    h('div', { class: 'login-hero' }, h('h1', null, t('login.title')), h('p', { class: 'lead' }, t('app.tagline')),
      fromConnect ? h('p', { class: 'msg msg-info', id: 'login-connect' }, t('encounters.login.hint')) : h('p', null, t('login.intro'))),
    h('div', null, oidc.top, form)));
}
