// Ask the network: title, text, tags, own sector. After asking, the question's
// page shows whom it was routed to and why. `?challenge=ID` (the home page's
// "Ask the network" beside an open challenge of one's own) fills in its title
// and text and asks about that challenge (challenge_id); while a question about
// it is open, the page links to that question instead of asking twice.
import { api, ApiError, sectors } from '../api';
import { me, navigate, sectorLabel, type PageCtx } from '../app';
import { field, h, message } from '../dom';
import { t } from '../i18n';
import { askedAbout, myOpenQuestions } from './my-questions';
import { errorText, type QuestionDetail } from './question-common';

export default async function questionNewPage(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('questions.new.title'));
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const title = h('input', { type: 'text', id: 'q-title', name: 'title', required: true, minlength: 3, maxlength: 200 });
  const text = h('textarea', { id: 'q-text', name: 'text', rows: 5, maxlength: 4000 });
  const tags = h('input', { type: 'text', id: 'q-tags', name: 'tags', maxlength: 700 });
  const sector = h('select', { id: 'q-sector', name: 'sector' });
  const own = me().member.sector;
  // From the home page's "Ask the network" beside an open challenge of one's own: start from its words.
  const from = me().member.challenges.find((c) => String(c.id) === ctx.query.get('challenge') && c.status === 'open');
  const intro: HTMLElement[] = [];
  if (from) {
    const open = await myOpenQuestions().then((p) => askedAbout(p, from.id)).catch(() => undefined);
    if (open) {
      ctx.main.append(
        h('p', null, h('a', { href: '/questions' }, '← ' + t('questions.back'))),
        h('h1', null, t('questions.new.title')),
        h('div', { class: 'card', id: 'already-asked' },
          h('p', null, t('questions.new.already', { title: from.title })),
          h('p', { class: 'actions' }, h('a', { class: 'btn btn-primary', href: `/questions/${open.id}` }, t('questions.new.already.open')),
            h('a', { class: 'btn', href: '/questions/new' }, t('questions.new.other')))));
      return;
    }
    title.value = from.title;
    text.value = from.text;
    intro.push(h('p', { class: 'hint', id: 'from-challenge' }, t('questions.new.from', { title: from.title })));
  }
  try {
    const all = await sectors();
    sector.append(h('option', { value: '' }, t('questions.field.sector.none')),
      ...all.map((s) => h('option', { value: s.key, selected: s.key === own }, sectorLabel(all, s.key))));
  } catch { sector.append(h('option', { value: own ?? '' }, own ?? '')); }
  const labels = {
    title: t('questions.field.title'), text: t('questions.field.text'), tags: t('questions.field.tags'),
    sector: t('questions.field.sector'),
  };
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('questions.submit'));
  const form = h('form', { class: 'form card', id: 'ask-form', novalidate: true },
    field(labels.title, title, t('questions.field.title.hint')),
    field(labels.text, text),
    field(labels.tags, tags, t('questions.field.tags.hint')),
    field(labels.sector, sector),
    submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.disabled = true;
    try {
      const d = await api<QuestionDetail>('POST', '/api/v1/questions', {
        title: title.value, text: text.value,
        tags: tags.value.split(',').map((s) => s.trim()).filter((s) => s.length > 0),
        sector: sector.value || null,
        challenge_id: from ? from.id : null,
      });
      navigate(`/questions/${d.id}?asked=1`);
    } catch (err) {
      // Asked meanwhile (another tab): say so and link to that question.
      const asked = err instanceof ApiError && err.reason === 'question.challenge_asked' ? err.params.question_id : undefined;
      status.replaceChildren(message('error', errorText(err, labels)),
        asked ? h('p', null, h('a', { href: `/questions/${asked}` }, t('questions.new.already.open'))) : '');
      submit.disabled = false;
    }
  });
  ctx.main.append(
    h('p', null, h('a', { href: '/questions' }, '← ' + t('questions.back'))),
    h('h1', null, t('questions.new.title')), h('p', { class: 'lead' }, t('questions.new.intro')), ...intro, status, form);
}
