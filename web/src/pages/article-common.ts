// Shapes of the articles API and pieces the article and newsletter pages share:
// the status badge, error texts, and the reader for an article's HTML.
import { errorText as feedbackErrorText } from '../feedback';
import { h } from '../dom';
import { safeHtml } from '../safe-html';
import { t, type Key } from '../i18n';

export type ArticleStatus = 'draft' | 'submitted' | 'published';
export interface Article {
  id: number; author_id: number | null; author_name: string; title: string; summary: string; body: string;
  body_html: string; tags: string[]; language: 'nl' | 'en'; status: ArticleStatus; published_at: number | null;
  created_at: number; updated_at: number;
}

export function articleStatusBadge(status: ArticleStatus): HTMLElement {
  return h('span', { class: status === 'published' ? 'badge ok' : 'badge' }, t(`newsletter.status.${status}` as Key));
}

// An error in the UI's language, with the field it is about in the page's terms
// (feedback.ts errorText: the one place errors become words).
export function errorText(e: unknown, labels: Record<string, string> = {}): string {
  return feedbackErrorText(e, labels);
}

// An article's body (server-rendered Markdown), read safely.
export function articleBody(html: string): HTMLElement {
  return safeHtml(html);
}
