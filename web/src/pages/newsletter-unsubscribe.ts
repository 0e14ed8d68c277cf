// The unsubscribe page behind the link in every newsletter. Opening it changes
// nothing (link scanners follow links): only the button unsubscribes. The same
// token opens the subscriber's preferences (language, topics).
import { api, ApiError } from '../api';
import { checkbox, field, h, message } from '../dom';
import { t } from '../i18n';
import type { PageCtx } from '../app';
import { errorText } from './article-common';
import { topicLabel, topics, type Preferences } from './newsletter-common';

export default async function unsubscribePage(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('newsletter.unsubscribe.title'));
  const token = ctx.params.token ?? '';
  const path = encodeURIComponent(token);
  ctx.main.append(h('h1', null, t('newsletter.unsubscribe.title')));
  let prefs: Preferences;
  try {
    prefs = await api<Preferences>('GET', `/api/v1/newsletter/preferences/${path}`);
  } catch (e) {
    ctx.main.append(message('error', e instanceof ApiError && e.status === 400 ? t('newsletter.unsubscribe.bad') : errorText(e)));
    return;
  }
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  if (prefs.status !== 'confirmed') {
    ctx.main.append(message('info', t('newsletter.unsubscribe.already')));
    return;
  }
  const button = h('button', { type: 'button', class: 'btn btn-danger', id: 'unsubscribe-btn' }, t('newsletter.unsubscribe.button'));
  const all = await topics().catch(() => []);
  const boxes = all.map((x) => h('input', {
    type: 'checkbox', id: `pref-topic-${x.key}`, name: 'topics', value: x.key, checked: prefs.topics.includes(x.key),
  }));
  const language = h('select', { id: 'pref-language', name: 'language' },
    (['nl', 'en'] as const).map((l) => h('option', { value: l, selected: prefs.language === l }, t(`newsletter.lang.${l}`))));
  const only = checkbox(t('newsletter.prefs.only'), 'topics_only', prefs.topics_only);
  const save = h('button', { type: 'submit', class: 'btn' }, t('newsletter.prefs.save'));
  const prefsForm = h('form', { class: 'form card', id: 'prefs-form', novalidate: true },
    h('h2', null, t('newsletter.prefs.title')),
    field(t('newsletter.subscribe.language'), language),
    all.length > 0 && h('fieldset', { class: 'field' }, h('legend', null, t('newsletter.subscribe.topics')),
      all.map((x, i) => h('div', { class: 'field check' }, boxes[i], h('label', { for: boxes[i].id }, topicLabel(x))))),
    all.length > 0 && only, save);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api('POST', `/api/v1/newsletter/unsubscribe/${path}`);
      prefsForm.remove();
      button.remove();
      status.replaceChildren(message('ok', t('newsletter.unsubscribe.done')));
    } catch (e) {
      status.replaceChildren(message('error', errorText(e)));
      button.disabled = false;
    }
  });
  prefsForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    save.disabled = true;
    try {
      await api('PUT', `/api/v1/newsletter/preferences/${path}`, {
        language: language.value, topics: boxes.filter((b) => b.checked).map((b) => b.value),
        topics_only: (only.querySelector('input') as HTMLInputElement).checked,
      });
      status.replaceChildren(message('ok', t('newsletter.prefs.saved')));
    } catch (err) {
      status.replaceChildren(message('error', errorText(err)));
    }
    save.disabled = false;
  });
  ctx.main.append(h('p', { class: 'lead' }, t('newsletter.unsubscribe.intro', { email: prefs.email })),
    h('p', null, button), status, prefsForm);
}
