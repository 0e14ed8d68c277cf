// Write or edit an article in Markdown: members save drafts and submit them for
// approval; the network leader may publish at once.
import { api } from '../api';
import { isOrganizer, navigate, type PageCtx } from '../app';
import { field, h, message } from '../dom';
import { t } from '../i18n';
import { errorText, type Article, type ArticleStatus } from './article-common';

export default async function articleEditPage(ctx: PageCtx): Promise<void> {
  const editing = ctx.params.id !== undefined;
  const existing = editing ? await api<Article>('GET', `/api/v1/articles/${encodeURIComponent(ctx.params.id)}`) : null;
  ctx.setTitle(t(editing ? 'newsletter.edit.title.edit' : 'newsletter.edit.title.new'));
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const title = h('input', { type: 'text', id: 'a-title', name: 'title', required: true, maxlength: 200, value: existing?.title ?? '' });
  const summary = h('textarea', { id: 'a-summary', name: 'summary', rows: 3, maxlength: 500 });
  summary.value = existing?.summary ?? '';
  const tags = h('input', { type: 'text', id: 'a-tags', name: 'tags', maxlength: 700, value: existing?.tags.join(', ') ?? '' });
  const language = h('select', { id: 'a-language', name: 'language' },
    (['nl', 'en'] as const).map((l) => h('option', { value: l, selected: (existing?.language ?? 'nl') === l }, t(`newsletter.lang.${l}`))));
  const body = h('textarea', { id: 'a-body', name: 'body', rows: 14, required: true, maxlength: 100000 });
  body.value = existing?.body ?? '';
  const labels = {
    title: t('newsletter.field.title'), summary: t('newsletter.field.summary'), tags: t('newsletter.field.tags'),
    language: t('newsletter.field.language'), body: t('newsletter.field.body'),
  };
  const buttons: HTMLButtonElement[] = [];
  const button = (label: string, next: ArticleStatus, primary: boolean) => {
    const b = h('button', { type: 'submit', class: primary ? 'btn btn-primary' : 'btn', value: next }, label);
    buttons.push(b);
    return b;
  };
  const form = h('form', { class: 'form card', id: 'article-form', novalidate: true },
    field(labels.title, title), field(labels.summary, summary), field(labels.tags, tags), field(labels.language, language),
    field(labels.body, body, t('newsletter.edit.intro')),
    h('p', { class: 'actions' },
      existing?.status !== 'published' && button(t('newsletter.edit.draft'), 'draft', false), ' ',
      existing?.status !== 'published' && button(t('newsletter.edit.submit'), 'submitted', !isOrganizer()), ' ',
      isOrganizer() && button(t('newsletter.edit.publish'), 'published', true)));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const next = ((e as SubmitEvent).submitter as HTMLButtonElement | null)?.value as ArticleStatus | undefined ?? 'submitted';
    for (const b of buttons) b.disabled = true;
    const data: Record<string, unknown> = {
      title: title.value, summary: summary.value, body: body.value, language: language.value,
      tags: tags.value.split(',').map((s) => s.trim()).filter((s) => s.length > 0),
    };
    try {
      let a: Article;
      if (existing) {
        if (existing.status !== 'published' && next !== 'published') data.status = next;
        a = await api<Article>('PATCH', `/api/v1/articles/${existing.id}`, data);
      } else {
        a = await api<Article>('POST', '/api/v1/articles', { ...data, status: next === 'published' ? 'submitted' : next });
      }
      if (next === 'published' && a.status !== 'published') a = await api<Article>('POST', `/api/v1/articles/${a.id}/publish`);
      navigate(`/articles/${a.id}` + (a.status === 'submitted' ? '?submitted=1' : a.status === 'draft' ? '?saved=1' : ''));
    } catch (err) {
      status.replaceChildren(message('error', errorText(err, labels)));
      for (const b of buttons) b.disabled = false;
    }
  });
  ctx.main.append(
    h('p', null, h('a', { href: existing ? `/articles/${existing.id}` : '/articles' }, '← ' + t('newsletter.articles.back'))),
    h('h1', null, t(editing ? 'newsletter.edit.title.edit' : 'newsletter.edit.title.new')), status, form);
}
