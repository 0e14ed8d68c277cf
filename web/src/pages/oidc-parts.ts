// Sign-in with other accounts (OpenID Connect: LinkedIn, Microsoft, the
// organisation's own): the login page's buttons and messages — errors coming
// back from a provider (?oidc_error=…) and the confirm-with-password step
// (?oidc_link=…) — and the linked sign-ins on the profile page. Strings:
// 'account.oidc.*' in ../strings/account.ts. Server side: src/api/routes_oidc.cpp.
import { api, ApiError } from '../api';
import { h, message } from '../dom';
import { errorText, show } from '../feedback';
import { formatDate, getLang, t, type Key } from '../i18n';

export interface SignInProvider { name: string; label: string; preset: string; start_url: string }
interface Providers { items: SignInProvider[]; password_login: boolean }
interface Linked { id: number; provider: string; label: string; email: string; created_at: number; last_used_at: number }

const ERRORS = ['denied', 'state', 'code', 'token', 'email', 'signup', 'taken', 'disabled', 'unavailable', 'provider'];

export async function signInProviders(): Promise<Providers> {
  try {
    return await api<Providers>('GET', '/api/v1/auth/providers');
  } catch {
    return { items: [], password_login: true };  // the password form still works
  }
}

const labelOf = (list: SignInProvider[], name: string): string => list.find((p) => p.name === name)?.label ?? name;

// The message for ?oidc_error=<code>&provider=<name>, or null.
export function oidcErrorMessage(query: URLSearchParams, list: SignInProvider[]): HTMLElement | null {
  const code = query.get('oidc_error');
  if (!code) return null;
  const key = `account.oidc.error.${ERRORS.includes(code) ? code : 'provider'}` as Key;
  const el = message('error', t(key, { label: labelOf(list, query.get('provider') ?? '') }));
  el.id = 'oidc-error';
  return el;
}

export interface LoginProviders {
  top: HTMLElement;           // messages and the provider buttons, above the password form
  passwordLogin: boolean;
  // After a password sign-in: links a pending provider sign-in (?oidc_link=…);
  // answers where to go instead of the usual next page, or null.
  afterPasswordLogin(): Promise<string | null>;
}

export async function loginProviders(query: URLSearchParams): Promise<LoginProviders> {
  const p = await signInProviders();
  const link = query.get('oidc_link');
  const provider = query.get('provider') ?? '';
  const label = labelOf(p.items, provider);
  const buttons = p.items.map((x) => h('a', {
    // target: a real page load (the app's router keeps other same-origin links to itself).
    class: `btn btn-block btn-oidc btn-oidc-${x.preset}`, href: `${x.start_url}?lang=${getLang()}`, target: '_self', 'data-provider': x.name,
  }, t('account.oidc.with', { label: x.label })));
  const notice = link ? h('p', { class: 'msg msg-info', id: 'oidc-link', role: 'status' }, t('account.oidc.link.intro', { label })) : null;
  const top = h('div', { class: 'oidc-login' }, oidcErrorMessage(query, p.items), notice,
    buttons.length ? h('div', { class: 'oidc-buttons' }, buttons) : null,
    buttons.length ? h('p', { class: 'oidc-or' }, p.password_login ? t('account.oidc.or') : t('account.oidc.password_off')) : null);
  return {
    top,
    passwordLogin: p.password_login,
    async afterPasswordLogin() {
      if (!link) return null;
      try {
        await api('POST', '/api/v1/auth/oidc/confirm', { token: link });
        return `/profile?oidc_linked=${encodeURIComponent(provider)}`;
      } catch {
        // Signed in all the same; the link expired (15 minutes) or was used: say so there.
        return `/profile?oidc_error=state&provider=${encodeURIComponent(provider)}`;
      }
    },
  };
}

// The profile page's section: linked sign-ins (remove), providers to link (add).
// `admin`: also the switch for password sign-in (admins keep theirs either way).
export async function signInsSection(query: URLSearchParams, admin: boolean): Promise<HTMLElement | null> {
  const p = await signInProviders();
  let mine: { items: Linked[]; has_password: boolean };
  try {
    mine = await api('GET', '/api/v1/me/sign-ins');
  } catch {
    return null;
  }
  if (!p.items.length && !mine.items.length) return null;  // nothing configured, nothing linked
  const status = h('div', { class: 'form-status' });
  const list = h('ul', { class: 'sign-ins', id: 'sign-ins' });
  const adds = h('div', { class: 'actions' });
  const draw = () => {
    list.replaceChildren(...(mine.items.length ? mine.items.map((i) => {
      const remove = h('button', { type: 'button', class: 'btn btn-small btn-danger' }, t('account.oidc.settings.remove'));
      remove.addEventListener('click', async () => {
        try {
          await api('DELETE', `/api/v1/me/sign-ins/${i.id}`);
          mine.items = mine.items.filter((x) => x.id !== i.id);
          draw();
          show('ok', t('account.oidc.settings.removed', { label: i.label }), status);
        } catch (e) {
          show('error', e instanceof ApiError && e.status === 409 ? t('account.oidc.settings.only') : errorText(e), status);
        }
      });
      return h('li', { 'data-provider': i.provider }, h('strong', null, i.label), i.email ? ` — ${i.email}` : '',
        h('span', { class: 'meta' }, ' ', t('account.oidc.settings.linked', { date: formatDate(i.created_at) })), ' ', remove);
    }) : [h('li', { class: 'meta' }, t('account.oidc.settings.none'))]));
    adds.replaceChildren(...p.items.filter((x) => !mine.items.some((i) => i.provider === x.name)).map((x) => {
      const add = h('button', { type: 'button', class: 'btn btn-small', 'data-provider': x.name }, t('account.oidc.settings.add', { label: x.label }));
      add.addEventListener('click', async () => {
        try {
          const r = await api<{ url: string }>('POST', '/api/v1/me/sign-ins', { provider: x.name, lang: getLang() });
          window.location.assign(r.url);
        } catch (e) { show('error', errorText(e), status); }
      });
      return add;
    }));
  };
  draw();
  const linked = query.get('oidc_linked');
  const note = linked ? message('ok', t('account.oidc.link.done', { label: labelOf(p.items, linked) })) : oidcErrorMessage(query, p.items);
  let adminBox: HTMLElement | null = null;
  if (admin) {
    const box = h('input', { type: 'checkbox', id: 'password-login', checked: p.password_login });
    const saved = h('div', { class: 'form-status' });
    box.addEventListener('change', async () => {
      try {
        await api('PUT', '/api/v1/auth/password-login', { enabled: box.checked });
        show('ok', t('account.oidc.admin.saved'), saved);
      } catch (e) {
        box.checked = !box.checked;
        show('error', errorText(e), saved);
      }
    });
    adminBox = h('div', { class: 'oidc-admin' }, h('h3', null, t('account.oidc.admin.title')),
      h('div', { class: 'field check' }, box, h('label', { for: 'password-login' }, t('account.oidc.admin.on'))), saved);
  }
  return h('section', { class: 'card', id: 'sign-ins-card', 'aria-labelledby': 'sign-ins-h' },
    h('h2', { id: 'sign-ins-h' }, t('account.oidc.settings.title')), note, h('p', { class: 'hint' }, t('account.oidc.settings.intro')),
    list, adds, status, adminBox);
}
