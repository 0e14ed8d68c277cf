// The public subscribe page: e-mail address, language and (optional) topics.
// The server answers the same whether or not the address was subscribed, and
// mails a confirmation link (double opt-in). The form is also on the front door.
import { api } from '../api';
import { field, h, message } from '../dom';
import { getLang, t } from '../i18n';
import type { PageCtx } from '../app';
import { errorText } from './article-common';
import { topicLabel, topics } from './newsletter-common';

// The sign-up form with its status line; `compact` leaves the topics out (the front door).
export async function subscribeForm(compact = false): Promise<HTMLElement> {
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const email = h('input', { type: 'email', id: 'nl-email', name: 'email', required: true, maxlength: 254, autocomplete: 'email' });
  const language = h('select', { id: 'nl-language', name: 'language' },
    (['nl', 'en'] as const).map((l) => h('option', { value: l, selected: getLang() === l }, t(`newsletter.lang.${l}`))));
  const all = compact ? [] : await topics().catch(() => []);
  const boxes = all.map((x) => h('input', { type: 'checkbox', id: `nl-topic-${x.key}`, name: 'topics', value: x.key }));
  const labels = { email: t('newsletter.subscribe.email'), language: t('newsletter.subscribe.language'), topics: t('newsletter.subscribe.topics') };
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('newsletter.subscribe.submit'));
  const form = h('form', { class: compact ? 'form' : 'form card', id: 'subscribe-form', novalidate: true },
    field(labels.email, email), field(labels.language, language),
    all.length > 0 && h('fieldset', { class: 'field' }, h('legend', null, labels.topics),
      h('p', { class: 'hint' }, t('newsletter.subscribe.topics.hint')),
      all.map((x, i) => h('div', { class: 'field check' }, boxes[i], h('label', { for: boxes[i].id }, topicLabel(x))))),
    submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.disabled = true;
    try {
      await api('POST', '/api/v1/newsletter/subscriptions', {
        email: email.value, language: language.value, topics: boxes.filter((b) => b.checked).map((b) => b.value),
      });
      status.replaceChildren(message('ok', t('newsletter.subscribe.done', { email: email.value.trim() })));
      form.reset();
    } catch (err) {
      status.replaceChildren(message('error', errorText(err, labels)));
    }
    submit.disabled = false;
  });
  return h('div', null, status, form);
}

export default async function subscribePage(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('newsletter.subscribe.title'));
  ctx.main.append(h('h1', null, t('newsletter.subscribe.title')), h('p', { class: 'lead' }, t('newsletter.subscribe.intro')),
    await subscribeForm());
}
