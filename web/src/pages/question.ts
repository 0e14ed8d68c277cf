// One question: text, tags, whom it was asked to and why (the asker sees all,
// a routed member their own reason), the answers, answering, and — for the
// asker — marking the helpful answer, then meeting the helper in person (at an
// event both attend, or a visit); when the question was asked about a
// challenge on their profile and is solved, closing that challenge too (it
// then stops driving the suggestions of whom to meet).
import { api, query, type Challenge, type Member } from '../api';
import { me, setMyChallenges, type PageCtx } from '../app';
import { append, field, h, message } from '../dom';
import { revealNext, show } from '../feedback';
import { formatDate, formatDateTime, t } from '../i18n';
import { firstShared, meetAtEvent, sharedEvents, type SharedEvent } from './meet-at-event';
import { errorText, reasonText, statusBadge, type Answer, type QuestionDetail } from './question-common';

export default async function questionPage(ctx: PageCtx): Promise<void> {
  const id = Number(ctx.params.id);
  const self = me().member.id;
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const body = h('div');
  const say = (kind: 'ok' | 'error', text: string) => status.replaceChildren(message(kind, text));
  ctx.main.append(h('p', null, h('a', { href: '/questions' }, '← ' + t('questions.back'))), body);
  if (ctx.query.get('asked')) say('ok', t('questions.asked'));

  const draw = async () => {
    const d = await api<QuestionDetail>('GET', `/api/v1/questions/${id}`);
    ctx.setTitle(d.title);
    const asker = d.asker.id === self;
    body.replaceChildren();
    append(body, [
      h('h1', { id: 'question-title' }, d.title),
      h('p', { class: 'meta' }, statusBadge(d.status),
        h('span', null, t('questions.by', { name: d.asker.name, date: formatDate(d.created_at) }))),
      d.tags.length > 0 && h('p', { class: 'tags' }, d.tags.map((tag) => h('span', { class: 'tag' }, tag))),
      d.text && h('div', { class: 'card question-text' }, d.text.split('\n').map((line) => h('p', null, line))),
      status,
    ]);
    if (asker) {
      body.append(h('section', { class: 'card', id: 'routed', 'aria-labelledby': 'routed-h' },
        h('h2', { id: 'routed-h' }, t('questions.routed.title')),
        d.routed_to.length === 0 ? h('p', null, t('questions.routed.none')) : [
          h('p', null, t('questions.routed.intro')),
          h('ol', { class: 'routed-list' }, d.routed_to.map((r) => h('li', null,
            h('a', { href: `/members/${r.member.id}` }, r.member.name), ' — ', h('span', { class: 'reason' }, reasonText(r))))),
        ]));
    } else if (d.routed_to_me && d.routed_to.length > 0) {
      body.append(h('p', { class: 'card', id: 'routed-you' }, t('questions.routed.you', { reason: reasonText(d.routed_to[0]) })));
    }
    const answerItem = (a: Answer) => h('li', null, h('article', { class: a.helpful ? 'card answer helpful' : 'card answer' },
      h('p', { class: 'meta' }, h('strong', null, a.author ? a.author.name : t('questions.answer.someone')),
        h('span', null, formatDateTime(a.created_at)),
        a.helpful && h('span', { class: 'badge ok' }, t('questions.answer.helpful'))),
      a.text.split('\n').map((line) => h('p', null, line)),
      asker && d.status === 'open' && h('div', { class: 'actions' }, h('button', {
        type: 'button', class: 'btn', onclick: async (ev: Event) => {
          (ev.currentTarget as HTMLButtonElement).disabled = true;
          try {
            await api('POST', `/api/v1/questions/${id}/helpful`, { answer_id: a.id });
            await draw();
            const line = show('ok', t('questions.answer.marked'), document.getElementById('helpful-status') ?? document.querySelector('#answers .answer.helpful'));
            // The next steps (meet the helper, close the challenge) in view, above the toast too.
            revealNext(line, document.getElementById('question-challenge') ?? document.getElementById('meet-helper'));
          } catch (err) { show('error', errorText(err), ev.target as Element); }
        },
      }, t('questions.answer.mark')))));
    body.append(h('section', { 'aria-labelledby': 'answers-h' },
      h('h2', { id: 'answers-h' }, t('questions.answers')),
      d.answers.length === 0 ? h('p', null, t('questions.answers.none')) : h('ul', { class: 'cards answers', id: 'answers' }, d.answers.map(answerItem))));
    // Below the answers, where marking the helpful one leaves the asker: meet the helper, close the challenge.
    // The thanks for marking goes here, right above the steps it leads to.
    if (asker && d.status === 'solved') body.append(h('div', { 'data-status': '', id: 'helpful-status' }));
    const helper = asker && d.status === 'solved' ? d.answers.find((a) => a.helpful)?.author : null;
    if (helper && helper.id !== self) {
      // Their profile as the asker may see it (hidden: no box); an event both attend, and whether
      // they welcome visits, decide the steps.
      const [m, shared] = await Promise.all([api<Member>('GET', `/api/v1/members/${helper.id}`).catch(() => null),
        sharedEvents(helper.id).catch(() => [])]);
      if (m) body.append(meetBox(m, d.title, firstShared(shared)));
    }
    const challenge = asker && d.challenge_id ? me().member.challenges.find((c) => c.id === d.challenge_id) : undefined;
    if (challenge) body.append(challengeBox(challenge, d.status === 'solved'));
    if (!asker) {
      const text = h('textarea', { id: 'answer-text', name: 'text', rows: 4, required: true, maxlength: 4000 });
      const send = h('button', { type: 'submit', class: 'btn btn-primary' }, t('questions.answer.submit'));
      const form = h('form', { class: 'form card', id: 'answer-form' }, field(t('questions.answer.field'), text), send);
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        send.disabled = true;
        try {
          await api('POST', `/api/v1/questions/${id}/answers`, { text: text.value });
          await draw();
          show('ok', t('questions.answer.sent'), document.querySelector('#answers > li:last-child article'));
        } catch (err) {
          show('error', errorText(err, { text: t('questions.answer.field') }), send);
          send.disabled = false;
        }
      });
      body.append(form);
    }
  };
  // Online help is a start: the next step is meeting in person — at an event both attend (a meeting
  // request there), or a visit where they welcome one; else their profile.
  const meetBox = (m: Member, title: string, ev: SharedEvent | undefined): HTMLElement => {
    const where = { name: m.name, where: m.visit_location };
    const visit = () => h('div', { class: 'actions' }, h('a', {
      class: ev ? 'btn' : 'btn btn-primary', href: `/visits${query({ host: m.id, reason: t('questions.meet.visit.reason', { title }) })}`, id: 'meet-visit',
    }, t('questions.meet.visit.ask', { name: m.name })));
    if (ev) {
      return h('div', { class: 'card', id: 'meet-helper' },
        h('p', null, t('questions.meet.event', { name: m.name })),
        meetAtEvent(m, ev, self, t('questions.meet.event.message', { title })),
        m.hosts_visits && [h('p', null, t(m.visit_location ? 'questions.meet.visit.also.where' : 'questions.meet.visit.also', where)), visit()]);
    }
    return h('div', { class: 'card', id: 'meet-helper' }, m.hosts_visits
      ? [h('p', null, t(m.visit_location ? 'questions.meet.visit.where' : 'questions.meet.visit', where)), visit()]
      : [h('p', null, t('questions.meet', { name: m.name })),
        h('p', null, h('a', { href: `/members/${m.id}`, id: 'meet-profile' }, t('questions.meet.profile', { name: m.name })))]);
  };
  // The challenge the question is about; once solved, one tap closes it on the profile as well.
  const challengeBox = (c: Challenge, solved: boolean): HTMLElement => {
    const box = h('div', { class: 'card', id: 'question-challenge' }, h('p', null, t('questions.challenge', { title: c.title })));
    if (solved && c.status === 'open') {
      const close = h('button', { type: 'button', class: 'btn btn-primary', id: 'close-challenge' }, t('questions.challenge.solve', { title: c.title }));
      close.addEventListener('click', async () => {
        close.disabled = true;
        try {
          const u = await api<Challenge>('PATCH', `/api/v1/challenges/${c.id}`, { status: 'solved' });
          setMyChallenges(me().member.challenges.map((x) => (x.id === u.id ? u : x)));
          box.replaceChildren(h('p', null, t('questions.challenge', { title: c.title })), message('ok', t('questions.challenge.solved')));
        } catch (err) {
          show('error', errorText(err), close);
          close.disabled = false;
        }
      });
      box.append(h('p', { class: 'hint' }, t('questions.challenge.solve.hint')), h('div', { class: 'actions' }, close));
    }
    return box;
  };
  try {
    await draw();
  } catch (e) {
    ctx.setTitle(t('error.notfound'));
    body.append(h('h1', null, t('error.notfound')), message('error', errorText(e)));
  }
}
