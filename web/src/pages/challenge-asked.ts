// What became of one of my open challenges in the network: put to it already
// (a link to that question with its answer count), or "Ask the network"
// (question-new.ts, filled in from the challenge). The home page and my
// profile show the same link. Its strings are the member part's (home.*).
import type { Page } from '../api';
import { h } from '../dom';
import { plural, t } from '../i18n';
import { askedAbout } from './my-questions';
import type { Question } from './question-common';

export function challengeAction(myOpen: Page<Question>, c: { id: number; title: string }): HTMLElement {
  const asked = askedAbout(myOpen, c.id);
  if (asked) {
    const text = asked.answer_count === 0 ? t('home.challenges.asked.none')
      : plural(asked.answer_count, 'home.challenges.asked.one', 'home.challenges.asked.some');
    return h('a', { href: `/questions/${asked.id}`, class: 'asked', 'aria-label': t('home.challenges.asked.label', { text, title: c.title }) }, text);
  }
  return h('a', { href: `/questions/new?challenge=${c.id}`, 'aria-label': t('home.challenges.ask.label', { title: c.title }) },
    t('home.challenges.ask'));
}
