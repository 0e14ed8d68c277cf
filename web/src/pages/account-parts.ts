// Pieces the account pages share: the public page layout, error text for a
// failed call, a password field and a sector choice.
import { ApiError, sectors } from '../api';
import { sectorLabel } from '../app';
import { field, h } from '../dom';
import { errorText } from '../feedback';
import { t } from '../i18n';

// An API error as one line in the UI's language (feedback.ts errorText); a bad
// link in the mail and throttling get the account pages' own sentences.
export function errText(e: unknown): string {
  if (e instanceof ApiError && e.field === 'token' && !e.reason?.startsWith('invitation.')) {
    if (e.status === 409) return t('account.link.used');
    return e.reason === 'account.link_expired' ? t('account.link.expired') : t('account.link.invalid');
  }
  if (e instanceof ApiError && e.status === 429) return t('account.forgot.throttled');
  return errorText(e);
}

// The layout of the pages people see before they are signed in (like the login page).
export function publicLayout(title: string, intro: string | null, ...content: (Node | null)[]): HTMLElement {
  return h('div', { class: 'login' },
    h('div', { class: 'login-hero' }, h('h1', null, title), intro ? h('p', null, intro) : null),
    h('div', null, content));
}

export function passwordField(id: string, label: string, autocomplete = 'new-password'): { input: HTMLInputElement; el: HTMLElement } {
  const input = h('input', { type: 'password', id, name: id, autocomplete, required: true, minlength: 10, maxlength: 1024 });
  return { input, el: field(label, input, autocomplete === 'new-password' ? t('account.field.password.hint') : undefined) };
}

export async function sectorSelect(id: string): Promise<HTMLSelectElement> {
  const secs = await sectors();
  return h('select', { id, name: 'sector', required: true },
    h('option', { value: '' }, t('account.field.sector.choose')),
    secs.map((s) => h('option', { value: s.key }, sectorLabel(secs, s.key))));
}

export function textInput(id: string, attrs: Record<string, string | boolean | number> = {}): HTMLInputElement {
  return h('input', { type: 'text', id, name: id, maxlength: 200, ...attrs });
}

// The token from a link in a mail (?token=…), or '' when missing or malformed.
export function linkToken(query: URLSearchParams): string {
  const tok = query.get('token') ?? '';
  return /^[0-9a-f]{64}$/.test(tok) ? tok : '';
}
