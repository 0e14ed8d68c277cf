// Learned from meetings (organizers): the topic links the "Whom to meet"
// suggestions learned from meetings members rated 4 or 5 — a question about
// one topic, knowledge of the other — each with the number of meetings behind
// it, a search, and a switch to turn an odd link off (or on again). Never who
// met whom. Data: GET/PUT /api/v1/matchmaking/learned-links
// (src/events/learned_links.h).
import { api } from '../api';
import type { PageCtx } from '../app';
import { field, h } from '../dom';
import { errorText, show } from '../feedback';
import { formatNumber, getLang, plural, t } from '../i18n';

export interface LearnedLink {
  challenge_concept: string; expertise_concept: string; challenge_label: string; expertise_label: string;
  meetings: number; on: boolean;
}
interface LearnedPage { meetings: number; total: number; links: LearnedLink[]; switched_off: LearnedLink[] }

const LIMIT = 100;

export default async function leaderLearned(ctx: PageCtx): Promise<void> {
  ctx.setTitle(t('leader.learned.title'));
  const query = h('input', { id: 'll-q', name: 'q', type: 'search', autocomplete: 'off' }) as HTMLInputElement;
  const form = h('form', { class: 'search-row', role: 'search' },
    field(t('leader.learned.search'), query), h('button', { type: 'submit', class: 'btn' }, t('leader.learned.search.button')));
  const summary = h('p', { 'data-testid': 'learned-summary' });
  const inUse = h('section', { 'aria-labelledby': 'll-links' });
  const off = h('section', { class: 'card', 'aria-labelledby': 'll-off' });

  const meetingsLine = (l: LearnedLink) => l.meetings
    ? plural(l.meetings, 'leader.learned.meetings.one', 'leader.learned.meetings.many')
    : t('leader.learned.meetings.none');

  function row(l: LearnedLink): HTMLElement {
    const a = l.challenge_label, b = l.expertise_label;
    const button = h('button', {
      type: 'button', class: l.on ? 'btn' : 'btn btn-primary',
      'aria-label': t(l.on ? 'leader.learned.off.label' : 'leader.learned.on.label', { a, b }),
    }, t(l.on ? 'leader.learned.off' : 'leader.learned.on'));
    const li = h('li', { class: 'member-card learned', 'data-challenge': l.challenge_concept, 'data-expertise': l.expertise_concept },
      h('div', { class: 'member-card-body' },
        h('p', { class: 'learned-pair' }, t('leader.learned.question'), ' ', h('strong', null, a), ' ↔ ',
          t('leader.learned.knowledge'), ' ', h('strong', null, b)),
        h('p', { class: 'sub' }, meetingsLine(l)),
        h('div', { class: 'actions' }, button)));
    button.addEventListener('click', async () => {
      button.setAttribute('disabled', '');
      try {
        await api('PUT', '/api/v1/matchmaking/learned-links',
          { challenge_concept: l.challenge_concept, expertise_concept: l.expertise_concept, on: !l.on });
        await load();
        // The link moved to the other list: the word goes where it now stands.
        const moved = (l.on ? off : inUse).querySelector(
          `li[data-challenge="${CSS.escape(l.challenge_concept)}"][data-expertise="${CSS.escape(l.expertise_concept)}"]`);
        show('ok', t(l.on ? 'leader.learned.off.done' : 'leader.learned.on.done', { a, b }),
          moved?.querySelector('button') ?? (l.on ? off : inUse));
      } catch (e) {
        button.removeAttribute('disabled');
        show('error', errorText(e), button);
      }
    });
    return li;
  }

  async function load(): Promise<void> {
    const q = query.value.trim();
    const page = await api<LearnedPage>('GET',
      `/api/v1/matchmaking/learned-links?lang=${getLang()}&limit=${LIMIT}${q ? `&q=${encodeURIComponent(q)}` : ''}`);
    summary.replaceChildren(page.meetings
      ? `${plural(page.meetings, 'leader.learned.summary.one', 'leader.learned.summary.many')} ${plural(page.total, 'leader.learned.links.one', 'leader.learned.links.many')}`
      : t('leader.learned.none'));
    if (q && !page.links.length) summary.append(' ', t('leader.learned.search.none', { q }));
    const list = page.links.length ? h('ul', { class: 'cards learned-list' }, page.links.map(row)) : null;
    inUse.replaceChildren(
      h('h2', { id: 'll-links', class: 'visually-hidden' }, t('leader.learned.title')),
      ...(list ? [list] : []),
      ...(page.total > page.links.length
        ? [h('p', { class: 'hint' }, t('leader.learned.shown', { n: formatNumber(page.links.length), total: formatNumber(page.total) }))]
        : []));
    off.replaceChildren(
      h('h2', { id: 'll-off' }, t('leader.learned.off.title')),
      h('p', null, t('leader.learned.off.text')),
      page.switched_off.length
        ? h('ul', { class: 'cards learned-list' }, page.switched_off.map(row))
        : h('p', { 'data-testid': 'learned-off-none' }, t('leader.learned.off.none')));
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await load();
    } catch (e) {
      show('error', errorText(e), form);
    }
  });
  await load();
  ctx.main.append(
    h('h1', null, t('leader.learned.title')),
    h('p', { class: 'lead' }, t('leader.learned.intro')),
    h('section', { class: 'card' }, form),
    summary,
    inUse,
    off);
}
