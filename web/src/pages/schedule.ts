// A member's schedule at an event: slot, table, whom and why; the group tables
// per round; a print button (print style sheet) and a link to the printable
// page the server renders; afterwards: did the meeting happen, was it useful.
// Offline: my meetings and tables as last known, marked with their time (a
// language switch offline shows the reasons in the language they came in), or
// "not available offline" — never "no meetings" that is not true (last-known.ts).
import { api } from '../api';
import { me, type PageCtx } from '../app';
import { append, field, h } from '../dom';
import { show } from '../feedback';
import { getLang, t } from '../i18n';
import { freshness, inLang, known, lastKnown } from '../last-known';
import { clock, errorText, type EventInfo, type Items, type Meeting, type MyTable } from './event-common';

export default async function schedulePage(ctx: PageCtx): Promise<void> {
  const id = Number(ctx.params.id);
  const self = me().member.id;
  const body = h('div');
  ctx.main.append(body);

  const draw = async () => {
    const [ev, meetingsL, tablesL] = await Promise.all([
      api<EventInfo>('GET', `/api/v1/events/${id}`),
      // The reasons in the page's language (the server keeps both); the copy is kept whatever the language.
      lastKnown(`schedule:${id}:meetings`, api<Items<Meeting>>('GET', `/api/v1/events/${id}/schedule?lang=${getLang()}`)),
      lastKnown(`schedule:${id}:tables`, api<Items<MyTable>>('GET', `/api/v1/events/${id}/my-tables`)),
    ]);
    const meetings = known(meetingsL) ? meetingsL.value : null;
    const tables = known(tablesL) ? tablesL.value : null;
    ctx.setTitle(t('events.schedule.title'));
    const started = (m: Meeting) => Date.now() / 1000 >= m.starts_at;

    const feedback = (m: Meeting): Node | null => {
      const mine = m.a.id === self ? m.a : m.b;
      if (mine.happened !== null) return h('p', { class: 'sub' }, mine.happened ? t('events.schedule.feedback.given.yes') : t('events.schedule.feedback.given.no'));
      if (!started(m)) return null;
      const useful = h('select', null, h('option', { value: '0' }, t('events.schedule.feedback.useful.none')),
        [1, 2, 3, 4, 5].map((n) => h('option', { value: String(n) }, String(n))));
      const note = h('input', { type: 'text', maxlength: 1000 });
      // Which of my questions it helped with (issue #20): the suggestions then
      // learn from that question only; "none" teaches them nothing.
      const questions = me().member.challenges;
      const helped = questions.length ? h('select', null,
        h('option', { value: '' }, t('events.schedule.feedback.helped.unsaid')),
        questions.map((c) => h('option', { value: String(c.id) }, c.title)),
        h('option', { value: '0' }, t('events.schedule.feedback.helped.none'))) as HTMLSelectElement : null;
      const send = async (happened: boolean) => {
        try {
          await api('POST', `/api/v1/meetings/${m.id}/feedback`, {
            happened, usefulness: happened ? Number(useful.value) : 0, note: note.value,
            ...(happened && helped && helped.value !== '' ? { challenge_id: Number(helped.value) } : {}),
          });
          await draw();
          show('ok', t('events.schedule.feedback.saved'), document.querySelector(`#schedule li[data-meeting="${m.id}"] article`));
        } catch (e) { show('error', errorText(e), document.querySelector(`#schedule li[data-meeting="${m.id}"] article`)); }
      };
      return h('fieldset', { class: 'feedback no-print' },
        h('legend', null, t('events.schedule.feedback')),
        field(t('events.schedule.feedback.useful'), useful, t('events.schedule.feedback.useful.hint')),
        helped ? field(t('events.schedule.feedback.helped'), helped, t('events.schedule.feedback.helped.hint')) : null,
        field(t('events.schedule.feedback.note'), note),
        h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'btn btn-primary', onclick: () => send(true) }, t('events.schedule.feedback.yes')),
          h('button', { type: 'button', class: 'btn', onclick: () => send(false) }, t('events.schedule.feedback.no'))));
    };

    body.replaceChildren();
    append(body, [
      h('h1', null, t('events.schedule.title')),
      h('p', { class: 'lead' }, t('events.schedule.for', { event: ev.title })),
      h('div', { class: 'actions no-print' },
        h('button', { type: 'button', class: 'btn btn-primary', id: 'print', onclick: () => window.print() }, t('events.schedule.print')),
        h('a', { class: 'btn', href: `/api/v1/events/${id}/schedule/print?lang=${getLang()}`, target: '_blank', rel: 'noopener' }, t('events.schedule.print.page')),
        h('a', { class: 'btn btn-link', href: `/events/${id}` }, t('events.schedule.back'))),
      freshness([meetingsL, tablesL], 'schedule-state'),
      !meetings ? '' : meetings.items.length === 0 ? h('p', { id: 'schedule-empty' }, t('events.schedule.none')) : h('ol', { class: 'cards schedule', id: 'schedule' },
        meetings.items.map((m) => {
          const other = m.a.id === self ? m.b : m.a;
          return h('li', { 'data-meeting': m.id }, h('article', { class: 'card meeting' },
            h('h2', null, `${clock(m.starts_at)}–${clock(m.ends_at)} · ${t('events.schedule.table', { n: m.table })}`),
            h('p', null, h('strong', null, t('events.schedule.with') + ': '), other.name ? h('a', { href: `/members/${other.id}` }, other.name) : t('events.schedule.hidden')),
            m.why && h('p', { class: 'why' }, h('strong', null, t('events.schedule.why') + ': '), inLang(meetingsL, m.why)),
            feedback(m)));
        })),
      tables && tables.items.length > 0 && h('section', { class: 'card', 'aria-labelledby': 'h-tables', id: 'my-tables' },
        h('h2', { id: 'h-tables' }, t('events.schedule.tables')),
        h('ul', null, tables.items.map((tb) => h('li', null,
          h('strong', null, `${t('events.schedule.tables.round', { title: tb.title, n: tb.round })}: ${t('events.schedule.table', { n: tb.table })}`), ' ',
          tb.tablemates.length === 0 && !tb.hidden
            ? t('events.schedule.tables.alone')
            : t('events.schedule.tables.with', {
              names: [...tb.tablemates.map((p) => p.name), ...(tb.hidden ? [t('events.schedule.tables.others', { n: tb.hidden })] : [])].join(', '),
            }))))),
    ]);
  };
  await draw();
}
