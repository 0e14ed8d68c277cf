// One article, read as sanitised HTML. Its author (until published) and the
// network leader may edit it; the leader approves and publishes submissions.
import { api } from '../api';
import { isOrganizer, state, type PageCtx } from '../app';
import { append, h, message } from '../dom';
import { formatDate, t } from '../i18n';
import { articleBody, articleStatusBadge, errorText, type Article } from './article-common';

export default async function articlePage(ctx: PageCtx): Promise<void> {
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const render = (a: Article, note?: string) => {
    ctx.setTitle(a.title);
    const mine = state.session?.me.member.id === a.author_id;
    const canEdit = isOrganizer() || (mine && a.status !== 'published');
    const publish = isOrganizer() && a.status !== 'published'
      ? h('button', { type: 'button', class: 'btn btn-primary', id: 'publish-btn' }, t('newsletter.article.publish')) : null;
    publish?.addEventListener('click', async () => {
      publish.setAttribute('disabled', '');
      try {
        const p = await api<Article>('POST', `/api/v1/articles/${a.id}/publish`);
        ctx.main.replaceChildren();
        render(p, t('newsletter.article.published.now'));
      } catch (e) {
        status.replaceChildren(message('error', errorText(e)));
        publish.removeAttribute('disabled');
      }
    });
    if (note) status.replaceChildren(message('ok', note));
    append(ctx.main, [
      h('p', null, h('a', { href: '/articles' }, '← ' + t('newsletter.articles.back'))),
      h('article', { class: 'article', lang: a.language },
        h('h1', null, a.title),
        h('p', { class: 'meta' }, articleStatusBadge(a.status),
          a.author_name && h('span', null, ' ' + t('newsletter.articles.by', { name: a.author_name })),
          a.published_at && h('span', null, ' · ' + t('newsletter.articles.published', { date: formatDate(a.published_at) }))),
        a.summary && h('p', { class: 'lead' }, a.summary),
        articleBody(a.body_html),
        a.tags.length > 0 && h('p', { class: 'tags' }, a.tags.map((tag) => h('span', { class: 'tag' }, tag)))),
      status,
      (canEdit || publish) && h('p', { class: 'actions' },
        canEdit && h('a', { class: 'btn', href: `/articles/${a.id}/edit`, id: 'edit-link' }, t('newsletter.article.edit')), ' ', publish)]);
  };
  const a = await api<Article>('GET', `/api/v1/articles/${encodeURIComponent(ctx.params.id)}`);
  const note = ctx.query.get('submitted') ? t('newsletter.article.submitted') : ctx.query.get('saved') ? t('newsletter.article.saved') : undefined;
  render(a, note);
}
