// The network leader's newsletter page: pick a month; write the issue (an
// introduction in Dutch and English, the articles and events it carries, in
// order — PUT /api/v1/newsletter/issues/{month}/edition); preview it as any
// subscriber (HTML in a sandboxed frame, or as plain text); send a test to
// yourself, then send it to everyone — the server sends in the background and
// this page shows the progress. The preview frame may not run scripts (sandbox
// without allow-scripts; the server adds a CSP with default-src 'none'); it
// keeps this origin so it renders in-process. Mail delivery's state is shown
// at the top when mail is not set up.
import { api, ApiError, query, type Page } from '../api';
import type { PageCtx } from '../app';
import { field, h, message } from '../dom';
import { confirmAction, show, showError } from '../feedback';
import { formatDate, formatDateTime, formatNumber, t, type Key } from '../i18n';
import { errorText, type Article } from './article-common';
import { mailStateBox } from './leader-mail-state';
import type { Progress } from './newsletter-common';

interface Subscriber { id: number; email: string; member_id: number | null; language: string; status: string }
interface CandidateArticle { id: number; title: string; summary: string; author_name: string; published_at: number }
interface CandidateEvent { id: number; title: string; kind: string; starts_at: number; location: string; free: boolean }
interface Edition {
  month: string; saved: boolean; intro_nl: string; intro_en: string; articles: number[]; events: number[]; updated_at: number | null;
  candidates: { articles: CandidateArticle[]; events: CandidateEvent[] };
}

function thisMonth(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' }).formatToParts(new Date());
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

// A list to choose from and order: chosen items first (in their order), then the rest.
// Each row: a checkbox and up/down buttons. chosen() gives the checked ids in list order.
function chooser<T extends { id: number; title: string }>(prefix: string, items: T[], chosen: number[], sub: (x: T) => string) {
  const order = [...chosen.filter((id) => items.some((x) => x.id === id)), ...items.map((x) => x.id).filter((id) => !chosen.includes(id))];
  const checked = new Set(chosen);
  const ul = h('ul', { class: 'edition-list', id: `${prefix}-list` });
  const draw = (focus?: string) => {
    ul.replaceChildren(...order.map((id, i) => {
      const x = items.find((y) => y.id === id)!;
      const box = h('input', { type: 'checkbox', id: `${prefix}-${id}`, value: String(id), checked: checked.has(id) });
      box.addEventListener('change', () => { if (box.checked) checked.add(id); else checked.delete(id); });
      const move = (d: number, key: string) => h('button', {
        type: 'button', class: 'btn btn-small move', id: `${prefix}-${key}-${id}`, disabled: i + d < 0 || i + d >= order.length,
        'aria-label': t(d < 0 ? 'newsletter.leader.up' : 'newsletter.leader.down', { title: x.title }),
        onclick: () => { [order[i], order[i + d]] = [order[i + d], order[i]]; draw(`${prefix}-${key}-${id}`); },
      }, d < 0 ? '↑' : '↓');
      return h('li', { 'data-id': String(id) },
        h('label', { for: box.id }, box, h('span', null, x.title, h('span', { class: 'sub' }, sub(x)))),
        move(-1, 'up'), move(1, 'down'));
    }));
    if (focus) {
      const el = document.getElementById(focus) as HTMLButtonElement | null;
      // At the end of the list the button is disabled: keep the focus on the row's other button.
      (el && !el.disabled ? el : el?.parentElement?.querySelector<HTMLButtonElement>('button:not([disabled])'))?.focus();
    }
  };
  draw();
  return { el: ul, chosen: () => order.filter((id) => checked.has(id)) };
}

export default async function newsletterLeaderPage(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('newsletter.leader.title'));
  const month = /^\d{4}-\d{2}$/.test(ctx.query.get('month') ?? '') ? ctx.query.get('month')! : thisMonth();
  const monthInput = h('input', { type: 'month', id: 'nl-month', name: 'month', value: month, required: true });
  const pick = h('form', { class: 'form card filters', method: 'get', action: '/leader/newsletter' },
    field(t('newsletter.leader.month'), monthInput), h('button', { type: 'submit', class: 'btn' }, t('newsletter.leader.show')));
  const status = h('div', { class: 'form-status', 'aria-live': 'polite', id: 'nl-status' });

  const [subs, submitted, edition, mail] = await Promise.all([
    api<Page<Subscriber>>('GET', '/api/v1/newsletter/subscriptions' + query({ status: 'confirmed', limit: 500 })),
    api<Page<Article>>('GET', '/api/v1/articles' + query({ status: 'submitted', limit: 50 })),
    api<Edition>('GET', `/api/v1/newsletter/issues/${month}/edition`),
    mailStateBox(),
  ]);
  ctx.main.append(h('h1', null, t('newsletter.leader.title')), mail ?? '', pick, status);

  // Articles waiting for the leader's approval.
  ctx.main.append(h('section', { class: 'card', 'aria-labelledby': 'h-submitted' },
    h('h2', { id: 'h-submitted' }, t('newsletter.leader.submitted')),
    submitted.items.length === 0 ? h('p', null, t('newsletter.leader.submitted.none'))
      : h('ul', { class: 'plain-list', id: 'submitted-list' }, submitted.items.map((a) =>
        h('li', null, h('a', { href: `/articles/${a.id}` }, a.title), a.author_name && h('span', { class: 'sub' }, ' · ' + a.author_name))))));

  // The editor.
  const introNl = h('textarea', { id: 'nl-intro-nl', name: 'intro_nl', rows: 6, maxlength: 20000, lang: 'nl' }, edition.intro_nl);
  const introEn = h('textarea', { id: 'nl-intro-en', name: 'intro_en', rows: 6, maxlength: 20000, lang: 'en' }, edition.intro_en);
  const articles = chooser('nl-art', edition.candidates.articles, edition.articles,
    (a) => [a.author_name, a.published_at ? formatDate(a.published_at) : ''].filter(Boolean).join(' · '));
  const events = chooser('nl-ev', edition.candidates.events, edition.events,
    (e) => [formatDateTime(e.starts_at), e.location].filter(Boolean).join(' · '));
  const saveBtn = h('button', { type: 'submit', class: 'btn btn-primary', id: 'nl-save' }, t('newsletter.leader.save'));
  const savedState = h('p', { class: 'meta', id: 'nl-saved-state' },
    edition.saved && edition.updated_at ? t('newsletter.leader.savedat', { when: formatDateTime(edition.updated_at) }) : t('newsletter.leader.unsaved'));
  const editor = h('form', { class: 'card form', id: 'nl-editor', 'aria-labelledby': 'h-edit', novalidate: true },
    h('h2', { id: 'h-edit' }, t('newsletter.leader.edit')),
    h('p', null, t('newsletter.leader.edit.intro')),
    savedState,
    h('div', { class: 'intro-fields' },
      field(t('newsletter.leader.intro_nl'), introNl, t('newsletter.leader.intro.hint')),
      field(t('newsletter.leader.intro_en'), introEn)),
    h('fieldset', { class: 'field' }, h('legend', null, t('newsletter.leader.articles')),
      edition.candidates.articles.length ? articles.el : h('p', null, t('newsletter.leader.articles.none'))),
    h('fieldset', { class: 'field' }, h('legend', null, t('newsletter.leader.events')),
      edition.candidates.events.length ? events.el : h('p', null, t('newsletter.leader.events.none'))),
    h('div', { class: 'actions' }, saveBtn));

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
  const previewBody = h('div', { id: 'nl-preview-body' });

  // Content check: the preview endpoint says 409 when the month has nothing to send.
  let empty = false;
  const checkContent = async () => {
    try {
      const r = await fetch(previewUrl('text'), { credentials: 'same-origin', headers: { Accept: 'text/plain' } });
      empty = r.status === 409;
    } catch { /* the frame will show the error */ }
    previewBody.replaceChildren(...(empty ? [message('info', t('newsletter.leader.empty'))] : [
      field(t('newsletter.leader.preview.as'), as), frame, h('p', null, textLink)]));
  };
  await checkContent();

  const progressBar = h('progress', { id: 'nl-progress', max: 1, value: 0, 'aria-labelledby': 'h-send' });
  const progressText = h('p', { id: 'nl-progress-text', 'aria-live': 'polite' });
  const stateText = h('p', { id: 'nl-state' });
  const testBtn = h('button', { type: 'button', class: 'btn', id: 'nl-test' }, t('newsletter.leader.test'));
  const sendBtn = h('button', { type: 'button', class: 'btn btn-primary', id: 'nl-send' }, t('newsletter.leader.send'));
  let timer = 0;
  let lastState = 'not_started';
  const showProgress = (p: Progress) => {
    lastState = p.state;
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
      showProgress(p);
      if (p.state === 'queued' || p.state === 'sending' || p.state === 'paused') timer = window.setTimeout(poll, 1000);
    } catch (e) {
      status.replaceChildren(message('error', errorText(e)));
    }
  };
  editor.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    saveBtn.disabled = true;
    try {
      const saved = await api<Edition>('PUT', `/api/v1/newsletter/issues/${month}/edition`, {
        intro_nl: introNl.value, intro_en: introEn.value, articles: articles.chosen(), events: events.chosen(),
      });
      savedState.textContent = saved.updated_at ? t('newsletter.leader.savedat', { when: formatDateTime(saved.updated_at) }) : '';
      await checkContent();
      frame.src = previewUrl('html');
      testBtn.disabled = empty;
      if (lastState === 'not_started') sendBtn.disabled = empty;
      show('ok', t('newsletter.leader.saved'), saveBtn);
    } catch (e) {
      showError(e, saveBtn);
    }
    saveBtn.disabled = false;
  });
  testBtn.addEventListener('click', async () => {
    testBtn.disabled = true;
    try {
      const r = await api<{ sent_to: string }>('POST', `/api/v1/newsletter/issues/${month}/test`);
      show('ok', t('newsletter.leader.test.done', { email: r.sent_to }), testBtn);
    } catch (e) {
      showError(e, testBtn);
    }
    testBtn.disabled = false;
  });
  sendBtn.addEventListener('click', async () => {
    const ok = await confirmAction({
      title: t('newsletter.leader.send.title', { month }), text: t('newsletter.leader.send.text', { n: formatNumber(subs.total) }),
      confirm: t('newsletter.leader.send.yes'),
    });
    if (!ok) return;
    sendBtn.disabled = true;
    try {
      showProgress(await api<Progress>('POST', `/api/v1/newsletter/issues/${month}/send`));
      show('ok', t('newsletter.leader.send.started'), sendBtn);
      window.clearTimeout(timer);
      timer = window.setTimeout(poll, 500);
    } catch (e) {
      showError(e, sendBtn);
      sendBtn.disabled = false;
    }
  });

  ctx.main.append(
    editor,
    h('section', { class: 'card', 'aria-labelledby': 'h-content' },
      h('h2', { id: 'h-content' }, t('newsletter.leader.content', { month })),
      h('p', { class: 'meta', id: 'nl-subscribers' }, t('newsletter.leader.subscribers', { n: formatNumber(subs.total) })),
      previewBody),
    h('section', { class: 'card', 'aria-labelledby': 'h-send' },
      h('h2', { id: 'h-send' }, t('newsletter.leader.progress')),
      stateText, progressBar, progressText,
      h('p', { class: 'actions' }, testBtn, ' ', sendBtn)));
  testBtn.disabled = empty;
  try {
    showProgress(await api<Progress>('GET', `/api/v1/newsletter/issues/${month}/send`));
    void poll();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    status.replaceChildren(message('error', errorText(e)));
  }
}
