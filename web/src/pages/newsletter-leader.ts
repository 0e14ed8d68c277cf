// The network leader's newsletter page: pick a month, see what goes in, preview
// it (as any subscriber, HTML in a sandboxed frame or as plain text), send a
// test to yourself, then send it to everyone — the server sends in the
// background and this page shows the progress as it goes. The preview frame
// may not run scripts (sandbox without allow-scripts; the server adds a CSP
// with default-src 'none'); it keeps this origin so it renders in-process.
import { api, ApiError, query, type Page } from '../api';
import type { PageCtx } from '../app';
import { field, h, message } from '../dom';
import { formatNumber, t, type Key } from '../i18n';
import { errorText, type Article } from './article-common';
import type { Progress } from './newsletter-common';

interface Subscriber { id: number; email: string; member_id: number | null; language: string; status: string }

function thisMonth(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' }).formatToParts(new Date());
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

export default async function newsletterLeaderPage(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('newsletter.leader.title'));
  const month = /^\d{4}-\d{2}$/.test(ctx.query.get('month') ?? '') ? ctx.query.get('month')! : thisMonth();
  const monthInput = h('input', { type: 'month', id: 'nl-month', name: 'month', value: month, required: true });
  const pick = h('form', { class: 'form card filters', method: 'get', action: '/leader/newsletter' },
    field(t('newsletter.leader.month'), monthInput), h('button', { type: 'submit', class: 'btn' }, t('newsletter.leader.show')));
  const status = h('div', { class: 'form-status', 'aria-live': 'polite', id: 'nl-status' });
  ctx.main.append(h('h1', null, t('newsletter.leader.title')), pick, status);

  const [subs, submitted] = await Promise.all([
    api<Page<Subscriber>>('GET', '/api/v1/newsletter/subscriptions' + query({ status: 'confirmed', limit: 500 })),
    api<Page<Article>>('GET', '/api/v1/articles' + query({ status: 'submitted', limit: 50 })),
  ]);

  // Articles waiting for the leader's approval.
  ctx.main.append(h('section', { class: 'card', 'aria-labelledby': 'h-submitted' },
    h('h2', { id: 'h-submitted' }, t('newsletter.leader.submitted')),
    submitted.items.length === 0 ? h('p', null, t('newsletter.leader.submitted.none'))
      : h('ul', { class: 'plain-list', id: 'submitted-list' }, submitted.items.map((a) =>
        h('li', null, h('a', { href: `/articles/${a.id}` }, a.title), a.author_name && h('span', { class: 'sub' }, ' · ' + a.author_name))))));

  // Preview as a subscriber.
  const as = h('select', { id: 'nl-preview-as', name: 'subscriber' },
    h('option', { value: '' }, t('newsletter.leader.preview.anon')),
    subs.items.map((s) => h('option', { value: String(s.id) }, s.email)));
  const previewUrl = (format: string) => '/api/v1/newsletter/preview' + query({ month, subscriber: as.value, format });
  const frame = h('iframe', {
    id: 'nl-preview', title: t('newsletter.leader.preview.frame'), sandbox: 'allow-same-origin', width: '100%', height: '640',
    src: previewUrl('html'), referrerpolicy: 'no-referrer',
  });
  const textLink = h('a', { href: previewUrl('text'), id: 'nl-preview-text', target: '_blank', rel: 'noopener' }, t('newsletter.leader.preview.text'));
  as.addEventListener('change', () => { frame.src = previewUrl('html'); textLink.href = previewUrl('text'); });

  // Content check: the preview endpoint says 409 when the month has nothing to send.
  let empty = false;
  try {
    const r = await fetch(previewUrl('text'), { credentials: 'same-origin', headers: { Accept: 'text/plain' } });
    empty = r.status === 409;
  } catch { /* the frame will show the error */ }

  const progressBar = h('progress', { id: 'nl-progress', max: 1, value: 0, 'aria-labelledby': 'h-send' });
  const progressText = h('p', { id: 'nl-progress-text', 'aria-live': 'polite' });
  const stateText = h('p', { id: 'nl-state' });
  const testBtn = h('button', { type: 'button', class: 'btn', id: 'nl-test' }, t('newsletter.leader.test'));
  const sendBtn = h('button', { type: 'button', class: 'btn btn-primary', id: 'nl-send' }, t('newsletter.leader.send'));
  let timer = 0;
  const show = (p: Progress) => {
    progressBar.max = Math.max(1, p.recipients);
    progressBar.value = p.done;
    progressText.textContent = p.state === 'not_started' ? '' : t('newsletter.leader.progress.text', {
      done: formatNumber(p.done), total: formatNumber(p.recipients), sent: formatNumber(p.sent),
      failed: formatNumber(p.failed), skipped: formatNumber(p.skipped),
    });
    stateText.textContent = t(`newsletter.leader.state.${p.state}` as Key, { error: p.last_error });
    sendBtn.disabled = empty || p.state === 'sent' || p.state === 'sending' || p.state === 'queued';
    progressBar.hidden = p.state === 'not_started';
  };
  const poll = async () => {
    if (!ctx.main.isConnected) return;  // the leader went elsewhere
    try {
      const p = await api<Progress>('GET', `/api/v1/newsletter/issues/${month}/send`);
      show(p);
      if (p.state === 'queued' || p.state === 'sending' || p.state === 'paused') timer = window.setTimeout(poll, 1000);
    } catch (e) {
      status.replaceChildren(message('error', errorText(e)));
    }
  };
  testBtn.addEventListener('click', async () => {
    testBtn.disabled = true;
    try {
      const r = await api<{ sent_to: string }>('POST', `/api/v1/newsletter/issues/${month}/test`);
      status.replaceChildren(message('ok', t('newsletter.leader.test.done', { email: r.sent_to })));
    } catch (e) {
      status.replaceChildren(message('error', errorText(e)));
    }
    testBtn.disabled = false;
  });
  sendBtn.addEventListener('click', async () => {
    if (!window.confirm(t('newsletter.leader.send.confirm', { month }))) return;
    sendBtn.disabled = true;
    try {
      show(await api<Progress>('POST', `/api/v1/newsletter/issues/${month}/send`));
      window.clearTimeout(timer);
      timer = window.setTimeout(poll, 500);
    } catch (e) {
      status.replaceChildren(message('error', errorText(e)));
      sendBtn.disabled = false;
    }
  });

  ctx.main.append(
    h('section', { class: 'card', 'aria-labelledby': 'h-content' },
      h('h2', { id: 'h-content' }, t('newsletter.leader.content', { month })),
      h('p', { class: 'meta', id: 'nl-subscribers' }, t('newsletter.leader.subscribers', { n: formatNumber(subs.total) })),
      empty ? message('info', t('newsletter.leader.empty')) : [
        field(t('newsletter.leader.preview.as'), as),
        frame,
        h('p', null, textLink)]),
    h('section', { class: 'card', 'aria-labelledby': 'h-send' },
      h('h2', { id: 'h-send' }, t('newsletter.leader.progress')),
      stateText, progressBar, progressText,
      h('p', { class: 'actions' }, testBtn, ' ', sendBtn)));
  testBtn.disabled = empty;
  try {
    show(await api<Progress>('GET', `/api/v1/newsletter/issues/${month}/send`));
    void poll();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    status.replaceChildren(message('error', errorText(e)));
  }
}
